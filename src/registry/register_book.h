#pragma once
// The register as offices print it (ทะเบียนหนังสือรับ / ส่ง, the regulation's columns), and the
// lists made after each year: letters whose retention has ended (บัญชีหนังสือขอทำลาย) and
// letters twenty years old kept for the National Archives (บัญชีส่งมอบหนังสือครบ ๒๐ ปี).
// Plain tables (base/report_table.h); the documents stage sets them in landscape PDFs.
#include <string>
#include <vector>

#include "base/report_table.h"
#include "registry/registry.h"

namespace saraban::registry {

// One register's year, every number in order, cancelled ones marked so.
ReportDocument register_book(const YearRecords& records, const std::string& register_code, const std::string& author);

// Filed letters (every year) whose keep_until is `year` or before.
ReportDocument disposal_list(const std::vector<Entry>& filed, int year, const Office& office, const std::string& author);
// Filed letters registered twenty or more years before `year` and kept at least twenty years.
ReportDocument handover_list(const std::vector<Entry>& filed, int year, const Office& office, const std::string& author);

// Which filed letters each list takes (the tests count them by SQL too).
bool due_for_disposal(const Entry& e, int year);
bool due_for_handover(const Entry& e, int year);

}  // namespace saraban::registry
