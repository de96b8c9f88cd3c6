// `receive --file` on what the real world sends: an empty file is registered and flagged, a
// stamp that cannot be drawn is noted with its reason, only regular files within the size
// limit are read, and the stamp is drawn outside the register's write transaction.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "base/error.h"
#include "registry/incoming_file.h"
#include "registry_test_support.h"
#include "stand_in_stamper.h"
#include "support/raw_pdf.h"

namespace saraban::registry {
namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A one-page PDF written by hand (xref offsets computed), so the PDF stage's inspection says "ok".
std::string tiny_pdf() {
  std::vector<std::string> objs = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
  };
  return saraban::testing::raw_pdf_text(objs, "1.4");
}

// Records what it was asked to draw, runs `during` while drawing, and returns a marked copy.
class RecordingStamper final : public testing::StandInStamper {
 public:
  std::function<void()> during;
  std::vector<std::string> numbers;
  std::vector<std::uint8_t> draw(const std::vector<std::uint8_t>& original, const ReceiveStampText& t) override {
    numbers.push_back(t.number);
    if (during) during();
    std::vector<std::uint8_t> out(original);
    std::string mark = "% stamped " + t.number + "\n";
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

struct IntakeFixture : testing::Fixture {
  explicit IntakeFixture(const std::string& name) : Fixture(name) {}
  std::string write(const std::string& name, const std::string& bytes) {
    std::string p = dir + "/" + name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  Issued receive_file(const std::string& path, IncomingPdfHandler* stamper = nullptr) {
    Registry r(*store, env, stamper ? stamper : &pdfs);
    ReceiveRequest q;
    q.sender = "สพฐ.";
    q.subject = "ขอเชิญประชุม";
    q.file = path;
    return r.receive(clerk, q);
  }
  std::int64_t rows(const char* table) {
    auto s = store->connection().prepare(std::string("SELECT count(*) FROM ") + table);
    s.step();
    return s.integer(0);
  }
  // Runs a receive that must be refused with `expect` in the message, registering nothing.
  void refused(const std::string& path, const std::string& expect) {
    std::int64_t before = rows("entries");
    try {
      receive_file(path);
      ADD_FAILURE() << "received " << path;
    } catch (const Error& e) {
      EXPECT_TRUE(has(e.message(), expect)) << e.message();
      EXPECT_EQ(e.context(), path);
    }
    EXPECT_EQ(rows("entries"), before);
  }
};

// -------------------------------------------------------------------- case 1: zero bytes

TEST(PdfIntake, AnEmptyFileIsRegisteredKeptAndFlagged) {
  IntakeFixture f("intake-empty");
  RecordingStamper stamper;
  auto n = f.receive_file(f.write("empty.pdf", ""), &stamper);
  EXPECT_EQ(n.number, 1);
  ASSERT_EQ(n.warnings.size(), 1u);
  EXPECT_TRUE(has(n.warnings[0], "'empty.pdf' is empty")) << n.warnings[0];
  auto d = f.reg->show(f.clerk, n.id);
  ASSERT_EQ(d.attachments.size(), 1u);  // kept, and no stamp drawn on nothing
  EXPECT_EQ(d.attachments[0].kind, "original");
  EXPECT_EQ(d.attachments[0].size, 0);
  EXPECT_EQ(d.attachments[0].note, "empty file");
  EXPECT_TRUE(stamper.numbers.empty());
  auto [a, bytes] = f.reg->attachment(f.clerk, n.id, "original");
  EXPECT_TRUE(bytes.empty());
  // A zero-length blob, not NULL: the blob row is there and verify accepts it.
  auto s = f.store->connection().prepare(f.store->connection().postgres()
                                             ? "SELECT pg_typeof(bytes)::text, length(bytes) FROM attachment_blobs WHERE bytes IS NOT NULL"
                                             : "SELECT typeof(bytes), length(bytes) FROM attachment_blobs");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.text(0), f.store->connection().postgres() ? "bytea" : "blob");
  EXPECT_EQ(s.integer(1), 0);
  EXPECT_TRUE(f.reg->verify(f.admin).ok);
  // The same empty file again shares the stored blob.
  EXPECT_EQ(f.receive_file(f.write("empty2.pdf", "")).number, 2);
  EXPECT_EQ(f.rows("attachment_blobs"), 1);
}

// ------------------------------------------------------- case 2: stamping failures are said

TEST(PdfIntake, AStampThatCannotBeDrawnIsNotedWithItsReason) {
  IntakeFixture f("intake-stamp-fails");
  FailingStamper stamper;
  auto n = f.receive_file(f.write("letter.pdf", tiny_pdf()), &stamper);
  EXPECT_EQ(n.number, 1);
  ASSERT_EQ(n.warnings.size(), 1u);
  EXPECT_EQ(n.warnings[0], "no stamped copy of 'letter.pdf': cannot draw on this PDF (page 1)");
  auto d = f.reg->show(f.clerk, n.id);
  ASSERT_EQ(d.attachments.size(), 1u);
  EXPECT_EQ(d.attachments[0].pdf_status, "ok");
  EXPECT_EQ(d.attachments[0].note, "no stamped copy: cannot draw on this PDF (page 1)");
  EXPECT_TRUE(f.reg->verify(f.admin).ok);
}

TEST(PdfIntake, AStampedLetterHasNoNoteAndNoWarning) {
  IntakeFixture f("intake-stamp-ok");
  RecordingStamper stamper;
  auto n = f.receive_file(f.write("letter.pdf", tiny_pdf()), &stamper);
  EXPECT_TRUE(n.warnings.empty());
  auto d = f.reg->show(f.clerk, n.id);
  ASSERT_EQ(d.attachments.size(), 2u);
  EXPECT_EQ(d.attachments[0].note, "");
  EXPECT_EQ(d.attachments[1].kind, "stamped");
  EXPECT_EQ(stamper.numbers, std::vector<std::string>{"๑"});
}

// --------------------------------------------------- case 3: regular files within the limit

TEST(PdfIntake, AFifoIsRefusedWithoutWaitingForAWriter) {
  IntakeFixture f("intake-fifo");
  std::string fifo = f.dir + "/letter.pdf";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  f.refused(fifo, "not a regular file");
}

TEST(PdfIntake, ADeviceIsRefused) {
  IntakeFixture f("intake-dev-zero");
  f.refused("/dev/zero", "not a regular file");
}

TEST(PdfIntake, AFilePastTheLimitIsRefusedNamingSizeAndLimit) {
  IntakeFixture f("intake-limit");
  std::string big = f.write("big.pdf", tiny_pdf() + std::string(3 * 1024 * 1024 / 2, ' '));
  EXPECT_EQ(f.reg->max_attachment_bytes(), 100u * 1024 * 1024);  // the default
  f.reg->set_max_attachment_mb(f.admin, 1);
  f.refused(big, "the file is 1.6 MB, larger than the attachment limit of 1.0 MB");
  EXPECT_THROW(f.reg->set_max_attachment_mb(f.clerk, 2), Error);  // an admin's decision
  EXPECT_THROW(f.reg->set_max_attachment_mb(f.admin, 0), Error);
  f.reg->set_max_attachment_mb(f.admin, 2);
  EXPECT_EQ(f.receive_file(big).number, 1);
  EXPECT_EQ(f.rows("entries"), 1);
  EXPECT_TRUE(f.reg->verify(f.admin).ok);
}

TEST(PdfIntake, TheLimitOptionTakesWholeMegabytesOnly) {
  EXPECT_EQ(parse_max_attachment_mb("250"), 250);
  for (const char* bad : {"", "0", "-5", "1.5", "lots", "99999999999"}) {
    try {
      parse_max_attachment_mb(bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.context(), "--max-attachment-mb");
    }
  }
}

// ---------------------------------------------------- case 4: the stamp is drawn outside

// While the stamp is drawn another clerk's write goes through at once: the register's write
// lock is not held (busy_timeout 0, so a held lock fails the other write instead of waiting).
TEST(PdfIntake, TheStampIsDrawnWithoutHoldingTheWriteLock) {
  IntakeFixture f("intake-no-lock");
  RecordingStamper stamper;
  int other_write = -1;
  stamper.during = [&] {
    other_write = testing::write_lock_free(f.db) ? SQLITE_OK : SQLITE_BUSY;
  };
  auto n = f.receive_file(f.write("letter.pdf", tiny_pdf()), &stamper);
  EXPECT_EQ(other_write, SQLITE_OK) << "the stamp was drawn inside the write transaction";
  EXPECT_EQ(n.number, 1);
  EXPECT_EQ(f.rows("attachments"), 2);
}

// Another clerk registers while the stamp is drawn: the copy is stamped again with the number
// actually issued, and the numbers stay gapless.
TEST(PdfIntake, ANumberTakenWhileStampingIsStampedAgainWithTheIssuedOne) {
  IntakeFixture f("intake-stale");
  RecordingStamper stamper;
  bool first = true;
  stamper.during = [&] {
    if (!first) return;
    first = false;
    auto other = SqlRegisterStore::open(f.db, f.env);
    ReceiveRequest q;
    q.sender = "ก";
    q.subject = "ข";
    Registry(*other, f.env).receive(f.clerk, q);
  };
  auto n = f.receive_file(f.write("letter.pdf", tiny_pdf()), &stamper);
  EXPECT_EQ(n.number, 2);
  EXPECT_EQ(stamper.numbers, (std::vector<std::string>{"๑", "๒"}));
  auto [a, bytes] = f.reg->attachment(f.clerk, n.id, "stamped");
  std::string text(bytes.begin(), bytes.end());
  EXPECT_TRUE(has(text, "% stamped ๒\n")) << "the stored copy shows another number";
  EXPECT_EQ(f.rows("entries"), 2);
  EXPECT_TRUE(f.reg->verify(f.admin).ok);
}

// A register so busy that every predicted number is taken: after three tries the letter is
// stored with its original, then stamped with its issued number outside the write lock, and
// the copy stored in a second transaction.
TEST(PdfIntake, ABusyRegisterStampsAfterStoringAndStillWithoutTheLock) {
  IntakeFixture f("intake-busy");
  RecordingStamper stamper;
  int calls = 0, last_other_write = -1;
  stamper.during = [&] {
    if (++calls <= 3) {
      auto other = SqlRegisterStore::open(f.db, f.env);
      ReceiveRequest q;
      q.sender = "ก";
      q.subject = "ข";
      Registry(*other, f.env).receive(f.clerk, q);
      return;
    }
    last_other_write = testing::write_lock_free(f.db) ? SQLITE_OK : SQLITE_BUSY;
  };
  auto n = f.receive_file(f.write("letter.pdf", tiny_pdf()), &stamper);
  EXPECT_EQ(n.number, 4);
  EXPECT_TRUE(n.warnings.empty());
  EXPECT_EQ(stamper.numbers, (std::vector<std::string>{"๑", "๒", "๓", "๔"}));
  EXPECT_EQ(last_other_write, SQLITE_OK) << "the late stamp was drawn inside the write transaction";
  auto [a, bytes] = f.reg->attachment(f.clerk, n.id, "stamped");
  EXPECT_TRUE(has(std::string(bytes.begin(), bytes.end()), "% stamped ๔\n"));
  EXPECT_EQ(f.rows("entries"), 4);
  EXPECT_TRUE(f.reg->verify(f.admin).ok);
}

// ----------------------------------------------------------------- the command line

TEST(PdfIntakeCli, ReceiveWarnsAndShowTellsWhatHappenedToTheFile) {
  std::string dir = testing::temp_dir("intake-cli");
  std::string db = dir + "/registry.db";
  auto sar = [&](std::vector<std::string> args, const std::string& as = "") {
    args.insert(args.begin(), {"--db", db});
    return testing::run_saraban(args, as);
  };
  ASSERT_EQ(sar({"init"}).status, 0);
  ASSERT_EQ(sar({"user", "add", "somchai", "--role", "clerk"}, "admin").status, 0);
  auto lim = sar({"--json", "office", "set", "--max-attachment-mb", "1"}, "admin");
  ASSERT_EQ(lim.status, 0) << lim.err;
  EXPECT_EQ(nlohmann::json::parse(lim.out)["max_attachment_mb"], 1);
  std::ofstream(dir + "/big.pdf", std::ios::binary) << std::string(2 * 1024 * 1024, 'x');
  auto big = sar({"receive", "--from", "สพฐ.", "--subject", "ขอเชิญประชุม", "--file", dir + "/big.pdf"}, "somchai");
  EXPECT_NE(big.status, 0);
  EXPECT_TRUE(has(big.err, "big.pdf") && has(big.err, "2.0 MB, larger than the attachment limit of 1.0 MB")) << big.err;
  std::ofstream(dir + "/empty.pdf", std::ios::binary).close();
  auto r = sar({"--json", "receive", "--from", "สพฐ.", "--subject", "ขอเชิญประชุม", "--file", dir + "/empty.pdf"}, "somchai");
  ASSERT_EQ(r.status, 0) << r.err;
  std::string address = nlohmann::json::parse(r.out)["address"].get<std::string>();
  EXPECT_TRUE(has(r.err, "warning: " + address + ": the file 'empty.pdf' is empty")) << r.err;
  auto j = sar({"--json", "show", address}, "somchai");
  ASSERT_EQ(j.status, 0) << j.err;
  auto at = nlohmann::json::parse(j.out)["attachments"];
  ASSERT_EQ(at.size(), 1u);
  EXPECT_EQ(at[0]["note"], "empty file");
  EXPECT_EQ(at[0]["size"], 0);
  auto t = sar({"show", address}, "somchai");
  EXPECT_TRUE(has(t.out, "empty.pdf") && has(t.out, "empty file")) << t.out;
  ASSERT_TRUE(::mkfifo((dir + "/pipe.pdf").c_str(), 0600) == 0);
  auto p = sar({"receive", "--from", "สพฐ.", "--subject", "ขอเชิญประชุม", "--file", dir + "/pipe.pdf"}, "somchai");
  EXPECT_NE(p.status, 0);
  EXPECT_TRUE(has(p.err, "pipe.pdf") && has(p.err, "not a regular file")) << p.err;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace saraban::registry
