#pragma once
// UTF-8 validation and decoding. The engine works on UTF-8 with byte offsets everywhere
// (HarfBuzz clusters are byte offsets too), converting to UTF-16 only inside ICU calls.
#include <cstddef>
#include <string>
#include <string_view>

namespace saraban::text {

// Throws Error(InvalidUtf8, "...", "byte N") at the first offending byte.
void validate_utf8(std::string_view bytes);

// Decodes the code point at `offset` (which must be valid UTF-8) and advances `offset`.
char32_t next_code_point(std::string_view s, std::size_t& offset);
void append_utf8(std::string& out, char32_t cp);

}  // namespace saraban::text
