// The receive stamp as a clerk sees it in Chromium's own PDF viewer (PDFium), the third reader
// after poppler and MuPDF (issue 9): a letter is received with `saraban receive --file`, its
// stamped copy exported, opened in the viewer by tests/browser/pdf_viewer_shot.mjs, and the
// screenshot must show the stamp's blue at the top right of the page and the letter's own ink.
#include <gtest/gtest.h>
#include <png.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/cli_support.h"
#include "support/raw_pdf.h"

namespace saraban::testing {
namespace {

struct Rgb {
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;
  const unsigned char* at(int x, int y) const {
    return &pixels[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 3];
  }
};

bool read_png_rgb(const std::string& path, Rgb& out) {
  png_image img{};
  img.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&img, path.c_str())) return false;
  img.format = PNG_FORMAT_RGB;
  out.width = static_cast<int>(img.width);
  out.height = static_cast<int>(img.height);
  out.pixels.resize(PNG_IMAGE_SIZE(img));
  const bool ok = png_image_finish_read(&img, nullptr, out.pixels.data(), 0, nullptr) != 0;
  png_image_free(&img);
  return ok;
}

bool near_white(const unsigned char* p) { return p[0] > 235 && p[1] > 235 && p[2] > 235; }
// The stamp's navy, anti-aliased towards white, keeps red and green equal; PDFium's sub-pixel
// fringes on black text are blue too but greener than red.
bool stamp_blue(const unsigned char* p) {
  return p[2] > p[0] + 60 && p[2] > p[1] + 60 && std::abs(int{p[0]} - int{p[1]}) < 12;
}
bool annotation_grey(const unsigned char* p) {
  return std::abs(int{p[0]} - 153) < 6 && std::abs(int{p[1]} - 153) < 6 && std::abs(int{p[2]} - 153) < 6;
}
bool dark(const unsigned char* p) { return p[0] < 100 && p[1] < 100 && p[2] < 100; }

struct Area {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // inclusive-exclusive
};

// The page inside the viewer's dark background: the span of near-white pixels through the
// middle row and column (the page is drawn white; the letter's ink is not on those lines).
Area page_area(const Rgb& shot) {
  Area a{shot.width, shot.height, -1, -1};
  const int mid_y = shot.height / 2, mid_x = shot.width / 2;
  for (int x = 0; x < shot.width; ++x)
    if (near_white(shot.at(x, mid_y))) a.x0 = std::min(a.x0, x), a.x1 = std::max(a.x1, x + 1);
  for (int y = 0; y < shot.height; ++y)
    if (near_white(shot.at(mid_x, y))) a.y0 = std::min(a.y0, y), a.y1 = std::max(a.y1, y + 1);
  return a;
}

int count(const Rgb& shot, const Area& a, bool (*test)(const unsigned char*)) {
  int n = 0;
  for (int y = std::max(a.y0, 0); y < std::min(a.y1, shot.height); ++y)
    for (int x = std::max(a.x0, 0); x < std::min(a.x1, shot.width); ++x) n += test(shot.at(x, y)) ? 1 : 0;
  return n;
}

// The stamp's bordered box: the outermost rows and columns of `a` with a long run of stamp
// blue (its border lines), so stray blue fringes of the letter's text do not count.
Area stamp_border(const Rgb& shot, const Area& a) {
  Area b{shot.width, shot.height, -1, -1};
  for (int y = a.y0; y < a.y1; ++y) {
    int n = 0;
    for (int x = a.x0; x < a.x1; ++x) n += stamp_blue(shot.at(x, y)) ? 1 : 0;
    if (n >= 60) b.y0 = std::min(b.y0, y), b.y1 = std::max(b.y1, y + 1);
  }
  for (int x = a.x0; x < a.x1; ++x) {
    int n = 0;
    for (int y = a.y0; y < a.y1; ++y) n += stamp_blue(shot.at(x, y)) ? 1 : 0;
    if (n >= 40) b.x0 = std::min(b.x0, x), b.x1 = std::max(b.x1, x + 1);
  }
  return b;
}

