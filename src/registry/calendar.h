#pragma once
// Dates as the register needs them: Buddhist-era years typed and printed, ISO (CE) dates
// stored, the office's local day (Thailand, UTC+7, no daylight saving) for numbering years.
// Kept inside the registry so it does not wait on src/text's Thai number formatting.
#include <cstdint>
#include <string>
#include <string_view>

namespace saraban::registry {

inline constexpr std::int64_t kOfficeUtcOffsetSeconds = 7 * 3600;

struct Date {
  int year;  // CE
  int month;
  int day;
};

// "YYYY-MM-DD"; a year above 2400 is read as Buddhist era. Throws InvalidInput naming `what`.
Date parse_date(std::string_view text, std::string_view what);
std::string iso(Date d);
bool valid(Date d);
// A year a user typed: 2569 (BE) or 2026 (CE, converted). Returns BE.
int parse_year_be(std::string_view text, std::string_view what);
Date local_date(std::int64_t unix_seconds);
std::string local_time_hhmm(std::int64_t unix_seconds);
std::int64_t days_from_civil(Date d);
Date civil_from_days(std::int64_t days);
// Unix seconds at local midnight starting `d`.
std::int64_t local_midnight(Date d);
Date add_days(Date d, int days);
// The Buddhist-era numbering year a moment falls in, for a register whose year starts on the
// first day of `start_month` (1 = January; 10 = the Thai fiscal year: 1 Oct 2025 opens 2569).
int numbering_year(std::int64_t unix_seconds, int start_month);
// "2026-03-05" -> "5 มี.ค. 2569" / with Thai digits "๕ มี.ค. ๒๕๖๙".
std::string thai_date(const std::string& iso_date, bool thai_digits);
std::string thai_digits(std::string_view ascii);

}  // namespace saraban::registry
