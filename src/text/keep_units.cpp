#include "text/keep_units.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <string>

#include "base/error.h"
#include "text/icu_handles.h"
#include "text/utf8.h"

namespace saraban::text {
namespace {

// The pattern pieces. Thai and Arabic digits are equally accepted: offices use both.
constexpr std::string_view kDigit = "[0-9\\u0E50-\\u0E59]";
constexpr std::string_view kSpace = "[\\u0020\\u00A0]";
// A Thai letter or mark, not a digit, ฯ or ๆ: what a given name or surname is made of.
constexpr std::string_view kThaiLetter = "[\\u0E01-\\u0E2E\\u0E30-\\u0E3A\\u0E40-\\u0E45\\u0E47-\\u0E4E]";

const std::vector<std::string_view> kMonths = {
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
    "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.",
    "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};

const std::vector<std::string_view> kEras = {"พ.ศ.", "ค.ศ."};

// Titles that stand before a given name and surname (civil, academic, military, police).
const std::vector<std::string_view> kTitles = {
    "นาย", "นาง", "นางสาว", "น.ส.", "ดร.", "เด็กชาย", "เด็กหญิง", "ด.ช.", "ด.ญ.",
    "ศาสตราจารย์", "รองศาสตราจารย์", "ผู้ช่วยศาสตราจารย์", "ศ.", "รศ.", "ผศ.",
    "ว่าที่ร้อยตรี", "ว่าที่ร้อยโท", "ว่าที่ร้อยเอก", "ว่าที่ ร.ต.", "ว่าที่ร.ต.",
    "พลเอก", "พลโท", "พลตรี", "พันเอก", "พันโท", "พันตรี", "ร้อยเอก", "ร้อยโท", "ร้อยตรี",
    "พล.อ.", "พล.ท.", "พล.ต.", "พ.อ.", "พ.ท.", "พ.ต.", "ร.อ.", "ร.ท.", "ร.ต.",
    "พลตำรวจเอก", "พลตำรวจโท", "พลตำรวจตรี", "พันตำรวจเอก", "พันตำรวจโท", "พันตำรวจตรี",
    "ร้อยตำรวจเอก", "ร้อยตำรวจโท", "ร้อยตำรวจตรี", "พ.ต.อ.", "พ.ต.ท.", "พ.ต.ต.", "ร.ต.อ.",
    "ร.ต.ท.", "ร.ต.ต.", "จ่าสิบเอก", "จ.ส.อ.", "สิบเอก", "ส.อ."};

// Words that begin with a title but are not a person (นายกรัฐมนตรี, นายทะเบียน, นางพยาบาล):
// what follows the title must not start with one of these.
const std::vector<std::string_view> kNotAName = {
    "ก", "อำเภอ", "ทะเบียน", "จ้าง", "ช่าง", "ตรวจ", "ทหาร", "ประกัน", "หน้า", "งาน", "ด่าน",
    "สิบ", "ร้อย", "พัน", "พล", "ตำรวจ", "พยาบาล", "ฟ้า", "แบบ", "ทุน", "หน้าที่", "ความ"};

// Units of count, money, time and measure that follow an amount. Words that also read as
// "of", "after", "which" (แห่ง, หลัง, อัน) after a number are left out: มาตรา ๓๓ แห่ง… is no amount.
const std::vector<std::string_view> kAmountUnits = {
    "บาท", "ล้านบาท", "สตางค์", "ชุด", "เล่ม", "คน", "ราย", "รายการ", "ฉบับ", "แผ่น", "เครื่อง",
    "หน่วย", "ชิ้น", "โครงการ", "ครั้ง", "วัน", "เดือน", "ปี", "ชั่วโมง", "นาที", "สัปดาห์", "ไร่",
    "ตารางวา", "ตารางเมตร", "กิโลเมตร", "เมตร", "เซนติเมตร", "กิโลกรัม", "กรัม", "ลิตร",
    "เปอร์เซ็นต์", "%", "คัน", "กล่อง", "รีม", "ด้าม", "ห้อง", "อัตรา", "ตำแหน่ง"};

// Legal and rule references: the word and its number (มาตรา ๓๓, ข้อ ๕ (๓), วรรคสอง).
// เขต with its number names an area office (… ประถมศึกษาเชียงใหม่ เขต ๕): one unit too.
const std::vector<std::string_view> kClauseWords = {"มาตรา", "อนุมาตรา", "ข้อ", "วรรคที่", "วรรค", "เขต",
                                                    "หมวด", "ส่วนที่"};
const std::vector<std::string_view> kOrdinalWords = {"หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด",
                                                     "เก้า", "สิบ"};

// `words` as an alternation, longest first (ICU takes the first alternative that matches, so
// นางสาว must be tried before นาง), with regex syntax characters escaped.
std::string alternation(std::vector<std::string_view> words) {
  std::sort(words.begin(), words.end(), [](std::string_view a, std::string_view b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string out = "(?:";
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) out += '|';
    for (char c : words[i]) {
      if (std::string_view(".()[]{}*+?|^$\\/%-").find(c) != std::string_view::npos) out += '\\';
      out += c;
    }
  }
  return out + ")";
}

std::string cat(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (std::string_view p : parts) s += p;
  return s;
}

struct KindPattern {
  UnitKind kind;
  std::string regex;
};

// Kinds that cannot match without a digit: skipped on paragraphs that have none.
bool needs_digit(UnitKind kind) { return kind != UnitKind::TitledName && kind != UnitKind::LegalClause; }

bool has_digit(std::string_view s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i)  // Thai digits: E0 B9 90..99
    if (s[i] == '\xE0' && s[i + 1] == '\xB9' && static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
        static_cast<unsigned char>(s[i + 2]) <= 0x99)
      return true;
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// One pattern per kind. `S` is one or more spaces, `D` a digit of either script.
std::vector<KindPattern> unit_patterns() {
  const std::string D(kDigit), S = cat({kSpace, "+"}), Sopt = cat({kSpace, "*"}), L(kThaiLetter);
  const std::string number = cat({D, "{1,3}(?:,", D, "{3})+(?:\\.", D, "+)?|", D, "+(?:\\.", D, "+)?"});
  const std::string era = alternation(kEras);
  const std::string month = alternation(kMonths);
  const std::string year = cat({"(?:", era, Sopt, ")?", D, "{2}(?:", D, "{2})?"});
  const std::string clock = cat({D, "{1,2}[.:]", D, "{2}"});
  return {
      // The Thai office code (2-3 consonants, not the tail of a word), its number, a slash,
      // an optional ว (a circular letter) and the letter's number; "ที่ " before it joins it.
      {UnitKind::Reference,
       cat({"(?<![\\u0E01-\\u0E5B])(?:ที่", S, ")?[\\u0E01-\\u0E2E]{2,3}", Sopt, D, "{2,}(?:\\.", D, "+)*/",
            "(?:ว", Sopt, ")?", D, "+"})},
      {UnitKind::Date, cat({"(?<!", D, ")", D, "{1,2}", Sopt, month, "(?:", Sopt, year, ")?|", month, Sopt,
                            "(?:", era, Sopt, ")?", D, "{4}"})},
      {UnitKind::EraYear, cat({era, Sopt, D, "{4}"})},
      {UnitKind::TitledName, cat({alternation(kTitles), kSpace, "?(?!", alternation(kNotAName), ")", L,
                                  "{2,30}", S, L, "{2,30}"})},
      {UnitKind::Time, cat({"(?<!", D, ")", clock, "(?:", Sopt, "[-\\u2013\\u2014]", Sopt, clock, ")?", Sopt,
                            "(?:นาฬิกา|น\\.)"})},
      {UnitKind::LegalClause, cat({alternation(kClauseWords), Sopt, "(?:", D, "+(?:/", D, "+)?(?:", Sopt, "\\(",
                                   D, "+\\))?|\\(", D, "+\\)|", alternation(kOrdinalWords), ")"})},
      {UnitKind::Amount, cat({"(?<![0-9\\u0E50-\\u0E59,.])(?:", number, ")(?:\\.-)?", Sopt, alternation(kAmountUnits)})},
      // A phone number starts with 0: ๐ ๒๒๘๘ ๕๕๕๕, 081-234-5678, with an optional extension.
      {UnitKind::Phone, cat({"(?<![0-9\\u0E50-\\u0E59])[0\\u0E50]", D, "{0,2}(?:[\\u0020\\-]", D, "{3,4}){2}(?:",
                             S, "ต่อ", Sopt, D, "{1,5})?"})},
  };
}

struct RegexPatternDeleter {
  void operator()(icu::RegexPattern* p) const { delete p; }
};

}  // namespace

std::string_view unit_kind_name(UnitKind kind) {
  switch (kind) {
    case UnitKind::Reference: return "reference";
    case UnitKind::Date: return "date";
    case UnitKind::EraYear: return "era year";
    case UnitKind::TitledName: return "titled name";
    case UnitKind::Time: return "time";
    case UnitKind::LegalClause: return "legal clause";
    case UnitKind::Amount: return "amount";
    case UnitKind::Phone: return "phone";
  }
  return "unit";
}

struct KeepUnits::Impl {
  struct Compiled {
    UnitKind kind;
    std::unique_ptr<icu::RegexPattern, RegexPatternDeleter> pattern;
  };
  std::vector<Compiled> patterns;
};

KeepUnits::KeepUnits() : impl_(std::make_unique<Impl>()) {
  for (KindPattern& kp : unit_patterns()) {
    UParseError where{};
    UErrorCode status = U_ZERO_ERROR;
    icu::RegexPattern* p =
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(kp.regex), 0, where, status);
    if (U_FAILURE(status)) {
      delete p;
      throw Error(ErrorCode::Internal, "keep-together unit pattern does not compile",
                  std::string(unit_kind_name(kp.kind)) + " at offset " + std::to_string(where.offset) + ": " +
                      u_errorName(status));
    }
    impl_->patterns.push_back({kp.kind, std::unique_ptr<icu::RegexPattern, RegexPatternDeleter>(p)});
  }
}

KeepUnits::~KeepUnits() = default;

std::vector<UnitSpan> KeepUnits::occurrences(std::string_view paragraph) const {
  std::vector<UnitSpan> found;
  if (paragraph.empty()) return found;
  // ICU's regex runs several times faster over UTF-16 than over a UTF-8 UText: convert once,
  // keeping each UTF-16 index's byte offset.
  icu::UnicodeString text;
  std::vector<std::size_t> byte_at;
  for (std::size_t i = 0; i < paragraph.size();) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(paragraph, i);
    text.append(static_cast<UChar32>(cp));
    byte_at.resize(static_cast<std::size_t>(text.length()), at);
  }
  byte_at.push_back(paragraph.size());
  const bool digits = has_digit(paragraph);
  for (const Impl::Compiled& c : impl_->patterns) {
    if (!digits && needs_digit(c.kind)) continue;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> m(c.pattern->matcher(text, status));
    check_icu(status, "ICU cannot make a regex matcher");
    while (m->find(status)) {
      check_icu(status, "ICU regex search failed");
      const auto b = static_cast<std::size_t>(m->start(status));
      const auto e = static_cast<std::size_t>(m->end(status));
      check_icu(status, "ICU regex match has no bounds");
      if (e > b) found.push_back({byte_at[b], byte_at[e], c.kind});
    }
    check_icu(status, "ICU regex search failed");
  }
  // Sorted by begin (longest first at a tie, then by kind so the order never depends on the
  // pattern list's), overlapping ones merged.
  std::sort(found.begin(), found.end(), [](const UnitSpan& a, const UnitSpan& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.kind < b.kind;
  });
  std::vector<UnitSpan> out;
  for (const UnitSpan& u : found) {
    if (!out.empty() && u.begin < out.back().end) {
      out.back().end = std::max(out.back().end, u.end);
      continue;
    }
    out.push_back(u);
  }
  return out;
}

}  // namespace saraban::text
