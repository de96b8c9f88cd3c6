// A stamp drawn after registration (receive's second transaction) is noted pending with the
// letter, so a process that dies between the two transactions leaves the missing stamp said in
// the register: `show` and `verify` name it, and `restamp` draws it with the issued number.
#include <gtest/gtest.h>

#include <fstream>

#include "base/error.h"
#include "late_stamp_support.h"
#include "registry/stamp_notes.h"
#include "registry_test_support.h"
#include "stand_in_stamper.h"
#include "support/raw_pdf.h"

namespace saraban::registry {
namespace {

using testing::BusyRegisterStamper;
using testing::SimulatedCrash;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string tiny_pdf() {
  return saraban::testing::raw_pdf_text({"<< /Type /Catalog /Pages 2 0 R >>",
                                         "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"},
                                        "1.4");
}

// Draws "% stamped N" after the original, as receive's stand-in stampers do.
class MarkingStamper final : public testing::StandInStamper {
 public:
  std::vector<std::uint8_t> draw(const std::vector<std::uint8_t>& original, const ReceiveStampText& t) override {
    std::vector<std::uint8_t> out(original);
    const std::string mark = "% stamped " + t.number + "\n";
    out.insert(out.end(), mark.begin(), mark.end());
    return out;
  }
};

class FailingStamper final : public testing::StandInStamper {
 public:
  std::vector<std::uint8_t> draw(const std::vector<std::uint8_t>&, const ReceiveStampText&) override {
    throw Error(ErrorCode::PdfError, "cannot draw on this PDF", "page 1");
  }
};

struct LateFixture : testing::Fixture {
  explicit LateFixture(const std::string& name) : Fixture(name) {}

