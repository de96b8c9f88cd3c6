#pragma once
// Thai digits, Buddhist-era dates and amounts in words. Thai digits are real code points
// U+0E50..U+0E59 in the text, never a font trick.
#include <cstdint>
#include <string>
#include <string_view>

namespace saraban::text {

enum class DigitStyle { Thai, Arabic };

// Replaces ASCII digits 0-9 with Thai digits (DigitStyle::Thai) or the reverse (Arabic).
std::string convert_digits(std::string_view utf8, DigitStyle style);

// 1234567 -> "1,234,567" (or "๑,๒๓๔,๕๖๗").
std::string format_integer(std::int64_t value, DigitStyle style, bool group_thousands = true);

struct CivilDate {
  int year;   // Gregorian (CE)
  int month;  // 1..12
  int day;    // 1..31
};

// "YYYY-MM-DD" (CE) -> date; throws Error(InvalidInput) naming the text when malformed or
// not a real calendar day.
CivilDate parse_iso_date(std::string_view iso);
bool is_valid_date(CivilDate d);

int buddhist_year(int gregorian_year);  // +543

const char* thai_month_full(int month);   // "พฤศจิกายน"
const char* thai_month_short(int month);  // "พ.ย."

// "๒๑ พฤศจิกายน ๒๕๖๙"
std::string thai_date_full(CivilDate d, DigitStyle style);
// "๒๑ พ.ย. ๖๙"
std::string thai_date_short(CivilDate d, DigitStyle style);
// "๒๑ พ.ย. ๒๕๖๙" (registers, receive stamps)
std::string thai_date_abbreviated(CivilDate d, DigitStyle style);

// Amount in Thai words for money. Accepts "1234.50", "1,234.50", "๑,๒๓๔.๕๐".
// "1234.50" -> "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์"; "100" -> "หนึ่งร้อยบาทถ้วน".
// Satang are rounded to two places. Throws Error(InvalidInput) for a malformed amount.
std::string baht_text(std::string_view amount);
// The number in words without a unit: 21 -> "ยี่สิบเอ็ด", 1000001 -> "หนึ่งล้านเอ็ด".
std::string thai_number_words(std::int64_t value);

}  // namespace saraban::text
