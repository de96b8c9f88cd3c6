#pragma once
// The baskets each role works from, as the office names them: what waits for that role, as a
// filter over the register (so counts and lists are the register's own queries).
#include <cstdint>
#include <string>
#include <vector>

#include "registry/types.h"

namespace saraban::server {

struct Basket {
  std::string key;    // "assign", "mine", "review", "sign", "dispatch", "file", "overdue", "all"
  std::string title;  // Thai, as the interface shows it
};

// The baskets `role` works from, in the order the interface shows them.
std::vector<Basket> baskets_for(registry::Role role);
// The filter of basket `key` for `user` on local day `today` (CE ISO); InvalidInput for an
// unknown key.
registry::EntryFilter basket_filter(const std::string& key, const registry::User& user, const std::string& today);

}  // namespace saraban::server
