// Incoming PDFs from the real world (issue 9), the stamp side: the header version is kept, files
// with only an owner password are stamped and those needing a password are called encrypted,
// the stamp shrinks to fit a small page and honours /UserUnit, a page listed twice is stamped
// once, and a stray Q in the original cannot cancel the stamp in poppler or MuPDF.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "base/error.h"
#include "pdf/pdf_overlay.h"
#include "pdf_test_support.h"
#include "support/raw_pdf.h"
#include "support/page_raster.h"
#include "support/mupdf_raster.h"
#include "overlay_test_stamp.h"
#include "thai_shaping.h"

namespace saraban::pdf {
namespace {

using namespace saraban::testing;

// A hand-made PDF with the given header, so boxes, /UserUnit, the page tree and the content's
// loose ends are exactly what the test says. Object 1 is the catalog; xref offsets are computed.
std::vector<std::uint8_t> raw_pdf(const std::vector<std::string>& objects, const std::string& version = "1.7") {
  const std::string out = raw_pdf_text(objects, version);
  return {out.begin(), out.end()};
}

std::string stream(const std::string& data) {
  return "<< /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

// One Helvetica page: `page_extra` goes on the page, `kids` is the /Pages node's Kids array.
std::vector<std::uint8_t> page_pdf(const std::string& page_extra, const std::string& content,
                                   const std::string& version = "1.7", const std::string& kids = "[3 0 R]",
                                   int count = 1) {
  return raw_pdf({"<< /Type /Catalog /Pages 2 0 R >>",
                  "<< /Type /Pages /Kids " + kids + " /Count " + std::to_string(count) + " >>",
                  "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> " +
                      page_extra + " >>",
                  stream(content), "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"},
                 version);
}

const std::string kA4 = "/MediaBox [0 0 595.28 841.89]";
const std::string kLetterText = "BT /F1 14 Tf 72 700 Td (ORIGINAL LETTER) Tj ET";

// The stamp's 150 x 50 box drawn 1 cm from the top and right edges of a width x height page.
void expect_box_at_top_right(const Raster& r, const char* who, double width, double height) {
  ASSERT_GT(r.width, 0) << who << " rendered nothing";
  EXPECT_NEAR(r.width, width, 1.5) << who;
  EXPECT_NEAR(r.height, height, 1.5) << who;
  PixelBox b = blue_pixels(r);
  ASSERT_GE(b.x1, 0) << who << ": no stamp on the page";
  EXPECT_NEAR(b.x1, width - 28.35, 2) << who;
  EXPECT_NEAR(b.y0, 28.35, 2) << who;
  EXPECT_NEAR(b.x0, width - 28.35 - 150, 2) << who;
  EXPECT_NEAR(b.y1, 28.35 + 50, 2) << who;
}

bool qpdf_clean(const std::string& pdf, std::string* output) {
  auto r = run_command("qpdf --password='' --check '" + pdf + "'");
  *output = r.output;
  return r.status == 0 && r.output.find("No syntax or stream encoding errors") != std::string::npos &&
         r.output.find("WARNING") == std::string::npos;
}

struct Stamped {
  TempDir dir;
  std::string in, out;
};

void stamp_files(const std::vector<std::uint8_t>& input, Stamped& s) {
  s.in = s.dir.file("in.pdf");
  s.out = s.dir.file("out.pdf");
  write_bytes(s.in, input);
  write_bytes(s.out, overlay_first_page(input, top_right_stamp()));
}

// ---- keep the version

TEST(PdfOverlayIntake, KeepsThePdf20HeaderAndNeverLowersIt) {
  for (const char* version : {"2.0", "1.7", "1.4"}) {
    auto out = overlay_first_page(page_pdf(kA4, kLetterText, version), top_right_stamp());
    std::string head(out.begin(), out.begin() + 8);
    // The copy starts with the original's bytes, header included.
    EXPECT_EQ(head, std::string("%PDF-") + version) << version;
    TempDir dir;
    write_bytes(dir.file("out.pdf"), out);
    std::string check;
    EXPECT_TRUE(qpdf_clean(dir.file("out.pdf"), &check)) << version << "\n" << check;
  }
}

// ---- encrypted files

std::string encrypt(TempDir& dir, const std::string& how, const std::string& name) {
  write_bytes(dir.file("plain.pdf"), page_pdf(kA4, kLetterText));
  std::string out = dir.file(name + ".pdf");
  auto r = run_command("qpdf --allow-weak-crypto --encrypt " + how + " -- '" + dir.file("plain.pdf") + "' '" + out + "'");
  EXPECT_EQ(r.status, 0) << how << r.output;
  return out;
}

// Owner password only (the user password is empty): every viewer opens these without asking,
// so they are stamped. The copy keeps the file's encryption (the update is encrypted with its key).
TEST(PdfOverlayIntake, OwnerPasswordOnlyFilesAreStamped) {
  TempDir dir;
  const std::pair<const char*, const char*> cases[] = {
      {"rc4-40", "'' owner 40"}, {"rc4-128", "'' owner 128 --use-aes=n"}, {"aes-128", "'' owner 128 --use-aes=y"},
      {"aes-256", "'' owner 256"}};
  for (const auto& [name, how] : cases) {
    std::string in = encrypt(dir, how, name);
    std::vector<std::uint8_t> original = read_bytes(in);
    std::vector<std::uint8_t> out;
    try {
      out = overlay_first_page(original, top_right_stamp());
    } catch (const Error& e) {
      ADD_FAILURE() << name << ": " << e.what();
      continue;
    }
    EXPECT_EQ(read_bytes(in), original) << name;
    std::string path = dir.file(std::string(name) + "-stamped.pdf");
    write_bytes(path, out);
    std::string check;
    EXPECT_TRUE(qpdf_clean(path, &check)) << name << "\n" << check;
    std::string text = squeeze_whitespace(pdftotext(path));
    EXPECT_NE(text.find("ORIGINAL LETTER"), std::string::npos) << name << ": " << text;
    EXPECT_NE(text.find("เลขรับ ๑๒๓"), std::string::npos) << name << ": " << text;
    expect_box_at_top_right(render_first_page(path, path + "-poppler"), name, 595.28, 841.89);
    expect_box_at_top_right(render_mupdf(path, path + "-mupdf"), name, 595.28, 841.89);
    // The copy is encrypted like the original: same revision and permissions.
    auto first_lines = [](const std::string& pdf) {
      std::string o = run_command("qpdf --show-encryption '" + pdf + "'").output;
      return o.substr(0, o.find("User password"));
    };
    EXPECT_EQ(first_lines(path), first_lines(in)) << name;
    EXPECT_NE(first_lines(path).find("R = "), std::string::npos) << name;
  }
}

// A file that needs a user password is "encrypted", whatever its cipher, never "cannot read".
TEST(PdfOverlayIntake, FilesNeedingAPasswordAreCalledEncrypted) {
  TempDir dir;
  const std::pair<const char*, const char*> cases[] = {
      {"rc4-128", "user owner 128 --use-aes=n"}, {"aes-128", "user owner 128 --use-aes=y"}, {"aes-256", "user owner 256"}};
  for (const auto& [name, how] : cases) {
    std::vector<std::uint8_t> input = read_bytes(encrypt(dir, how, name));
    try {
      overlay_first_page(input, top_right_stamp());
      ADD_FAILURE() << name << ": expected a PdfError";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::PdfError) << name;
      EXPECT_NE(std::string(e.what()).find("encrypted with a password"), std::string::npos) << name << ": " << e.what();
    }
  }
}

// ---- small and odd pages

// A 5 x 4 cm label: the 150 x 50 pt stamp 1 cm from the edges cannot fit, so it shrinks, keeps
// its proportions and stays inside the page in both renderers.
TEST(PdfOverlayIntake, StampShrinksToFitASmallPage) {
  const double w = 141.73, h = 113.39;
  Stamped s;
  stamp_files(page_pdf("/MediaBox [0 0 141.73 113.39]", "BT /F1 8 Tf 10 10 Td (LABEL) Tj ET"), s);
  std::string check;
  EXPECT_TRUE(qpdf_clean(s.out, &check)) << check;
  for (auto [who, r] : {std::pair{"poppler", render_first_page(s.out, s.dir.file("p"))},
                        std::pair{"mupdf", render_mupdf(s.out, s.dir.file("m"))}}) {
    ASSERT_GT(r.width, 0) << who;
    PixelBox b = blue_pixels(r);
    ASSERT_GE(b.x1, 0) << who << ": no stamp";
    EXPECT_GE(b.x0, 1) << who << ": off the left edge";
    EXPECT_GE(b.y0, 1) << who << ": off the top edge";
    EXPECT_LE(b.x1, w - 1) << who;
    EXPECT_LE(b.y1, h - 1) << who;
    EXPECT_NEAR(double(b.x1 - b.x0) / double(b.y1 - b.y0), 150.0 / 50.0, 0.15) << who << ": proportions kept";
    EXPECT_GT(b.x1 - b.x0, w * 0.8) << who << ": as large as the page allows";
  }
  std::string text = squeeze_whitespace(pdftotext(s.out));
  EXPECT_NE(text.find("เลขรับ ๑๒๓"), std::string::npos) << text;
  EXPECT_NE(text.find("LABEL"), std::string::npos) << text;
}

// A page whose user unit is 2 pt: an A4 page written as 297.64 x 420.945 units. The layout
// sees the real size and the stamp comes out 150 x 50 real points, 1 cm from the edges.
TEST(PdfOverlayIntake, UserUnitGivesTheStampItsRealSize) {
  auto input = page_pdf("/MediaBox [0 0 297.64 420.945] /UserUnit 2", "BT /F1 7 Tf 36 350 Td (ORIGINAL LETTER) Tj ET");
  VisiblePage g = first_page_geometry(input);
  EXPECT_NEAR(g.width, 595.28, 0.01);
  EXPECT_NEAR(g.height, 841.89, 0.01);
  Stamped s;
  stamp_files(input, s);
  std::string check;
  EXPECT_TRUE(qpdf_clean(s.out, &check)) << check;
  // MuPDF honours /UserUnit; poppler 22 draws every page at one unit per point, so only MuPDF
  // shows the real size.
  expect_box_at_top_right(render_mupdf(s.out, s.dir.file("m")), "mupdf", 595.28, 841.89);
  EXPECT_NE(squeeze_whitespace(pdftotext(s.out)).find("เลขรับ ๑๒๓"), std::string::npos);
}

std::string page_text(const std::string& pdf, int n) {
  const std::string p = std::to_string(n);
  return squeeze_whitespace(run_command("pdftotext -enc UTF-8 -f " + p + " -l " + p + " '" + pdf + "' - 2>/dev/null").output);
}

void expect_stamped_once(const std::string& pdf) {
  std::string check;
  EXPECT_TRUE(qpdf_clean(pdf, &check)) << check;
  EXPECT_NE(page_text(pdf, 1).find("เลขรับ ๑๒๓"), std::string::npos) << page_text(pdf, 1);
  EXPECT_NE(page_text(pdf, 1).find("ORIGINAL LETTER"), std::string::npos) << page_text(pdf, 1);
  EXPECT_EQ(page_text(pdf, 2).find("เลขรับ"), std::string::npos) << page_text(pdf, 2);
  EXPECT_NE(page_text(pdf, 2).find("ORIGINAL LETTER"), std::string::npos) << page_text(pdf, 2);
  auto info = squeeze_whitespace(run_command("pdfinfo '" + pdf + "'").output);
  EXPECT_NE(info.find("Pages: 2"), std::string::npos) << info;
}

TEST(PdfOverlayIntake, APageListedTwiceIsStampedOnce) {
  Stamped s;
  stamp_files(page_pdf(kA4, kLetterText, "1.7", "[3 0 R 3 0 R]", 2), s);
  expect_stamped_once(s.out);
}

// The same page under two intermediate nodes, its /Parent naming the second: page 1 is still
// the first listing in document order, and only it is stamped.
TEST(PdfOverlayIntake, APageListedUnderTwoNodesIsStampedOnPageOneOnly) {
  Stamped s;
  stamp_files(raw_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [6 0 R 7 0 R] /Count 2 >>",
                       "<< /Type /Page /Parent 7 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R "
                       "/Resources << /Font << /F1 5 0 R >> >> >>",
                       stream(kLetterText), "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                       "<< /Type /Pages /Parent 2 0 R /Kids [3 0 R] /Count 1 >>",
                       "<< /Type /Pages /Parent 2 0 R /Kids [3 0 R] /Count 1 >>"}),
              s);
  expect_stamped_once(s.out);
}

