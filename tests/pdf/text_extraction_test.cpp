// The text layer must give back exactly the characters that went in, with poppler and MuPDF.
#include <gtest/gtest.h>

#include "pdf/pdf_writer.h"
#include "pdf_test_support.h"
#include "thai_shaping.h"

namespace saraban::pdf {
namespace {

using namespace saraban::testing;

// Thai stacking cases: SARA AM decomposition and reordering, tone marks over upper vowels,
// lower vowels under consonants with descenders, and ฤๅ.
const std::vector<std::string> kStackingCases = {"น้ำ", "ปี่", "ที่", "ญุ", "ฐู", "ผู้นำ", "กิ่ง", "จ๋ำ", "ฤๅ"};

layout::DocumentFrame one_line_document(const std::vector<layout::TextRun>& runs) {
  layout::DocumentFrame doc;
  doc.info.title = "ทดสอบ";
  doc.info.created = 1700000000;
  layout::PageFrame page;
  for (const auto& run : runs) page.items.push_back(run);
  doc.pages.push_back(page);
  return doc;
}

std::string write_temp(const TempDir& dir, const std::string& name, const layout::DocumentFrame& doc) {
  std::string path = dir.file(name);
  write_bytes(path, write_pdf(doc));
  return path;
}

class StackingCase : public ::testing::TestWithParam<std::string> {};

TEST_P(StackingCase, ExtractsExactlyWithPopplerAndMuPdf) {
  auto font = load_font_program(kLaksaman, "Laksaman");
  TempDir dir;
  std::string path = write_temp(dir, "case.pdf", one_line_document({shape_run(font, GetParam(), 20, 72, 100)}));
  EXPECT_EQ(without_whitespace(pdftotext(path)), GetParam()) << "pdftotext";
  EXPECT_EQ(without_whitespace(mutool_text(path)), GetParam()) << "mutool draw -F txt";
  EXPECT_EQ(without_whitespace(pymupdf_text(path)), GetParam()) << "PyMuPDF";
}

INSTANTIATE_TEST_SUITE_P(Thai, StackingCase, ::testing::ValuesIn(kStackingCases));

TEST(TextExtraction, AllStackingCasesOnOneLineKeepTheirOrder) {
  auto font = load_font_program(kLaksaman, "Laksaman");
  std::string all;
  for (const auto& s : kStackingCases) all += s;
  TempDir dir;
  std::string path = write_temp(dir, "all.pdf", one_line_document({shape_run(font, all, 18, 50, 120)}));
  EXPECT_EQ(without_whitespace(pdftotext(path)), all);
  EXPECT_EQ(without_whitespace(mutool_text(path)), all);
}

TEST(TextExtraction, MixedThaiLatinDigitsWithSpaces) {
  auto font = load_font_program(kLaksaman, "Laksaman");
  const std::string text = "หนังสือที่ นร 0105/ว 123 ลงวันที่ ๑๕ มกราคม ๒๕๖๗ (Saraban v1.0)";
  TempDir dir;
  std::string path = write_temp(dir, "mixed.pdf", one_line_document({shape_run(font, text, 16, 40, 200)}));
  EXPECT_EQ(squeeze_whitespace(pdftotext(path)), text);
  EXPECT_EQ(squeeze_whitespace(mutool_text(path)), text);
}

TEST(TextExtraction, LeadingSpaceBetweenRunsBecomesAWordBreak) {
  auto font = load_font_program(kLaksaman, "Laksaman");
  auto first = shape_run(font, "ส่วนราชการ", 16, 40, 200);
  // Layout dropped the space glyph and left a wide justified gap instead.
  auto second = shape_run(font, "สำนักงาน", 16, run_end(first) + 30, 200);
  second.leading_space = " ";
  TempDir dir;
  std::string path = write_temp(dir, "gap.pdf", one_line_document({first, second}));
  EXPECT_EQ(squeeze_whitespace(pdftotext(path)), "ส่วนราชการ สำนักงาน");
  EXPECT_EQ(squeeze_whitespace(mutool_text(path)), "ส่วนราชการ สำนักงาน");
}

TEST(TextExtraction, PdffontsReportsEmbeddedSubsetWithToUnicode) {
  auto font = load_font_program(kLaksaman, "Laksaman");
  TempDir dir;
  std::string path = write_temp(dir, "fonts.pdf", one_line_document({shape_run(font, "ผู้นำ", 16, 40, 200)}));
  auto result = run_command("pdffonts '" + path + "'");
  ASSERT_EQ(result.status, 0) << result.output;
  // name type encoding emb sub uni object ID
  EXPECT_NE(result.output.find("CID TrueType"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("Identity-H"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("yes yes yes"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("+Laksaman"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace saraban::pdf
