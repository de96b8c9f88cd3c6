// Only drawing the receive stamp may fail quietly (the letter is kept without a stamped copy);
// a failure to store the stamped copy is a failed receive, and nothing of it is kept.
#include <gtest/gtest.h>

#include <fstream>

#include "base/error.h"
#include "registry_test_support.h"
#include "stand_in_stamper.h"
#include "support/raw_pdf.h"

namespace saraban::registry {
namespace {

std::string tiny_pdf() {
  std::vector<std::string> objs = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
  };
  return saraban::testing::raw_pdf_text(objs, "1.4");
}

// A stamper whose copy is large: storing it is what fails, not drawing it.
class LargeCopyStamper final : public testing::StandInStamper {
 public:
  std::vector<std::uint8_t> draw(const std::vector<std::uint8_t>& original, const ReceiveStampText&) override {
    std::vector<std::uint8_t> out(original);
    out.resize(2 * 1024 * 1024, ' ');
    return out;
  }
};

class FailingStamper final : public testing::StandInStamper {
 public:
  std::vector<std::uint8_t> draw(const std::vector<std::uint8_t>&, const ReceiveStampText&) override {
    throw Error(ErrorCode::PdfError, "cannot draw on this PDF");
  }
};

struct StampFixture : testing::Fixture {
  std::string pdf;
  explicit StampFixture(const std::string& name) : Fixture(name), pdf(dir + "/incoming.pdf") {
    std::ofstream(pdf, std::ios::binary) << tiny_pdf();
  }
  Issued receive_with_file(IncomingPdfHandler& stamper) {
    Registry with_stamp(*store, env, &stamper);
    ReceiveRequest r;
    r.sender = "สพฐ.";
    r.subject = "ขอเชิญประชุม";
    r.file = pdf;
    return with_stamp.receive(clerk, r);
  }
  std::int64_t rows(const char* table) {
    auto s = store->connection().prepare(std::string("SELECT count(*) FROM ") + table);
    s.step();
    return s.integer(0);
  }
};

TEST(StampedCopy, AFullDiskWhileStoringItFailsTheReceiveAndKeepsNothing) {
  StampFixture f("stamp-full");
  LargeCopyStamper stamper;
  auto& c = f.store->connection();
  testing::disk_full_beyond(c, 60 * 4096);  // room for the entry, not the copy
  try {
    f.receive_with_file(stamper);
    ADD_FAILURE() << "the receive succeeded without its stamped copy stored";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::IoError);
    EXPECT_NE(e.message().find("disk is full"), std::string::npos) << e.message();
  }
  EXPECT_EQ(f.rows("entries"), 0);
  EXPECT_EQ(f.rows("attachments"), 0);
  testing::disk_full_beyond(c, -1);
  auto n = f.receive_with_file(stamper);
  EXPECT_EQ(n.number, 1);
  EXPECT_EQ(f.rows("attachments"), 2);
  EXPECT_TRUE(f.reg->verify(f.admin).ok);
}

TEST(StampedCopy, AStampThatCannotBeDrawnKeepsTheLetterWithoutACopy) {
  StampFixture f("stamp-draw");
  FailingStamper stamper;
  auto n = f.receive_with_file(stamper);
  EXPECT_EQ(n.number, 1);
  EXPECT_EQ(f.rows("attachments"), 1);
}

}  // namespace
}  // namespace saraban::registry
