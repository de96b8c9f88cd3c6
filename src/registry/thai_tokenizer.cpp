#include "registry/thai_tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include <memory>
#include <unordered_map>
#include <vector>

#include "base/error.h"
#include "text/utf8.h"
#include "text/word_breaker.h"

namespace saraban::registry {
namespace {

// Letters, digits and the marks that sit on them (Thai vowels and tone marks are Mn): what a
// word is made of. Spaces, punctuation and symbols separate words.
bool is_word_char(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  if (u_isalnum(c)) return true;
  const auto type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

// Stored text is UTF-8, but a register can hold bytes that are not (a tampered or old row);
// those become U+FFFD so the rest of the text is still indexed.
std::string valid_utf8(std::string_view text) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t n16 = 0;
  u_strFromUTF8WithSub(nullptr, 0, &n16, text.data(), static_cast<int32_t>(text.size()), 0xFFFD, nullptr, &st);
  std::u16string u16(static_cast<std::size_t>(n16), u'\0');
  st = U_ZERO_ERROR;
  u_strFromUTF8WithSub(u16.data(), n16, nullptr, text.data(), static_cast<int32_t>(text.size()), 0xFFFD, nullptr, &st);
  int32_t n8 = 0;
  st = U_ZERO_ERROR;
  u_strToUTF8(nullptr, 0, &n8, u16.data(), n16, &st);
  std::string out(static_cast<std::size_t>(n8), '\0');
  st = U_ZERO_ERROR;
  u_strToUTF8(out.data(), n8, nullptr, u16.data(), n16, &st);
  return out;
}

bool is_valid_utf8(std::string_view text) {
  try {
    text::validate_utf8(text);
    return true;
  } catch (const Error&) {
    return false;
  }
}

// The text stage's WordBreaker (ICU and libthai agreeing, the office's keep-words whole), the
// same segmentation the PDFs break lines at. Building one loads both dictionaries (about 15 ms,
// most of it libthai's), so there is one per thread, shared by every FTS5 table instance and
// by query parsing, built on first use: most commands never tokenize anything.
text::WordBreaker& shared_word_breaker() {
  thread_local text::WordBreaker breaker;
  return breaker;
}

// One segmenter per FTS5 table instance (and one per thread for queries).
class Segmenter {
 public:
  template <typename Emit>
  int each_word(std::string_view text, Emit&& emit) {
    // Words never span a space (queries are split at spaces too), so each space-separated
    // phrase is segmented on its own, and the phrases that repeat from letter to letter (school
    // names, "ประจำปีงบประมาณ", the same senders) are remembered rather than segmented again.
    std::size_t from = 0;
    while (from < text.size()) {
      std::size_t to = text.find(' ', from);
      if (to == std::string_view::npos) to = text.size();
      if (to > from) {
        int rc = phrase_words(text.substr(from, to - from), static_cast<int32_t>(from), emit);
        if (rc != SQLITE_OK) return rc;
      }
      from = to + 1;
    }
    return SQLITE_OK;
  }

 private:
  struct Token {
    std::string text;
    int32_t start, end;
  };
  static constexpr std::size_t kMemoLongest = 160;  // bytes; longer phrases rarely repeat
  static constexpr std::size_t kMemoEntries = 4096;

  // ASCII and Thai digits only ("๐๔๐๔๗.123/45", "O-NET"): UAX #14 never breaks inside a run of
  // letters and digits there, so its words are its runs of word characters, found without the
  // dictionaries.
  static bool ascii_or_thai_digits(std::string_view phrase) {
    for (std::size_t i = 0; i < phrase.size(); ++i) {
      const auto c = static_cast<unsigned char>(phrase[i]);
      if (c < 0x80) continue;
      if (c == 0xE0 && i + 2 < phrase.size() && static_cast<unsigned char>(phrase[i + 1]) == 0xB9) {
        const auto d = static_cast<unsigned char>(phrase[i + 2]);
        if (d >= 0x90 && d <= 0x99) {  // U+0E50..U+0E59
          i += 2;
          continue;
        }
      }
      return false;
    }
    return true;
  }

