#pragma once
// An FTS5 tokenizer named "thai": the text stage's WordBreaker (text/word_breaker.h, the same
// segmentation the PDFs break lines at) splits Thai, which has no spaces between words, into
// words; Latin and digit words are kept too, ASCII lowercased, Thai digits folded to ASCII so
// ๒๕๖๙ and 2569 match. Queries go through the same
// tokenizer, so a search for งบประมาณ finds it inside "ขอรายงานผลการใช้จ่ายงบประมาณประจำปี".
#include <sqlite3.h>

#include <string>
#include <string_view>
#include <vector>

namespace saraban::registry {

// Registers the tokenizer on this connection (throws Error(DatabaseError) if FTS5 is missing).
void register_thai_tokenizer(sqlite3* db);

// The tokens the index stores for `text` (for tests and for building phrase queries).
std::vector<std::string> thai_tokens(std::string_view text);

// An FTS5 MATCH expression for what a user typed: each whitespace-separated part becomes a
// quoted phrase (tokenized by the same tokenizer), all parts must match. Empty when nothing
// searchable remains.
std::string fts_phrase_query(std::string_view user_query);

// What a user typed, split at whitespace into the parts that have searchable tokens, each with
// its tokens: the phrases of a query on either engine.
struct QueryPhrase {
  std::string_view text;
  std::vector<std::string> tokens;
};
std::vector<QueryPhrase> query_phrases(std::string_view user_query);

}  // namespace saraban::registry
