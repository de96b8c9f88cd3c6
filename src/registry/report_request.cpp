#include "registry/report_request.h"

#include <algorithm>

#include "base/error.h"
#include "registry/calendar.h"
#include "registry/register_book.h"
#include "registry/year_report.h"

namespace saraban::registry {

std::int64_t report_as_of(const ReportRequest& r, int start_month, std::int64_t now) {
  const int ce = r.year - text::kBuddhistEraOffset - (start_month > 1 ? 1 : 0) + 1;
  const std::int64_t year_end = local_midnight(Date{ce, start_month, 1}) - 1;
  if (r.as_of) return std::min(year_end, local_midnight(add_days(parse_date(*r.as_of, "--as-of"), 1)) - 1);
  return std::min(year_end, now);
}

ReportDocument build_report(Registry& registry, const User& reader, const ReportRequest& r, std::int64_t now) {
  if (r.kind == "year" || r.kind == "book") {
    const YearRecords records = registry.year_records(reader, r.year, r.kind == "year");
    if (r.kind == "year") return year_report(records, report_as_of(r, records.year_start_month.at("receive"), now), reader.name);
    return register_book(records, r.register_code, reader.name);
  }
  if (r.kind != "disposal" && r.kind != "handover")
    throw Error(ErrorCode::InvalidInput, "unknown report (year, book, disposal, handover)", r.kind);
  EntryFilter f;
  f.stage = Stage::Filed;
  const auto filed = registry.list(reader, f);
  const Office office = registry.office();
  return r.kind == "disposal" ? disposal_list(filed, r.year, office, reader.name) : handover_list(filed, r.year, office, reader.name);
}

}  // namespace saraban::registry
