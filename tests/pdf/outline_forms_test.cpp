// Glyphs drawn without text (SARA AM's NIKHAHIT) are written inline on the first two pages
// that draw them and as one shared form XObject from the third on; the text layer is the same.
#include <gtest/gtest.h>

#include <regex>

#include "pdf/pdf_writer.h"
#include "pdf_test_support.h"
#include "thai_shaping.h"

namespace saraban::pdf {
namespace {

using namespace saraban::testing;

std::vector<std::uint8_t> pages_of(const std::string& text, int pages) {
  auto font = load_font_program(kLaksaman, "Laksaman");
  layout::DocumentFrame doc;
  doc.info.title = "forms";
  doc.info.created = 1700000000;
  for (int i = 0; i < pages; ++i) {
    layout::PageFrame page;
    page.items.push_back(shape_run(font, text, 16, 85, 100));
    doc.pages.push_back(page);
  }
  PdfOptions options;
  options.compress = false;
  return write_pdf(doc, options);
}

std::size_t count(const std::string& hay, const std::regex& re) {
  return static_cast<std::size_t>(std::distance(std::sregex_iterator(hay.begin(), hay.end(), re), std::sregex_iterator()));
}

TEST(OutlineForms, ThirdPageOnUsesOneSharedForm) {
  const std::string text = "น้ำคำทำจำ";
  const auto bytes = pages_of(text, 5);
  const std::string pdf(bytes.begin(), bytes.end());
  // Uses of the form: pages 3, 4 and 5 draw each SARA AM's NIKHAHIT through it.
  const std::size_t uses = count(pdf, std::regex(R"(/F1g\d+ Do)"));
  EXPECT_EQ(uses, 3u * 4u);
  // One form object for the glyph, whatever the number of pages.
  EXPECT_EQ(count(pdf, std::regex(R"(/Subtype ?/Form)")), 1u);
  TempDir dir;
  const std::string path = dir.file("forms.pdf");
  write_bytes(path, bytes);
  std::string want;
  for (int i = 0; i < 5; ++i) want += text;
  EXPECT_EQ(without_whitespace(pdftotext(path)), want);
  EXPECT_EQ(without_whitespace(mutool_text(path)), want);
  EXPECT_EQ(run_command("qpdf --check '" + path + "' >/dev/null 2>&1; echo $?").output, "0\n");
}

TEST(OutlineForms, TwoPagesKeepTheirOutlinesInline) {
  const auto bytes = pages_of("น้ำคำ", 2);
  const std::string pdf(bytes.begin(), bytes.end());
  EXPECT_EQ(pdf.find(" Do"), std::string::npos);
  EXPECT_EQ(count(pdf, std::regex(R"(/Subtype ?/Form)")), 0u);
}

}  // namespace
}  // namespace saraban::pdf
