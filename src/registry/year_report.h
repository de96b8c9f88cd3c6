#pragma once
// The yearly summary and evaluation of receiving and sending (สรุปและประเมินผลการรับ-ส่ง
// หนังสือ) as plain tables, from a year's records as one reader may see them. Every figure is
// defined so that an independent SQL query gives it again (tests do exactly that):
// - a letter's month is the office's local month of its registration time;
// - turnaround is counted over incoming letters (the receive register, and secret entries that
//   answer nothing), in days from registration to the entry's first assign, sign and dispatch
//   event; median and 90th percentile by nearest rank (the ⌈p·n⌉-th smallest);
// - a letter is overdue when it is still open (received … signed, not cancelled) and its
//   deadline is before the day the report is made as of.
#include <cstdint>
#include <string>

#include "base/report_table.h"
#include "registry/registry.h"

namespace saraban::registry {

// Thai names of what the report counts.
const char* register_title(std::string_view code);  // "ทะเบียนรับ" …
const char* stage_title(Stage s);                   // "รับเข้า" …

// `as_of`: unix seconds, the moment overdue is judged at (the end of the year at the latest).
ReportDocument year_report(const YearRecords& records, std::int64_t as_of, const std::string& author);

}  // namespace saraban::registry
