#pragma once
// The PostgreSQL backend of sql::Connection (sql.h), through libpqxx: named parameters become
// $1, $2 ... prepared once per connection; a write transaction takes one advisory lock shared
// by every machine on the register; failures become saraban::Error naming the server and what
// happened (never the password).
#include <cstdint>
#include <memory>
#include <string>

#include "registry/sql.h"

namespace saraban::registry::sql {

// The advisory lock every write transaction takes, on every machine ('SRAB', as the
// application id): one writer at a time extends the audit chain.
inline constexpr std::int64_t kWriteLockKey = 0x53524142;

// Connects; throws Error(DatabaseError) with a clear message when the string is malformed, the
// server is down or refuses the login.
std::unique_ptr<ConnectionBackend> open_postgres(const std::string& url);

// The connection string without its password, for messages and file names.
std::string without_password(const std::string& url);

}  // namespace saraban::registry::sql
