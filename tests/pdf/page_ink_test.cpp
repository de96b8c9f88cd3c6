// page_ink: what a page's content and annotations cover, as boxes in default user space, read
// from hand-made pages whose glyph widths, matrices and rectangles give known coordinates.
#include "pdf/page_ink.h"

#include <gtest/gtest.h>
#include <podofo/podofo.h>

#include <string>
#include <vector>

#include "support/raw_pdf.h"

namespace saraban::pdf {
namespace {

using Kind = InkBox::Kind;

std::string stream(const std::string& data, const std::string& dict = "") {
  return "<< /Length " + std::to_string(data.size()) + " " + dict + " >>\nstream\n" + data + "\nendstream";
}

// A 600 × 800 page drawing `content`. F1 is a simple font with A B C 500 600 700 units wide,
// ascent 800, descent -200; F2 a Type0 Identity-H font with CIDs 1 and 2 400 and 500 wide
// (others /DW 1000); Im1 an image; Fm1 a form moved by (100, 100) with a 50 × 50 /BBox; Fm2
// a form that draws itself; object 12 a stream whose Flate data is garbage.
std::string page_pdf(const std::string& content, const std::string& page_extra = "",
                     const std::string& contents = "4 0 R") {
  return testing::raw_pdf_text({
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 5 0 R /F2 7 0 R >> "
      "/XObject << /Im1 8 0 R /Fm1 9 0 R /Fm2 10 0 R >> >> /Contents " +
          contents + " " + page_extra + " >>",
      stream(content),
      "<< /Type /Font /Subtype /Type1 /BaseFont /Test /FirstChar 65 /LastChar 67 /Widths [500 600 700] "
      "/FontDescriptor 6 0 R >>",
      "<< /Type /FontDescriptor /FontName /Test /Flags 32 /Ascent 800 /Descent -200 /CapHeight 700 "
      "/ItalicAngle 0 /StemV 80 /FontBBox [0 -200 1000 800] >>",
      "<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /DescendantFonts [11 0 R] >>",
      stream("\x80", "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8"),
      stream("0 0 20 20 re f", "/Type /XObject /Subtype /Form /Matrix [1 0 0 1 100 100] /BBox [0 0 50 50]"),
      stream("0 0 5 5 re f /Fm2 Do",
             "/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /XObject << /Fm2 10 0 R >> >>"),
      "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /CIDSystemInfo << /Registry (Adobe) /Ordering "
      "(Identity) /Supplement 0 >> /W [1 [400 500]] /DW 1000 /FontDescriptor 6 0 R >>",
      stream("not flate at all", "/Filter /FlateDecode"),
  });
}

std::vector<InkBox> ink_of(const std::string& pdf) {
  PoDoFo::PdfMemDocument doc;
  doc.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()));
  return page_ink(doc.GetObjects(), doc.GetPage(0)->GetObject());
}

void expect_box(const InkBox& b, double x0, double y0, double x1, double y1, Kind kind) {
  constexpr double kTol = 0.01;
  EXPECT_NEAR(b.x0, x0, kTol);
  EXPECT_NEAR(b.y0, y0, kTol);
  EXPECT_NEAR(b.x1, x1, kTol);
  EXPECT_NEAR(b.y1, y1, kTol);
  EXPECT_EQ(b.kind, kind);
}

TEST(PageInk, TextSpansItsWidthsFromDescentToAscent) {
  auto ink = ink_of(page_pdf("BT /F1 10 Tf 100 700 Td (ABC) Tj ET"));
  ASSERT_EQ(ink.size(), 1u);
  expect_box(ink[0], 100, 698, 118, 708, Kind::Text);  // 5 + 6 + 7 wide, 2 below and 8 above
}

TEST(PageInk, TextFollowsKerningSpacingScalingAndTheTextMatrix) {
  auto ink = ink_of(page_pdf(
      "BT /F1 10 Tf 100 700 Td [(A) -1000 (B)] TJ ET\n"            // A, a 10 pt gap, B: 100..121
      "BT /F1 10 Tf 2 0 0 2 50 50 Tm (A) Tj ET\n"                    // doubled: 50..60, 46..66
      "BT /F1 10 Tf 12 TL 100 500 Td (A) Tj T* (A) Tj (C) ' ET\n"     // baselines 500, 488, 476
      "BT /F1 10 Tf 2 Tc 50 Tz 100 600 Td (AB) Tj ET"));              // (5+2)/2 then 6/2: 100..106.5
  ASSERT_EQ(ink.size(), 6u);
  expect_box(ink[0], 100, 698, 121, 708, Kind::Text);
  expect_box(ink[1], 50, 46, 60, 66, Kind::Text);
  expect_box(ink[2], 100, 498, 105, 508, Kind::Text);
  expect_box(ink[3], 100, 486, 105, 496, Kind::Text);
  expect_box(ink[4], 100, 474, 107, 484, Kind::Text);
  expect_box(ink[5], 100, 598, 106.5, 608, Kind::Text);
}

