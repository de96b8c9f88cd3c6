// What a secret must not leak: a secret reply into the open send register, a count of hidden
// entries through ids, names of secret entries through verify, and the action a cleared
// reader took (the access log records it, not "show").
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "base/error.h"
#include "registry/entry_ids.h"
#include "registry/entry_ref.h"
#include "registry_test_support.h"

namespace saraban::registry {
namespace {

using testing::Fixture;

ErrorCode refusal_code(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return ErrorCode::Internal;  // accepted
}

std::string refusal_message(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.message();
  }
  return "(accepted)";
}

// ---------------------------------------------------------------- a letter's secrecy decides its register

struct ReplyFixture : Fixture {
  Issued incoming;
  explicit ReplyFixture(const std::string& name) : Fixture(name) {
    incoming = receive("ขอข้อมูลผลการสอบสวนข้อเท็จจริง");
    reg->assign(director, incoming.id, "officer", std::nullopt, "");
  }
};

TEST(SecretReply, ASecretLetterAgainstAnOpenEntryIsDispatchedIntoTheSecretRegister) {
  ReplyFixture f("secret-reply");
  f.reg->draft(f.officer, f.incoming.id, R"({"subject":"ผลการสอบสวน","to":"สพฐ.","secrecy":"ลับ"})");
  // The thread is secret now: the entry rose to the letter's level.
  EXPECT_EQ(f.reg->show(f.director, f.incoming.id).entry.secrecy, Secrecy::Confidential);
  EXPECT_EQ(refusal_code([&] { f.reg->show(f.nosy, f.incoming.id); }), ErrorCode::NotFound);
  f.reg->review(f.director, f.incoming.id, true, "");
  f.reg->sign(f.signer, f.incoming.id, "");
  // An uncleared clerk cannot reach it to dispatch; a cleared one can.
  EXPECT_EQ(refusal_code([&] { f.reg->dispatch(f.clerk, f.incoming.id, "ไปรษณีย์"); }), ErrorCode::NotFound);
  Issued sent = f.reg->dispatch(f.cleared_clerk, f.incoming.id, "ไปรษณีย์");
  EXPECT_EQ(sent.register_code, "secret");
  EXPECT_EQ(f.reg->show(f.cleared_clerk, sent.id).entry.secrecy, Secrecy::Confidential);
  // Nothing of it in the open send register, for anyone.
  EXPECT_TRUE(f.reg->list(f.cleared_clerk, EntryFilter{.register_code = "send"}).empty());
  EXPECT_TRUE(f.reg->list(f.nosy, EntryFilter{}).empty());
  EXPECT_TRUE(f.reg->verify(f.cleared_clerk).ok);
}

TEST(SecretReply, ATopSecretReplyIsSeenOnlyByThoseClearedForIt) {
  ReplyFixture f("top-secret-reply");
  f.reg->add_user(f.admin, "top-officer", Role::Officer, Secrecy::TopSecret);
  f.reg->add_user(f.admin, "top-signer", Role::Signer, Secrecy::TopSecret);
  f.reg->add_user(f.admin, "top-director", Role::Director, Secrecy::TopSecret);
  User officer = f.reg->acting_user("top-officer"), signer = f.reg->acting_user("top-signer"),
       director = f.reg->acting_user("top-director");
  f.reg->assign(director, f.incoming.id, "top-officer", std::nullopt, "");
  f.reg->draft(officer, f.incoming.id, R"({"subject":"ผลการสอบสวน","secrecy":"ลับที่สุด"})");
  // The director and signer cleared only for ลับมาก lose sight of it.
  EXPECT_EQ(refusal_code([&] { f.reg->show(f.director, f.incoming.id); }), ErrorCode::NotFound);
  EXPECT_EQ(refusal_code([&] { f.reg->sign(f.signer, f.incoming.id, ""); }), ErrorCode::NotFound);
  f.reg->review(director, f.incoming.id, true, "");
  f.reg->sign(signer, f.incoming.id, "");
  Issued sent = f.reg->dispatch(f.cleared_clerk, f.incoming.id, "");
  EXPECT_EQ(sent.register_code, "secret");
  EXPECT_EQ(f.reg->show(f.cleared_clerk, sent.id).entry.secrecy, Secrecy::TopSecret);
  EXPECT_TRUE(f.reg->list(f.director, EntryFilter{}).empty());
}

TEST(SecretReply, ADraftAboveTheDraftersClearanceIsRefusedAndChangesNothing) {
  ReplyFixture f("secret-reply-refused");  // officer is cleared for ลับมาก, not ลับที่สุด
  std::string msg = refusal_message(
      [&] { f.reg->draft(f.officer, f.incoming.id, R"({"subject":"ผลการสอบสวน","secrecy":"ลับที่สุด"})"); });
  EXPECT_NE(msg.find("not cleared for ลับที่สุด"), std::string::npos) << msg;
  Entry e = f.reg->show(f.director, f.incoming.id).entry;
  EXPECT_EQ(e.secrecy, Secrecy::None);
  EXPECT_EQ(e.stage, Stage::Assigned);
  EXPECT_EQ(refusal_code([&] { f.reg->draft(f.officer, f.incoming.id, R"({"secrecy":"hush"})"); }),
            ErrorCode::InvalidInput);
}

TEST(SecretReply, AnOpenLetterStaysInTheSendRegister) {
  ReplyFixture f("open-reply");
  f.reg->draft(f.officer, f.incoming.id, R"({"subject":"ตอบ","secrecy":""})");
  f.reg->review(f.director, f.incoming.id, true, "");
  f.reg->sign(f.signer, f.incoming.id, "");
  EXPECT_EQ(f.reg->dispatch(f.clerk, f.incoming.id, "").register_code, "send");
}

// ---------------------------------------------------------------- ids carry no count

TEST(EntryIds, ThreeHiddenEntriesBetweenTwoOfMineLeaveNoTraceInTheIds) {
  Fixture f("ids");
  Issued mine1 = f.receive("ขอเชิญประชุม");
  for (int i = 0; i < 3; ++i) f.receive("เรื่องลับ", Secrecy::Secret);
  Issued mine2 = f.receive("ขอรายงานผล");
  // A sequence would make these 1 and 5.
  EXPECT_NE(mine2.id - mine1.id, 4);
  EXPECT_NE(mine2.id - mine1.id, 1);
  for (const Issued& i : {mine1, mine2}) {
    EXPECT_GT(i.id, 0);
    EXPECT_LT(i.id, std::int64_t{1} << 53);  // exact as a JSON number anywhere
    EXPECT_EQ(i.id >> kEntryIdRandomBits, testing::kMarch2026 - kEntryIdEpoch);  // only the second it was issued
  }
}

// A batch is issued ascending ids (the table and its index only append), still random within
// their second, and a batch larger than one block of ids moves on to the next second's values.
TEST(EntryIds, ABatchGetsAscendingIdsThatStillCarryNoCount) {
  Fixture f("ids-batch");
  std::vector<ReceiveRequest> rs(3000);
  for (auto& r : rs) r.sender = "โรงเรียนบ้านหนองบัว", r.subject = "ขอรายงานผล";
  std::vector<Issued> issued = f.reg->receive_batch(f.clerk, rs);
  ASSERT_EQ(issued.size(), rs.size());
  std::int64_t consecutive = 0;
  for (std::size_t i = 1; i < issued.size(); ++i) {
    EXPECT_LT(issued[i - 1].id, issued[i].id) << i;
    if (issued[i].id - issued[i - 1].id == 1) ++consecutive;
  }
  EXPECT_LT(consecutive, 20) << "ids in a row would count the entries between them";
  const std::int64_t second = testing::kMarch2026 - kEntryIdEpoch;
  EXPECT_EQ(issued.front().id >> kEntryIdRandomBits, second);
  EXPECT_LE(issued.back().id >> kEntryIdRandomBits, second + 3);  // 1,024 ids a block
  // Search still finds every one of them (indexed in id order before the commit).
  EntryFilter all;
  all.limit = 10000;
  EXPECT_EQ(f.reg->search(f.clerk, "รายงาน", all).size(), rs.size());
}

TEST(EntryIds, EntriesAreAddressedByRegisterYearAndNumberWithoutLearningOfHiddenOnes) {
  Fixture f("addresses");
  Issued open = f.receive("ขอเชิญประชุม");
  Issued hidden = f.receive("เรื่องลับ", Secrecy::Secret);
  EXPECT_EQ(f.reg->resolve(f.nosy, parse_entry_ref("receive/2569/1")), open.id);
  EXPECT_EQ(f.reg->resolve(f.nosy, parse_entry_ref("รับ/2026/1")), open.id);  // Thai register name, CE year
  EXPECT_EQ(f.reg->resolve(f.director, parse_entry_ref("secret/2569/1")), hidden.id);
  EXPECT_EQ(f.reg->resolve(f.nosy, parse_entry_ref(std::to_string(open.id))), open.id);
  // A hidden entry and an empty place are answered alike.
  std::string hidden_msg = refusal_message([&] { f.reg->resolve(f.nosy, parse_entry_ref("secret/2569/1")); });
  std::string empty_msg = refusal_message([&] { f.reg->resolve(f.nosy, parse_entry_ref("secret/2569/2")); });
  EXPECT_EQ(hidden_msg, "no such entry");
  EXPECT_EQ(hidden_msg, empty_msg);
  for (const char* bad : {"receive/2569", "receive/2569/0", "receive/2569/x", "nowhere/2569/1", "-3", "1/2/3/4", ""})
    EXPECT_EQ(refusal_code([&] { parse_entry_ref(bad); }), ErrorCode::InvalidInput) << bad;
  EXPECT_EQ(entry_address(f.reg->show(f.nosy, open.id).entry), "receive/2569/1");
}

// ---------------------------------------------------------------- verify shows each reader their share

struct VerifyFixture : Fixture {
  Issued open, confidential, top;
  explicit VerifyFixture(const std::string& name) : Fixture(name) {
    open = receive("ขอเชิญประชุม");
    confidential = receive("ผลการสอบสวนวินัย", Secrecy::Confidential);
    top = receive("แผนป้องกันประเทศ", Secrecy::TopSecret);
    reg.reset();
    store.reset();
  }
  void edit(const std::string& sql) { ASSERT_EQ(testing::tamper(db, testing::foreign_keys_off_sql() + sql), SQLITE_OK); }
  VerifyReport verify_as(const User& u) {
    if (!reg) {
      store = SqlRegisterStore::open(db, env);
      reg = std::make_unique<Registry>(*store, env);
    }
    return reg->verify(u);
  }
  static std::string all(const VerifyReport& r) {
    std::string s;
    for (const auto& p : r.problems) s += p + "\n";
    return s;
  }
};

TEST(VerifyByClearance, AnUnclearedReaderLearnsOnlyACountOfProblemsInDeletedSecretEntries) {
  VerifyFixture f("verify-deleted");
  f.edit("DELETE FROM stage_events WHERE entry_id = " + std::to_string(f.top.id) + "; DELETE FROM entries WHERE id = " +
         std::to_string(f.top.id));
  auto r = f.verify_as(f.nosy);
  EXPECT_FALSE(r.ok);
  std::string text = f.all(r);
  EXPECT_EQ(text.find(std::to_string(f.top.id)), std::string::npos) << text;
  EXPECT_EQ(text.find("secret"), std::string::npos) << text;
  EXPECT_NE(text.find("2 problems in entries above your clearance"), std::string::npos) << text;
  EXPECT_EQ(r.rows_checked, 0);
  // The top-cleared see where.
  std::string cleared = f.all(f.verify_as(f.cleared_clerk));
  // A deleted entry is named with its place in the register, read from what the log recorded.
  EXPECT_NE(cleared.find("entry " + std::to_string(f.top.id) + " (secret 2569/"), std::string::npos) << cleared;
  EXPECT_NE(cleared.find(") was deleted outside Saraban"), std::string::npos)
      << cleared;
  EXPECT_EQ(cleared.find("above your clearance"), std::string::npos) << cleared;
}

TEST(VerifyByClearance, AClearedReaderSeesEverythingUpToTheirClearance) {
  VerifyFixture f("verify-levels");
  f.edit("UPDATE entries SET subject = 'แก้' WHERE id IN (" + std::to_string(f.open.id) + ", " +
         std::to_string(f.confidential.id) + ", " + std::to_string(f.top.id) + ")");
  // The director is cleared for ลับมาก: the open and the ลับ entry by name, the ลับที่สุด one counted.
  std::string director = f.all(f.verify_as(f.director));
  EXPECT_NE(director.find("(receive 2569/1)"), std::string::npos) << director;
  EXPECT_NE(director.find("(secret 2569/1)"), std::string::npos) << director;
  EXPECT_EQ(director.find("(secret 2569/2)"), std::string::npos) << director;
  EXPECT_NE(director.find("1 problem in entries above your clearance"), std::string::npos) << director;
  // The uncleared: the open entry by name, two counted.
  std::string nosy = f.all(f.verify_as(f.nosy));
  EXPECT_NE(nosy.find("(receive 2569/1)"), std::string::npos) << nosy;
  EXPECT_EQ(nosy.find("secret"), std::string::npos) << nosy;
  EXPECT_NE(nosy.find("2 problems in entries above your clearance"), std::string::npos) << nosy;
  // Lowering a level in the file does not expose the entry: the recorded level counts.
  f.reg.reset();
  f.store.reset();
  f.edit("UPDATE entries SET secrecy = 0 WHERE id = " + std::to_string(f.top.id));
  std::string lowered = f.all(f.verify_as(f.nosy));
  EXPECT_EQ(lowered.find("แผนป้องกันประเทศ"), std::string::npos) << lowered;
  EXPECT_EQ(lowered.find("(secret 2569/2)"), std::string::npos) << lowered;
  EXPECT_NE(lowered.find("2 problems in entries above your clearance"), std::string::npos) << lowered;
}

TEST(VerifyByClearance, ASecretEntryAClearedReaderIsShownByVerifyIsLogged) {
  VerifyFixture f("verify-logged");
  f.edit("UPDATE entries SET subject = 'แก้' WHERE id = " + std::to_string(f.confidential.id));
  f.verify_as(f.director);
  f.verify_as(f.nosy);  // shown nothing of it: nothing logged
  std::vector<std::string> seen;
  for (const auto& a : f.reg->access_log(f.cleared_clerk, f.confidential.id)) seen.push_back(a.user + ":" + a.command);
  EXPECT_EQ(seen, std::vector<std::string>{"director:verify"});
}

// ---------------------------------------------------------------- the access log names the real action

struct CliSecrets : ::testing::Test {
  std::string dir, db;
  void SetUp() override {
    dir = testing::temp_dir(std::string("leaks-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db = dir + "/registry.db";
    ASSERT_EQ(sar({"init"}).status, 0);
    ASSERT_EQ(sar({"user", "add", "malee", "--role", "clerk", "--clearance", "ลับมาก"}, "admin").status, 0);
    ASSERT_EQ(sar({"user", "add", "boss", "--role", "director", "--clearance", "ลับมาก"}, "admin").status, 0);
    ASSERT_EQ(sar({"user", "add", "officer", "--role", "officer", "--clearance", "ลับมาก"}, "admin").status, 0);
    ASSERT_EQ(sar({"user", "add", "nosy", "--role", "clerk"}, "admin").status, 0);
  }
  void TearDown() override { std::filesystem::remove_all(dir); }
  testing::RunResult sar(std::vector<std::string> args, const std::string& as = "") {
    args.insert(args.begin(), {"--db", db});
    return testing::run_saraban(args, as);
  }
  std::vector<std::string> log_commands() {
    auto r = sar({"--json", "access-log"}, "malee");
    EXPECT_EQ(r.status, 0) << r.err;
    std::vector<std::string> out;
    for (const auto& a : nlohmann::json::parse(r.out)) out.push_back(a["command"].get<std::string>());
    return out;
  }
};

TEST_F(CliSecrets, TheAccessLogRecordsAssignDraftAndLetterNotShow) {
  auto r = sar({"--json", "receive", "--from", "สพฐ.", "--subject", "เรื่องลับ", "--secrecy", "ลับ"}, "malee");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string address = nlohmann::json::parse(r.out)["address"].get<std::string>();
  EXPECT_EQ(address.rfind("secret/", 0), 0u) << address;
  auto before = log_commands();
  ASSERT_EQ(sar({"assign", address, "--to", "officer"}, "boss").status, 0);
  const std::string letter = dir + "/reply.json";
  std::ofstream(letter) << R"({"kind":"memo","ref":"ศธ ๐๔๑๗๕/๑๒","subject":"ตอบ","to":"สพฐ.","date":"2026-11-21","body":["ทราบ"],
    "office":{"name":"กลุ่มนโยบายและแผน","address":[]},"signer":{"name":"นางสาวนภา ใจงาม","position":["นักวิเคราะห์"]}})";
  auto d = sar({"draft", address, "--letter", letter}, "officer");
  ASSERT_EQ(d.status, 0) << d.err;
  auto l = sar({"letter", address, "-o", dir + "/reply.pdf"}, "boss");
  ASSERT_EQ(l.status, 0) << l.err;
  auto after = log_commands();
  std::vector<std::string> added(after.begin() + static_cast<std::ptrdiff_t>(before.size()), after.end());
  EXPECT_EQ(added, (std::vector<std::string>{"assign", "draft", "letter"}));
  // The id in the JSON output addresses the same entry.
  auto shown = sar({"--json", "show", address}, "boss");
  ASSERT_EQ(shown.status, 0) << shown.err;
  auto j = nlohmann::json::parse(shown.out);
  EXPECT_EQ(j["address"], address);
  EXPECT_EQ(sar({"--json", "show", std::to_string(j["id"].get<std::int64_t>())}, "boss").status, 0);
  // The uncleared clerk gets the same answer for it as for nothing at all.
  auto hidden = sar({"show", address}, "nosy");
  auto missing = sar({"show", "secret/2569/99"}, "nosy");
  EXPECT_NE(hidden.status, 0);
  EXPECT_EQ(hidden.status, missing.status);
  EXPECT_NE(hidden.err.find("no such entry"), std::string::npos) << hidden.err;
}

}  // namespace
}  // namespace saraban::registry