  // The words of one phrase (no spaces in it), their offsets moved by `base`.
  template <typename Emit>
  int phrase_words(std::string_view phrase, int32_t base, Emit&& emit) {
    auto shifted = [&](const std::string& tok, int32_t s, int32_t e) { return emit(tok, base + s, base + e); };
    if (ascii_or_thai_digits(phrase)) {  // references, numbers: unique, and no dictionary applies
      std::string token;
      return words_in(phrase, 0, phrase.size(), token, shifted);
    }
    if (phrase.size() > kMemoLongest) return segment(phrase, shifted);
    auto found = memo_.find(std::string(phrase));
    if (found == memo_.end()) {
      if (memo_.size() >= kMemoEntries) memo_.clear();
      std::vector<Token> words;
      int rc = segment(phrase, [&](const std::string& tok, int32_t s, int32_t e) {
        words.push_back(Token{tok, s, e});
        return SQLITE_OK;
      });
      if (rc != SQLITE_OK) return rc;
      found = memo_.emplace(std::string(phrase), std::move(words)).first;
    }
    for (const Token& t : found->second) {
      int rc = shifted(t.text, t.start, t.end);
      if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
  }

  template <typename Emit>
  int segment(std::string_view text, Emit&& emit) {
    text::WordBreaker& breaker = shared_word_breaker();
    std::string repaired;
    if (!is_valid_utf8(text)) {
      repaired = valid_utf8(text);
      text = repaired;
    }
    std::vector<std::size_t> cuts;
    for (const auto& b : breaker.word_opportunities(text)) cuts.push_back(b.offset);
    cuts.push_back(text.size());
    std::size_t segment_start = 0;
    std::string token;
    for (std::size_t cut : cuts) {
      int rc = words_in(text, segment_start, cut, token, emit);
      if (rc != SQLITE_OK) return rc;
      segment_start = cut;
    }
    return SQLITE_OK;
  }

  // The runs of word characters in [from, to): a line-break segment ends in its spaces or
  // punctuation ("งบประมาณ ", "OBEC-").
  template <typename Emit>
  static int words_in(std::string_view text, std::size_t from, std::size_t to, std::string& token, Emit&& emit) {
    std::size_t i = from, word_start = from;
    token.clear();
    while (i < to) {
      const std::size_t at = i;
      const char32_t cp = text::next_code_point(text, i);
      if (is_word_char(cp)) {
        if (token.empty()) word_start = at;
        normalize(cp, token);
        continue;
      }
      if (!token.empty()) {
        int rc = emit(token, static_cast<int32_t>(word_start), static_cast<int32_t>(at));
        if (rc != SQLITE_OK) return rc;
        token.clear();
      }
    }
    if (!token.empty()) return emit(token, static_cast<int32_t>(word_start), static_cast<int32_t>(to));
    return SQLITE_OK;
  }

  // ASCII lowercased and Thai digits folded to ASCII, so OBEC finds obec and ๒๕๖๙ finds 2569.
  static void normalize(char32_t cp, std::string& out) {
    if (cp >= 0x0E50 && cp <= 0x0E59) out.push_back(static_cast<char>('0' + (cp - 0x0E50)));
    else if (cp >= U'A' && cp <= U'Z') out.push_back(static_cast<char>(cp - U'A' + U'a'));
    else text::append_utf8(out, cp);
  }

  std::unordered_map<std::string, std::vector<Token>> memo_;
};

int thai_create(void*, const char**, int, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(new (std::nothrow) Segmenter());
  return *out ? SQLITE_OK : SQLITE_NOMEM;
}

void thai_delete(Fts5Tokenizer* t) { delete reinterpret_cast<Segmenter*>(t); }

int thai_tokenize(Fts5Tokenizer* t, void* ctx, int, const char* text, int n,
                  int (*x_token)(void*, int, const char*, int, int, int)) {
  auto* seg = reinterpret_cast<Segmenter*>(t);
  try {
    return seg->each_word(std::string_view(text ? text : "", text ? static_cast<std::size_t>(n) : 0),
                          [&](const std::string& tok, int32_t s, int32_t e) {
                            return x_token(ctx, 0, tok.data(), static_cast<int>(tok.size()), s, e);
                          });
  } catch (...) {
    return SQLITE_ERROR;
  }
}

}  // namespace

void register_thai_tokenizer(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &raw, nullptr) != SQLITE_OK)
    throw Error(ErrorCode::DatabaseError, "SQLite was built without FTS5", sqlite3_errmsg(db));
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
  sqlite3_bind_pointer(raw, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(raw);
  if (!api) throw Error(ErrorCode::DatabaseError, "SQLite was built without FTS5");
  static fts5_tokenizer tokenizer{thai_create, thai_delete, thai_tokenize};
  if (api->xCreateTokenizer(api, "thai", nullptr, &tokenizer, nullptr) != SQLITE_OK)
    throw Error(ErrorCode::DatabaseError, "cannot register the Thai tokenizer", sqlite3_errmsg(db));
}

std::vector<std::string> thai_tokens(std::string_view text) {
  // Kept per thread: building the word breaker loads dictionaries, and every search query
  // is tokenized here.
  thread_local Segmenter seg;
  std::vector<std::string> out;
  seg.each_word(text, [&](const std::string& tok, int32_t, int32_t) {
    out.push_back(tok);
    return SQLITE_OK;
  });
  return out;
}

std::vector<QueryPhrase> query_phrases(std::string_view q) {
  std::vector<QueryPhrase> out;
  std::size_t i = 0;
  while (i < q.size()) {
    while (i < q.size() && (q[i] == ' ' || q[i] == '\t' || q[i] == '\n')) ++i;
    std::size_t j = i;
    while (j < q.size() && !(q[j] == ' ' || q[j] == '\t' || q[j] == '\n')) ++j;
    if (j > i) {
      auto part = q.substr(i, j - i);
      auto tokens = thai_tokens(part);
      if (!tokens.empty()) out.push_back({part, std::move(tokens)});
    }
    i = j;
  }
  return out;
}

std::string fts_phrase_query(std::string_view q) {
  // Each part quoted whole: FTS5 tokenizes it with the same tokenizer into a phrase.
  std::string out;
  for (const QueryPhrase& p : query_phrases(q)) {
    if (!out.empty()) out += " AND ";
    out += '"';
    for (char c : p.text) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out;
}

}  // namespace saraban::registry
