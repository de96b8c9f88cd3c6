#include "registry/entry_ids.h"

#include <sodium.h>

#include <algorithm>

#include "base/error.h"

namespace saraban::registry {

namespace {
constexpr std::size_t kBlock = 1024;
constexpr std::int64_t kLastSecond = (std::int64_t{1} << 32) - 1;  // 32 bits of seconds: until 2160
}  // namespace

void EntryIdIssuer::draw_block(std::int64_t second) {
  if (sodium_init() < 0) throw Error(ErrorCode::Internal, "libsodium cannot start (no random numbers)");
  second_ = std::min(second, kLastSecond);
  block_.clear();
  next_ = 0;
  for (std::size_t i = 0; i < kBlock; ++i) {
    const auto low = 1 + static_cast<std::int64_t>(randombytes_uniform((std::uint32_t{1} << kEntryIdRandomBits) - 1));
    block_.push_back((second_ << kEntryIdRandomBits) | low);
  }
  std::sort(block_.begin(), block_.end());
  block_.erase(std::unique(block_.begin(), block_.end()), block_.end());
}

std::int64_t EntryIdIssuer::next(sql::Connection& conn, std::int64_t now) {
  // Clamped so a wrong clock still gives a valid id instead of a negative or oversized one.
  const std::int64_t second = std::clamp<std::int64_t>(now - kEntryIdEpoch, 0, kLastSecond);
  if (second_ < second) draw_block(second);
  auto& taken = conn.cached("SELECT 1 FROM entries WHERE id = :id");
  for (;;) {
    if (next_ >= block_.size()) draw_block(second_ + 1);
    const std::int64_t id = block_[next_++];
    taken.bind(":id", id);
    const bool used = taken.step();
    taken.reset();
    if (!used) return id;
  }
}

}  // namespace saraban::registry
