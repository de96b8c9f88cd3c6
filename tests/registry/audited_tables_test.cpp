// The audited tables come from the register's own schema: every ordinary table of schema.sql
// but audit_log, so a new canonical table cannot escape the audit.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "registry/audit_chain.h"
#include "registry/schema.h"
#include "registry_test_support.h"

namespace saraban::registry {
namespace {

TEST(AuditedTables, AreEveryOrdinaryTableOfTheSchemaButTheLog) {
  std::set<std::string> in_schema;
  std::string schema(embedded_schema());
  std::regex create(R"(CREATE TABLE (\w+)\s*\()");
  for (std::sregex_iterator it(schema.begin(), schema.end(), create), end; it != end; ++it) in_schema.insert((*it)[1]);
  ASSERT_TRUE(in_schema.count("entries"));
  ASSERT_TRUE(in_schema.erase("audit_log"));
  testing::Fixture f("audited-tables");
  auto audited = audited_tables(f.store->connection());
  EXPECT_EQ(std::set<std::string>(audited.begin(), audited.end()), in_schema);
  // The chain names rows by rowid: every audited table keeps it as its INTEGER PRIMARY KEY.
  for (const auto& t : audited) {
    auto s = f.store->connection().prepare("SELECT count(*) FROM pragma_table_info(:t) WHERE pk = 1 AND type = 'INTEGER'");
    s.bind(":t", t);
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.integer(0), 1) << t << " has no INTEGER PRIMARY KEY";
  }
}

TEST(AuditedTables, ARowInATableAddedOutsideSarabanIsFound) {
  testing::Fixture f("new-table");
  f.receive("ขอเชิญประชุม");
  f.reg.reset();
  f.store.reset();
  ASSERT_EQ(testing::tamper(f.db, "CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT NOT NULL);"
                                  "INSERT INTO notes(text) VALUES ('ไม่ได้ผ่านทะเบียน');"),
            SQLITE_OK);
  f.store = SqlRegisterStore::open(f.db, f.env);
  f.reg = std::make_unique<Registry>(*f.store, f.env);
  auto r = f.reg->verify(f.admin);
  ASSERT_FALSE(r.ok);
  EXPECT_NE(r.problems.front().find("notes row 1 was added outside Saraban"), std::string::npos) << r.problems.front();
}

}  // namespace
}  // namespace saraban::registry
