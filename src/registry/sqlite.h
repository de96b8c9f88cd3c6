#pragma once
// RAII over the SQLite C API: a connection, prepared statements, and a write transaction
// that always starts with BEGIN IMMEDIATE (so two writers never both read the same MAX(number)).
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace saraban::registry::sql {

struct ConnectionCloser {
  void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
};
using ConnectionPtr = std::unique_ptr<sqlite3, ConnectionCloser>;
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// Throws saraban::Error(DatabaseError or IoError) with SQLite's message and `what` as context.
[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what);

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  Statement& bind(int index, std::int64_t v);
  Statement& bind(int index, int v) { return bind(index, static_cast<std::int64_t>(v)); }
  Statement& bind(int index, std::string_view v);
  Statement& bind(int index, const char* v) { return bind(index, std::string_view(v)); }
  Statement& bind(int index, const std::string& v) { return bind(index, std::string_view(v)); }
  Statement& bind(int index, std::span<const std::uint8_t> blob);
  Statement& bind(int index, std::nullopt_t);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& v) {
    return v ? bind(index, *v) : bind(index, std::nullopt);
  }
  // Named parameters (":name"): the name must appear in the statement's SQL.
  template <typename T>
  Statement& bind(const char* name, const T& v) {
    return bind(index_of(name), v);
  }
  // Steps once: true when a row is available.
  bool step();
  void run() { while (step()) {} }
  void reset();

  std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_.get(), col); }
  std::string text(int col) const;
  std::optional<std::string> optional_text(int col) const;
  std::optional<std::int64_t> optional_integer(int col) const;
  bool is_null(int col) const { return sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL; }
  std::vector<std::uint8_t> blob(int col) const;
  int columns() const { return sqlite3_column_count(stmt_.get()); }
  sqlite3_stmt* get() const { return stmt_.get(); }

 private:
  int index_of(const char* name) const;

  sqlite3* db_;
  StatementPtr stmt_;
  std::string sql_;
};

class Connection {
 public:
  // Opens an existing file (create=false) or creates it. Registers the Thai FTS5 tokenizer,
  // sets busy_timeout and foreign keys.
  Connection(const std::string& path, bool create, bool read_only = false);
  sqlite3* get() const { return db_.get(); }
  void exec(std::string_view sql);
  Statement prepare(std::string_view sql) { return Statement(db_.get(), sql); }
  // A cached statement for the hot paths (reset and cleared before it is returned).
  Statement& cached(std::string_view sql);
  std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_.get()); }
  int pragma_int(std::string_view name);
  std::string path() const;

 private:
  ConnectionPtr db_;
  std::vector<std::pair<std::string, std::unique_ptr<Statement>>> cache_;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back in the destructor unless commit() ran.
class WriteTransaction {
 public:
  explicit WriteTransaction(Connection& c);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  void commit();

 private:
  Connection& c_;
  bool done_ = false;
};

}  // namespace saraban::registry::sql
