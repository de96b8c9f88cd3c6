#pragma once
// The register's clock arithmetic: the office's local day (Thailand, UTC+7, no daylight
// saving) and numbering years. Dates themselves are the text stage's (text/typed_dates.h):
// CE ISO in the database, BE or CE typed in, BE shown; this header only adds the register's
// names for them.
#include <cstdint>
#include <string>
#include <string_view>

#include "text/thai_numbers.h"
#include "text/typed_dates.h"

namespace saraban::registry {

inline constexpr std::int64_t kOfficeUtcOffsetSeconds = 7 * 3600;

using Date = text::CivilDate;

// A date a user typed (CE or BE YYYY-MM-DD, within the accepted range) -> CE.
inline Date parse_date(std::string_view text, std::string_view what) { return text::parse_typed_date(text, what); }
// A year a user typed: 2569 (BE) or 2026 (CE, converted). Returns BE.
inline int parse_year_be(std::string_view text, std::string_view what) { return text::parse_typed_year_be(text, what); }
// A date as the database holds it: CE, never re-read as BE.
inline Date stored_date(const std::string& iso) { return text::parse_iso_date(iso); }
inline std::string iso(Date d) { return text::iso_date(d); }

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
// A stored date (CE ISO) shown the Thai way: "2026-03-05" -> "5 มี.ค. 2569" / "๕ มี.ค. ๒๕๖๙".
std::string thai_date(const std::string& stored_iso, bool thai_digits);
// A stored date (CE ISO) with its BE year: "2026-03-05" -> "2569-03-05".
std::string be_iso(const std::string& stored_iso);

}  // namespace saraban::registry
