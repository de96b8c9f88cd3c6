#include "text/word_breaker.h"

#include "text/builtin_words.h"
#include "text/utf8.h"

namespace saraban::text {

WordList WordList::from_text(std::string_view one_word_per_line) {
  validate_utf8(one_word_per_line);
  WordList list;
  std::size_t start = 0;
  while (start <= one_word_per_line.size()) {
    std::size_t end = one_word_per_line.find('\n', start);
    if (end == std::string_view::npos) end = one_word_per_line.size();
    std::string_view line = one_word_per_line.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    // '#' starts a comment line, so the shipped list can explain itself.
    if (!line.empty() && line.front() != '#') list.add(std::string(line));
    start = end + 1;
  }
  return list;
}

WordList WordList::builtin() { return from_text(builtin_keep_words_text()); }

void WordList::add(std::string word) {
  if (!word.empty()) words_.push_back(std::move(word));
}

}  // namespace saraban::text
