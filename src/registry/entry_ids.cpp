#include "registry/entry_ids.h"

#include <sodium.h>

#include <algorithm>

#include "base/error.h"

namespace saraban::registry {

std::int64_t fresh_entry_id(sql::Connection& conn, std::int64_t now) {
  if (sodium_init() < 0) throw Error(ErrorCode::Internal, "libsodium cannot start (no random numbers)");
  // 32 bits of seconds after the epoch last until 2160; clamped so a wrong clock still gives
  // a valid id instead of a negative or oversized one.
  const std::int64_t seconds = std::clamp<std::int64_t>(now - kEntryIdEpoch, 0, (std::int64_t{1} << 32) - 1);
  auto& taken = conn.cached("SELECT 1 FROM entries WHERE id = :id");
  for (;;) {
    const std::int64_t id = (seconds << kEntryIdRandomBits) |
                            static_cast<std::int64_t>(randombytes_uniform(std::uint32_t{1} << kEntryIdRandomBits));
    if (id == 0) continue;
    taken.bind(":id", id);
    const bool used = taken.step();
    taken.reset();
    if (!used) return id;
  }
}

}  // namespace saraban::registry
