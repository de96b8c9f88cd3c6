#pragma once
// Input clean-up before shaping: NFC, and the Thai typing mistakes that render the same on
// screen but break search and extraction. Every fix is reported, never silent.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace saraban::text {

struct CleanupWarning {
  std::size_t byte_offset;  // in the input as given
  std::string message;      // e.g. "NIKHAHIT + SARA AA typed for SARA AM"
};

struct CleanText {
  std::string text;  // NFC, fixed
  std::vector<CleanupWarning> warnings;
};

// Validates UTF-8 first (throws Error(InvalidUtf8) naming the byte offset), then:
// NFC; U+0E4D U+0E32 -> U+0E33; a tone mark typed before an upper or lower vowel moved after
// it; a mark typed twice in a row kept once; CRLF -> LF.
CleanText clean_text(std::string_view utf8);

}  // namespace saraban::text
