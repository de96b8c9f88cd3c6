// The CLI's adapter gives the register the PDF stage's inspection and the documents stage's
// stamp, through the register's own interface (registry/incoming_pdf_handler.h).
#include <gtest/gtest.h>

#include "base/environment.h"
#include "cli/incoming_pdf_adapter.h"
#include "pdf/pdf_inspection.h"
#include "support/raw_pdf.h"

namespace saraban::cli {
namespace {

std::vector<std::uint8_t> bytes_of(const std::string& s) { return {s.begin(), s.end()}; }

std::vector<std::uint8_t> one_page() {
  return bytes_of(saraban::testing::raw_pdf_text({"<< /Type /Catalog /Pages 2 0 R >>",
                                                  "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                                  "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"},
                                                 "1.4"));
}

TEST(IncomingPdfAdapter, SaysWhatAFileIsInTheRegistersWords) {
  IncomingPdfAdapter a(system_environment());
  registry::IncomingPdfHandler& h = a;
  EXPECT_EQ(h.inspect(one_page()), "ok");
  EXPECT_EQ(h.inspect(bytes_of("%PDF-1.4\n1 0 obj << /Type /Catalog")), "corrupt");
  EXPECT_EQ(h.inspect(bytes_of("ไม่ใช่ PDF")), "not-pdf");
  EXPECT_EQ(h.inspect({}), "not-pdf");
  // Every status has the name the register's pdf_status column allows.
  EXPECT_STREQ(pdf::to_string(pdf::IncomingPdfStatus::Encrypted), "encrypted");
}

TEST(IncomingPdfAdapter, StampsWithTheFieldsItIsGiven) {
  IncomingPdfAdapter a(system_environment());
  registry::IncomingPdfHandler& h = a;
  const auto original = one_page();
  registry::StampedCopy copy = h.stamp(original, {"สำนักงานทดสอบ", "๔๒", "๒๑ พ.ย. ๒๕๖๙", "๐๙:๓๐"});
  EXPECT_FALSE(copy.repaired);
  EXPECT_NE(copy.bytes, original);
  EXPECT_EQ(h.inspect(copy.bytes), "ok");
  // The documents stage's stamp with exactly these fields: another number gives another copy.
  documents::ReceiveStamper direct(system_environment());
  EXPECT_EQ(copy.bytes, direct.stamp(original, {"สำนักงานทดสอบ", "๔๒", "๒๑ พ.ย. ๒๕๖๙", "๐๙:๓๐"}).bytes);
  EXPECT_NE(copy.bytes, direct.stamp(original, {"สำนักงานทดสอบ", "๔๓", "๒๑ พ.ย. ๒๕๖๙", "๐๙:๓๐"}).bytes);
}

}  // namespace
}  // namespace saraban::cli
