#pragma once
// A nesting limit for every JSON document the product reads (letters, templates, office
// profiles, font configuration). nlohmann::json recurses when it copies, compares and dumps
// a value, so 70,000 nested brackets overflow the stack: refuse them before parsing.
#include <string>
#include <string_view>

namespace saraban {

// Deeper than any letter, template or profile needs (they nest four or five levels).
inline constexpr int kMaxJsonDepth = 64;

// Throws Error(InvalidInput) naming `source` and the byte offset where the nesting passes
// `max_depth`. Brackets inside strings do not count. Says nothing about other syntax errors:
// the parser reports those.
void check_json_depth(std::string_view text, const std::string& source, int max_depth = kMaxJsonDepth);

}  // namespace saraban
