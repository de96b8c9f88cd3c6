#pragma once
// How users name an entry: by its place in the register, as clerks write it on the paper
// ("receive/2569/12", "รับ/2569/12", "secret/2569/3"; the year BE or CE), or by its id (a
// number that carries no count, entry_ids.h). Resolving a place respects clearance: a secret
// entry above the reader's clearance is "no such entry", exactly like an empty place.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "registry/types.h"

namespace saraban::registry {

struct EntryRef {
  std::string text;                 // as typed, for messages
  std::optional<std::int64_t> id;   // set when typed as an id
  std::string register_code;        // else register, year (BE) and number
  int year = 0;
  std::int64_t number = 0;
};

// Throws InvalidInput naming the accepted forms.
EntryRef parse_entry_ref(std::string_view text);
// "receive/2569/12": what to type to reach `e` again.
std::string entry_address(const Entry& e);

}  // namespace saraban::registry