TEST(PageInk, FontWithoutMetricsGetsDefaultWidthAscentAndDescent) {
  // /F9 is not in the resources: 600 units a glyph, 0.9 em above and 0.25 em below.
  auto ink = ink_of(page_pdf("BT /F9 10 Tf 100 200 Td (AB) Tj ET"));
  ASSERT_EQ(ink.size(), 1u);
  expect_box(ink[0], 100, 197.5, 112, 209, Kind::Text);
}

TEST(PageInk, Type0TextReadsTwoBytesPerGlyphWithItsWidths) {
  // CIDs 1, 2 and 3: 400 + 500 + /DW 1000 units at 10 pt.
  auto ink = ink_of(page_pdf("BT /F2 10 Tf 200 300 Td <000100020003> Tj ET"));
  ASSERT_EQ(ink.size(), 1u);
  expect_box(ink[0], 200, 298, 219, 308, Kind::Text);
}

TEST(PageInk, InvisibleTextCountsAsNothingButStillAdvances) {
  auto ink = ink_of(page_pdf("BT /F1 10 Tf 3 Tr 100 700 Td (AB) Tj 0 Tr (C) Tj ET"));
  ASSERT_EQ(ink.size(), 1u);
  expect_box(ink[0], 111, 698, 118, 708, Kind::Text);
}

TEST(PageInk, FilledAndStrokedPathsButNotUnpaintedOnes) {
  auto ink = ink_of(page_pdf("10 20 30 40 re f\n2 w 10 20 30 40 re S\n300 300 m 400 400 l n\n"
                             "1 w 0 0 m 50 0 l 50 10 20 30 5 5 c B"));
  ASSERT_EQ(ink.size(), 3u);
  expect_box(ink[0], 10, 20, 40, 60, Kind::Path);
  expect_box(ink[1], 9, 19, 41, 61, Kind::Path);
  expect_box(ink[2], -0.5, -0.5, 50.5, 30.5, Kind::Path);
}

TEST(PageInk, ImageIsTheUnitSquareUnderTheCtm) {
  auto ink = ink_of(page_pdf("q 100 0 0 50 200 300 cm /Im1 Do Q"));
  ASSERT_EQ(ink.size(), 1u);
  expect_box(ink[0], 200, 300, 300, 350, Kind::Image);
}

TEST(PageInk, NestedSavesAndConcatenatedMatrices) {
  auto ink = ink_of(page_pdf(
      "q 1 0 0 1 100 0 cm q 1 0 0 1 0 100 cm 0 0 10 10 re f Q 0 0 10 10 re f Q 0 0 10 10 re f"));
  ASSERT_EQ(ink.size(), 3u);
  expect_box(ink[0], 100, 100, 110, 110, Kind::Path);
  expect_box(ink[1], 100, 0, 110, 10, Kind::Path);
  expect_box(ink[2], 0, 0, 10, 10, Kind::Path);
}

TEST(PageInk, FormXObjectAppliesItsMatrixAndBBox) {
  auto ink = ink_of(page_pdf("q 2 0 0 2 0 0 cm /Fm1 Do Q"));
  ASSERT_EQ(ink.size(), 1u);
  expect_box(ink[0], 200, 200, 240, 240, Kind::Path);  // (0..20 + 100) × 2
}

TEST(PageInk, FormThatDrawsItselfIsReadOnce) {
  auto ink = ink_of(page_pdf("/Fm2 Do"));
  ASSERT_EQ(ink.size(), 1u);
  expect_box(ink[0], 0, 0, 5, 5, Kind::Path);
}

TEST(PageInk, ClippingBoundsWhatIsPaintedAndShadings) {
  auto ink = ink_of(page_pdf("q 0 0 50 50 re W n 0 0 600 800 re f Q q 10 10 100 100 re W n /Sh1 sh Q /Sh1 sh"));
  ASSERT_EQ(ink.size(), 3u);
  expect_box(ink[0], 0, 0, 50, 50, Kind::Path);
  expect_box(ink[1], 10, 10, 110, 110, Kind::Image);
  expect_box(ink[2], 0, 0, 600, 800, Kind::Image);  // an unclipped shading paints the page
}

