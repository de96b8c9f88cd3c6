// The journey: receive -> assign -> draft -> review -> sign -> dispatch -> file, roles and
// order enforced, every step recorded with who, when and a comment.
#include <gtest/gtest.h>

#include "base/error.h"
#include "registry_test_support.h"

namespace saraban::registry {
namespace {

using testing::Fixture;

const char* kLetter = R"({"kind":"external","subject":"ตอบรับการเข้าร่วมประชุม","body":["ขอตอบรับ"]})";

template <typename Fn>
ErrorCode code_of(Fn&& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.code();
  }
  return ErrorCode::Internal;  // no error: never what a test expects
}

TEST(Workflow, FullJourneyIssuesTheSendNumberAndRecordsEveryStep) {
  Fixture f("journey");
  f.reg->set_office(f.admin, std::string("สพป.เชียงใหม่ เขต ๑"), std::string("ศธ ๐๔๐๔๗"), std::nullopt);
  auto in = f.receive("ขอเชิญประชุมคณะกรรมการ");
  f.reg->assign(f.director, in.id, "officer", std::string("2569-03-20"), "โปรดดำเนินการ");
  f.reg->draft(f.officer, in.id, kLetter);
  f.reg->review(f.director, in.id, false, "แก้ไขย่อหน้าที่สอง");
  EXPECT_EQ(f.reg->show(f.clerk, in.id).entry.stage, Stage::Returned);
  EXPECT_EQ(f.reg->draft(f.officer, in.id, kLetter), 2);
  f.reg->review(f.director, in.id, true, "");
  f.reg->sign(f.signer, in.id, "");
  auto sent = f.reg->dispatch(f.clerk, in.id, "ไปรษณีย์");
  EXPECT_EQ(sent.register_code, "send");
  EXPECT_EQ(sent.number, 1);
  EXPECT_EQ(sent.ref, "ศธ ๐๔๐๔๗/๑");
  f.reg->file(f.clerk, in.id, 10);

  auto d = f.reg->show(f.clerk, in.id);
  EXPECT_EQ(d.entry.stage, Stage::Filed);
  EXPECT_EQ(d.entry.due, std::optional<std::string>("2026-03-20"));
  EXPECT_EQ(d.entry.keep_until, std::optional<int>(2579));
  EXPECT_EQ(d.entry.reply_id, std::optional<std::int64_t>(sent.id));
  ASSERT_TRUE(d.letter);
  EXPECT_NE(d.letter->body.find("ศธ ๐๔๐๔๗/๑"), std::string::npos) << "the letter carries its ที่";
  std::vector<std::string> actions;
  for (const auto& ev : d.events) actions.push_back(ev.action + ":" + ev.actor_name);
  EXPECT_EQ(actions, (std::vector<std::string>{"receive:somchai", "assign:director", "draft:officer", "return:director",
                                               "draft:officer", "approve:director", "sign:signer", "dispatch:somchai",
                                               "file:somchai"}));
  EXPECT_EQ(d.events[3].comment, "แก้ไขย่อหน้าที่สอง");
  auto out = f.reg->show(f.clerk, sent.id).entry;
  EXPECT_EQ(out.ref, "ศธ ๐๔๐๔๗/๑");
  EXPECT_EQ(out.recipient, "โรงเรียนบ้านหนองบัว");
  EXPECT_EQ(out.origin_id, std::optional<std::int64_t>(in.id));
  EXPECT_TRUE(f.reg->verify(f.admin).ok);
}

TEST(Workflow, UrgencySetsTheDefaultDeadline) {
  Fixture f("urgency");
  ReceiveRequest r;
  r.sender = "สพฐ.";
  r.subject = "ด่วนที่สุด ขอข้อมูลนักเรียน";
  r.urgency = Urgency::MostUrgent;
  auto n = f.reg->receive(f.clerk, r);
  EXPECT_EQ(f.reg->show(f.clerk, n.id).entry.due, std::optional<std::string>("2026-03-06"));
}

TEST(Workflow, RolesAreEnforced) {
  Fixture f("roles");
  auto in = f.receive("ขอความอนุเคราะห์");
  EXPECT_EQ(code_of([&] { f.reg->assign(f.officer, in.id, "officer", std::nullopt, ""); }), ErrorCode::PermissionDenied);
  EXPECT_EQ(code_of([&] { f.reg->assign(f.clerk, in.id, "officer", std::nullopt, ""); }), ErrorCode::PermissionDenied);
  f.reg->assign(f.director, in.id, "officer", std::nullopt, "");
  EXPECT_EQ(code_of([&] { f.reg->draft(f.clerk, in.id, kLetter); }), ErrorCode::PermissionDenied);
  f.reg->draft(f.officer, in.id, kLetter);
  EXPECT_EQ(code_of([&] { f.reg->review(f.officer, in.id, true, ""); }), ErrorCode::PermissionDenied);
  f.reg->review(f.director, in.id, true, "");
  EXPECT_EQ(code_of([&] { f.reg->sign(f.clerk, in.id, ""); }), ErrorCode::PermissionDenied);
  EXPECT_EQ(code_of([&] { f.reg->sign(f.director, in.id, ""); }), ErrorCode::PermissionDenied);
  f.reg->sign(f.signer, in.id, "");
  EXPECT_EQ(code_of([&] { f.reg->dispatch(f.officer, in.id, ""); }), ErrorCode::PermissionDenied);
  EXPECT_EQ(code_of([&] { f.reg->receive(f.officer, ReceiveRequest{.sender = "ก", .subject = "ข"}); }),
            ErrorCode::PermissionDenied);
  EXPECT_EQ(code_of([&] { f.reg->add_user(f.clerk, "x", Role::Admin, Secrecy::TopSecret); }), ErrorCode::PermissionDenied);
  // The refusal says why.
  try {
    f.reg->sign(f.clerk, in.id, "");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("needs a signer"), std::string::npos) << e.what();
  }
}

