#include "text/cleanup.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "base/error.h"
#include "text/thai_chars.h"
#include "text/utf8.h"

namespace saraban::text {
namespace {

// A code point with the byte offset it came from, so every warning names the input as given.
struct Placed {
  char32_t cp;
  std::size_t offset;
};

std::vector<Placed> decode_with_lf(std::string_view utf8) {
  std::vector<Placed> out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(utf8, i);
    if (cp == U'\r' && i < utf8.size() && utf8[i] == '\n') continue;  // CRLF -> LF
    out.push_back({cp, at});
  }
  return out;
}

// The Thai typing mistakes that look right on screen but differ in the text.
std::vector<Placed> fix_thai(const std::vector<Placed>& in, std::vector<CleanupWarning>& warnings) {
  std::vector<Placed> out;
  out.reserve(in.size());
  const auto at = [&](std::size_t i) { return i < in.size() ? in[i].cp : char32_t{0}; };
  for (std::size_t i = 0; i < in.size();) {
    const Placed p = in[i];
    if (thai::is_combining_mark(p.cp) && !out.empty() && out.back().cp == p.cp) {
      warnings.push_back({p.offset, "mark typed twice in a row; kept once"});
      ++i;
    } else if (thai::is_tone_mark(p.cp) && thai::is_upper_or_lower_vowel(at(i + 1))) {
      warnings.push_back({p.offset, "tone mark typed before an upper or lower vowel; moved after it"});
      out.push_back({in[i + 1].cp, in[i + 1].offset});
      out.push_back(p);
      i += 2;
    } else if (p.cp == thai::kNikhahit && at(i + 1) == thai::kSaraAa) {
      warnings.push_back({p.offset, "NIKHAHIT + SARA AA typed for SARA AM"});
      out.push_back({thai::kSaraAm, p.offset});
      i += 2;
    } else if (p.cp == thai::kNikhahit && thai::is_tone_mark(at(i + 1)) &&
               at(i + 2) == thai::kSaraAa) {
      warnings.push_back({p.offset, "NIKHAHIT + tone mark + SARA AA typed for tone mark + SARA AM"});
      out.push_back(in[i + 1]);
      out.push_back({thai::kSaraAm, p.offset});
      i += 3;
    } else {
      out.push_back(p);
      ++i;
    }
  }
  return out;
}

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || n == nullptr) {
    throw Error(ErrorCode::Internal, "ICU NFC normaliser unavailable", u_errorName(status));
  }
  return *n;
}

// NFC segment by segment (split where the normaliser says a boundary is safe), so a
// change can be reported at the offset where its segment began.
std::string to_nfc(const std::vector<Placed>& cps, std::vector<CleanupWarning>& warnings) {
  const icu::Normalizer2& n = nfc();
  std::string out;
  out.reserve(cps.size() * 3);
  for (std::size_t begin = 0; begin < cps.size();) {
    std::size_t end = begin + 1;
    while (end < cps.size() && !n.hasBoundaryBefore(static_cast<UChar32>(cps[end].cp))) ++end;
    icu::UnicodeString segment;
    for (std::size_t k = begin; k < end; ++k) segment.append(static_cast<UChar32>(cps[k].cp));
    UErrorCode status = U_ZERO_ERROR;
    if (n.isNormalized(segment, status)) {
      segment.toUTF8String(out);
    } else {
      status = U_ZERO_ERROR;
      icu::UnicodeString normalised = n.normalize(segment, status);
      if (U_FAILURE(status)) {
        throw Error(ErrorCode::Internal, "NFC normalisation failed", u_errorName(status));
      }
      warnings.push_back({cps[begin].offset, "not in Unicode NFC; normalised"});
      normalised.toUTF8String(out);
    }
    begin = end;
  }
  return out;
}

}  // namespace

CleanText clean_text(std::string_view utf8) {
  validate_utf8(utf8);
  // Thai fixes come before NFC: canonical ordering would otherwise move a tone mark after a
  // lower vowel silently, and every fix must be reported.
  CleanText result;
  const std::vector<Placed> fixed = fix_thai(decode_with_lf(utf8), result.warnings);
  std::vector<CleanupWarning> nfc_warnings;
  result.text = to_nfc(fixed, nfc_warnings);
  result.warnings.insert(result.warnings.end(), nfc_warnings.begin(), nfc_warnings.end());
  std::stable_sort(result.warnings.begin(), result.warnings.end(),
                   [](const CleanupWarning& a, const CleanupWarning& b) {
                     return a.byte_offset < b.byte_offset;
                   });
  return result;
}

}  // namespace saraban::text
