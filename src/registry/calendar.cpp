#include "registry/calendar.h"

#include <cstdio>

#include "base/error.h"

namespace saraban::registry {

bool valid(Date d) {
  if (d.year < 1 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  int max = mdays[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
  return d.day <= max;
}

Date parse_date(std::string_view t, std::string_view what) {
  auto bad = [&]() -> Error {
    return Error(ErrorCode::InvalidInput, "malformed date '" + std::string(t) + "' (expected YYYY-MM-DD)",
                 std::string(what));
  };
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') throw bad();
  auto num = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (t[i] < '0' || t[i] > '9') throw bad();
      v = v * 10 + (t[i] - '0');
    }
    return v;
  };
  Date d{num(0, 4), num(5, 2), num(8, 2)};
  if (d.year > 2400) d.year -= 543;
  if (!valid(d)) throw Error(ErrorCode::InvalidInput, "no such day: '" + std::string(t) + "'", std::string(what));
  return d;
}

std::string iso(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

int parse_year_be(std::string_view t, std::string_view what) {
  int v = 0;
  if (t.empty() || t.size() > 4) throw Error(ErrorCode::InvalidInput, "malformed year '" + std::string(t) + "'", std::string(what));
  for (char c : t) {
    if (c < '0' || c > '9') throw Error(ErrorCode::InvalidInput, "malformed year '" + std::string(t) + "'", std::string(what));
    v = v * 10 + (c - '0');
  }
  if (v >= 2400) return v;
  if (v >= 1900) return v + 543;
  throw Error(ErrorCode::InvalidInput, "year out of range '" + std::string(t) + "' (2569 or 2026)", std::string(what));
}

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
  return y + 543;
}

std::string thai_digits(std::string_view a) {
  static const char* digits[] = {"๐", "๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙"};
  std::string out;
  for (char c : a) {
    if (c >= '0' && c <= '9') out += digits[c - '0'];
    else out += c;
  }
  return out;
}

std::string thai_date(const std::string& iso_date, bool thai) {
  static const char* months[] = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                                 "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};
  Date d = parse_date(iso_date, "date");
  std::string s = std::to_string(d.day) + " " + months[d.month - 1] + " " + std::to_string(d.year + 543);
  return thai ? thai_digits(s) : s;
}

}  // namespace saraban::registry
