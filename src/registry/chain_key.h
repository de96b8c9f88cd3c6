#pragma once
// The audit chain's secret key: 32 random bytes in a file of their own beside the register
// (registry.db.key, mode 0600). The database never holds it, so someone who can write the
// database but not read the key cannot forge a chain row or an anchor (keyed BLAKE2b).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace saraban::registry {

class ChainKey {
 public:
  // A fresh random key; rows from audit log entry #keyed_from on are keyed with it.
  static ChainKey generate(std::int64_t keyed_from);
  // The key stored at `path`; nullopt when there is no such file. Throws on a malformed file.
  static std::optional<ChainKey> load(const std::string& path);

  ChainKey(const ChainKey&) = default;
  ChainKey& operator=(const ChainKey&) = default;
  ~ChainKey();

  // Writes the key to a new file (never over an existing one), 0600, flushed to disk.
  void save_new(const std::string& path) const;
  // Keyed BLAKE2b-256 of `message`, hex.
  std::string mac(std::string_view message) const;
  // A public name for the key (a MAC of a fixed text): tells a wrong key file from a tampered chain.
  std::string id() const;
  std::int64_t keyed_from() const { return keyed_from_; }

 private:
  ChainKey() = default;
  std::array<unsigned char, 32> bytes_{};
  std::int64_t keyed_from_ = 1;
};

}  // namespace saraban::registry
