// An evenly stretched line carries its stretch once as Tc, not as a TJ number between every
// pair of glyphs; the page and the text layer stay the same.
#include <gtest/gtest.h>

#include <regex>

#include "pdf/even_spacing.h"
#include "pdf/pdf_writer.h"
#include "pdf_test_support.h"
#include "thai_shaping.h"

namespace saraban::pdf {
namespace {

using namespace saraban::testing;

TEST(EvenSpacing, TheCommonestGapIsTheStretch) {
  const std::vector<double> gaps = {0.5, 0.5, 0.50004, 0.0, 0.5, -0.2};
  auto e = even_spacing(gaps);
  ASSERT_TRUE(e.has_value());
  EXPECT_NEAR(*e, 0.5, 1e-4);
}

TEST(EvenSpacing, AnUnstretchedOrUnevenLineHasNone) {
  EXPECT_FALSE(even_spacing(std::vector<double>{0, 0, 0, 0}).has_value());
  EXPECT_FALSE(even_spacing(std::vector<double>{0.3, 0.7, 1.1, 0.0}).has_value());
  EXPECT_FALSE(even_spacing(std::vector<double>{0.4}).has_value());
}

std::string page_content(const layout::TextRun& run) {
  layout::DocumentFrame doc;
  doc.info.title = "Tc";
  doc.info.created = 1700000000;
  layout::PageFrame page;
  page.items.push_back(run);
  doc.pages.push_back(page);
  PdfOptions options;
  options.compress = false;
  auto bytes = write_pdf(doc, options);
  return std::string(bytes.begin(), bytes.end());
}

TEST(EvenSpacing, AStretchedLineCarriesItsStretchAsTcAndExtractsTheSame) {
  auto font = load_font_program(kLaksaman, "Laksaman");
  const std::string text = "ประชาชนทางราชการกรมการปกครอง";
  auto run = shape_run(font, text, 16, 40, 100);
  for (std::size_t i = 0; i < run.glyphs.size(); ++i) run.glyphs[i].x += 0.75 * static_cast<double>(i);
  const std::string pdf = page_content(run);
  EXPECT_NE(pdf.find("0.75 Tc"), std::string::npos);
  // One TJ array without a single number: every glyph sits where /W plus Tc leaves the pen.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(pdf, m, std::regex(R"(\[([^\]]*)\] TJ)")));
  EXPECT_EQ(std::regex_search(m[1].str(), std::regex(R"(>[-0-9.]+<)")), false) << m[1];
  TempDir dir;
  const std::string path = dir.file("tc.pdf");
  write_bytes(path, std::vector<std::uint8_t>(pdf.begin(), pdf.end()));
  EXPECT_EQ(without_whitespace(pdftotext(path)), text);
  EXPECT_EQ(without_whitespace(mutool_text(path)), text);
}

}  // namespace
}  // namespace saraban::pdf
