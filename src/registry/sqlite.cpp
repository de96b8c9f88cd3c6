#include "registry/sqlite.h"

#include "base/error.h"
#include "registry/thai_tokenizer.h"

namespace saraban::registry::sql {

// Messages never carry SQL text or SQLite's own message (which quotes table and column
// names, or statement fragments): the context is the register's path, and the wording says what
// happened in the register's terms. `what` (a statement) is only used when there is no path.
void fail(sqlite3* db, int rc, std::string_view what) {
  int primary = rc & 0xff;
  const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
  std::string where = file && *file ? std::string(file) : "the register";
  (void)what;
  std::string code = " (SQLite: " + std::string(sqlite3_errstr(rc)) + ")";
  if (rc == SQLITE_READONLY_DIRECTORY || rc == SQLITE_READONLY_CANTINIT || rc == SQLITE_READONLY_CANTLOCK ||
      rc == SQLITE_READONLY_RECOVERY)
    // Reading a WAL register needs its -shm file beside it: this is not about writing.
    throw Error(ErrorCode::IoError,
                "cannot open the register: its folder is not writable, and SQLite needs to create the register's "
                "companion files (-wal, -shm) there; nothing was changed",
                where);
  if (primary == SQLITE_READONLY)
    throw Error(ErrorCode::IoError, "the register is read-only for this account; nothing was changed", where);
  if (primary == SQLITE_FULL) throw Error(ErrorCode::IoError, "the disk is full; nothing was changed" + code, where);
  if (primary == SQLITE_CANTOPEN) throw Error(ErrorCode::IoError, "cannot open the register" + code, where);
  if (primary == SQLITE_IOERR)
    throw Error(ErrorCode::IoError, "cannot read or write the register; nothing was changed" + code, where);
  if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
    throw Error(ErrorCode::DatabaseError, "not a Saraban register or damaged" + code, where);
  if (primary == SQLITE_BUSY)
    throw Error(ErrorCode::DatabaseError, "the register stayed locked by another writer; nothing was changed", where);
  if (primary == SQLITE_CONSTRAINT)
    throw Error(ErrorCode::DatabaseError, "the change would break one of the register's own rules; nothing was changed" + code,
                where);
  throw Error(ErrorCode::DatabaseError, "the register's database refused the operation; nothing was changed" + code, where);
}

namespace {

class SqliteStatement final : public StatementBackend {
 public:
  SqliteStatement(sqlite3* db, std::string_view sql) : db_(db), sql_(sql) {
    sqlite3_stmt* s = nullptr;
    int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &s, nullptr);
    stmt_.reset(s);
    if (rc != SQLITE_OK) fail(db, rc, sql_);
  }
  void bind_integer(int i, std::int64_t v) override { check(sqlite3_bind_int64(stmt_.get(), i, v)); }
  void bind_text(int i, std::string_view v) override {
    check(sqlite3_bind_text(stmt_.get(), i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
  }
  void bind_blob(int i, std::span<const std::uint8_t> b) override {
    // An empty span's data() may be null, which SQLite binds as NULL: bind a zero-length blob.
    check(b.empty() ? sqlite3_bind_zeroblob64(stmt_.get(), i, 0)
                    : sqlite3_bind_blob64(stmt_.get(), i, b.data(), b.size(), SQLITE_TRANSIENT));
  }
  void bind_null(int i) override { check(sqlite3_bind_null(stmt_.get(), i)); }
  int index_of(const char* name) const override { return sqlite3_bind_parameter_index(stmt_.get(), name); }
  bool step() override {
    int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(stmt_.get());
    fail(db_, rc, sql_);
  }
  void reset() override {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
  }
  ColumnKind kind(int col) const override {
    switch (sqlite3_column_type(stmt_.get(), col)) {
      case SQLITE_NULL: return ColumnKind::Null;
      case SQLITE_INTEGER: return ColumnKind::Integer;
      case SQLITE_FLOAT: return ColumnKind::Float;
      case SQLITE_BLOB: return ColumnKind::Blob;
      default: return ColumnKind::Text;
    }
  }
  std::int64_t integer(int col) const override { return sqlite3_column_int64(stmt_.get(), col); }
  double real(int col) const override { return sqlite3_column_double(stmt_.get(), col); }
  std::string text(int col) const override {
    auto p = sqlite3_column_text(stmt_.get(), col);
    int n = sqlite3_column_bytes(stmt_.get(), col);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
  }
  std::vector<std::uint8_t> blob(int col) const override {
    auto p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_.get(), col));
    int n = sqlite3_column_bytes(stmt_.get(), col);
    return p ? std::vector<std::uint8_t>(p, p + n) : std::vector<std::uint8_t>();
  }
  int columns() const override { return sqlite3_column_count(stmt_.get()); }
  std::string column_name(int col) const override { return sqlite3_column_name(stmt_.get(), col); }
  sqlite3_stmt* sqlite_handle() const override { return stmt_.get(); }

 private:
  void check(int rc) const {
    if (rc != SQLITE_OK) fail(db_, rc, sql_);
  }
  sqlite3* db_;
  StatementPtr stmt_;
  std::string sql_;
};

class SqliteConnection final : public ConnectionBackend {
 public:
  SqliteConnection(const std::string& path, bool create, bool read_only) {
    int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (create) flags |= SQLITE_OPEN_CREATE;
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    db_.reset(db);
    if (rc != SQLITE_OK) fail(db, rc, path);
    sqlite3_extended_result_codes(db, 1);
    // Writers queue behind each other (BEGIN IMMEDIATE) rather than fail.
    sqlite3_busy_timeout(db, 60000);
    // The last connection to close checkpoints the WAL into the main file and removes it (SQLite's
    // default, kept on purpose): after every command the .db file alone is the whole register.
    exec("PRAGMA foreign_keys = ON");
    register_thai_tokenizer(db);
  }
  Dialect dialect() const override { return Dialect::Sqlite; }
  void exec(std::string_view sql) override {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_.get(), s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      sqlite3_free(err);
      fail(db_.get(), rc, s.size() > 80 ? s.substr(0, 80) + "..." : s);
    }
  }
  std::unique_ptr<StatementBackend> prepare(std::string_view sql) override {
    return std::make_unique<SqliteStatement>(db_.get(), sql);
  }
  std::int64_t last_insert_rowid() override { return sqlite3_last_insert_rowid(db_.get()); }
  std::int64_t changes() override { return sqlite3_changes64(db_.get()); }
  void begin_write() override { exec("BEGIN IMMEDIATE"); }
  void begin_read() override { exec("BEGIN"); }
  void rollback() noexcept override { sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr); }
  bool read_only() override { return sqlite3_db_readonly(db_.get(), "main") == 1; }
  std::string where() const override {
    const char* f = sqlite3_db_filename(db_.get(), "main");
    return f ? f : "";
  }
  sqlite3* sqlite_handle() const override { return db_.get(); }

 private:
  ConnectionPtr db_;
};

}  // namespace

std::unique_ptr<ConnectionBackend> open_sqlite(const std::string& path, bool create, bool read_only) {
  return std::make_unique<SqliteConnection>(path, create, read_only);
}

Connection::Connection(const std::string& path, bool create, bool read_only)
    : Connection(open_sqlite(path, create, read_only)) {}

}  // namespace saraban::registry::sql
