// A secret entry is invisible to the uncleared — in lists, search, show, history, exports and
// counts — and every read of one by a cleared user is logged.
#include <gtest/gtest.h>

#include "base/error.h"
#include "registry_test_support.h"

namespace saraban::registry {
namespace {

using testing::Fixture;

struct SecretFixture : Fixture {
  Issued plain, secret;
  explicit SecretFixture(const std::string& name) : Fixture(name) {
    plain = receive("ขอรายงานผลการใช้จ่ายงบประมาณโครงการอาหารกลางวัน");
    secret = receive("ขอรายงานผลการสอบสวนวินัยและการใช้จ่ายงบประมาณ", Secrecy::Secret);
  }
};

TEST(Secrets, SecretEntryGoesToTheSecretRegister) {
  SecretFixture f("register");
  EXPECT_EQ(f.secret.register_code, "secret");
  EXPECT_EQ(f.secret.number, 1);
  EXPECT_EQ(f.plain.number, 1);
}

TEST(Secrets, UnclearedUserSeesNoTrace) {
  SecretFixture f("invisible");
  const User& u = f.nosy;
  // show / history: the same answer as an id that does not exist.
  std::string missing_msg, secret_msg;
  try {
    f.reg->show(u, 999);
  } catch (const Error& e) {
    missing_msg = e.message();
    EXPECT_EQ(e.code(), ErrorCode::NotFound);
  }
  try {
    f.reg->show(u, f.secret.id);
    ADD_FAILURE() << "an uncleared user read a secret entry";
  } catch (const Error& e) {
    secret_msg = e.message();
    EXPECT_EQ(e.code(), ErrorCode::NotFound);
  }
  EXPECT_EQ(secret_msg, missing_msg);
  EXPECT_THROW(f.reg->history(u, f.secret.id), Error);
  // list and counts
  std::int64_t total = -1;
  auto all = f.reg->list(u, EntryFilter{.limit = 10}, &total);
  EXPECT_EQ(total, 1);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].id, f.plain.id);
  EXPECT_TRUE(f.reg->list(u, EntryFilter{.register_code = "secret"}).empty());
  // search
  auto found = f.reg->search(u, "งบประมาณ", EntryFilter{});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, f.plain.id);
  EXPECT_TRUE(f.reg->search(u, "สอบสวนวินัย", EntryFilter{}).empty());
  // export
  std::string csv = f.reg->export_csv(u, EntryFilter{});
  EXPECT_EQ(csv.find("สอบสวน"), std::string::npos);
  EXPECT_EQ(csv.find("secret"), std::string::npos);
  // acting on it
  try {
    f.reg->assign(f.director, f.secret.id, "nosy", std::nullopt, "");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::PermissionDenied);  // the director may see it; nosy may not hold it
  }
  // An uncleared clerk cannot register one either.
  EXPECT_THROW(f.receive("ลับ", Secrecy::Confidential, &f.nosy), Error);
  // verify tells the uncleared that the register is intact, but not how many rows it holds.
  auto v = f.reg->verify(u);
  EXPECT_TRUE(v.ok);
  EXPECT_EQ(v.rows_checked, 0);
  EXPECT_GT(f.reg->verify(f.cleared_clerk).rows_checked, 0);
  // None of that left a trace in the access log.
  EXPECT_TRUE(f.reg->access_log(f.cleared_clerk, std::nullopt).empty());
}

TEST(Secrets, ClearanceIsByLevel) {
  SecretFixture f("levels");
  auto top = f.receive("ลับที่สุด เรื่องหนึ่ง", Secrecy::TopSecret);
  EXPECT_THROW(f.reg->show(f.director, top.id), Error);  // director is cleared to ลับมาก only
  EXPECT_NO_THROW(f.reg->show(f.director, f.secret.id));
  EXPECT_NO_THROW(f.reg->show(f.cleared_clerk, top.id));
  // Admin manages users but does not bypass clearance.
  EXPECT_THROW(f.reg->show(f.admin, f.secret.id), Error);
}

TEST(Secrets, EveryReadByTheClearedIsLogged) {
  SecretFixture f("access-log");
  f.reg->show(f.director, f.secret.id);
  f.reg->history(f.director, f.secret.id);
  f.reg->list(f.cleared_clerk, EntryFilter{.register_code = "secret"});
  f.reg->search(f.cleared_clerk, "งบประมาณ", EntryFilter{});
  f.reg->export_csv(f.cleared_clerk, EntryFilter{});
  f.reg->show(f.director, f.plain.id);  // not secret: not logged
  auto log = f.reg->access_log(f.cleared_clerk, f.secret.id);
  std::vector<std::string> seen;
  for (const auto& a : log) seen.push_back(a.user + ":" + a.command);
  EXPECT_EQ(seen, (std::vector<std::string>{"director:show", "director:history", "malee:list", "malee:search",
                                            "malee:export"}));
  EXPECT_TRUE(f.reg->verify(f.admin).ok);  // the access log is part of the chain
}

}  // namespace
}  // namespace saraban::registry
