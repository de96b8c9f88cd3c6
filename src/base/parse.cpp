#include "base/parse.h"

#include <charconv>
#include <string>

#include "base/error.h"

namespace saraban {
namespace {

std::string shown(std::string_view text) {
  // The value is echoed back; keep it short and printable.
  std::string s;
  for (char c : text.substr(0, 40)) s += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  return text.size() > 40 ? s + "..." : s;
}

[[noreturn]] void refuse(std::string_view text, std::string_view what, std::int64_t min, std::int64_t max) {
  throw Error(ErrorCode::InvalidInput,
              "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", got '" +
                  shown(text) + "'",
              std::string(what));
}

}  // namespace

std::int64_t parse_integer(std::string_view text, std::string_view what, std::int64_t min, std::int64_t max) {
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '-') digits.remove_prefix(1);
  if (digits.empty()) refuse(text, what, min, max);
  for (char c : digits)
    if (c < '0' || c > '9') refuse(text, what, min, max);
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < min || v > max) refuse(text, what, min, max);
  return v;
}

}  // namespace saraban