// ---- the original's graphics state cannot reach the stamp

// Quartz and others write stray Qs: after drawing, this page leaves a half-size transform and
// a red fill behind and then pops past its start (poppler stops reading a stream at such a Q). Both renderers must still draw the stamp at the
// top right at full size, and the original's text must still extract.
TEST(PdfOverlayIntake, StrayQInTheOriginalCannotCancelTheStamp) {
  const std::string content = kLetterText + " 0.5 0 0 0.5 0 0 cm 1 0 0 rg 0 0 0 RG Q Q";
  Stamped s;
  stamp_files(page_pdf(kA4, content), s);
  std::string check;
  EXPECT_TRUE(qpdf_clean(s.out, &check)) << check;
  expect_box_at_top_right(render_first_page(s.out, s.dir.file("p")), "poppler", 595.28, 841.89);
  expect_box_at_top_right(render_mupdf(s.out, s.dir.file("m")), "mupdf", 595.28, 841.89);
  for (auto [who, text] : {std::pair{"poppler", squeeze_whitespace(pdftotext(s.out))},
                            std::pair{"mupdf", squeeze_whitespace(mutool_text(s.out))}}) {
    EXPECT_NE(text.find("ORIGINAL LETTER"), std::string::npos) << who << ": " << text;
    EXPECT_NE(text.find("เลขรับ ๑๒๓"), std::string::npos) << who << ": " << text;
  }
}

