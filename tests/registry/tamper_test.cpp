// Tampering outside Saraban — a field, a log row, an attachment byte, a deleted or added
// row — makes verify fail and name the entry.
#include <gtest/gtest.h>

#include <fstream>

#include "pdf/pdf_inspection.h"
#include "registry_test_support.h"
#include "support/raw_pdf.h"

namespace saraban::registry {
namespace {

using testing::Fixture;
using testing::tamper;

// A small, well-formed one-page PDF with correct xref offsets.
std::string tiny_pdf() {
  std::vector<std::string> objs = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
      "<< /Length 20 >>\nstream\n0 0 m 100 100 l S \nendstream",
  };
  return saraban::testing::raw_pdf_text(objs, "1.4");
}

std::string write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

struct TamperFixture : Fixture {
  Issued a, b, c;
  explicit TamperFixture(const std::string& name) : Fixture(name) {
    a = receive("ขอเชิญประชุมผู้บริหารสถานศึกษา");
    ReceiveRequest r;
    r.sender = "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน";
    r.subject = "ขอรายงานผลการใช้จ่ายงบประมาณ";
    r.file = write_file(dir + "/incoming.pdf", tiny_pdf());
    b = reg->receive(clerk, r);
    c = receive("ขอความอนุเคราะห์ข้อมูล");
    reg->assign(director, c.id, "officer", std::nullopt, "ด่วน");
    EXPECT_TRUE(reg->verify(admin).ok);
    // Close our connection so the raw edits below are the only writer.
    reg.reset();
    store.reset();
  }
  VerifyReport verify_now() {
    store = SqlRegisterStore::open(db, env);
    reg = std::make_unique<Registry>(*store, env);
    return reg->verify(admin);
  }
};

std::string first_problem(const VerifyReport& r) { return r.problems.empty() ? "" : r.problems.front(); }

TEST(Tamper, UntouchedRegisterVerifies) {
  TamperFixture f("untouched");
  f.verify_now();
  auto r = f.reg->verify(f.cleared_clerk);  // totals are shown only to the top clearance
  EXPECT_TRUE(r.ok) << first_problem(r);
  EXPECT_EQ(r.attachments_checked, 2);  // the letter's original and its stamped copy
  EXPECT_GT(r.audit_rows, 10);
}

TEST(Tamper, EditedSubjectIsNamed) {
  TamperFixture f("subject");
  ASSERT_EQ(tamper(f.db, "UPDATE entries SET subject = 'ขอรายงานผลการใช้จ่ายเงินนอกงบประมาณ' WHERE id = " + std::to_string(f.b.id)), SQLITE_OK);
  auto r = f.verify_now();
  ASSERT_FALSE(r.ok);
  EXPECT_NE(first_problem(r).find("entry " + std::to_string(f.b.id) + " (receive 2569/2)"), std::string::npos) << first_problem(r);
  EXPECT_NE(first_problem(r).find("subject"), std::string::npos) << first_problem(r);
}

TEST(Tamper, EditedStageEventIsNamedByItsEntry) {
  TamperFixture f("event");
  ASSERT_EQ(tamper(f.db, "UPDATE stage_events SET comment = 'ไม่ด่วน' WHERE entry_id = " + std::to_string(f.c.id) + " AND action = 'assign'"), SQLITE_OK);
  auto r = f.verify_now();
  ASSERT_FALSE(r.ok);
  EXPECT_NE(first_problem(r).find("entry " + std::to_string(f.c.id)), std::string::npos) << first_problem(r);
}

TEST(Tamper, EditedLogRowBreaksTheChain) {
  TamperFixture f("log");
  // The triggers refuse the edit; someone determined drops them first.
  EXPECT_NE(tamper(f.db, "UPDATE audit_log SET actor = 1 WHERE tbl = 'entries'"), SQLITE_OK);
  ASSERT_EQ(tamper(f.db, testing::unlock_audit_log_sql() + "UPDATE audit_log SET row_data = replace(row_data, "
                         "'ขอเชิญประชุม', 'ขอยกเลิกประชุม') WHERE tbl = 'entries' AND row_id = " + std::to_string(f.a.id)),
            SQLITE_OK);
  auto r = f.verify_now();
  ASSERT_FALSE(r.ok);
  EXPECT_NE(first_problem(r).find("audit log entry #"), std::string::npos) << first_problem(r);
  EXPECT_NE(first_problem(r).find("entry " + std::to_string(f.a.id)), std::string::npos) << first_problem(r);
}

TEST(Tamper, RewrittenLogWithRecomputedRowHashStillFails) {
  TamperFixture f("rehash");
  // Change the entry and the log row's data together: the chain hash no longer matches.
  ASSERT_EQ(tamper(f.db, testing::unlock_audit_log_sql() +
                         "UPDATE entries SET sender = 'ปลอม' WHERE id = " + std::to_string(f.a.id) + "; "
                         "UPDATE audit_log SET row_data = replace(row_data, 'โรงเรียนบ้านหนองบัว', 'ปลอม') "
                         "WHERE tbl = 'entries' AND row_id = " + std::to_string(f.a.id)),
            SQLITE_OK);
  auto r = f.verify_now();
  ASSERT_FALSE(r.ok);
  EXPECT_NE(first_problem(r).find("was altered"), std::string::npos) << first_problem(r);
}

TEST(Tamper, AttachmentByteIsNamed) {
  TamperFixture f("attachment");
  ASSERT_EQ(tamper(f.db, "UPDATE attachment_blobs SET bytes = " + testing::byte_21_replaced("bytes")), SQLITE_OK);
  auto r = f.verify_now();
  ASSERT_FALSE(r.ok);
  bool named = false;
  for (const auto& p : r.problems) named |= p.find("entry " + std::to_string(f.b.id)) != std::string::npos;
  EXPECT_TRUE(named) << first_problem(r);
  EXPECT_NE(r.problems.back().find("no longer match their SHA-256"), std::string::npos) << r.problems.back();
}

TEST(Tamper, DeletedAndAddedRowsAreNamed) {
  TamperFixture f("rows");
  ASSERT_EQ(tamper(f.db, "DELETE FROM stage_events WHERE entry_id = " + std::to_string(f.c.id) + " AND action = 'assign'"), SQLITE_OK);
  auto r = f.verify_now();
  ASSERT_FALSE(r.ok);
  EXPECT_NE(first_problem(r).find("deleted outside Saraban"), std::string::npos) << first_problem(r);
  EXPECT_NE(first_problem(r).find("entry " + std::to_string(f.c.id)), std::string::npos) << first_problem(r);

  TamperFixture g("rows-added");
  ASSERT_EQ(tamper(g.db, "INSERT INTO entries(id, register, year, number, registered_at, subject, stage, created_by) "
                         "VALUES (9999, 'receive', 2569, 99, 0, 'แทรก', 'received', 1)"),
            SQLITE_OK);
  auto r2 = g.verify_now();
  ASSERT_FALSE(r2.ok);
  EXPECT_NE(first_problem(r2).find("receive 2569/99"), std::string::npos) << first_problem(r2);
  EXPECT_NE(first_problem(r2).find("added outside Saraban"), std::string::npos) << first_problem(r2);
}

TEST(Attachments, OriginalStoredByHashCorruptFlaggedNotFatal) {
  Fixture f("pdf");
  std::string good = tiny_pdf();
  EXPECT_EQ(pdf::to_string(pdf::inspect_incoming_pdf(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(good.data()), good.size()))), std::string("ok"));
  std::string broken = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R";  // cut short
  ReceiveRequest r;
  r.sender = "สพฐ.";
  r.subject = "แนบไฟล์เสีย";
  r.file = write_file(f.dir + "/broken.pdf", broken);
  auto n = f.reg->receive(f.clerk, r);
  r.file = write_file(f.dir + "/notes.txt", "ไม่ใช่ PDF");
  auto m = f.reg->receive(f.clerk, r);
  auto d = f.reg->show(f.clerk, n.id);
  ASSERT_EQ(d.attachments.size(), 1u);
  EXPECT_EQ(d.attachments[0].pdf_status, "corrupt");
  EXPECT_EQ(d.attachments[0].sha256, sha256_hex(broken));
  EXPECT_EQ(d.attachments[0].size, static_cast<std::int64_t>(broken.size()));
  EXPECT_EQ(f.reg->show(f.clerk, m.id).attachments.at(0).pdf_status, "not-pdf");
  EXPECT_TRUE(f.reg->verify(f.admin).ok);
}

}  // namespace
}  // namespace saraban::registry
