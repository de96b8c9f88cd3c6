#pragma once
// Entry ids that carry no count. A global sequence would tell a clerk who received "id 1" and
// then "id 5" that three entries they may not see exist. An id is instead the second it was
// issued (since 2024, so ids still sort newest last, which search's "newest first" and the
// B-tree's appends rely on) times 2^21 plus 21 random bits: below 2^53, so exact in JSON
// numbers everywhere. Users normally address entries as register/year/number (entry_ref.h).
#include <cstdint>

#include "registry/sqlite.h"

namespace saraban::registry {

inline constexpr std::int64_t kEntryIdEpoch = 1704067200;  // 2024-01-01T00:00:00Z
inline constexpr int kEntryIdRandomBits = 21;

// A fresh id for an entry inserted at `now` (unix seconds), not yet used in `entries`.
// Runs inside the write transaction that inserts it.
std::int64_t fresh_entry_id(sql::Connection& conn, std::int64_t now);

}  // namespace saraban::registry
