#include "text/thai_numbers.h"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/error.h"
#include "text/thai_chars.h"
#include "text/utf8.h"

namespace saraban::text {
namespace {

constexpr std::array<const char*, 10> kDigitWords = {
    "ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"};
// Place names below a million, from the units up; a million starts the next group.
constexpr std::array<const char*, 6> kPlaceWords = {"", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน"};

constexpr std::array<const char*, 12> kMonthsFull = {
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"};
constexpr std::array<const char*, 12> kMonthsShort = {
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};

// One group below a million. `has_higher` says a larger group precedes it, which makes a
// trailing 1 "เอ็ด" even when the group itself is just 1 (1,000,001 หนึ่งล้านเอ็ด).
std::string group_words(std::int64_t group, bool has_higher) {
  std::string out;
  const bool trailing_one_is_et = group > 9 || has_higher;
  for (int place = 5; place >= 0; --place) {
    std::int64_t divisor = 1;
    for (int k = 0; k < place; ++k) divisor *= 10;
    const auto digit = static_cast<int>((group / divisor) % 10);
    if (digit == 0) continue;
    if (place == 1) {
      if (digit == 2) {
        out += "ยี่";
      } else if (digit != 1) {
        out += kDigitWords[static_cast<std::size_t>(digit)];
      }
      out += "สิบ";
    } else if (place == 0 && digit == 1 && trailing_one_is_et) {
      out += "เอ็ด";
    } else {
      out += kDigitWords[static_cast<std::size_t>(digit)];
      out += kPlaceWords[static_cast<std::size_t>(place)];
    }
  }
  return out;
}

std::string positive_words(std::int64_t value, bool has_higher) {
  constexpr std::int64_t kMillion = 1'000'000;
  if (value >= kMillion) {
    std::string out = positive_words(value / kMillion, has_higher) + "ล้าน";
    return out + group_words(value % kMillion, true);
  }
  return group_words(value, has_higher);
}

int ascii_or_thai_digit(char32_t cp) {
  if (cp >= U'0' && cp <= U'9') return static_cast<int>(cp - U'0');
  if (thai::is_thai_digit(cp)) return static_cast<int>(cp - 0x0E50);
  return -1;
}

[[noreturn]] void bad_amount(std::string_view amount, const char* why) {
  throw Error(ErrorCode::InvalidInput, std::string("malformed amount: ") + why,
              std::string(amount));
}

std::string two_digits(int n) {
  std::string s = std::to_string(n % 100);
  return s.size() < 2 ? "0" + s : s;
}

}  // namespace

std::string convert_digits(std::string_view utf8, DigitStyle style) {
  std::string out;
  out.reserve(utf8.size() * 3);
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = next_code_point(utf8, i);
    if (style == DigitStyle::Thai && cp >= U'0' && cp <= U'9') {
      append_utf8(out, 0x0E50 + (cp - U'0'));
    } else if (style == DigitStyle::Arabic && thai::is_thai_digit(cp)) {
      out += static_cast<char>('0' + (cp - 0x0E50));
    } else {
      append_utf8(out, cp);
    }
  }
  return out;
}

std::string format_integer(std::int64_t value, DigitStyle style, bool group_thousands) {
  const bool negative = value < 0;
  // Through unsigned so INT64_MIN has a magnitude.
  std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(value)
                                     : static_cast<std::uint64_t>(value);
  std::string digits = std::to_string(magnitude);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (group_thousands && i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  if (negative) grouped.insert(grouped.begin(), '-');
  return style == DigitStyle::Thai ? convert_digits(grouped, DigitStyle::Thai) : grouped;
}

bool is_valid_date(CivilDate d) {
  if (d.year < 1 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  const int days = kDays[static_cast<std::size_t>(d.month - 1)] + (d.month == 2 && leap ? 1 : 0);
  return d.day <= days;
}

CivilDate parse_iso_date(std::string_view iso) {
  const auto fail = [&](const char* why) -> CivilDate {
    throw Error(ErrorCode::InvalidInput, std::string("invalid date: ") + why, std::string(iso));
  };
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return fail("expected YYYY-MM-DD");
  const auto number = [&](std::size_t from, std::size_t count) {
    int n = 0;
    for (std::size_t k = from; k < from + count; ++k) {
      if (iso[k] < '0' || iso[k] > '9') fail("expected YYYY-MM-DD");
      n = n * 10 + (iso[k] - '0');
    }
    return n;
  };
  const CivilDate d{number(0, 4), number(5, 2), number(8, 2)};
  if (!is_valid_date(d)) return fail("no such calendar day");
  return d;
}

int buddhist_year(int gregorian_year) { return gregorian_year + 543; }

const char* thai_month_full(int month) {
  if (month < 1 || month > 12) {
    throw Error(ErrorCode::InvalidInput, "month out of range", std::to_string(month));
  }
  return kMonthsFull[static_cast<std::size_t>(month - 1)];
}

const char* thai_month_short(int month) {
  if (month < 1 || month > 12) {
    throw Error(ErrorCode::InvalidInput, "month out of range", std::to_string(month));
  }
  return kMonthsShort[static_cast<std::size_t>(month - 1)];
}

std::string thai_date_full(CivilDate d, DigitStyle style) {
  const std::string text = std::to_string(d.day) + " " + thai_month_full(d.month) + " " +
                           std::to_string(buddhist_year(d.year));
  return convert_digits(text, style);
}

std::string thai_date_short(CivilDate d, DigitStyle style) {
  const std::string text = std::to_string(d.day) + " " + thai_month_short(d.month) + " " +
                           two_digits(buddhist_year(d.year));
  return convert_digits(text, style);
}

std::string thai_date_abbreviated(CivilDate d, DigitStyle style) {
  const std::string text = std::to_string(d.day) + " " + thai_month_short(d.month) + " " +
                           std::to_string(buddhist_year(d.year));
  return convert_digits(text, style);
}

std::string thai_number_words(std::int64_t value) {
  if (value == 0) return kDigitWords[0];
  if (value < 0) {
    if (value == INT64_MIN) {
      throw Error(ErrorCode::InvalidInput, "number too large to spell", std::to_string(value));
    }
    return "ลบ" + positive_words(-value, false);
  }
  return positive_words(value, false);
}

std::string baht_text(std::string_view amount) {
  std::int64_t baht = 0;
  int baht_digits = 0;
  int group_len = 0;
  bool seen_comma = false;
  std::string fraction;  // decimal digits after the point, ASCII
  bool in_fraction = false;
  for (std::size_t i = 0; i < amount.size();) {
    const char32_t cp = next_code_point(amount, i);
    const int digit = ascii_or_thai_digit(cp);
    if (digit >= 0 && in_fraction) {
      fraction += static_cast<char>('0' + digit);
    } else if (digit >= 0) {
      if (++baht_digits > 15) bad_amount(amount, "too many digits");
      baht = baht * 10 + digit;
      ++group_len;
    } else if (cp == U',' && !in_fraction) {
      // Thousands separators must sit between whole groups of three.
      if (baht_digits == 0 || (seen_comma ? group_len != 3 : group_len > 3)) {
        bad_amount(amount, "misplaced thousands separator");
      }
      seen_comma = true;
      group_len = 0;
    } else if (cp == U'.' && !in_fraction) {
      in_fraction = true;
    } else {
      bad_amount(amount, "unexpected character");
    }
  }
  if (baht_digits == 0) bad_amount(amount, "no digits before the decimal point");
  if (seen_comma && group_len != 3) bad_amount(amount, "misplaced thousands separator");
  if (in_fraction && fraction.empty()) bad_amount(amount, "no digits after the decimal point");

  // Satang rounded half up to two places; 99.995 becomes 100 baht.
  fraction.append(3, '0');
  int satang = (fraction[0] - '0') * 10 + (fraction[1] - '0');
  if (fraction[2] >= '5') ++satang;
  if (satang == 100) {
    satang = 0;
    ++baht;
  }

  std::string out;
  if (baht > 0 || satang == 0) out = thai_number_words(baht) + "บาท";
  if (satang == 0) return out + "ถ้วน";
  return out + thai_number_words(satang) + "สตางค์";
}

}  // namespace saraban::text
