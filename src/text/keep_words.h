#pragma once
// Finds the occurrences of keep words (words never to be split) in a paragraph.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/word_breaker.h"

namespace saraban::text {

struct WordSpan {
  std::size_t begin;  // byte offsets
  std::size_t end;
};

class KeepWords {
 public:
  explicit KeepWords(const WordList& list);
  // At every code point, the longest keep word starting there (so a short word inside a
  // longer one never hides it). Matches never start or end inside a grapheme cluster.
  std::vector<WordSpan> occurrences(std::string_view paragraph) const;

 private:
  // Candidates by first code point, longest first.
  std::unordered_map<char32_t, std::vector<std::string>> by_first_;
};

}  // namespace saraban::text
