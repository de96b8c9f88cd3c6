#pragma once
// All I/O and the clock go through one Environment, so output is deterministic in tests and
// failures are reported with the path involved. Two clocks: the wall clock (when something
// happened: the register's times) and the document timestamp (what a PDF says it was made at,
// fixed by SOURCE_DATE_EPOCH for reproducible output). SOURCE_DATE_EPOCH never moves the
// wall clock: a user setting it must not backdate a letter in the register.
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
  // The wall clock: seconds since the Unix epoch (UTC), never SOURCE_DATE_EPOCH.
  virtual std::int64_t now() const = 0;
  // The time a generated document records: SOURCE_DATE_EPOCH when set (reproducible PDFs),
  // else now(). Throws InvalidInput for a SOURCE_DATE_EPOCH that is not whole seconds.
  std::int64_t document_time() const;
  virtual std::optional<std::string> variable(std::string_view name) const = 0;
  // Throws Error(IoError / NotFound) naming the path.
  virtual std::vector<std::uint8_t> read_file(const std::string& path) const = 0;
  // Writes to a temporary file beside `path`, flushes, then renames: a failure never leaves
  // a half-written file, and an existing file at `path` is untouched until the rename.
  virtual void write_file_atomic(const std::string& path, std::span<const std::uint8_t> bytes) const = 0;
};

// The real machine: now() is the system clock.
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