  std::string write(const std::string& name, const std::string& bytes) {
    const std::string p = dir + "/" + name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  Issued receive_with(IncomingPdfHandler& stamper, const std::string& path, Secrecy secrecy = Secrecy::None) {
    Registry r(*store, env, &stamper);
    ReceiveRequest q;
    q.sender = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา";
    q.subject = "ขอเชิญประชุมคณะกรรมการ";
    q.file = path;
    q.secrecy = secrecy;
    return r.receive(secrecy == Secrecy::None ? clerk : cleared_clerk, q);
  }
  // Receive's late path, where the process dies while the late stamp is drawn: returns the
  // letter's entry as the register has it afterwards.
  Entry receive_and_crash(Secrecy secrecy = Secrecy::None) {
    const User& who = secrecy == Secrecy::None ? clerk : cleared_clerk;
    BusyRegisterStamper stamper(db, env, who);
    stamper.secrecy = secrecy;
    stamper.on_late = [] { throw SimulatedCrash{}; };
    EXPECT_THROW(receive_with(stamper, write("letter.pdf", tiny_pdf()), secrecy), SimulatedCrash);
    EXPECT_EQ(stamper.numbers.size(), 4u) << "the late path was not taken";
    EntryFilter f;
    f.register_code = secrecy == Secrecy::None ? "receive" : "secret";
    f.number_from = f.number_to = 4;
    auto found = reg->list(who, f);
    EXPECT_EQ(found.size(), 1u);
    return found.empty() ? Entry{} : found.front();
  }
  Restamped restamp_with(IncomingPdfHandler& stamper, const User& who, std::int64_t id) {
    return Registry(*store, env, &stamper).restamp(who, id);
  }
  std::vector<std::uint8_t> stamped_bytes(std::int64_t id) { return reg->attachment(clerk, id, "stamped").second; }
  std::int64_t note_updates() {
    auto s = store->connection().prepare(
        "SELECT count(*) FROM audit_log WHERE tbl = 'attachment_notes' AND action = 'update'");
    s.step();
    return s.integer(0);
  }
};

std::string all_notes(const VerifyReport& r) {
  std::string s;
  for (const auto& n : r.notes) s += n + "\n";
  return s;
}

// ------------------------------------------------------------- (a) the process dies between

TEST(LateStamp, ADeathBetweenTheTwoTransactionsLeavesTheOriginalNotedPending) {
  LateFixture f("late-crash");
  Entry e = f.receive_and_crash();
  auto d = f.reg->show(f.clerk, e.id);
  ASSERT_EQ(d.attachments.size(), 1u) << "a stamped copy was stored";
  EXPECT_EQ(d.attachments[0].kind, "original");
  EXPECT_EQ(d.attachments[0].note, kStampPendingNote);
  EXPECT_TRUE(stamp_pending(d.attachments[0]));
  EXPECT_EQ(f.reg->attachment(f.clerk, e.id, "original").second.size(), tiny_pdf().size());
  auto v = f.reg->verify(f.admin);
  EXPECT_TRUE(v.ok);
  EXPECT_TRUE(has(all_notes(v), "stamp pending: entry " + entry_address(e))) << all_notes(v);
  EXPECT_TRUE(has(all_notes(v), "saraban restamp " + entry_address(e))) << all_notes(v);
}

// ------------------------------------------------------------------- (b) restamp draws it

TEST(LateStamp, RestampStoresTheCopyWithTheIssuedNumberAndResolvesTheNote) {
  LateFixture f("late-restamp");
  Entry e = f.receive_and_crash();
  const std::int64_t updates = f.note_updates();
  MarkingStamper stamper;
  Restamped r = f.restamp_with(stamper, f.clerk, e.id);
  EXPECT_EQ(r.entry.id, e.id);
  EXPECT_EQ(r.stamped.kind, "stamped");
  EXPECT_EQ(r.original_note, kRestampedNote);
  const auto copy = f.stamped_bytes(e.id);
  EXPECT_EQ(std::string(copy.begin(), copy.end()), tiny_pdf() + "% stamped ๔\n");
  auto d = f.reg->show(f.clerk, e.id);
  ASSERT_EQ(d.attachments.size(), 2u);
  EXPECT_EQ(d.attachments[0].note, kRestampedNote);
  EXPECT_FALSE(stamp_pending(d.attachments[0]));
  // The note was updated, not replaced: one audited update, and the chain still verifies.
  EXPECT_EQ(f.note_updates(), updates + 1);
  auto v = f.reg->verify(f.admin);
  EXPECT_TRUE(v.ok);
  EXPECT_FALSE(has(all_notes(v), "stamp pending")) << all_notes(v);
  // The copy extends its original: stored as the suffix, as receive stores it.
  auto s = f.store->connection().prepare("SELECT count(*) FROM attachment_blob_bases");
  s.step();
  EXPECT_EQ(s.integer(0), 1);
}

TEST(LateStamp, ARestampThatCannotDrawSaysWhyOnTheOriginalAndFails) {
  LateFixture f("late-restamp-fails");
  Entry e = f.receive_and_crash();
  FailingStamper stamper;
  try {
    f.restamp_with(stamper, f.clerk, e.id);
    ADD_FAILURE() << "restamp succeeded without a stamp";
  } catch (const Error& err) {
    EXPECT_EQ(err.code(), ErrorCode::PdfError);
    EXPECT_TRUE(has(err.message(), entry_address(e)) && has(err.message(), "cannot draw on this PDF")) << err.message();
  }
  auto d = f.reg->show(f.clerk, e.id);
  ASSERT_EQ(d.attachments.size(), 1u);
  EXPECT_EQ(d.attachments[0].note, "no stamped copy: cannot draw on this PDF (page 1)");
  auto v = f.reg->verify(f.admin);
  EXPECT_TRUE(v.ok);
  EXPECT_FALSE(has(all_notes(v), "stamp pending")) << all_notes(v);
  // Still no copy: a later restamp may try again.
  MarkingStamper marking;
  f.restamp_with(marking, f.clerk, e.id);
  EXPECT_EQ(f.reg->show(f.clerk, e.id).attachments[0].note, kRestampedNote);
}

// --------------------------------------------------------------- (c) nothing to restamp

TEST(LateStamp, RestampRefusesAnEntryWithNothingToStampNamingIt) {
  LateFixture f("late-refused");
  MarkingStamper stamper;
  auto stamped = f.receive_with(stamper, f.write("letter.pdf", tiny_pdf()));
  auto no_file = f.receive("ขอความอนุเคราะห์");
  auto empty = f.receive_with(stamper, f.write("empty.pdf", ""));
  struct Case {
    Issued n;
    ErrorCode code;
    const char* says;
  };
  for (const Case& c : {Case{stamped, ErrorCode::WrongStage, "already has a stamped copy"},
                        Case{no_file, ErrorCode::NotFound, "has no original file to stamp"},
                        Case{empty, ErrorCode::PdfError, "it is not a PDF"}}) {
    const std::string before = testing::content_digest(f.db);
    const std::string address = c.n.register_code + "/" + std::to_string(c.n.year) + "/" + std::to_string(c.n.number);
    try {
      f.restamp_with(stamper, f.clerk, c.n.id);
      ADD_FAILURE() << "restamped " << address;
    } catch (const Error& err) {
      EXPECT_EQ(err.code(), c.code) << err.message();
      EXPECT_TRUE(has(err.message(), "entry " + address) && has(err.message(), c.says)) << err.message();
    }
    EXPECT_EQ(testing::content_digest(f.db), before) << "a refused restamp changed the register";
  }
  EXPECT_THROW(f.restamp_with(stamper, f.director, stamped.id), Error);  // a clerk's task
}

TEST(LateStamp, ASecretEntryIsRestampedOnlyByTheCleared) {
  LateFixture f("late-secret");
  Entry e = f.receive_and_crash(Secrecy::Secret);
  MarkingStamper stamper;
  try {
    f.restamp_with(stamper, f.nosy, e.id);
    ADD_FAILURE() << "an uncleared clerk restamped a secret entry";
  } catch (const Error& err) {
    EXPECT_EQ(err.code(), ErrorCode::NotFound);
    EXPECT_EQ(err.message(), "no such entry");
  }
  EXPECT_FALSE(has(all_notes(f.reg->verify(f.nosy)), "stamp pending"));  // absent, like the entry
  EXPECT_TRUE(has(all_notes(f.reg->verify(f.cleared_clerk)), "stamp pending: entry " + entry_address(e)));
  f.restamp_with(stamper, f.cleared_clerk, e.id);
  bool logged = false;
  for (const auto& a : f.reg->access_log(f.cleared_clerk, e.id)) logged = logged || a.command == "restamp";
  EXPECT_TRUE(logged) << "the cleared clerk's restamp of a secret entry is not in the access log";
  EXPECT_TRUE(f.reg->verify(f.admin).ok);
}

// ------------------------------------------------------------ (d) the late path completes

TEST(LateStamp, TheLatePathWithoutADeathStoresTheCopyAndResolvesTheNote) {
  LateFixture f("late-normal");
  BusyRegisterStamper stamper(f.db, f.env, f.clerk);
  auto n = f.receive_with(stamper, f.write("letter.pdf", tiny_pdf()));
  EXPECT_EQ(n.number, 4);
  EXPECT_TRUE(n.warnings.empty());
  auto d = f.reg->show(f.clerk, n.id);
  ASSERT_EQ(d.attachments.size(), 2u);
  EXPECT_EQ(d.attachments[0].note, kStampedLateNote);
  EXPECT_EQ(d.attachments[1].kind, "stamped");
  const auto copy = f.stamped_bytes(n.id);
  EXPECT_EQ(std::string(copy.begin(), copy.end()), tiny_pdf() + "% stamped ๔\n");
  auto v = f.reg->verify(f.admin);
  EXPECT_TRUE(v.ok);
  EXPECT_FALSE(has(all_notes(v), "stamp pending")) << all_notes(v);
}

TEST(LateStamp, ALateStampThatCannotBeDrawnResolvesTheNoteToWhy) {
  LateFixture f("late-draw-fails");
  BusyRegisterStamper stamper(f.db, f.env, f.clerk);
  stamper.on_late = [] { throw Error(ErrorCode::PdfError, "cannot draw on this PDF"); };
  auto n = f.receive_with(stamper, f.write("letter.pdf", tiny_pdf()));
  ASSERT_EQ(n.warnings.size(), 1u);
  EXPECT_EQ(n.warnings[0], "no stamped copy of 'letter.pdf': cannot draw on this PDF");
  auto d = f.reg->show(f.clerk, n.id);
  ASSERT_EQ(d.attachments.size(), 1u);
  EXPECT_EQ(d.attachments[0].note, "no stamped copy: cannot draw on this PDF");
  EXPECT_TRUE(f.reg->verify(f.admin).ok);
}

// A clerk who restamps the letter while its receive still draws the late stamp: one copy is
// stored, not two.
TEST(LateStamp, ARestampWhileTheLateStampIsDrawnLeavesOneCopy) {
  LateFixture f("late-race");
  BusyRegisterStamper stamper(f.db, f.env, f.clerk);
  stamper.on_late = [&] {
    auto other = SqlRegisterStore::open(f.db, f.env);
    EntryFilter q;
    q.number_from = q.number_to = 4;
    MarkingStamper marking;
    Registry r(*other, f.env, &marking);
    r.restamp(f.clerk, r.list(f.clerk, q).at(0).id);
  };
  auto n = f.receive_with(stamper, f.write("letter.pdf", tiny_pdf()));
  EXPECT_TRUE(n.warnings.empty());
  auto d = f.reg->show(f.clerk, n.id);
  ASSERT_EQ(d.attachments.size(), 2u);
  EXPECT_EQ(d.attachments[0].note, kRestampedNote);
  EXPECT_TRUE(f.reg->verify(f.admin).ok);
}

// A late transaction that fails (here: the disk fills while the copy is stored) is rolled
// back whole; the letter stays registered, its note pending, and the warning says restamp.
TEST(LateStamp, ALateStoreThatFailsLeavesTheNotePendingAndTheWarningSaysRestamp) {
  LateFixture f("late-store-fails");
  BusyRegisterStamper stamper(f.db, f.env, f.clerk);
  stamper.padding = 2 * 1024 * 1024;
  auto& c = f.store->connection();
  stamper.on_late = [&] { testing::disk_full_beyond(c, 8 * 4096); };
  auto n = f.receive_with(stamper, f.write("letter.pdf", tiny_pdf()));
  testing::disk_full_beyond(c, -1);
  const std::string address = n.register_code + "/" + std::to_string(n.year) + "/" + std::to_string(n.number);
  ASSERT_EQ(n.warnings.size(), 1u);
  EXPECT_TRUE(has(n.warnings[0], "was not stored") && has(n.warnings[0], "saraban restamp " + address)) << n.warnings[0];
  auto d = f.reg->show(f.clerk, n.id);
  ASSERT_EQ(d.attachments.size(), 1u);
  EXPECT_EQ(d.attachments[0].note, kStampPendingNote);
  MarkingStamper marking;
  f.restamp_with(marking, f.clerk, n.id);
  EXPECT_EQ(f.reg->show(f.clerk, n.id).attachments.size(), 2u);
  EXPECT_TRUE(f.reg->verify(f.admin).ok);
}

}  // namespace
}  // namespace saraban::registry
