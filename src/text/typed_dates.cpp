#include "text/typed_dates.h"

#include <cstdio>

#include "base/error.h"

namespace saraban::text {
namespace {

std::string four_digit_date(int year, int month, int day) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

[[noreturn]] void malformed(std::string_view text, std::string_view what) {
  throw Error(ErrorCode::InvalidInput, "malformed date '" + std::string(text) + "' (expected YYYY-MM-DD)",
              std::string(what));
}

}  // namespace

std::string accepted_years_text() {
  return "BE " + std::to_string(kFirstAcceptedYearCe + kBuddhistEraOffset) + ".." +
         std::to_string(kLastAcceptedYearCe + kBuddhistEraOffset) + " (CE " + std::to_string(kFirstAcceptedYearCe) +
         ".." + std::to_string(kLastAcceptedYearCe) + ")";
}

bool accepted_year_ce(int year_ce) { return year_ce >= kFirstAcceptedYearCe && year_ce <= kLastAcceptedYearCe; }

int typed_year_to_ce(int year, std::string_view what) {
  if (accepted_year_ce(year - kBuddhistEraOffset)) return year - kBuddhistEraOffset;
  if (accepted_year_ce(year)) return year;
  throw Error(ErrorCode::InvalidInput,
              "year " + std::to_string(year) + " is outside the accepted range " + accepted_years_text(),
              std::string(what));
}

int parse_typed_year_be(std::string_view text, std::string_view what) {
  int v = 0;
  bool ok = !text.empty() && text.size() <= 4;
  for (char c : text) {
    if (c < '0' || c > '9') ok = false;
    else v = v * 10 + (c - '0');
  }
  if (!ok) throw Error(ErrorCode::InvalidInput, "malformed year '" + std::string(text) + "' (2569 or 2026)", std::string(what));
  return typed_year_to_ce(v, what) + kBuddhistEraOffset;
}

CivilDate parse_typed_date(std::string_view t, std::string_view what) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') malformed(t, what);
  auto number = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (t[i] < '0' || t[i] > '9') malformed(t, what);
      v = v * 10 + (t[i] - '0');
    }
    return v;
  };
  // The era is settled first, so that a BE leap day (2947-02-29 is CE 2404-02-29) is checked
  // against the CE calendar it belongs to.
  CivilDate d{typed_year_to_ce(number(0, 4), what), number(5, 2), number(8, 2)};
  if (!is_valid_date(d)) throw Error(ErrorCode::InvalidInput, "no such day: '" + std::string(t) + "'", std::string(what));
  return d;
}

std::string iso_date(CivilDate d) { return four_digit_date(d.year, d.month, d.day); }

std::string be_iso_date(CivilDate d) { return four_digit_date(buddhist_year(d.year), d.month, d.day); }

}  // namespace saraban::text
