// A tone mark the shaper shifts left over a tall consonant's stem, after a lower vowel (ปู่,
// ปุ๋ย, ฝุ่น): the mark's pen stops short of the next mark, and MuPDF read that gap as a space
// ("ปู ่"). Both extractors must give the text back exactly, on a natural and on a stretched
// (Thai distributed) line.
#include <gtest/gtest.h>

#include "pdf/pdf_writer.h"
#include "pdf_test_support.h"
#include "thai_shaping.h"

namespace saraban::pdf {
namespace {

using namespace saraban::testing;

const std::string kText = "ปู่ย่าปู่ตาใส่ปุ๋ยหมัก ฝุ่นฟุ้งปู่ฟื้นฟูป่า";

bool starts_with_mark(const std::string& cluster) {
  // U+0E31, U+0E34..0E3A, U+0E47..0E4E in UTF-8: E0 B8 B1, E0 B8 B4..BA, E0 B9 87..8E.
  if (cluster.size() < 3 || static_cast<unsigned char>(cluster[0]) != 0xE0) return false;
  const auto b1 = static_cast<unsigned char>(cluster[1]), b2 = static_cast<unsigned char>(cluster[2]);
  return (b1 == 0xB8 && (b2 == 0xB1 || (b2 >= 0xB4 && b2 <= 0xBA))) || (b1 == 0xB9 && b2 >= 0x87 && b2 <= 0x8E);
}

// Opens `gap` pt before every cluster that starts a cell, as Thai distributed justification does.
layout::TextRun stretched(layout::TextRun run, double gap) {
  double shift = 0;
  for (std::size_t c = 0; c < run.clusters.size(); ++c) {
    const auto& cluster = run.clusters[c];
    if (c > 0 && !starts_with_mark(cluster.text)) shift += gap;
    for (std::uint32_t g = cluster.first_glyph; g < cluster.first_glyph + cluster.glyph_count; ++g)
      run.glyphs[g].x += shift;
  }
  return run;
}

std::string write_line(const TempDir& dir, const std::string& name, const layout::TextRun& run) {
  layout::DocumentFrame doc;
  doc.info.title = "ทดสอบ";
  doc.info.created = 1700000000;
  layout::PageFrame page;
  page.items.push_back(run);
  doc.pages.push_back(page);
  const std::string path = dir.file(name);
  write_bytes(path, write_pdf(doc));
  return path;
}

class MarkGap : public ::testing::TestWithParam<double> {};

TEST_P(MarkGap, BothExtractorsReadNoSpaceAfterALeftShiftedMark) {
  TempDir dir;
  const auto font = load_font_program(kLaksaman, "Laksaman");
  const layout::TextRun run = stretched(shape_run(font, kText, 16, 72, 200), GetParam());
  const std::string path = write_line(dir, "marks.pdf", run);
  EXPECT_EQ(squeeze_whitespace(pymupdf_text(path)), kText) << "PyMuPDF";
  EXPECT_EQ(squeeze_whitespace(pdftotext(path)), kText) << "pdftotext";
}

// 0: the natural line; 1.28 pt is 0.08 em at 16 pt, what Thai distributed opens per gap.
INSTANTIATE_TEST_SUITE_P(NaturalAndStretched, MarkGap, ::testing::Values(0.0, 0.5, 1.28));

}  // namespace
}  // namespace saraban::pdf
