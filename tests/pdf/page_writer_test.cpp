// Writing page by page (PdfPageWriter): the same bytes as write_pdf, furniture drawn on pages
// already written, and errors for what cannot be written.
#include <gtest/gtest.h>

#include "base/error.h"
#include "pdf/pdf_writer.h"
#include "pdf_test_support.h"
#include "thai_shaping.h"

namespace saraban::pdf {
namespace {

using namespace saraban::testing;

layout::DocumentFrame three_pages(const layout::FontProgramRef& font) {
  layout::DocumentFrame doc;
  doc.info.title = "สามหน้า";
  doc.info.created = 1795258800;
  for (const char* text : {"หน้าแรก", "หน้าสอง", "หน้าสาม"}) {
    layout::PageFrame page;
    page.items.push_back(shape_run(font, text, 16, 72, 100));
    page.items.push_back(layout::Anchor{layout::Anchor::Kind::Outline, text, 0, 72, 90});
    doc.pages.push_back(page);
  }
  return doc;
}

TEST(PdfPageWriter, PageByPageIsWritePdf) {
  auto font = load_font_program(kLaksaman, "Laksaman");
  const auto doc = three_pages(font);
  PdfPageWriter writer(doc.info);
  for (const auto& page : doc.pages) writer.add_page(page);
  EXPECT_EQ(writer.page_count(), 3u);
  EXPECT_EQ(writer.finish(), write_pdf(doc));
}

TEST(PdfPageWriter, FurnitureIsDrawnOnAPageWrittenBefore) {
  auto font = load_font_program(kLaksaman, "Laksaman");
  const auto doc = three_pages(font);
  PdfPageWriter writer(doc.info);
  for (const auto& page : doc.pages) writer.add_page(page);
  writer.add_furniture(1, {shape_run(font, "ท้ายหน้า", 16, 280, 40)});
  TempDir dir;
  const std::string path = dir.file("furniture.pdf");
  write_bytes(path, writer.finish());
  const std::string page2 = run_command("pdftotext -f 2 -l 2 -enc UTF-8 '" + path + "' -").output;
  EXPECT_NE(page2.find("ท้ายหน้า"), std::string::npos) << page2;
  EXPECT_NE(page2.find("หน้าสอง"), std::string::npos) << page2;
  EXPECT_EQ(pdftotext(path).find("ท้ายหน้า"), pdftotext(path).rfind("ท้ายหน้า")) << "drawn once, on page 2 only";
  EXPECT_EQ(run_command("qpdf --check '" + path + "' >/dev/null 2>&1").status, 0);
}

TEST(PdfPageWriter, RefusesFurnitureForAPageNotWrittenAndAnEmptyDocument) {
  PdfPageWriter writer(layout::DocumentInfo{});
  try {
    writer.add_furniture(0, {});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
  }
  try {
    writer.finish();
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
  }
}

}  // namespace
}  // namespace saraban::pdf
