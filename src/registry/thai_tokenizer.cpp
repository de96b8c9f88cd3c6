#include "registry/thai_tokenizer.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <memory>

#include "base/error.h"

namespace saraban::registry {
namespace {

struct BreakCloser {
  void operator()(UBreakIterator* b) const noexcept { ubrk_close(b); }
};
struct UTextCloser {
  void operator()(UText* t) const noexcept { utext_close(t); }
};
using BreakPtr = std::unique_ptr<UBreakIterator, BreakCloser>;
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

// One segmenter per FTS5 table instance; the ICU iterator is made on first use because
// building it loads the Thai dictionary and most commands never tokenize anything.
class Segmenter {
 public:
  template <typename Emit>
  int each_word(std::string_view text, Emit&& emit) {
    UErrorCode st = U_ZERO_ERROR;
    if (!bi_) {
      bi_.reset(ubrk_open(UBRK_WORD, "th", nullptr, 0, &st));
      if (U_FAILURE(st)) return SQLITE_ERROR;
    }
    UTextPtr ut(utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &st));
    if (U_FAILURE(st)) return SQLITE_ERROR;
    ubrk_setUText(bi_.get(), ut.get(), &st);
    if (U_FAILURE(st)) return SQLITE_ERROR;
    std::string token;
    int32_t start = ubrk_first(bi_.get());
    for (int32_t end = ubrk_next(bi_.get()); end != UBRK_DONE; start = end, end = ubrk_next(bi_.get())) {
      if (ubrk_getRuleStatus(bi_.get()) < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
      token.clear();
      normalize(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)), token);
      if (token.empty()) continue;
      int rc = emit(token, start, end);
      if (rc != SQLITE_OK) return rc;
    }
    // Detach the iterator from the text before the UText goes away.
    ubrk_setText(bi_.get(), nullptr, 0, &st);
    return SQLITE_OK;
  }

 private:
  static void normalize(std::string_view w, std::string& out) {
    for (std::size_t i = 0; i < w.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(w[i]);
      // Thai digits U+0E50..U+0E59 are E0 B9 90..99 in UTF-8.
      if (c == 0xE0 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0xB9 &&
          static_cast<unsigned char>(w[i + 2]) >= 0x90 && static_cast<unsigned char>(w[i + 2]) <= 0x99) {
        out.push_back(static_cast<char>('0' + (static_cast<unsigned char>(w[i + 2]) - 0x90)));
        i += 2;
      } else if (c >= 'A' && c <= 'Z') {
        out.push_back(static_cast<char>(c - 'A' + 'a'));
      } else {
        out.push_back(static_cast<char>(c));
      }
    }
  }
  BreakPtr bi_;
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
  Segmenter seg;
  std::vector<std::string> out;
  seg.each_word(text, [&](const std::string& tok, int32_t, int32_t) {
    out.push_back(tok);
    return SQLITE_OK;
  });
  return out;
}

std::string fts_phrase_query(std::string_view q) {
  std::string out;
  std::size_t i = 0;
  while (i < q.size()) {
    while (i < q.size() && (q[i] == ' ' || q[i] == '\t' || q[i] == '\n')) ++i;
    std::size_t j = i;
    while (j < q.size() && !(q[j] == ' ' || q[j] == '\t' || q[j] == '\n')) ++j;
    if (j > i) {
      auto part = q.substr(i, j - i);
      if (!thai_tokens(part).empty()) {
        if (!out.empty()) out += " AND ";
        out += '"';
        for (char c : part) {
          if (c == '"') out += '"';
          out += c;
        }
        out += '"';
      }
    }
    i = j;
  }
  return out;
}

}  // namespace saraban::registry
