#pragma once
// Which report a reader asks for, and the document it makes from what that reader may see: the
// one place the command line's `report` and the web application's downloads build reports.
#include <cstdint>
#include <optional>
#include <string>

#include "base/report_table.h"
#include "registry/registry.h"

namespace saraban::registry {

struct ReportRequest {
  std::string kind;                   // year | book | disposal | handover
  int year = 0;                       // BE
  std::string register_code = "receive";  // for a book
  std::optional<std::string> as_of;   // a typed date: overdue judged at its end (year only)
};

// The moment overdue is judged at: the end of the numbering year, or of `as_of`, or now,
// whichever comes first.
std::int64_t report_as_of(const ReportRequest& r, int start_month, std::int64_t now);
// InvalidInput for an unknown kind.
ReportDocument build_report(Registry& registry, const User& reader, const ReportRequest& r, std::int64_t now);

}  // namespace saraban::registry
