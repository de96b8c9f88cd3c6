// The two schemas (registry/schema.sql, registry/postgresql/schema.sql) describe one register:
// the same tables, columns in the same order, the same types and NOT NULLs, the same version.
// The audit chain hashes rows column by column, so a drift here breaks verify after a move.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "registry/schema.h"
#include "registry_test_support.h"

namespace saraban::registry {
namespace {

struct Column {
  std::string name, type;
  bool not_null = false;
  bool operator==(const Column&) const = default;
};
using Tables = std::map<std::string, std::vector<Column>>;

std::string portable_type(std::string t) {
  for (auto& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (t == "integer" || t == "bigint") return "integer";
  if (t == "bytea" || t == "blob") return "blob";
  if (t == "real" || t == "double precision") return "real";
  return t;
}

Tables sqlite_tables(sql::Connection& c) {
  Tables out;
  auto names = c.prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'entries_fts%'");
  while (names.step()) {
    auto cols = c.prepare("SELECT name, type, \"notnull\" OR pk FROM pragma_table_info(:t) ORDER BY cid");
    cols.bind(":t", names.text(0));
    auto& t = out[names.text(0)];
    while (cols.step()) t.push_back({cols.text(0), portable_type(cols.text(1)), cols.integer(2) != 0});
  }
  return out;
}

Tables postgres_tables(sql::Connection& c) {
  Tables out;
  auto cols = c.prepare(
      "SELECT table_name, column_name, data_type, CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END "
      "FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position");
  while (cols.step()) out[cols.text(0)].push_back({cols.text(1), portable_type(cols.text(2)), cols.integer(3) != 0});
  return out;
}

TEST(SchemaParity, BothEnginesHoldTheSameTablesColumnsAndVersion) {
  if (testing::test_postgres_server().empty()) GTEST_SKIP() << "needs the test PostgreSQL server (SARABAN_TEST_PG)";
  const std::string dir = testing::temp_dir("schema-parity");
  testing::TestEnvironment env(testing::kMarch2026);
  ::setenv("SARABAN_KEY_DIR", dir.c_str(), 1);
  auto lite = SqlRegisterStore::create(dir + "/registry.db", env);
  const std::string name = "t_schema_parity_" + std::to_string(::getpid());
  auto admin = testing::raw_connection(testing::test_postgres_server());
  admin.exec("DROP DATABASE IF EXISTS " + name);
  admin.exec("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
  const std::string url = testing::test_postgres_server().substr(0, testing::test_postgres_server().rfind('/') + 1) + name;
  auto pg = SqlRegisterStore::create(url, env);

  Tables on_sqlite = sqlite_tables(lite->connection()), on_postgres = postgres_tables(pg->connection());
  // PostgreSQL's own rebuildable tables (SQLite keeps the search index in FTS5, counts per entry).
  for (const char* own : {"entries_search", "register_counters", "saraban_meta"}) EXPECT_EQ(on_postgres.erase(own), 1u) << own;
  ASSERT_GT(on_sqlite.size(), 10u);
  std::set<std::string> a, b;
  for (const auto& [t, _] : on_sqlite) a.insert(t);
  for (const auto& [t, _] : on_postgres) b.insert(t);
  EXPECT_EQ(a, b);
  for (const auto& [t, cols] : on_sqlite) {
    if (!on_postgres.count(t)) continue;
    const auto& other = on_postgres[t];
    ASSERT_EQ(cols.size(), other.size()) << t;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      EXPECT_EQ(cols[i].name, other[i].name) << t << " column " << i;
      EXPECT_EQ(cols[i].type, other[i].type) << t << "." << cols[i].name;
      EXPECT_EQ(cols[i].not_null, other[i].not_null) << t << "." << cols[i].name << " NOT NULL";
    }
  }
  auto version = pg->connection().prepare("SELECT schema_version FROM saraban_meta");
  ASSERT_TRUE(version.step());
  EXPECT_EQ(version.integer(0), lite->connection().pragma_int("user_version"));

  pg.reset();
  lite.reset();
  admin.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace saraban::registry
