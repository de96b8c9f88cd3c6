#pragma once
// RFC 4180 CSV for register export and import (UTF-8, quoted fields may hold commas,
// quotes and newlines).
#include <string>
#include <string_view>
#include <vector>

namespace saraban::registry::csv {

// Throws Error(InvalidInput) naming the line of an unterminated quote.
std::vector<std::vector<std::string>> parse(std::string_view text);
std::string field(std::string_view value);
std::string row(const std::vector<std::string>& fields);

}  // namespace saraban::registry::csv