TEST(Workflow, OfficerDraftsOnlyWhatIsAssignedToThem) {
  Fixture f("assignee");
  f.reg->add_user(f.admin, "other", Role::Officer, Secrecy::None);
  User other = f.reg->acting_user("other");
  auto in = f.receive("ขอความร่วมมือ");
  f.reg->assign(f.director, in.id, "officer", std::nullopt, "");
  EXPECT_EQ(code_of([&] { f.reg->draft(other, in.id, kLetter); }), ErrorCode::PermissionDenied);
  EXPECT_EQ(code_of([&] { f.reg->assign(f.director, in.id, "ghost", std::nullopt, ""); }), ErrorCode::NotFound);
}

TEST(Workflow, OrderIsEnforced) {
  Fixture f("order");
  auto in = f.receive("ขอส่งแผนปฏิบัติการ");
  EXPECT_EQ(code_of([&] { f.reg->dispatch(f.clerk, in.id, ""); }), ErrorCode::WrongStage);  // nothing unsigned goes out
  EXPECT_EQ(code_of([&] { f.reg->sign(f.signer, in.id, ""); }), ErrorCode::WrongStage);
  EXPECT_EQ(code_of([&] { f.reg->draft(f.officer, in.id, kLetter); }), ErrorCode::WrongStage);
  EXPECT_EQ(code_of([&] { f.reg->file(f.clerk, in.id, 10); }), ErrorCode::WrongStage);
  f.reg->assign(f.director, in.id, "officer", std::nullopt, "");
  f.reg->draft(f.officer, in.id, kLetter);
  EXPECT_EQ(code_of([&] { f.reg->sign(f.signer, in.id, ""); }), ErrorCode::WrongStage);  // not reviewed
  EXPECT_EQ(code_of([&] { f.reg->review(f.director, in.id, false, ""); }), ErrorCode::InvalidInput);  // return needs why
  EXPECT_EQ(code_of([&] { f.reg->draft(f.officer, in.id, "not json"); }), ErrorCode::InvalidInput);
  // Closing without reply, then filing.
  f.reg->close(f.director, in.id, "เพื่อทราบ");
  EXPECT_EQ(code_of([&] { f.reg->review(f.director, in.id, true, ""); }), ErrorCode::WrongStage);
  f.reg->file(f.clerk, in.id, 10);
  EXPECT_EQ(code_of([&] { f.reg->cancel(f.clerk, in.id, "x"); }), ErrorCode::WrongStage);
  auto c = f.receive("ยกเลิก");
  f.reg->cancel(f.clerk, c.id, "ลงซ้ำ");
  EXPECT_EQ(code_of([&] { f.reg->assign(f.director, c.id, "officer", std::nullopt, ""); }), ErrorCode::WrongStage);
  // A refused action changes nothing.
  EXPECT_EQ(f.reg->history(f.clerk, c.id).size(), 2u);
  EXPECT_TRUE(f.reg->verify(f.admin).ok);
}

TEST(Workflow, ExportThenImportMovesARegister) {
  Fixture f("export-import");
  f.receive("ขอเชิญประชุม, สัมมนา \"วิชาการ\"");
  auto b = f.receive("ขอรายงานผลการใช้จ่ายงบประมาณ");
  f.reg->cancel(f.clerk, b.id, "ซ้ำ");
  std::string csv = f.reg->export_csv(f.clerk, EntryFilter{.register_code = "receive", .year = 2569});
  EXPECT_NE(csv.find("\"ขอเชิญประชุม, สัมมนา \"\"วิชาการ\"\"\""), std::string::npos) << csv;

  Fixture g("export-import-target");
  auto r = g.reg->import_csv(g.clerk, csv);
  EXPECT_EQ(r.imported, 2);
  auto all = g.reg->list(g.clerk, EntryFilter{.register_code = "receive"});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].subject, "ขอเชิญประชุม, สัมมนา \"วิชาการ\"");
  EXPECT_EQ(all[1].number, 2);
  EXPECT_TRUE(all[1].cancelled);
  EXPECT_EQ(g.receive("ถัดไป").number, 3);
  // Importing the same file again brings nothing in twice: every row is skipped by its key.
  auto again = g.reg->import_csv(g.clerk, csv);
  EXPECT_EQ(again.imported, 0);
  EXPECT_EQ(again.skipped, 2);
  EXPECT_EQ(g.reg->list(g.clerk, EntryFilter{.register_code = "receive"}).size(), 3u);
  EXPECT_TRUE(g.reg->verify(g.admin).ok);
}

TEST(Workflow, BackupIsAWorkingRegister) {
  SARABAN_SQLITE_ONLY("a PostgreSQL register is copied with pg_dump, not saraban backup");
  Fixture f("backup");
  f.receive("ก");
  f.receive("ข");
  std::string copy = f.dir + "/copy.db";
  f.reg->backup(f.admin, copy);
  EXPECT_EQ(code_of([&] { f.reg->backup(f.admin, copy); }), ErrorCode::InvalidInput);  // never overwrites
  auto store = SqlRegisterStore::open(copy, f.env);
  Registry reg(*store, f.env);
  EXPECT_TRUE(reg.verify(f.admin).ok);
  EXPECT_EQ(reg.list(f.clerk, EntryFilter{}).size(), 2u);
}

}  // namespace
}  // namespace saraban::registry
