#include "text/keep_words.h"

#include <algorithm>

#include "text/thai_chars.h"
#include "text/utf8.h"

namespace saraban::text {

KeepWords::KeepWords(const WordList& list) {
  for (const std::string& word : list.words()) {
    std::size_t i = 0;
    by_first_[next_code_point(word, i)].push_back(word);
  }
  for (auto& [first, words] : by_first_) {
    std::sort(words.begin(), words.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    words.erase(std::unique(words.begin(), words.end()), words.end());
  }
}

std::vector<WordSpan> KeepWords::occurrences(std::string_view paragraph) const {
  std::vector<WordSpan> out;
  for (std::size_t i = 0; i < paragraph.size();) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(paragraph, i);
    const auto found = by_first_.find(cp);
    if (found == by_first_.end()) continue;
    for (const std::string& word : found->second) {
      if (paragraph.substr(at).starts_with(word)) {
        const std::size_t end = at + word.size();
        std::size_t after = end;
        // A match that ends before a mark is part of some other cluster, not this word.
        if (end < paragraph.size() && thai::is_combining_mark(next_code_point(paragraph, after))) {
          continue;
        }
        out.push_back({at, end});
        break;
      }
    }
  }
  return out;
}

}  // namespace saraban::text
