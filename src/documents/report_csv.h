#pragma once
// A report table as CSV that Excel opens right: UTF-8 with a byte-order mark, CRLF, RFC 4180
// quoting, and text that begins like a formula (= + - @, tab, CR) led by an apostrophe so that
// no spreadsheet runs it (OWASP: CSV injection). Numbers are plain numbers (never guarded: a
// negative number stays a number), '.' the point; dates ISO (YYYY-MM-DD); blanks empty.
#include <string>

#include "base/report_table.h"

namespace saraban::documents {

// Throws Error (InvalidInput) for a row whose length is not the columns', a number that is
// not finite, an impossible date.
std::string report_csv(const ReportTable& table);

}  // namespace saraban::documents
