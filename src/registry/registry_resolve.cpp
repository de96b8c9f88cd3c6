// Registry::resolve: from what a user typed to the entry's id, through the reader's clearance.
#include "base/error.h"
#include "registry/registry.h"

namespace saraban::registry {

std::int64_t Registry::resolve(const User& actor, const EntryRef& ref) {
  if (ref.id) return *ref.id;  // every command then reads it through visible_entry
  EntryFilter f;
  f.register_code = ref.register_code;
  f.year = ref.year;
  f.number_from = f.number_to = ref.number;
  f.limit = 1;
  std::vector<Entry> found;
  store_.read([&] { found = store_.list(f, actor.clearance); });
  // The same answer as visible_entry gives for a missing or hidden id.
  if (found.empty()) throw Error(ErrorCode::NotFound, "no such entry", ref.text);
  return found.front().id;
}

}  // namespace saraban::registry