// Content whose Flate data is junk: readers draw what they can of it, and so must the copy.
std::vector<std::uint8_t> junk_content_page(const std::string& contents) {
  const std::string junk = "this is not zlib data at all";
  const std::string good = "0 0 1 rg 0 0 0 0 re f";
  return raw_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                  "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents " + contents + " >>",
                  "<< /Length " + std::to_string(junk.size()) + " /Filter /FlateDecode >>\nstream\n" + junk +
                      "\nendstream",
                  stream(good)});
}

// One undecodable stream is left as it is (the update does not touch the page's content): both
// renderers draw the stamp, an annotation drawn apart from the content.
TEST(PdfOverlayIntake, UndecodableContentStreamIsKeptAndStillStamped) {
  Stamped s;
  stamp_files(junk_content_page("4 0 R"), s);
  auto out = read_bytes(s.out);
  EXPECT_NE(std::string(out.begin(), out.end()).find("this is not zlib data"), std::string::npos);
  expect_box_at_top_right(render_first_page(s.out, s.dir.file("p")), "poppler", 595.28, 841.89);
  expect_box_at_top_right(render_mupdf(s.out, s.dir.file("m")), "mupdf", 595.28, 841.89);
}

// Several streams, one undecodable: kept as they were, and the page is stamped in both
// renderers (MuPDF stops the page's whole content at the decode error, but the stamp is an
// annotation, drawn after the content).
TEST(PdfOverlayIntake, UndecodableStreamAmongSeveralIsKeptAndStillStamped) {
  Stamped s;
  stamp_files(junk_content_page("[4 0 R 5 0 R]"), s);
  auto out = read_bytes(s.out);
  EXPECT_NE(std::string(out.begin(), out.end()).find("this is not zlib data"), std::string::npos);
  expect_box_at_top_right(render_first_page(s.out, s.dir.file("p")), "poppler", 595.28, 841.89);
  expect_box_at_top_right(render_mupdf(s.out, s.dir.file("m")), "mupdf", 595.28, 841.89);
}

}  // namespace
}  // namespace saraban::pdf
