#include "pdf/truncated_pdf.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace saraban::pdf {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// The "N G" before the "obj" keyword at `at`, if that is what precedes it.
std::optional<std::pair<long long, long long>> object_header_before(std::string_view s, std::size_t at) {
  std::size_t i = at;
  auto skip_space = [&] { while (i > 0 && is_space(s[i - 1])) --i; };
  auto read_number = [&]() -> std::optional<long long> {
    std::size_t end = i;
    while (i > 0 && is_digit(s[i - 1]) && end - i < 10) --i;
    if (i == end) return std::nullopt;
    return std::stoll(std::string(s.substr(i, end - i)));
  };
  skip_space();
  auto generation = read_number();
  if (!generation || i == 0 || !is_space(s[i - 1])) return std::nullopt;
  skip_space();
  auto number = read_number();
  if (!number || *number <= 0) return std::nullopt;
  if (i > 0 && !is_space(s[i - 1]) && s[i - 1] != '>' && s[i - 1] != ']') return std::nullopt;
  return std::pair{*number, *generation};
}

// Whether the object body starting at `from` (up to its endobj or the next obj) is a
// dictionary with /Type /Catalog at its top level (checked loosely: a catalog's /Type is
// written near its start by every producer, and "/Catalog" occurs in no other object type).
bool is_catalog(std::string_view body) {
  const std::size_t type = body.find("/Type");
  if (type == std::string_view::npos) return false;
  std::size_t i = type + 5;
  while (i < body.size() && is_space(body[i])) ++i;
  return body.substr(i, 8) == "/Catalog" && (i + 8 >= body.size() || !std::isalnum(static_cast<unsigned char>(body[i + 8])));
}

}  // namespace

std::optional<std::vector<std::uint8_t>> with_trailer_for_catalog(std::span<const std::uint8_t> bytes) {
  const std::string_view s(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  std::optional<std::pair<long long, long long>> catalog;
  long long highest = 0;
  for (std::size_t at = s.find("obj"); at != std::string_view::npos; at = s.find("obj", at + 3)) {
    if (at + 3 < s.size() && std::isalnum(static_cast<unsigned char>(s[at + 3]))) continue;  // "object"
    auto header = object_header_before(s, at);
    if (!header) continue;
    highest = std::max(highest, header->first);
    std::size_t end = std::min(s.find("endobj", at + 3), s.find(" obj", at + 3));
    if (end == std::string_view::npos) end = s.size();
    if (is_catalog(s.substr(at + 3, std::min<std::size_t>(end - (at + 3), 4096)))) catalog = header;
  }
  if (!catalog) return std::nullopt;
  const std::string trailer = "\ntrailer\n<< /Root " + std::to_string(catalog->first) + " " +
                              std::to_string(catalog->second) + " R /Size " + std::to_string(highest + 1) +
                              " >>\n%%EOF\n";
  std::vector<std::uint8_t> out(bytes.begin(), bytes.end());
  out.insert(out.end(), trailer.begin(), trailer.end());
  return out;
}

}  // namespace saraban::pdf
