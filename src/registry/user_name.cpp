#include "registry/user_name.h"

#include <unicode/normalizer2.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <memory>

#include "base/error.h"

namespace saraban::registry {
namespace {

constexpr int kMaxNameChars = 32;

[[noreturn]] void refuse(const std::string& why, std::string_view name) {
  throw Error(ErrorCode::InvalidInput, why + "; " + std::string(kUserNameRule), std::string(name));
}

bool ascii_letter(UChar32 c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_digit(UChar32 c) { return c >= '0' && c <= '9'; }
bool punctuation(UChar32 c) { return c == '.' || c == '_' || c == '-'; }
// Thai letters, vowels, tone marks and digits (U+0E01-U+0E3A, U+0E40-U+0E4E, U+0E50-U+0E59).
bool thai(UChar32 c) { return (c >= 0x0E01 && c <= 0x0E3A) || (c >= 0x0E40 && c <= 0x0E4E) || (c >= 0x0E50 && c <= 0x0E59); }
// A Thai consonant or a leading vowel (เ แ โ ใ ไ): what a Thai word starts with.
bool thai_start(UChar32 c) { return (c >= 0x0E01 && c <= 0x0E2E) || (c >= 0x0E40 && c <= 0x0E44); }
// Thai marks drawn above or below the consonant before them.
bool thai_mark(UChar32 c) { return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E); }

std::vector<UChar32> code_points(std::string_view name) {
  std::vector<UChar32> out;
  std::int32_t i = 0, n = static_cast<std::int32_t>(name.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(name.data(), i, n, c);
    if (c < 0) refuse("it is not valid UTF-8", name);
    out.push_back(c);
  }
  return out;
}

std::string describe(UChar32 c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

void check_characters(const std::vector<UChar32>& cps, std::string_view name) {
  bool latin = false, thai_script = false;
  UChar32 prev = 0;
  for (UChar32 c : cps) {
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) refuse("it holds a control character (" + describe(c) + ")", name);
    if (c == ' ' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200F))
      refuse("it holds a space or an invisible character (" + describe(c) + ")", name);
    if (ascii_letter(c)) latin = true;
    else if (thai(c)) thai_script = true;
    else if (!ascii_digit(c) && !punctuation(c))
      refuse("it holds " + describe(c) + ", a character outside Latin and Thai letters, digits and . _ -", name);
    // ํ + า looks exactly like ำ (U+0E33); a repeated mark looks like one.
    if (prev == 0x0E4D && c == 0x0E32) refuse("it spells sara am as U+0E4D U+0E32; type U+0E33 (ำ)", name);
    if (thai_mark(c) && c == prev) refuse("it repeats the mark " + describe(c), name);
    prev = c;
  }
  if (latin && thai_script) refuse("it mixes Latin and Thai letters", name);
  UChar32 first = cps.front();
  if (latin && !ascii_letter(first)) refuse("a Latin name starts with a letter", name);
  if (thai_script && !thai_start(first)) refuse("a Thai name starts with a Thai consonant or leading vowel", name);
  if (!latin && !thai_script) refuse("it has no letter", name);
}

void check_nfc(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw Error(ErrorCode::Internal, "ICU has no NFC normalizer", u_errorName(status));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<std::int32_t>(name.size())));
  if (!nfc->isNormalized(u, status) || U_FAILURE(status))
    refuse("it is not in NFC (a Thai vowel typed after its tone mark looks the same but is stored differently)", name);
}

struct SpoofCloser {
  void operator()(USpoofChecker* s) const noexcept { uspoof_close(s); }
};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

}  // namespace

void check_user_name(std::string_view name) {
  if (name.empty()) refuse("it is empty", name);
  auto cps = code_points(name);
  if (static_cast<int>(cps.size()) > kMaxNameChars) refuse("it is longer than 32 characters", name);
  check_characters(cps, name);
  check_nfc(name);
}

void check_not_confusable(std::string_view name, const std::vector<std::string>& existing) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<USpoofChecker, SpoofCloser> sc(uspoof_open(&status));
  if (U_FAILURE(status)) throw Error(ErrorCode::Internal, "ICU spoof checker unavailable", u_errorName(status));
  // Case is folded around the skeleton: "Admin" and "n0sy" read as "admin" and "nosy" to anyone
  // scanning a log (ICU's skeleton maps 0 to O and rn to m, but keeps case).
  auto key = [&](std::string_view s) {
    std::string folded = lower_ascii(s);
    UErrorCode st = U_ZERO_ERROR;
    std::string out(folded.size() * 4 + 16, '\0');
    int32_t n = uspoof_getSkeletonUTF8(sc.get(), 0, folded.data(), static_cast<int32_t>(folded.size()), out.data(),
                                       static_cast<int32_t>(out.size()), &st);
    if (st == U_BUFFER_OVERFLOW_ERROR) {
      out.assign(static_cast<std::size_t>(n) + 1, '\0');
      st = U_ZERO_ERROR;
      n = uspoof_getSkeletonUTF8(sc.get(), 0, folded.data(), static_cast<int32_t>(folded.size()), out.data(),
                                 static_cast<int32_t>(out.size()), &st);
    }
    if (U_FAILURE(st)) throw Error(ErrorCode::Internal, "ICU spoof check failed", u_errorName(st));
    out.resize(static_cast<std::size_t>(n));
    return lower_ascii(out);
  };
  std::string mine = key(name);
  for (const auto& other : existing)
    if (key(other) == mine)
      throw Error(ErrorCode::InvalidInput,
                  "it looks like the existing user '" + other + "'; pick a name that cannot be mistaken for it",
                  std::string(name));
}

void check_login_name(std::string_view login) {
  bool ok = !login.empty() && login.size() <= 32 && login.front() != '-';
  for (char ch : login) {
    auto c = static_cast<unsigned char>(ch);
    if (!(ascii_letter(c) || ascii_digit(c) || punctuation(c))) ok = false;
  }
  if (!ok)
    throw Error(ErrorCode::InvalidInput,
                "an OS account name is 1-32 characters of Latin letters, digits and . _ - (not starting with -)",
                std::string(login));
}

}  // namespace saraban::registry
