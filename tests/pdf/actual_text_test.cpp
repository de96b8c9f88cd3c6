// /ActualText only where ToUnicode alone would not extract a cell right: counted in the content
// stream of a plain Thai paragraph, and the text still read back exactly by poppler and MuPDF.
#include <gtest/gtest.h>

#include "pdf/pdf_writer.h"
#include "pdf_test_support.h"
#include "thai_shaping.h"

namespace saraban::pdf {
namespace {

using namespace saraban::testing;

std::string uncompressed_pdf(const layout::TextRun& run) {
  layout::DocumentFrame doc;
  doc.info.title = "ActualText";
  doc.info.created = 1700000000;
  layout::PageFrame page;
  page.items.push_back(run);
  doc.pages.push_back(page);
  PdfOptions options;
  options.compress = false;
  auto bytes = write_pdf(doc, options);
  return std::string(bytes.begin(), bytes.end());
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// Base-and-mark cells: a base followed by Thai above/below vowels or tone marks.
std::size_t mark_cells(const std::string& text) {
  std::size_t n = 0;
  bool prev_mark = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) != 0xE0 || i + 2 >= text.size()) continue;
    const unsigned cp = 0x0E00 + ((static_cast<unsigned char>(text[i + 1]) & 0x03u) << 6) +
                        (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
    const bool mark = cp == 0x0E31 || (cp >= 0x0E34 && cp <= 0x0E3A) || (cp >= 0x0E47 && cp <= 0x0E4E);
    if (mark && !prev_mark) ++n;
    prev_mark = mark;
  }
  return n;
}

const std::string kParagraph =
    "การประชุมครั้งนี้เป็นการติดตามผลการดำเนินงานของโรงเรียนในเขตพื้นที่ ซึ่งเป็นภารกิจที่ต้องปฏิบัติให้เป็นไปตามแผนที่กำหนดไว้";

TEST(ActualText, APlainThaiParagraphHasFarFewerSpansThanClusters) {
  auto font = load_font_program(kLaksaman, "Laksaman");
  const auto run = shape_run(font, kParagraph, 14, 20, 100);
  const std::size_t spans = count(uncompressed_pdf(run), "/ActualText");
  ASSERT_GT(mark_cells(kParagraph), 15u);
  // Only cells ending in a zero-width mark keep a span (extraction_order.cpp says why).
  EXPECT_LE(spans, mark_cells(kParagraph));
  EXPECT_LT(spans * 4, run.clusters.size()) << spans << " spans for " << run.clusters.size() << " clusters";
}

// SARA AM draws NIKHAHIT as an outline and SARA AA as the text: ToUnicode alone gives ำ in
// order, so these words need no span (the writer before this change wrapped every one).
TEST(ActualText, SaraAmWordsNeedNoSpan) {
  auto font = load_font_program(kLaksaman, "Laksaman");
  const std::string text = "ทำงาน กำหนด จำนวน ทำนา คำขอ ดำรง สำรอง อำนาจ";
  const auto pdf = uncompressed_pdf(shape_run(font, text, 16, 40, 100));
  EXPECT_EQ(count(pdf, "/ActualText"), 0u);
  TempDir dir;
  const std::string path = dir.file("am.pdf");
  write_bytes(path, std::vector<std::uint8_t>(pdf.begin(), pdf.end()));
  EXPECT_EQ(squeeze_whitespace(pdftotext(path)), text) << "pdftotext";
  EXPECT_EQ(squeeze_whitespace(mutool_text(path)), text) << "mutool";
}

TEST(ActualText, TextThatMapsOneToOneHasNoSpan) {
  auto font = load_font_program(kLaksaman, "Laksaman");
  for (const std::string text : {"ประชาชนทางราชการ", "Saraban 2024 (v1.0)", "เอกสารราชการ ๒๕๖๗", "กรมการปกครอง"}) {
    const auto pdf = uncompressed_pdf(shape_run(font, text, 16, 40, 100));
    EXPECT_EQ(count(pdf, "/ActualText"), 0u) << text;
  }
}

TEST(ActualText, SparseSpansStillExtractExactly) {
  auto font = load_font_program(kLaksaman, "Laksaman");
  TempDir dir;
  const std::string path = dir.file("p.pdf");
  const auto pdf = uncompressed_pdf(shape_run(font, kParagraph, 10, 20, 100));
  write_bytes(path, std::vector<std::uint8_t>(pdf.begin(), pdf.end()));
  EXPECT_EQ(without_whitespace(pdftotext(path)), without_whitespace(kParagraph)) << "pdftotext";
  EXPECT_EQ(without_whitespace(mutool_text(path)), without_whitespace(kParagraph)) << "mutool";
}

}  // namespace
}  // namespace saraban::pdf
