// A paragraph whose first line is indented and whose short last line ends before that indent
// ("บทที่ ๔ การจัดทำหนังสือ" over "ตอบ"): the two lines share no column, and poppler read the
// last line before the paragraph. Typeset through the real command at every width from 9 to
// 16 cm, both extractors must give the text back in order.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "../pdf/pdf_test_support.h"

namespace saraban {
namespace {

using namespace saraban::testing;

const std::string kHeading = "บทที่ ๔ การจัดทำหนังสือตอบ";
const std::string kBody =
    "ผู้รับผิดชอบจัดทำร่างหนังสือตอบหรือเอกสารที่เกี่ยวข้องตามแบบที่ระเบียบกำหนด ได้แก่ หนังสือภายนอก บันทึกข้อความ "
    "หนังสือประทับตรา คำสั่ง และประกาศ";
const std::string kClause = "ข้อ ๒  ระเบียบนี้ให้ใช้บังคับตั้งแต่วันถัดจากวันประกาศเป็นต้นไป";

class ShortLastLine : public ::testing::TestWithParam<int> {};

TEST_P(ShortLastLine, BothExtractorsReadTheParagraphInOrder) {
  TempDir dir;
  const std::string in = dir.file("in.txt"), out = dir.file("out.pdf");
  std::ofstream(in) << kHeading << "\n\n" << kBody << "\n\n" << kClause << "\n\n" << kBody << "\n";
  const auto r = run_command("SOURCE_DATE_EPOCH=1763703000 '" + std::string(SARABAN_BINARY) + "' typeset '" + in +
                             "' -o '" + out + "' --width " + std::to_string(GetParam()) + " --align thai-distributed");
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string expected = kHeading + " " + kBody + " " + kClause + " " + kBody;
  EXPECT_EQ(without_whitespace(pdftotext(out)), without_whitespace(expected)) << "pdftotext";
  EXPECT_EQ(without_whitespace(pymupdf_text(out)), without_whitespace(expected)) << "PyMuPDF";
}

INSTANTIATE_TEST_SUITE_P(NineToSixteenCm, ShortLastLine, ::testing::Range(9, 17));

}  // namespace
}  // namespace saraban
