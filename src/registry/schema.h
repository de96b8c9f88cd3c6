#pragma once
// The register's schema (registry/schema.sql) and migrations, compiled into the binary.
#include <string_view>
#include <vector>

namespace saraban::registry {

// PRAGMA application_id of a Saraban register ('SRAB') and the schema version it is at.
inline constexpr int kApplicationId = 0x53524142;
inline constexpr int kSchemaVersion = 7;

struct Migration {
  std::string_view name;  // "0002_what.sql": takes a register from version 1 to 2
  std::string_view sql;
};

std::string_view embedded_schema();
std::string_view embedded_postgres_schema();  // registry/postgresql/schema.sql, same version
std::vector<Migration> embedded_migrations();

}  // namespace saraban::registry
