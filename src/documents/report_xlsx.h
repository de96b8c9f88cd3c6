#pragma once
// A report's tables as one XLSX workbook (libxlsxwriter): a sheet per table, Thai text, real
// numbers and dates that Excel sorts and sums, the header row bold and frozen, columns as wide
// as their text.
#include <cstdint>
#include <ctime>
#include <string>
#include <vector>

#include "base/report_table.h"

namespace saraban::documents {

// The workbook's bytes. `created` is the creation time the file records (Environment's
// document_time() for reproducible files); 0: now. Throws Error naming the sheet (and cell).
std::vector<std::uint8_t> report_xlsx(const std::vector<ReportTable>& tables, const std::string& title,
                                      const std::string& author, std::time_t created = 0);

// The sheet names: each title cut to Excel's 31 characters (never inside a character, nor
// between a Thai letter and its marks), the characters Excel forbids replaced, made unique
// (as Excel compares them) with " (2)", " (3)" ….
std::vector<std::string> sheet_names(const std::vector<ReportTable>& tables);

// How many characters wide a text looks: Thai marks above and below a letter count zero; the
// widest line of a text with line breaks.
std::size_t display_width(const std::string& text);

}  // namespace saraban::documents
