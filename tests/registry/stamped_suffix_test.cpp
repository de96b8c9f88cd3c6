// A stamped copy that begins with its original's bytes (the stamp added as an incremental
// update) is stored as only what it adds, read back whole, and rehashed whole by verify; any
// other copy is stored whole as before; a register from before (version 5) migrates and verifies.
#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "base/error.h"
#include "chain_test_support.h"
#include "registry/schema.h"
#include "registry_test_support.h"
#include "stand_in_stamper.h"

namespace saraban::registry {
namespace {

using testing::query_one;
using testing::tamper;

// A few MB of noise behind a PDF header: big enough that storing it twice shows, and "corrupt"
// to the register, which still has it stamped (a damaged file may be repaired).
std::vector<std::uint8_t> big_original(std::size_t size) {
  std::mt19937 rng(9);
  std::vector<std::uint8_t> b(size);
  for (auto& x : b) x = static_cast<std::uint8_t>(rng());
  const std::string header = "%PDF-1.7\n";
  std::copy(header.begin(), header.end(), b.begin());
  return b;
}

// Appends an "update" of a couple of KB, as an incremental-update stamper does.
class AppendingStamper final : public testing::StandInStamper {
 public:
  std::vector<std::uint8_t> draw(const std::vector<std::uint8_t>& original, const ReceiveStampText& t) override {
    std::vector<std::uint8_t> out(original);
    std::string update = "\n% receive stamp " + t.number + "\n" + std::string(2048, 'u') + "\n%%EOF\n";
    out.insert(out.end(), update.begin(), update.end());
    return out;
  }
};

// Rewrites the file: the copy does not begin with the original.
class RewritingStamper final : public testing::StandInStamper {
 public:
  std::vector<std::uint8_t> draw(const std::vector<std::uint8_t>& original, const ReceiveStampText&) override {
    std::vector<std::uint8_t> out(original);
    out[out.size() / 2] ^= 0xff;
    out.push_back('\n');
    return out;
  }
};

struct SuffixFixture : testing::Fixture {
  std::vector<std::uint8_t> original;
  explicit SuffixFixture(const std::string& name, std::size_t size = 4 * 1024 * 1024)
      : Fixture(name), original(big_original(size)) {}
  Issued receive_with(IncomingPdfHandler& stamper, Secrecy secrecy = Secrecy::None) {
    const std::string path = dir + "/scan.pdf";
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(original.data()),
                                                static_cast<std::streamsize>(original.size()));
    Registry r(*store, env, &stamper);
    ReceiveRequest q;
    q.sender = "สพฐ.";
    q.subject = "ส่งสำเนาเอกสาร";
    q.file = path;
    q.secrecy = secrecy;
    return r.receive(secrecy == Secrecy::None ? clerk : cleared_clerk, q);
  }
  // The register's logical size (its pages, wherever they are: the file or the WAL).
  std::int64_t db_bytes() {
    auto& c = store->connection();
    if (c.postgres()) {  // the bytes stored (the server's pages are its own business)
      auto s = c.prepare("SELECT coalesce(sum(octet_length(bytes)), 0) FROM attachment_blobs");
      s.step();
      return s.integer(0);
    }
    return static_cast<std::int64_t>(c.pragma_int("page_count")) * c.pragma_int("page_size");
  }
  std::int64_t rows(const char* table) {
    auto s = store->connection().prepare(std::string("SELECT count(*) FROM ") + table);
    s.step();
    return s.integer(0);
  }
  std::string stamped_sha256(std::int64_t entry_id) {
    for (const auto& a : reg->show(clerk, entry_id).attachments)
      if (a.kind == "stamped") return a.sha256;
    return "";
  }
  VerifyReport reopen_and_verify() {
    reg.reset();
    store.reset();
    store = SqlRegisterStore::open(db, env);
    reg = std::make_unique<Registry>(*store, env);
    return reg->verify(admin);
  }
};

bool any_problem_has(const VerifyReport& r, const std::string& a, const std::string& b) {
  for (const auto& p : r.problems)
    if (p.find(a) != std::string::npos && p.find(b) != std::string::npos) return true;
  return false;
}

std::string all_problems(const VerifyReport& r) {
  std::string s;
  for (const auto& p : r.problems) s += p + "\n";
  return s;
}

TEST(StampedSuffix, ACopyExtendingTheOriginalCostsOnlyWhatItAdds) {
  SuffixFixture f("suffix-size");
  const std::int64_t before = f.db_bytes();
  AppendingStamper stamper;
  auto n = f.receive_with(stamper);
  const std::int64_t grown = f.db_bytes() - before;
  const auto whole = stamper.draw(f.original, ReceiveStampText{"", "๑", "", ""});
  ::testing::Test::RecordProperty("register_growth_bytes", std::to_string(grown));
  EXPECT_LT(grown, static_cast<std::int64_t>(f.original.size()) + 1024 * 1024)
      << "the register grew by " << grown << " bytes for a " << f.original.size() << "-byte original";
  EXPECT_EQ(f.rows("attachment_blob_bases"), 1);
  // Read back whole and byte for byte; listed with the whole copy's size and hash.
  auto [stamped, stamped_bytes] = f.reg->attachment(f.clerk, n.id, "stamped");
  EXPECT_EQ(stamped_bytes, whole);
  EXPECT_EQ(stamped.size, static_cast<std::int64_t>(whole.size()));
  EXPECT_EQ(stamped.sha256, sha256_hex(whole));
  EXPECT_EQ(f.reg->attachment(f.clerk, n.id, "original").second, f.original);
  EXPECT_TRUE(f.reg->verify(f.admin).ok);
  EXPECT_TRUE(f.reopen_and_verify().ok);
}

TEST(StampedSuffix, ACopyThatRewritesTheOriginalIsStoredWhole) {
  SuffixFixture f("suffix-whole", 64 * 1024);
  RewritingStamper stamper;
  auto n = f.receive_with(stamper);
  EXPECT_EQ(f.rows("attachment_blob_bases"), 0);
  const auto whole = stamper.draw(f.original, {});
  EXPECT_EQ(query_one(f.db, "SELECT length(bytes) FROM attachment_blobs WHERE sha256 = '" + sha256_hex(whole) + "'"),
            std::to_string(whole.size()));
  EXPECT_EQ(f.reg->attachment(f.clerk, n.id, "stamped").second, whole);
  EXPECT_TRUE(f.reg->verify(f.admin).ok);
}

TEST(StampedSuffix, VerifyCatchesAChangedSuffix) {
  SuffixFixture f("suffix-tamper", 64 * 1024);
  AppendingStamper stamper;
  auto n = f.receive_with(stamper);
  const std::string sha = f.stamped_sha256(n.id);
  ASSERT_FALSE(sha.empty());
  f.reg.reset();
  f.store.reset();
  ASSERT_EQ(tamper(f.db, "UPDATE attachment_blobs SET bytes = " + testing::byte_21_replaced("bytes") + " "
                         "WHERE id = (SELECT blob_id FROM attachment_blob_bases)"),
            SQLITE_OK);
  auto r = f.reopen_and_verify();
  ASSERT_FALSE(r.ok);
  EXPECT_TRUE(any_problem_has(r, sha, "no longer match their SHA-256")) << all_problems(r);
}

TEST(StampedSuffix, VerifyCatchesAChangedBaseInTheCopyToo) {
  SuffixFixture f("suffix-base", 64 * 1024);
  AppendingStamper stamper;
  auto n = f.receive_with(stamper);
  const std::string sha = f.stamped_sha256(n.id);
  f.reg.reset();
  f.store.reset();
  ASSERT_EQ(tamper(f.db, "UPDATE attachment_blobs SET bytes = " + testing::byte_21_replaced("bytes") + " "
                         "WHERE sha256 = (SELECT base_sha256 FROM attachment_blob_bases)"),
            SQLITE_OK);
  auto r = f.reopen_and_verify();
  ASSERT_FALSE(r.ok);
  // The original is caught, and so is the stamped copy put together from it.
  EXPECT_TRUE(any_problem_has(r, sha, "no longer match their SHA-256")) << all_problems(r);
  EXPECT_TRUE(any_problem_has(r, sha256_hex(f.original), "no longer match their SHA-256")) << all_problems(r);
}

TEST(StampedSuffix, VerifyCatchesABrokenLinkToTheBase) {
  SuffixFixture f("suffix-link", 64 * 1024);
  AppendingStamper stamper;
  auto n = f.receive_with(stamper);
  const std::string sha = f.stamped_sha256(n.id);
  f.reg.reset();
  f.store.reset();
  ASSERT_EQ(tamper(f.db, testing::foreign_keys_off_sql() + "UPDATE attachment_blob_bases SET base_sha256 = 'feed'"), SQLITE_OK);
  auto r = f.reopen_and_verify();
  ASSERT_FALSE(r.ok);
  EXPECT_TRUE(any_problem_has(r, sha, "its base feed is not stored")) << all_problems(r);
  EXPECT_TRUE(any_problem_has(r, "attachment_blob_bases", "changed outside Saraban")) << all_problems(r);
}

TEST(StampedSuffix, ABrokenLinkInASecretLetterIsOnlyCountedForTheUncleared) {
  SuffixFixture f("suffix-secret", 1024);
  AppendingStamper stamper;
  f.receive_with(stamper, Secrecy::Secret);
  f.reg.reset();
  f.store.reset();
  ASSERT_EQ(tamper(f.db, testing::foreign_keys_off_sql() + "UPDATE attachment_blob_bases SET base_sha256 = 'feed'"), SQLITE_OK);
  f.reopen_and_verify();
  auto r = f.reg->verify(f.nosy);
  ASSERT_FALSE(r.ok);
  const std::string text = all_problems(r);
  EXPECT_EQ(text.find("attachment_blob_bases"), std::string::npos) << text;
  EXPECT_EQ(text.find("feed"), std::string::npos) << text;
  EXPECT_NE(text.find("above your clearance"), std::string::npos) << text;
}

TEST(StampedSuffix, AStampedCopyReceivedAgainIsTheBaseOfTheNextCopy) {
  SuffixFixture f("suffix-chain", 64 * 1024);
  AppendingStamper stamper;
  f.receive_with(stamper);
  // The stamped copy, forwarded back as a new letter: its original is the stored suffix blob,
  // and its own stamped copy extends that one.
  const auto first = stamper.draw(f.original, {"", "๑", "", ""});
  f.original = first;
  auto n = f.receive_with(stamper);
  EXPECT_EQ(f.rows("attachment_blob_bases"), 2);
  EXPECT_EQ(f.reg->attachment(f.clerk, n.id, "original").second, first);
  EXPECT_EQ(f.reg->attachment(f.clerk, n.id, "stamped").second, stamper.draw(first, {"", "๒", "", ""}));
  auto r = f.reopen_and_verify();
  EXPECT_TRUE(r.ok) << all_problems(r);
  EXPECT_EQ(f.rows("attachment_blobs"), 3);  // the first original, then two suffixes
}

TEST(StampedSuffix, AVersion5RegisterMigratesAndVerifies) {
  SARABAN_SQLITE_ONLY("a migration of SQLite registers older than PostgreSQL support");
  SuffixFixture f("suffix-v5", 64 * 1024);
  RewritingStamper rewriting;
  f.receive_with(rewriting);  // stored whole, as version 5 stored every copy
  f.reg.reset();
  f.store.reset();
  // Version 5 is version 6 without the (still empty, so never audited) link table.
  ASSERT_EQ(tamper(f.db, "DROP TABLE attachment_blob_bases; PRAGMA user_version = 5"), SQLITE_OK);
  ASSERT_EQ(query_one(f.db, "PRAGMA user_version"), "5");
  auto r = f.reopen_and_verify();
  EXPECT_TRUE(r.ok) << all_problems(r);
  EXPECT_EQ(query_one(f.db, "PRAGMA user_version"), std::to_string(kSchemaVersion));
  AppendingStamper appending;
  auto n = f.receive_with(appending);
  EXPECT_EQ(f.rows("attachment_blob_bases"), 1);
  EXPECT_EQ(f.reg->attachment(f.clerk, n.id, "stamped").second, appending.draw(f.original, {"", "๒", "", ""}));
  EXPECT_TRUE(f.reopen_and_verify().ok);
}

TEST(IncomingPdfHandler, ARegisterWithoutAPdfReaderRefusesAFileAndRegistersNothing) {
  SuffixFixture f("suffix-no-reader", 1024);
  const std::string path = f.dir + "/scan.pdf";
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(f.original.data()),
                                              static_cast<std::streamsize>(f.original.size()));
  Registry without(*f.store, f.env);
  ReceiveRequest q;
  q.sender = "สพฐ.";
  q.subject = "ส่งสำเนาเอกสาร";
  q.file = path;
  try {
    without.receive(f.clerk, q);
    ADD_FAILURE() << "received a file without a PDF reader";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Internal);
    EXPECT_NE(e.message().find("without a PDF reader"), std::string::npos) << e.message();
  }
  EXPECT_EQ(f.rows("entries"), 0);
}

}  // namespace
}  // namespace saraban::registry
