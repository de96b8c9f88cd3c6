#pragma once
// All I/O and the clock go through one Environment, so output is deterministic in tests
// (fixed time from SOURCE_DATE_EPOCH) and failures are reported with the path involved.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace saraban {

class Environment {
 public:
  virtual ~Environment() = default;
  // Seconds since the Unix epoch (UTC).
  virtual std::int64_t now() const = 0;
  virtual std::optional<std::string> variable(std::string_view name) const = 0;
  // Throws Error(IoError / NotFound) naming the path.
  virtual std::vector<std::uint8_t> read_file(const std::string& path) const = 0;
  // Writes to a temporary file beside `path`, flushes, then renames: a failure never leaves
  // a half-written file, and an existing file at `path` is untouched until the rename.
  virtual void write_file_atomic(const std::string& path, std::span<const std::uint8_t> bytes) const = 0;
};

// The real machine. now() honours SOURCE_DATE_EPOCH when it is set.
class SystemEnvironment final : public Environment {
 public:
  std::int64_t now() const override;
  std::optional<std::string> variable(std::string_view name) const override;
  std::vector<std::uint8_t> read_file(const std::string& path) const override;
  void write_file_atomic(const std::string& path, std::span<const std::uint8_t> bytes) const override;
};

const Environment& system_environment();

std::string read_text_file(const Environment& env, const std::string& path);

}  // namespace saraban
