#pragma once
// Where a line may break. Thai has no spaces between words, so the opportunities come from
// dictionaries: ICU's and libthai's, intersected (each one's known splits of loanwords are
// vetoed by the other), then every occurrence of a word from the office's own word list is
// kept whole. Latin, digits and punctuation follow UAX #14 (ICU's line rules). Opportunities
// inside a unit typing practice keeps on one line (a date, a reference, a name) are marked.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace saraban::text {

struct BreakOpportunity {
  std::size_t offset;  // byte offset; the line may end before this byte
  bool mandatory;      // a hard line break (\n inside a paragraph)
  // Inside a unit kept on one line (text/keep_units.h: a reference, a date, a name), the unit
  // being [unit_begin, unit_end). Words still split there (for search); line breaking must not.
  std::size_t unit_begin = 0, unit_end = 0;
  bool inside_unit() const { return unit_end > unit_begin; }
};

// Words that must never be split (loanwords, names, office jargon), one per line in UTF-8.
class WordList {
 public:
  WordList() = default;
  static WordList from_text(std::string_view one_word_per_line);
  // The list shipped with Saraban (templates/words/th-keep.txt compiled in) plus any extra.
  static WordList builtin();
  void add(std::string word);
  const std::vector<std::string>& words() const { return words_; }

 private:
  std::vector<std::string> words_;
};

class WordBreaker {
 public:
  explicit WordBreaker(WordList keep = WordList::builtin());
  ~WordBreaker();
  WordBreaker(const WordBreaker&) = delete;
  WordBreaker& operator=(const WordBreaker&) = delete;

  // Opportunities inside `paragraph` (never at 0, never at size(); never inside a grapheme
  // cluster). Sorted ascending.
  std::vector<BreakOpportunity> opportunities(std::string_view paragraph) const;
  // The same without the keep-together units marked: for word segmentation (the register's
  // search index), which never breaks lines and should not pay for finding units.
  std::vector<BreakOpportunity> word_opportunities(std::string_view paragraph) const;

  // The raw sources, for measuring and tests.
  std::vector<std::size_t> icu_boundaries(std::string_view paragraph) const;
  std::vector<std::size_t> libthai_boundaries(std::string_view paragraph) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Grapheme cluster boundaries (ICU character iterator), byte offsets incl. 0 and size().
std::vector<std::size_t> grapheme_boundaries(std::string_view utf8);

}  // namespace saraban::text
