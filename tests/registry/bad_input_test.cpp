// Bad input anywhere in the register's commands: refused with a clear message, a non-zero
// exit and the register untouched; stored text printed escaped; no SQL in any message.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "base/error.h"
#include "registry_test_support.h"

namespace saraban::registry {
namespace {

using testing::content_digest;

const char* kMemo = R"({"kind":"memo","ref":"ศธ ๐๔๑๗๕/๑๒","office":{"name":"กลุ่มนโยบายและแผน","address":[]},
  "date":"2026-11-21","subject":"รายงานผลการใช้จ่ายงบประมาณ","to":"ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา",
  "body":["ตามที่โรงเรียนบ้านหนองบัวได้รายงานผลการใช้จ่ายงบประมาณ บัดนี้กลุ่มนโยบายและแผนได้ตรวจสอบแล้ว"],
  "signer":{"name":"นางสาวนภา ใจงาม","position":["นักวิเคราะห์นโยบายและแผน"]}})";

struct BadInput : ::testing::Test {
  std::string dir, db;
  void SetUp() override {
    dir = testing::temp_dir(std::string("bad-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db = dir + "/var/registry.db";
    ASSERT_EQ(sar({"init"}).status, 0);
    for (auto [name, role] : {std::pair{"somchai", "clerk"}, {"officer", "officer"}, {"boss", "director"},
                              {"signer", "signer"}})
      ASSERT_EQ(sar({"user", "add", name, "--role", role}, "admin").status, 0);
    auto r = sar({"receive", "--from", "โรงเรียนบ้านหนองบัว", "--subject", "ขอรายงานผลการใช้จ่ายงบประมาณ"}, "somchai");
    ASSERT_EQ(r.status, 0) << r.err;
  }
  void TearDown() override {
    ::chmod((dir + "/var").c_str(), 0755);
    std::filesystem::remove_all(dir);
  }
  testing::RunResult sar(std::vector<std::string> args, const std::string& as = "", bool unprivileged = false) {
    args.insert(args.begin(), {"--db", db});
    return testing::run_saraban(args, as, unprivileged);
  }
  void ok(const std::vector<std::string>& args, const std::string& as) {
    auto r = sar(args, as);
    ASSERT_EQ(r.status, 0) << args.front() << ": " << r.err;
  }
  // Must be refused: non-zero exit, `expect` in the message, no SQL, nothing changed.
  void refused(std::vector<std::string> args, const std::string& as, const std::string& expect) {
    std::string before = content_digest(db);
    auto r = sar(args, as);
    EXPECT_NE(r.status, 0) << "accepted: " << args.front() << " " << (args.size() > 1 ? args[1] : "");
    EXPECT_LT(r.status, 128) << "killed by a signal";
    EXPECT_NE(r.err.find(expect), std::string::npos) << "message was: " << r.err;
    for (const char* sql : {"SELECT", "INSERT", "UPDATE ", "LIMIT", "WHERE"})
      EXPECT_EQ(r.err.find(sql), std::string::npos) << "SQL in the message: " << r.err;
    EXPECT_EQ(content_digest(db), before) << "the register changed";
  }
  std::string file(const std::string& name, const std::string& body) {
    std::string p = dir + "/" + name;
    std::ofstream(p, std::ios::binary) << body;
    return p;
  }
  void to_signed_draft_stage() {
    ok({"assign", testing::address("receive", 1), "--to", "officer"}, "boss");
    ok({"draft", testing::address("receive", 1), "--letter", file("memo.json", kMemo)}, "officer");
  }
};

TEST_F(BadInput, WhitespaceOnlySenderOrSubject) {
  refused({"receive", "--from", "   ", "--subject", "ข"}, "somchai", "--from: must not be only spaces");
  refused({"receive", "--from", "ก", "--subject", " \xC2\xA0 "}, "somchai", "--subject: must not be only spaces");
  refused({"cancel", testing::address("receive", 1), "--note", "  "}, "somchai", "--note");
}

TEST_F(BadInput, ControlCharactersAndInvalidUtf8InAnyField) {
  refused({"receive", "--from", "ก", "--subject", "ข\n     9  receive  2569/9  received   ปลอม"}, "somchai",
          "control character");
  refused({"receive", "--from", "ก\x1b[2J", "--subject", "ข"}, "somchai", "--from");
  refused({"receive", "--from", "ก", "--subject", "ข", "--ref", "ศธ\t๑"}, "somchai", "--ref");
  refused({"receive", "--from", "ก", "--subject", "\xFF\xFE"}, "somchai", "UTF-8");
  refused({"receive", "--from", "ก", "--subject", "ข", "--remarks", "a\rb"}, "somchai", "--remarks");
  refused({"assign", testing::address("receive", 1), "--to", "officer", "--note", "x\ny"}, "boss", "--note");
  refused({"office", "set", "--name", "สำนักงาน\n"}, "admin", "--name");
  // The file's name is stored with the attachment.
  std::string odd = file("letter\n     9  receive.pdf", "%PDF-1.4\n");
  refused({"receive", "--from", "ก", "--subject", "ข", "--file", odd}, "somchai", "--file");
}

TEST_F(BadInput, PrintedOutputEscapesStoredControlCharacters) {
  // A register written before fields were checked, or edited outside Saraban.
  ASSERT_EQ(testing::tamper(db, "UPDATE entries SET subject = 'ขอรายงาน' || char(10) || '     9  receive  2569/9  "
                                "received   ปลอม' || char(27) || '[2J' WHERE number = 1;"
                                "UPDATE stage_events SET comment = 'a' || char(10) || 'b' "
                                "WHERE entry_id = (SELECT id FROM entries WHERE number = 1)"),
            SQLITE_OK);
  auto list = sar({"list"}, "somchai");
  ASSERT_EQ(list.status, 0) << list.err;
  EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 2) << list.out;  // one entry, one count line
  EXPECT_NE(list.out.find("ขอรายงาน\\n"), std::string::npos) << list.out;
  EXPECT_EQ(list.out.find('\x1b'), std::string::npos) << list.out;
  auto search = sar({"search", "รายงาน"}, "somchai");
  EXPECT_EQ(std::count(search.out.begin(), search.out.end(), '\n'), 2) << search.out;
  auto show = sar({"show", testing::address("receive", 1)}, "somchai");
  EXPECT_NE(show.out.find("ขอรายงาน\\n"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("a\\nb"), std::string::npos) << show.out;
  auto history = sar({"history", testing::address("receive", 1)}, "somchai");
  EXPECT_EQ(std::count(history.out.begin(), history.out.end(), '\n'), 1) << history.out;
  EXPECT_NE(history.out.find("a\\nb"), std::string::npos) << history.out;
}

TEST_F(BadInput, IntegerOptionsOutOfRange) {
  ok({"assign", testing::address("receive", 1), "--to", "officer"}, "boss");
  refused({"file", testing::address("receive", 1), "--keep-years", "4294967297"}, "somchai", "from 1 to 100");
  refused({"list", "--limit", "-1"}, "somchai", "--limit: expected a whole number from 1");
  refused({"list", "--limit", "18446744073709551616"}, "somchai", "--limit");
  refused({"search", "งบ", "--limit", "0"}, "somchai", "--limit");
  refused({"list", "--number-from", "1e3"}, "somchai", "--number-from");
  refused({"office", "set", "--year-start", "13"}, "admin", "from 1 to 12");
  refused({"show", "1abc"}, "somchai", "an entry is named");
  refused({"import", "--csv", file("x.csv", "sender,subject\nก,ข\n"), "--chunk", "-5"}, "somchai", "--chunk");
}

TEST_F(BadInput, AssigneeMustBeAnOfficer) {
  refused({"assign", testing::address("receive", 1), "--to", "somchai"}, "boss", "a letter is assigned to an officer");
  refused({"assign", testing::address("receive", 1), "--to", "signer"}, "boss", "is a signer");
  ok({"assign", testing::address("receive", 1), "--to", "officer"}, "boss");
}

TEST_F(BadInput, ReviewWithBothApproveAndReturn) {
  to_signed_draft_stage();
  refused({"review", testing::address("receive", 1), "--approve", "--return", "--note", "x"}, "boss", "not both");
  refused({"review", testing::address("receive", 1), "--return", "--approve"}, "boss", "not both");
}

TEST_F(BadInput, DraftThatIsNotAValidLetter) {
  ok({"assign", testing::address("receive", 1), "--to", "officer"}, "boss");
  refused({"draft", testing::address("receive", 1), "--letter", file("empty.json", "{}")}, "officer", "letter");
  refused({"draft", testing::address("receive", 1), "--letter", file("nosigner.json", R"({"kind":"memo","subject":"ตอบ","body":["ก"]})")},
          "officer", "signer");
  ok({"draft", testing::address("receive", 1), "--letter", file("memo.json", kMemo)}, "officer");
}

TEST_F(BadInput, JsonNestedSeventyThousandDeep) {
  ok({"assign", testing::address("receive", 1), "--to", "officer"}, "boss");
  std::string deep = std::string(70000, '[') + std::string(70000, ']');
  std::string deep_object;
  for (int i = 0; i < 70000; ++i) deep_object += "{\"a\":";
  deep_object += "1" + std::string(70000, '}');
  refused({"draft", testing::address("receive", 1), "--letter", file("deep.json", "{\"body\":" + deep + "}")}, "officer", "nested deeper than");
  refused({"draft", testing::address("receive", 1), "--letter", file("deep2.json", deep_object)}, "officer", "nested deeper than");
  // The letters stage reads letters, office profiles and templates the same way.
  auto r = testing::run_saraban({"render", file("deep3.json", deep_object), "-o", dir + "/x.pdf"});
  EXPECT_NE(r.status, 0);
  EXPECT_LT(r.status, 128) << "killed by a signal";
  EXPECT_NE(r.err.find("nested deeper than"), std::string::npos) << r.err;
  auto o = testing::run_saraban(
      {"render", file("memo2.json", kMemo), "--office", file("office.json", deep_object), "-o", dir + "/y.pdf"});
  EXPECT_NE(o.status, 0);
  EXPECT_LT(o.status, 128) << "killed by a signal";
  EXPECT_NE(o.err.find("nested deeper than"), std::string::npos) << o.err;
}

TEST_F(BadInput, StoreErrorsNeverShowSql) {
  // A trigger added outside Saraban makes every insert fail inside SQLite.
  ASSERT_EQ(testing::tamper(db, "CREATE TRIGGER refuse BEFORE INSERT ON entries BEGIN SELECT RAISE(ABORT, 'no'); END"),
            SQLITE_OK);
  auto r = sar({"receive", "--from", "ก", "--subject", "ข"}, "somchai");
  EXPECT_NE(r.status, 0);
  EXPECT_FALSE(r.err.empty());
  for (const char* sql : {"INSERT", "VALUES", "entries(", "?1", ":name"})
    EXPECT_EQ(r.err.find(sql), std::string::npos) << "SQL in the message: " << r.err;
  EXPECT_NE(r.err.find("nothing was changed"), std::string::npos) << r.err;
}

TEST_F(BadInput, ReadOnlyIsSaidOnlyForWrites) {
  ASSERT_EQ(testing::tamper(db, "PRAGMA wal_checkpoint(TRUNCATE)"), SQLITE_OK);
  std::filesystem::remove(db + "-shm");
  std::filesystem::remove(db + "-wal");
  ::chmod((dir + "/var").c_str(), 0555);
  ::chmod(db.c_str(), 0444);
  auto r = sar({"list"}, "somchai", /*unprivileged=*/true);
  EXPECT_NE(r.status, 0);
  EXPECT_EQ(r.err.find("read-only"), std::string::npos) << "a read called read-only: " << r.err;
  EXPECT_EQ(r.err.find("write"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("folder is not writable"), std::string::npos) << r.err;
  ::chmod(db.c_str(), 0644);
}

// ---------------------------------------------------------------- the journey

TEST(Reply, CancellingADispatchedReplyLetsTheLetterGetANewOne) {
  testing::Fixture f("cancel-reply");
  auto in = f.receive("ขอรายงานผล");
  auto journey = [&] {
    f.reg->draft(f.officer, in.id, R"({"subject":"ตอบ"})");
    f.reg->review(f.director, in.id, true, "");
    f.reg->sign(f.signer, in.id, "");
    return f.reg->dispatch(f.clerk, in.id, "EMS");
  };
  f.reg->assign(f.director, in.id, "officer", std::nullopt, "");
  auto first = journey();
  f.reg->cancel(f.clerk, first.id, "ส่งผิดที่");
  auto letter = f.reg->show(f.director, in.id).entry;
  EXPECT_EQ(letter.stage, Stage::Assigned);
  EXPECT_FALSE(letter.reply_id);
  auto second = journey();
  EXPECT_EQ(second.number, first.number + 1);
  EXPECT_EQ(f.reg->show(f.director, in.id).entry.reply_id, second.id);
  auto history = f.reg->history(f.director, in.id);
  EXPECT_TRUE(std::any_of(history.begin(), history.end(), [](const StageEvent& e) { return e.action == "reopen"; }));
  EXPECT_TRUE(f.reg->verify(f.admin).ok);
}

}  // namespace
}  // namespace saraban::registry
