#pragma once
// One table's rows from a register's SQLite database into the same table of its PostgreSQL
// schema (saraban migrate): by column name, primary keys kept, each value with its own kind,
// in multi-row INSERTs with bound parameters. A value the target would hold differently (and so
// canonical_row would record differently) is refused, never converted.
#include <cstdint>
#include <functional>
#include <string>

#include "registry/sql.h"

namespace saraban::registry {

// Rows copied so far of `total`, after each batch.
using CopyProgress = std::function<void(const std::string& table, std::int64_t done, std::int64_t total)>;

// Copies every row of `table` from `from` (SQLite, in rowid order) to `to` (PostgreSQL, inside
// the caller's transaction); returns how many. Throws DatabaseError naming the table, row and
// column when the two tables' columns differ or a value cannot be kept exactly (a kind other
// than the target column's, text that is not UTF-8 or holds a NUL byte).
std::int64_t copy_table(sql::Connection& from, sql::Connection& to, const std::string& table,
                        const CopyProgress& progress);

}  // namespace saraban::registry
