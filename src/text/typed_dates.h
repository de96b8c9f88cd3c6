#pragma once
// Dates as people type them and as the register keeps them. Stored: CE ISO 8601 (YYYY-MM-DD),
// one unambiguous form. Typed: YYYY-MM-DD in either era, told apart by the year alone: the
// accepted years are CE 1857..2157 and BE 2400..2700, which do not overlap, so a year is
// Buddhist era exactly when it is 2400 or later. Anything outside both ranges is refused.
#include <string>
#include <string_view>

#include "text/thai_numbers.h"

namespace saraban::text {

inline constexpr int kBuddhistEraOffset = 543;
// The one accepted range for every date and year the product takes in (CE; BE = CE + 543).
inline constexpr int kFirstAcceptedYearCe = 1857;
inline constexpr int kLastAcceptedYearCe = 2157;

// "BE 2400..2700 (CE 1857..2157)", for messages.
std::string accepted_years_text();
bool accepted_year_ce(int year_ce);

// A year as typed (BE or CE, see above) -> CE. Throws InvalidInput naming the range; `what`
// is the context (an option, "line 12").
int typed_year_to_ce(int year, std::string_view what);
// "2569" or "2026" -> 2569 (BE). Digits only.
int parse_typed_year_be(std::string_view text, std::string_view what);
// "2569-02-14" or "2026-02-14" -> 2026-02-14. Refuses malformed text, days that do not exist
// and years outside the accepted range.
CivilDate parse_typed_date(std::string_view text, std::string_view what);

// "YYYY-MM-DD" as stored (CE), no era guessing: 2404-02-29 is CE 2404, whatever it looks like.
std::string iso_date(CivilDate d);
// The same day written with its Buddhist-era year: 2026-02-14 -> "2569-02-14".
std::string be_iso_date(CivilDate d);

}  // namespace saraban::text
