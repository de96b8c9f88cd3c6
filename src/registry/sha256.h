#pragma once
// SHA-256 (OpenSSL) as lowercase hex: attachment addresses and the audit chain.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace saraban::registry {

std::string sha256_hex(std::span<const std::uint8_t> bytes);
std::string sha256_hex(std::string_view text);

}  // namespace saraban::registry