// A letter whose top right is already busy: its own text 2 cm from the top, a filled square
// annotation in the corner, and a stray Q in its content (what Quartz files do).
std::string busy_letter() {
  const std::string content =
      "Q q BT /F1 14 Tf 72 785 Td (OUR REF 0101/2569) Tj ET "
      "BT /F1 14 Tf 380 785 Td (MINISTRY ADDRESS) Tj 0 -18 Td (BANGKOK 10200) Tj ET "
      "BT /F1 12 Tf 72 400 Td (Body of the letter.) Tj ET";
  const std::string appearance = "0.6 0.6 0.6 rg 0 0 120 60 re f";
  return raw_pdf_text({
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R] >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      "<< /Type /Annot /Subtype /Square /Rect [460 760 580 820] /F 4 /C [0.6 0.6 0.6] /IC [0.6 0.6 0.6] "
      "/AP << /N 7 0 R >> >>",
      "<< /Type /XObject /Subtype /Form /BBox [0 0 120 60] /Length " + std::to_string(appearance.size()) +
          " >>\nstream\n" + appearance + "\nendstream",
  });
}

std::string cli(const std::string& db, const std::string& args) {
  auto r = run(saraban("--db " + quote(db) + " " + args));
  EXPECT_EQ(r.status, 0) << args << "\n" << r.output;
  return r.output;
}

TEST(ChromiumViewer, ShowsTheReceiveStampAtTheTopRightOfABusyLetter) {
  const std::string dir = temp_dir(), db = dir + "/r.db", in = dir + "/in.pdf", out = dir + "/stamped.pdf";
  write_file(in, busy_letter());
  cli(db, "init");
  cli(db, "--as admin user add somchai --role clerk");
  const std::string received =
      cli(db, "--as somchai receive --from " + quote("กรมการปกครอง") + " --subject " + quote("ขอเชิญประชุม") +
                  " --file " + quote(in));
  const auto at = received.find("(address ");
  ASSERT_NE(at, std::string::npos) << received;
  const std::string address = received.substr(at + 9, received.find(',', at) - at - 9);
  cli(db, "--as somchai attachment " + address + " --stamped -o " + quote(out));

  const std::string shot = dir + "/viewer.png";
  const std::string script = std::string(SARABAN_SOURCE_DIR) + "/tests/browser/pdf_viewer_shot.mjs";
  auto r = run("timeout 120 node " + quote(script) + " " + quote(out) + " " + quote(shot));
  ASSERT_EQ(r.status, 0) << "Chromium could not show the stamped copy (install-deps installs chromium, nodejs "
                            "and tests/browser's puppeteer-core):\n"
                         << r.output;
  Rgb rgb;
  ASSERT_TRUE(read_png_rgb(shot, rgb)) << shot;
  const Area page = page_area(rgb);
  ASSERT_GT(page.x1 - page.x0, rgb.width / 3) << "no page found in the viewer's screenshot";
  ASSERT_GT(page.y1 - page.y0, rgb.height / 3) << "no page found in the viewer's screenshot";

  // The top right: the right 45 % of the page, the top 30 %.
  const int w = page.x1 - page.x0, h = page.y1 - page.y0;
  const Area top_right{page.x0 + w * 55 / 100, page.y0, page.x1, page.y0 + h * 30 / 100};
  const Area elsewhere{page.x0, page.y0 + h * 30 / 100, page.x1, page.y1};
  EXPECT_GT(count(rgb, top_right, stamp_blue), 150) << "no stamp at the top right in Chromium's viewer: " << shot;
  // A few fringe pixels of the letter's black text may pass for blue; the stamp is hundreds.
  EXPECT_LT(count(rgb, elsewhere, stamp_blue), 20) << "stamp ink outside the top right: " << shot;
  // Nothing of the letter's grey square annotation shows inside the stamp: the stamp is drawn
  // above the letter's annotations, or placed clear of them.
  const Area stamp = stamp_border(rgb, top_right);
  ASSERT_GT(stamp.x1, stamp.x0) << "no stamp border in the top right: " << shot;
  EXPECT_EQ(count(rgb, stamp, annotation_grey), 0) << "the letter's annotation covers the stamp: " << shot;
  // The letter itself is still drawn (its body line, below the stamp's area).
  EXPECT_GT(count(rgb, elsewhere, dark), 20) << "the letter's own text is missing: " << shot;
}

}  // namespace
}  // namespace saraban::testing
