#pragma once
// Entry ids that carry no count. A global sequence would tell a clerk who received "id 1" and
// then "id 5" that three entries they may not see exist. An id is instead the second it was
// issued (since 2024, so ids still sort newest last, which search's "newest first" relies on)
// times 2^21 plus 21 random bits: below 2^53, so exact in JSON
// numbers everywhere. Users normally address entries as register/year/number (entry_ref.h).
#include <cstdint>
#include <vector>

#include "registry/sqlite.h"

namespace saraban::registry {

inline constexpr std::int64_t kEntryIdEpoch = 1704067200;  // 2024-01-01T00:00:00Z
inline constexpr int kEntryIdRandomBits = 21;

// Issues fresh ids, ascending, so the entries table and its search index only append: ids are
// drawn a block at a time (1024 random values within one second, sorted), which is the same
// set of ids as drawing each alone, handed out in order. A block used up within its second
// continues in the next second's values; a block from a past second is dropped.
class EntryIdIssuer {
 public:
  // A fresh id for an entry inserted at `now` (unix seconds), not yet used in `entries`. Runs
  // inside the write transaction that inserts it.
  std::int64_t next(sql::Connection& conn, std::int64_t now);

 private:
  void draw_block(std::int64_t second);

  std::int64_t second_ = -1;          // seconds since kEntryIdEpoch of the current block
  std::vector<std::int64_t> block_;   // ascending
  std::size_t next_ = 0;
};

}  // namespace saraban::registry
