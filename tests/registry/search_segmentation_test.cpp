// The register's search segments Thai exactly as the PDFs break lines (text::WordBreaker): a
// word the office keeps whole is one search word, and a stored text that is not valid UTF-8
// is still indexed around the bad bytes.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "registry/schema.h"
#include "registry/thai_tokenizer.h"
#include "registry_test_support.h"
#include "text/word_breaker.h"

namespace saraban::registry {
namespace {

using testing::Fixture;

TEST(SearchSegmentation, KeepWordsAreOneSearchWordAsInThePdfs) {
  // ICU alone splits these loanwords (ซัพพลาย|เออร์, แบ็ก|อัป); the word breaker keeps them.
  EXPECT_EQ(thai_tokens("ซัพพลายเออร์"), std::vector<std::string>{"ซัพพลายเออร์"});
  EXPECT_EQ(thai_tokens("ระบบแบ็กอัป"), (std::vector<std::string>{"ระบบ", "แบ็กอัป"}));
  // Every token boundary inside Thai is a line-break opportunity of the word breaker.
  const std::string text = "ขอเชิญประชุมซัพพลายเออร์เรื่องการจัดซื้อ";
  text::WordBreaker breaker;
  std::string joined;
  std::vector<std::size_t> cuts;
  for (const auto& t : thai_tokens(text)) {
    joined += t;
    cuts.push_back(joined.size());
  }
  EXPECT_EQ(joined, text);
  cuts.pop_back();
  std::vector<std::size_t> opportunities;
  for (const auto& b : breaker.opportunities(text)) opportunities.push_back(b.offset);
  EXPECT_EQ(cuts, opportunities);
}

TEST(SearchSegmentation, AKeptWordIsFoundWholeAndNotByAFragment) {
  Fixture f("segmentation");
  f.receive("ขอเชิญประชุมซัพพลายเออร์ประจำปี");
  EXPECT_EQ(f.reg->search(f.clerk, "ซัพพลายเออร์", EntryFilter{}).size(), 1u);
  EXPECT_TRUE(f.reg->search(f.clerk, "เออร์", EntryFilter{}).empty());
}

TEST(SearchSegmentation, InvalidUtf8InAStoredRowIsIndexedAroundTheBadBytes) {
  SARABAN_SQLITE_ONLY("PostgreSQL text cannot hold bytes that are not UTF-8");
  Fixture f("segmentation-utf8");
  f.receive("ขอเชิญประชุม");
  f.reg.reset();
  f.store.reset();
  ASSERT_EQ(testing::tamper(f.db, "UPDATE entries SET subject = CAST(x'e0b882e0b8ad' || x'ff' || 'budget' AS TEXT)"),
            SQLITE_OK);
  f.store = SqlRegisterStore::open(f.db, f.env);
  f.reg = std::make_unique<Registry>(*f.store, f.env);
  f.reg->reindex(f.admin);
  EXPECT_EQ(f.reg->search(f.clerk, "budget", EntryFilter{}).size(), 1u);
}

// A register indexed by an older saraban (ICU's word iterator) is re-indexed when opened, so
// its old tokens never meet the new queries.
TEST(SearchSegmentation, OpeningARegisterOfSchemaVersionTwoRebuildsTheIndex) {
  SARABAN_SQLITE_ONLY("a migration of SQLite registers older than PostgreSQL support");
  Fixture f("segmentation-migrate");
  f.receive("ขอเชิญประชุมซัพพลายเออร์ประจำปี");
  // Stand-in for an index of other tokens: none at all, at version 2.
  f.store->connection().exec("INSERT INTO entries_fts(entries_fts) VALUES ('delete-all')");
  // Version 2 only added tables (0002_identity.sql): take them away to stand at version 2.
  f.store->connection().exec("PRAGMA user_version = 2");
  EXPECT_TRUE(f.reg->search(f.clerk, "ซัพพลายเออร์", EntryFilter{}).empty());
  f.reg.reset();
  f.store.reset();
  f.store = SqlRegisterStore::open(f.db, f.env);
  f.reg = std::make_unique<Registry>(*f.store, f.env);
  EXPECT_EQ(f.store->connection().pragma_int("user_version"), kSchemaVersion);
  EXPECT_EQ(f.reg->search(f.clerk, "ซัพพลายเออร์", EntryFilter{}).size(), 1u);
  EXPECT_TRUE(f.reg->verify(f.cleared_clerk).ok);
}

}  // namespace
}  // namespace saraban::registry
