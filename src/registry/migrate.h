#pragma once
// saraban migrate: an office's SQLite register moved into an empty PostgreSQL database with its
// audit chain unchanged (the same rows, the same hashes, the same key), so that the PostgreSQL
// register verifies as the very same history. The SQLite register is only read.
#include <cstdint>
#include <functional>
#include <string>

#include "base/environment.h"
#include "registry/sql_store.h"
#include "registry/types.h"

namespace saraban::registry {

struct RegisterCounts {
  std::int64_t entries = 0;
  std::int64_t audit_rows = 0;
  std::int64_t attachments = 0;
  std::int64_t head_seq = 0;  // the audit chain's last entry
  std::string head_hash;
};

struct MigrateReport {
  RegisterCounts source, target;
  VerifyReport verified;    // the PostgreSQL register's verify, before it was committed
  std::string key, anchor;  // where this machine now keeps the PostgreSQL register's key and anchor
};

// What is being done (a step, or a table being copied): `done` of `total` rows
// (0 of 0 for a step that has no count).
using MigrateProgress = std::function<void(const std::string& step, std::int64_t done, std::int64_t total)>;

// Copies `source` (opened with SqlRegisterStore::open_read_only) into the empty PostgreSQL
// database at `url` in one transaction: every canonical row with its key, audit_log verbatim,
// the search index and number counters rebuilt, identity sequences set past the copied ids,
// the source's chain key and a fresh anchor written for this machine (postgres_local_files).
// It is committed only when the PostgreSQL register verifies. Throws Error (and leaves the
// database as it was, and no key or anchor) when the source does not verify, the database is
// not empty, or a row cannot be kept exactly.
// Only an admin of the source may move it (everything moves, the secret entries too).
MigrateReport migrate_to_postgres(SqlRegisterStore& source, const User& actor, const std::string& url,
                                  const Environment& env, const MigrateProgress& progress);

}  // namespace saraban::registry
