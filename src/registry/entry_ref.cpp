#include "registry/entry_ref.h"

#include "base/error.h"
#include "registry/calendar.h"

namespace saraban::registry {
namespace {

[[noreturn]] void bad_ref(std::string_view text) {
  throw Error(ErrorCode::InvalidInput,
              "an entry is named REGISTER/YEAR/NUMBER (receive/2569/12) or by its id (a whole number above 0)",
              std::string(text));
}

// Digits only, no sign, at most 16 of them (ids are below 2^53).
std::int64_t positive_number(std::string_view part, std::string_view whole) {
  if (part.empty() || part.size() > 16) bad_ref(whole);
  std::int64_t v = 0;
  for (char c : part) {
    if (c < '0' || c > '9') bad_ref(whole);
    v = v * 10 + (c - '0');
  }
  if (v < 1) bad_ref(whole);
  return v;
}

}  // namespace

EntryRef parse_entry_ref(std::string_view text) {
  EntryRef r;
  r.text = std::string(text);
  const auto first = text.find('/');
  if (first == std::string_view::npos) {
    r.id = positive_number(text, text);
    return r;
  }
  const auto second = text.find('/', first + 1);
  if (second == std::string_view::npos || text.find('/', second + 1) != std::string_view::npos) bad_ref(text);
  r.register_code = parse_register(text.substr(0, first));
  r.year = parse_year_be(text.substr(first + 1, second - first - 1), text);
  r.number = positive_number(text.substr(second + 1), text);
  return r;
}

std::string entry_address(const Entry& e) {
  return e.register_code + "/" + std::to_string(e.year) + "/" + std::to_string(e.number);
}

}  // namespace saraban::registry
