#pragma once
// RFC 4180 CSV for register export and import (UTF-8, quoted fields may hold commas,
// quotes and newlines).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace saraban::registry::csv {

struct Row {
  std::size_t line = 0;  // where the row starts in the file (1-based)
  std::vector<std::string> fields;
};

// Strict: a quote opens a field only at its start, and after the closing quote only a comma or
// the end of the line may follow. Empty lines are skipped; a leading UTF-8 BOM is dropped.
// Throws Error(InvalidInput) naming the line and column of the first malformed field.
std::vector<Row> parse_rows(std::string_view text);
// The fields of parse_rows without their line numbers.
std::vector<std::vector<std::string>> parse(std::string_view text);
std::string field(std::string_view value);
std::string row(const std::vector<std::string>& fields);

}  // namespace saraban::registry::csv
