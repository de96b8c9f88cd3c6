#pragma once
// RAII over the SQLite C API, and the SQLite backend of sql.h: writes always start with BEGIN
// IMMEDIATE (so two writers never both read the same MAX(number)).
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "registry/sql.h"

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

// The SQLite backend of sql::Connection (sql.h): BEGIN IMMEDIATE for writes, the Thai FTS5
// tokenizer registered on every connection.
std::unique_ptr<ConnectionBackend> open_sqlite(const std::string& path, bool create, bool read_only);

}  // namespace saraban::registry::sql
