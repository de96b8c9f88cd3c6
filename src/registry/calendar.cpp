#include "registry/calendar.h"

#include <cstdio>

#include "base/error.h"

namespace saraban::registry {

// Howard Hinnant's civil calendar algorithms.
std::int64_t days_from_civil(Date d) {
  std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  std::int64_t yoe = y - era * 400;
  std::int64_t mp = (d.month + 9) % 12;
  std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(std::int64_t z) {
  z += 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  std::int64_t doe = z - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = yoe + era * 400;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

static std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

Date local_date(std::int64_t t) { return civil_from_days(floor_div(t + kOfficeUtcOffsetSeconds, 86400)); }

std::string local_time_hhmm(std::int64_t t) {
  std::int64_t s = (t + kOfficeUtcOffsetSeconds) - floor_div(t + kOfficeUtcOffsetSeconds, 86400) * 86400;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(s / 3600), static_cast<int>(s / 60 % 60));
  return buf;
}

std::int64_t local_midnight(Date d) { return days_from_civil(d) * 86400 - kOfficeUtcOffsetSeconds; }

Date add_days(Date d, int days) { return civil_from_days(days_from_civil(d) + days); }

int numbering_year(std::int64_t t, int start_month) {
  Date d = local_date(t);
  int y = d.year;
  if (start_month > 1 && d.month >= start_month) y += 1;
  return y + text::kBuddhistEraOffset;
}

std::string thai_date(const std::string& stored_iso, bool thai) {
  return text::thai_date_abbreviated(stored_date(stored_iso), thai ? text::DigitStyle::Thai : text::DigitStyle::Arabic);
}

std::string be_iso(const std::string& stored_iso) { return text::be_iso_date(stored_date(stored_iso)); }

}  // namespace saraban::registry
