#pragma once
// One SQL interface over the register's two engines: SQLite (one machine, sqlite.h) and
// PostgreSQL (one register shared by many machines, postgres.h). The store writes its SQL once,
// with named parameters (":name") only; a backend binds them its own way. The few places the
// engines differ (search index, locking, schema version) ask dialect().
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace saraban::registry::sql {

enum class Dialect { Sqlite, Postgres };
enum class ColumnKind { Null, Integer, Float, Text, Blob };

// What a backend implements for one prepared statement. Columns follow SQLite's conventions:
// integer() of NULL is 0, text() of NULL is "".
class StatementBackend {
 public:
  virtual ~StatementBackend() = default;
  virtual void bind_integer(int index, std::int64_t v) = 0;
  virtual void bind_text(int index, std::string_view v) = 0;
  virtual void bind_blob(int index, std::span<const std::uint8_t> v) = 0;
  virtual void bind_null(int index) = 0;
  virtual int index_of(const char* name) const = 0;  // 0 when the statement has no such parameter
  virtual bool step() = 0;
  virtual void reset() = 0;
  virtual ColumnKind kind(int col) const = 0;
  virtual std::int64_t integer(int col) const = 0;
  virtual double real(int col) const = 0;
  virtual std::string text(int col) const = 0;
  virtual std::vector<std::uint8_t> blob(int col) const = 0;
  virtual int columns() const = 0;
  virtual std::string column_name(int col) const = 0;
  virtual sqlite3_stmt* sqlite_handle() const { return nullptr; }
};

class ConnectionBackend {
 public:
  virtual ~ConnectionBackend() = default;
  virtual Dialect dialect() const = 0;
  virtual void exec(std::string_view sql) = 0;
  virtual std::unique_ptr<StatementBackend> prepare(std::string_view sql) = 0;
  // A statement without parameters that reads many rows: by default an ordinary one.
  virtual std::unique_ptr<StatementBackend> scan(std::string_view sql) { return prepare(sql); }
  virtual std::int64_t last_insert_rowid() = 0;
  virtual std::int64_t changes() = 0;  // rows changed by the last statement
  // Takes the register's write lock: SQLite BEGIN IMMEDIATE; PostgreSQL BEGIN and an advisory
  // lock, so writers on every machine queue as SQLite's do and the audit chain stays one chain.
  virtual void begin_write() = 0;
  virtual void begin_read() = 0;  // one consistent snapshot
  virtual void rollback() noexcept = 0;
  virtual bool read_only() = 0;
  // Where the register is, for messages (a path, or a connection string without its password).
  virtual std::string where() const = 0;
  virtual sqlite3* sqlite_handle() const { return nullptr; }
};

class Statement {
 public:
  explicit Statement(std::unique_ptr<StatementBackend> b) : b_(std::move(b)) {}
  Statement& bind(int index, std::int64_t v) { return b_->bind_integer(index, v), *this; }
  Statement& bind(int index, int v) { return bind(index, static_cast<std::int64_t>(v)); }
  Statement& bind(int index, std::string_view v) { return b_->bind_text(index, v), *this; }
  Statement& bind(int index, const char* v) { return bind(index, std::string_view(v)); }
  Statement& bind(int index, const std::string& v) { return bind(index, std::string_view(v)); }
  Statement& bind(int index, std::span<const std::uint8_t> blob) { return b_->bind_blob(index, blob), *this; }
  Statement& bind(int index, std::nullopt_t) { return b_->bind_null(index), *this; }
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
  bool step() { return b_->step(); }
  void run() { while (step()) {} }
  void reset() { b_->reset(); }

  std::int64_t integer(int col) const { return b_->integer(col); }
  std::string text(int col) const { return b_->text(col); }
  std::optional<std::string> optional_text(int col) const;
  std::optional<std::int64_t> optional_integer(int col) const;
  bool is_null(int col) const { return b_->kind(col) == ColumnKind::Null; }
  ColumnKind kind(int col) const { return b_->kind(col); }
  double real(int col) const { return b_->real(col); }
  std::vector<std::uint8_t> blob(int col) const { return b_->blob(col); }
  int columns() const { return b_->columns(); }
  std::string column_name(int col) const { return b_->column_name(col); }
  sqlite3_stmt* get() const { return b_->sqlite_handle(); }  // SQLite only (null otherwise)

 private:
  int index_of(const char* name) const;
  std::unique_ptr<StatementBackend> b_;
};

class Connection {
 public:
  explicit Connection(std::unique_ptr<ConnectionBackend> b) : b_(std::move(b)) {}
  // Opens an SQLite file (sqlite.cpp): existing (create=false) or new.
  Connection(const std::string& path, bool create, bool read_only = false);
  Dialect dialect() const { return b_->dialect(); }
  bool postgres() const { return dialect() == Dialect::Postgres; }
  sqlite3* get() const { return b_->sqlite_handle(); }  // SQLite only (null otherwise)
  void exec(std::string_view sql) { b_->exec(sql); }
  Statement prepare(std::string_view sql) { return Statement(b_->prepare(sql)); }
  // Reads a whole table's worth of rows (no parameters) without holding them all at once:
  // SQLite steps as ever; PostgreSQL fetches through a cursor, a batch at a time, inside the
  // current transaction (verify's 100,000-letter walk would otherwise hold gigabytes).
  Statement scan(std::string_view sql) { return Statement(b_->scan(sql)); }
  // A cached statement for the hot paths (reset and cleared before it is returned).
  Statement& cached(std::string_view sql);
  std::int64_t last_insert_rowid() { return b_->last_insert_rowid(); }
  std::int64_t changes() { return b_->changes(); }
  int pragma_int(std::string_view name);  // SQLite only
  std::string path() const { return b_->where(); }
  bool read_only() { return b_->read_only(); }
  void begin_write() { b_->begin_write(); }
  void begin_read() { b_->begin_read(); }
  void rollback() noexcept { b_->rollback(); }
  // The column naming a table's rows in the audit log (SQLite's rowid, the primary key on
  // PostgreSQL: the same values, since every SQLite table's key is its rowid).
  std::string row_key(const std::string& table);

 private:
  std::unique_ptr<ConnectionBackend> b_;
  std::vector<std::pair<std::string, std::unique_ptr<Statement>>> cache_;
  std::vector<std::pair<std::string, std::string>> row_keys_;
};

// begin_write() ... COMMIT; rolls back in the destructor unless commit() ran.
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