TEST(PageInk, InlineImageIsTheUnitSquare) {
  auto ink = ink_of(page_pdf("q 50 0 0 40 10 20 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI Q 0 0 5 5 re f"));
  ASSERT_EQ(ink.size(), 2u);
  expect_box(ink[0], 10, 20, 60, 60, Kind::Image);
  expect_box(ink[1], 0, 0, 5, 5, Kind::Path);
}

TEST(PageInk, VisibleAnnotationsCountButNotPopupsHiddenOnesOrLinks) {
  auto ink = ink_of(page_pdf("", "/Annots [<< /Type /Annot /Subtype /Square /Rect [50 60 10 10] >> "
                                 "<< /Type /Annot /Subtype /Popup /Rect [0 0 100 100] >> "
                                 "<< /Type /Annot /Subtype /Text /F 2 /Rect [0 0 100 100] >> "
                                 "<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] >>]"));
  ASSERT_EQ(ink.size(), 1u);
  expect_box(ink[0], 10, 10, 50, 60, Kind::Annotation);
}

TEST(PageInk, DamagedSyntaxKeepsWhatWasReadBeforeIt) {
  auto ink = ink_of(page_pdf("1 2 3 4 re f << /A >> >> ] ) 5 5 5 5 re f"));
  ASSERT_GE(ink.size(), 1u);
  expect_box(ink[0], 1, 2, 4, 6, Kind::Path);
}

TEST(PageInk, UndecodableStreamCoversTheMediaBox) {
  auto ink = ink_of(page_pdf("1 2 3 4 re f", "", "[4 0 R 12 0 R]"));
  ASSERT_EQ(ink.size(), 2u);
  expect_box(ink[0], 0, 0, 600, 800, Kind::Image);
  expect_box(ink[1], 1, 2, 4, 6, Kind::Path);
}

TEST(PageInk, InlineImageWithoutEndCoversTheMediaBox) {
  auto ink = ink_of(page_pdf("1 2 3 4 re f BI /W 1 /H 1 /BPC 8 /CS /G ID \x80\x80\x80"));
  ASSERT_EQ(ink.size(), 2u);
  expect_box(ink[0], 1, 2, 4, 6, Kind::Path);
  expect_box(ink[1], 0, 0, 600, 800, Kind::Image);
}

TEST(PageInk, HugeContentIsCoalescedIntoBoundedBoxesCoveringTheSame) {
  std::string content;
  for (int i = 0; i < 20000; ++i)
    content += std::to_string(i % 200 * 3) + " " + std::to_string(i / 200 * 8) + " 2 2 re f\n";
  auto ink = ink_of(page_pdf(content));
  EXPECT_LE(ink.size(), 4096u);
  EXPECT_GE(ink.size(), 1000u);
  double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
  for (const auto& b : ink) {
    x0 = std::min(x0, b.x0), y0 = std::min(y0, b.y0), x1 = std::max(x1, b.x1), y1 = std::max(y1, b.y1);
  }
  EXPECT_NEAR(x0, 0, 0.01);
  EXPECT_NEAR(y0, 0, 0.01);
  EXPECT_NEAR(x1, 599, 0.01);
  EXPECT_NEAR(y1, 794, 0.01);
}

TEST(PageInk, FormsFanningOutStopAtTheBudgetAndCoverThePage) {
  // Each form draws the next a thousand times: a billion rectangles from a few kilobytes.
  std::string draw_b, draw_c;
  for (int i = 0; i < 1000; ++i) draw_b += "/Fb Do ", draw_c += "/Fc Do ";
  const std::string form = "/Type /XObject /Subtype /Form /BBox [0 0 600 800] ";
  const std::string pdf = testing::raw_pdf_text({
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /XObject << /Fa 5 0 R >> >> "
      "/Contents 4 0 R >>",
      stream("1 2 3 4 re f /Fa Do"),
      stream(draw_b, form + "/Resources << /XObject << /Fb 6 0 R >> >>"),
      stream(draw_c, form + "/Resources << /XObject << /Fc 7 0 R >> >>"),
      stream("0 0 1 1 re f 0 0 1 1 re f 0 0 1 1 re f", form),
  });
  auto ink = ink_of(pdf);
  ASSERT_GE(ink.size(), 2u);
  EXPECT_LE(ink.size(), 4096u);
  bool covered = false;
  for (const auto& b : ink) covered = covered || (b.x0 <= 0 && b.y0 <= 0 && b.x1 >= 600 && b.y1 >= 800);
  EXPECT_TRUE(covered) << "the unread rest of the page must count as ink";
}

TEST(PageInk, APageWithoutContentHasNoInk) {
  EXPECT_TRUE(ink_of(page_pdf("")).empty());
}

}  // namespace
}  // namespace saraban::pdf
