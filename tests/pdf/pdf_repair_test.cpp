// Damaged but readable incoming PDFs (issue 9): a wrong stream /Length, junk before the header,
// a file cut before its xref, no %%EOF. The stamp is drawn on libqpdf's repaired copy, so the
// stamped copy shows what readers show of the original; the original is never changed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "support/raw_pdf.h"
#include "pdf/pdf_overlay.h"
#include "pdf/pdf_repair.h"
#include "pdf_test_support.h"
#include "support/page_raster.h"

namespace saraban::pdf {
namespace {

using namespace saraban::testing;

// A hand-made one-page PDF; `content_length` overrides the content stream's /Length (the
// damage a Canon scanner makes) and `image_length` the image's.
std::string letter_pdf(const std::string& content_length = "", const std::string& image_length = "") {
  const std::string content = "q 200 0 0 100 72 500 cm /Im1 Do Q BT /F1 14 Tf 72 700 Td (ORIGINAL LETTER) Tj ET";
  const std::string image("\xFF\x00\x00", 3);  // one red RGB pixel
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
      "<< /Length " + (content_length.empty() ? std::to_string(content.size()) : content_length) + " >>\nstream\n" +
          content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length " +
          (image_length.empty() ? std::to_string(image.size()) : image_length) + " >>\nstream\n" + image +
          "\nendstream"};
  return saraban::testing::raw_pdf_text(objects);
}

std::vector<std::uint8_t> bytes_of(const std::string& s) { return {s.begin(), s.end()}; }

// A blue 150 x 50 box at the top right: the stamp, found by its colour in renders.
OverlayLayout blue_box() {
  return [](const VisiblePage& page) {
    std::vector<layout::FrameItem> items;
    items.push_back(layout::Rect{page.width - 178, 28, 150, 50, layout::Color{0, 0, 1}, std::nullopt, 0});
    return items;
  };
}

int red_pixels(const Raster& r) {
  int n = 0;
  for (std::size_t i = 0; i + 2 < r.rgb.size(); i += 3)
    if (r.rgb[i] > 200 && r.rgb[i + 1] < 60 && r.rgb[i + 2] < 60) ++n;
  return n;
}

struct Outcome {
  TempDir dir;
  OverlayResult result;
  std::string out;
};

// Stamps `damaged`, checking that the input is untouched and the copy is sound, shows the
// letter's text and image, and carries the stamp.
void stamp_and_check(const std::string& damaged, Outcome& o) {
  const std::vector<std::uint8_t> input = bytes_of(damaged);
  const std::vector<std::uint8_t> before = input;
  o.result = overlay_first_page_checked(input, blue_box());
  EXPECT_EQ(input, before) << "the original must stay byte for byte";
  o.out = o.dir.file("out.pdf");
  write_bytes(o.out, o.result.bytes);
  auto check = run_command("qpdf --check '" + o.out + "'");
  EXPECT_EQ(check.status, 0) << check.output;
  EXPECT_EQ(check.output.find("WARNING"), std::string::npos) << check.output;
  EXPECT_NE(pdftotext(o.out).find("ORIGINAL LETTER"), std::string::npos) << "the letter's text is lost";
  Raster r = render_first_page(o.out, o.dir.file("page"));
  ASSERT_GT(r.width, 0);
  EXPECT_GT(red_pixels(r), 150 * 80) << "the letter's image is lost";
  EXPECT_GE(blue_pixels(r).x1, 0) << "no stamp";
}

TEST(PdfRepair, CleanFileGoesTheUsualWayUnrepaired) {
  const auto input = bytes_of(letter_pdf());
  EXPECT_FALSE(repaired_pdf(input).has_value());
  Outcome o;
  stamp_and_check(letter_pdf(), o);
  EXPECT_FALSE(o.result.repaired);
  EXPECT_EQ(o.result.bytes, overlay_first_page(input, blue_box()));
}

TEST(PdfRepair, ContentStreamWithLengthZeroKeepsItsText) {
  Outcome o;
  stamp_and_check(letter_pdf("0"), o);
  EXPECT_TRUE(o.result.repaired);
}

TEST(PdfRepair, ContentStreamWithTooShortLengthKeepsItsText) {
  Outcome o;
  stamp_and_check(letter_pdf("20"), o);
  EXPECT_TRUE(o.result.repaired);
}

TEST(PdfRepair, ImageWithLengthZeroIsStillDrawn) {
  Outcome o;
  stamp_and_check(letter_pdf("", "0"), o);
  EXPECT_TRUE(o.result.repaired);
}

TEST(PdfRepair, JunkBeforeTheHeader) {
  Outcome o;
  stamp_and_check("MIME junk from a mail gateway\r\n\r\n" + letter_pdf(), o);
  EXPECT_TRUE(o.result.repaired);
  EXPECT_EQ(std::string(o.result.bytes.begin(), o.result.bytes.begin() + 8), "%PDF-1.7");
}

TEST(PdfRepair, MissingXrefTable) {
  // Cut off before the xref table, keeping only the trailer (qpdf 11.3 needs a trailer to recover).
  std::string s = letter_pdf();
  const std::size_t xref = s.rfind("xref\n0 ");
  s.erase(xref, s.find("trailer") - xref);
  Outcome o;
  stamp_and_check(s, o);
  EXPECT_TRUE(o.result.repaired);
}

TEST(PdfRepair, StartxrefPointsAtTheWrongPlace) {
  std::string s = letter_pdf();
  const std::size_t at = s.rfind("startxref\n") + 10;
  s.replace(at, s.find('\n', at) - at, "17");
  Outcome o;
  stamp_and_check(s, o);
  EXPECT_TRUE(o.result.repaired);
}

TEST(PdfRepair, MissingEofMarker) {
  std::string s = letter_pdf();
  s.erase(s.rfind("%%EOF"));
  Outcome o;
  stamp_and_check(s, o);
}

// A download stopped at 97 %: the letter's objects are whole, but the last object (here an
// unused 8 KB stream) is cut and there is no xref, trailer or %%EOF after it.
TEST(PdfRepair, FileCutOffAt97PercentIsRebuiltAndStamped) {
  std::string whole = letter_pdf();
  const std::string filler(8000, 'x');
  const std::size_t xref = whole.rfind("\nxref\n") + 1;
  whole.insert(xref, "7 0 obj\n<< /Length 8000 >>\nstream\n" + filler + "\nendstream\nendobj\n");
  const std::string cut = whole.substr(0, whole.size() * 97 / 100);
  ASSERT_EQ(cut.find("trailer"), std::string::npos);
  ASSERT_TRUE(repaired_pdf(bytes_of(cut)).has_value());
  Outcome o;
  stamp_and_check(cut, o);
  EXPECT_TRUE(o.result.repaired);
}

TEST(PdfRepair, KeepsTheVersionOfARepairedFile) {
  std::string s = letter_pdf("0");
  s.replace(5, 3, "2.0");
  auto out = overlay_first_page_checked(bytes_of(s), blue_box());
  EXPECT_TRUE(out.repaired);
  EXPECT_EQ(std::string(out.bytes.begin(), out.bytes.begin() + 8), "%PDF-2.0");
}

}  // namespace
}  // namespace saraban::pdf
