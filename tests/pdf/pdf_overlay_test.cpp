// Drawing over page 1 of an existing PDF: the original text stays where it was and extracts
// unchanged, the overlay lands at the visible top right whatever /Rotate and the box origin,
// the file stays valid for qpdf, and bad input (encrypted, garbage) is a PdfError.
#include <gtest/gtest.h>
#include <podofo/podofo.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "support/raw_pdf.h"
#include "support/page_raster.h"
#include "base/error.h"
#include "pdf/pdf_overlay.h"
#include "pdf/pdf_writer.h"
#include "pdf_test_support.h"
#include "overlay_test_stamp.h"
#include "thai_shaping.h"

namespace saraban::pdf {
namespace {

using namespace saraban::testing;

// A word and its box as `pdftotext -cropbox -bbox` reports it: top-left of the crop box, y down,
// after /Rotate (poppler 22.12 rotates the words but reports the page size unrotated).
struct Word {
  std::string text;
  double x_min, y_min, x_max, y_max;
};

struct Boxes {
  std::vector<Word> words;
  std::vector<Word> find(const std::string& text) const {
    std::vector<Word> out;
    for (const auto& w : words)
      if (w.text == text) out.push_back(w);
    return out;
  }
};

Boxes bboxes(const std::string& pdf) {
  std::string html = run_command("pdftotext -cropbox -bbox -enc UTF-8 -f 1 -l 1 '" + pdf + "' - 2>/dev/null").output;
  Boxes b;
  std::regex word(R"re(<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)</word>)re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator(); ++it) {
    const auto& w = *it;
    b.words.push_back({w[5], std::stod(w[1]), std::stod(w[2]), std::stod(w[3]), std::stod(w[4])});
  }
  return b;
}

bool qpdf_clean(const std::string& pdf, std::string* output) {
  auto r = run_command("qpdf --check '" + pdf + "'");
  *output = r.output;
  return r.status == 0 && r.output.find("No syntax or stream encoding errors") != std::string::npos &&
         r.output.find("WARNING") == std::string::npos;
}

// A hand-made PDF, so page boxes, /Rotate, inherited resources and the content's loose ends are
// exactly what the test says. Object 1 is the catalog; xref offsets are computed.
std::vector<std::uint8_t> raw_pdf(const std::vector<std::string>& objects, const std::string& trailer_extra = "") {
  const std::string out = saraban::testing::raw_pdf_text(objects, "1.7", trailer_extra);
  return {out.begin(), out.end()};
}

std::string stream(const std::string& data) {
  return "<< /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

// One Helvetica page whose box, rotation and resources sit on the /Pages node (inherited).
// Its content leaves a scale and a red fill behind on purpose: the overlay must not inherit them.
std::vector<std::uint8_t> helvetica_page(const std::string& pages_extra, double text_x, double text_y,
                                         bool with_info = false) {
  std::string content = "BT /F1 14 Tf " + std::to_string(text_x) + " " + std::to_string(text_y) +
                        " Td (ORIGINAL LETTER) Tj ET 0.5 0 0 0.5 0 0 cm 1 0 0 rg";  // no newline at the end
  std::vector<std::string> objs = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 5 0 R >> >> " + pages_extra + " >>",
      "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
      stream(content),
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  };
  std::string trailer;
  if (with_info) {
    objs.push_back("<< /Title (Original) /ModDate (D:20240101120000Z) >>");
    trailer = "/Info 6 0 R ";
  }
  return raw_pdf(objs, trailer);
}

// Every stamp word lies inside the intended box, in the visible page's top-right corner.
void expect_stamp_words_top_right(const Boxes& b, double width, double height) {
  for (const char* text : {"เลขรับ", "๑๒๓", "เวลา", "๐๙:๑๕"}) {
    auto found = b.find(text);
    ASSERT_EQ(found.size(), 1u) << text;
    const Word& w = found[0];
    EXPECT_GT(w.x_min, width - 28.35 - 150) << text;
    EXPECT_LT(w.x_max, width - 28.35) << text;
    EXPECT_GT(w.y_min, 28.35) << text;
    EXPECT_LT(w.y_max, 28.35 + 50) << text;
    EXPECT_GT(w.x_min, width / 2) << text;
    EXPECT_LT(w.y_max, height / 2) << text;
  }
}


// The rendered stamp border is where the layout put it: 1 cm from the top and right edges.
void expect_stamp_drawn_top_right(const std::string& pdf, const std::string& dir, double width, double height) {
  Raster r = render_first_page(pdf, dir + "/render");
  ASSERT_GT(r.width, 0) << "pdftoppm produced nothing";
  EXPECT_NEAR(r.width, width, 1.5);
  EXPECT_NEAR(r.height, height, 1.5);
  PixelBox b = blue_pixels(r);
  ASSERT_GE(b.x1, 0) << "no stamp colour on the rendered page";
  EXPECT_NEAR(b.x1, width - 28.35, 2);
  EXPECT_NEAR(b.y0, 28.35, 2);
  EXPECT_NEAR(b.x0, width - 28.35 - 150, 2);
  EXPECT_NEAR(b.y1, 28.35 + 50, 2);
}

struct Overlaid {
  TempDir dir;
  std::string before, after;
};

void overlay_files(const std::vector<std::uint8_t>& input, Overlaid& o) {
  o.before = o.dir.file("in.pdf");
  o.after = o.dir.file("out.pdf");
  write_bytes(o.before, input);
  write_bytes(o.after, overlay_first_page(input, top_right_stamp()));
}

TEST(PdfOverlay, StampOnWriterOutputKeepsOriginalTextAndAddsStampText) {
  layout::DocumentFrame doc;
  doc.info.created = 1700000000;
  layout::PageFrame page;
  page.items.push_back(shape_run(laksaman(), "หนังสือต้นฉบับ ผู้นำน้ำจ๋ำ ปี่กิ่ง", 16, 72, 200));
  doc.pages = {page, page};
  const std::vector<std::uint8_t> input = write_pdf(doc);
  const std::vector<std::uint8_t> copy = input;

  Overlaid o;
  overlay_files(input, o);
  EXPECT_EQ(input, copy) << "the original bytes must not change";

  std::string text = squeeze_whitespace(pdftotext(o.after));
  // Everything the original extracted to is still there, in the same order.
  std::string original_text = squeeze_whitespace(pdftotext(o.before));
  ASSERT_NE(original_text.find("หนังสือต้นฉบับ ผู้นำน้ำจ๋ำ"), std::string::npos) << original_text;
  EXPECT_NE(text.find(original_text), std::string::npos) << text;
  EXPECT_NE(text.find("เลขรับ ๑๒๓"), std::string::npos) << text;
  EXPECT_NE(text.find("เวลา ๐๙:๑๕ น."), std::string::npos) << text;
  // Only page 1 carries the stamp.
  std::string page2 = run_command("pdftotext -enc UTF-8 -f 2 -l 2 '" + o.after + "' - 2>/dev/null").output;
  EXPECT_EQ(page2.find("เลขรับ"), std::string::npos);

  std::string check;
  EXPECT_TRUE(qpdf_clean(o.after, &check)) << check;
  expect_stamp_words_top_right(bboxes(o.after), 595.2756, 841.8898);
  expect_stamp_drawn_top_right(o.after, o.dir.path(), 595.2756, 841.8898);

  // The original's words stay exactly where they were.
  Boxes before = bboxes(o.before), after = bboxes(o.after);
  auto w0 = before.find("หนังสือต้นฉบับ"), w1 = after.find("หนังสือต้นฉบับ");
  ASSERT_EQ(w0.size(), 1u);
  ASSERT_EQ(w1.size(), 1u);
  EXPECT_NEAR(w0[0].x_min, w1[0].x_min, 0.01);
  EXPECT_NEAR(w0[0].y_min, w1[0].y_min, 0.01);
}

TEST(PdfOverlay, SameInputGivesSameBytes) {
  auto input = helvetica_page("/MediaBox [0 0 595.28 841.89]", 72, 700, true);
  auto a = overlay_first_page(input, top_right_stamp());
  auto b = overlay_first_page(input, top_right_stamp());
  EXPECT_EQ(a, b);
  auto no_info = helvetica_page("/MediaBox [0 0 595.28 841.89]", 72, 700, false);
  EXPECT_EQ(overlay_first_page(no_info, top_right_stamp()), overlay_first_page(no_info, top_right_stamp()));
}

TEST(PdfOverlay, KeepsTheOriginalInfoDictionary) {
  auto input = helvetica_page("/MediaBox [0 0 595.28 841.89]", 72, 700, true);
  auto out = overlay_first_page(input, top_right_stamp());
  PoDoFo::PdfVecObjects objects;
  PoDoFo::PdfParser parser(&objects, reinterpret_cast<const char*>(out.data()), static_cast<long>(out.size()));
  const PoDoFo::PdfObject* info_ref = parser.GetTrailer()->GetDictionary().GetKey("Info");
  ASSERT_NE(info_ref, nullptr);
  const PoDoFo::PdfObject* info = objects.GetObject(info_ref->GetReference());
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->GetDictionary().GetKey("ModDate")->GetString().GetStringUtf8(), "D:20240101120000Z");
  EXPECT_EQ(info->GetDictionary().GetKey("Title")->GetString().GetStringUtf8(), "Original");
}

// Pages as a reader shows them: [rotate, pages-node extra keys, expected visible width, height].
struct PageCase {
  const char* name;
  std::string pages_extra;
  double text_x, text_y;  // where the original text starts, in user space
  double visible_width, visible_height;
};

void PrintTo(const PageCase& c, std::ostream* os) { *os << c.name; }

class PdfOverlayPages : public ::testing::TestWithParam<PageCase> {};

TEST_P(PdfOverlayPages, StampAtVisibleTopRightOriginalUntouched) {
  const PageCase& c = GetParam();
  auto input = helvetica_page(c.pages_extra, c.text_x, c.text_y);
  const auto copy = input;
  VisiblePage geometry = first_page_geometry(input);
  EXPECT_NEAR(geometry.width, c.visible_width, 0.01);
  EXPECT_NEAR(geometry.height, c.visible_height, 0.01);

  Overlaid o;
  overlay_files(input, o);
  EXPECT_EQ(input, copy);
  std::string check;
  EXPECT_TRUE(qpdf_clean(o.after, &check)) << check;

  std::string text = squeeze_whitespace(pdftotext(o.after));
  EXPECT_NE(text.find("ORIGINAL LETTER"), std::string::npos) << text;
  EXPECT_NE(text.find("เลขรับ ๑๒๓"), std::string::npos) << text;

  Boxes after = bboxes(o.after), before = bboxes(o.before);
  expect_stamp_words_top_right(after, c.visible_width, c.visible_height);
  expect_stamp_drawn_top_right(o.after, o.dir.path(), c.visible_width, c.visible_height);
  auto w0 = before.find("ORIGINAL"), w1 = after.find("ORIGINAL");
  ASSERT_EQ(w0.size(), 1u);
  ASSERT_EQ(w1.size(), 1u);
  EXPECT_NEAR(w0[0].x_min, w1[0].x_min, 0.01);
  EXPECT_NEAR(w0[0].y_min, w1[0].y_min, 0.01);
}

INSTANTIATE_TEST_SUITE_P(
    Pages, PdfOverlayPages,
    ::testing::Values(PageCase{"a4", "/MediaBox [0 0 595.28 841.89]", 72, 700, 595.28, 841.89},
                      PageCase{"rotate90", "/MediaBox [0 0 595.28 841.89] /Rotate 90", 72, 700, 841.89, 595.28},
                      PageCase{"rotate180", "/MediaBox [0 0 595.28 841.89] /Rotate 180", 72, 700, 595.28, 841.89},
                      PageCase{"rotate270", "/MediaBox [0 0 595.28 841.89] /Rotate -90", 72, 700, 841.89, 595.28},
                      PageCase{"origin", "/MediaBox [100 200 695.28 1041.89]", 172, 900, 595.28, 841.89},
                      PageCase{"cropbox", "/MediaBox [0 0 612 792] /CropBox [50 60 562 742]", 100, 650, 512, 682},
                      PageCase{"origin_rotate90", "/MediaBox [-300 -400 295.28 441.89] /Rotate 90", -228, 300,
                               841.89, 595.28}),
    [](const ::testing::TestParamInfo<PageCase>& info) { return std::string(info.param.name); });

// qpdf rewrites the writer's output with object streams, and linearized: still stampable.
TEST(PdfOverlay, ObjectStreamsAndLinearizedInput) {
  layout::DocumentFrame doc;
  doc.info.created = 1700000000;
  layout::PageFrame page;
  page.items.push_back(shape_run(laksaman(), "ต้นฉบับ", 16, 72, 200));
  doc.pages = {page};
  TempDir dir;
  write_bytes(dir.file("plain.pdf"), write_pdf(doc));
  for (const char* mode : {"--object-streams=generate", "--linearize"}) {
    std::string in = dir.file(std::string("in") + (mode[2] == 'o' ? "-objstm" : "-lin") + ".pdf");
    ASSERT_EQ(run_command(std::string("qpdf ") + mode + " '" + dir.file("plain.pdf") + "' '" + in + "'").status, 0);
    std::string out = in + ".stamped.pdf";
    write_bytes(out, overlay_first_page(read_bytes(in), top_right_stamp()));
    std::string check;
    EXPECT_TRUE(qpdf_clean(out, &check)) << mode << "\n" << check;
    std::string text = squeeze_whitespace(pdftotext(out));
    EXPECT_NE(text.find("ต้นฉบับ"), std::string::npos) << mode << text;
    EXPECT_NE(text.find("เลขรับ ๑๒๓"), std::string::npos) << mode << text;
  }
}

void expect_pdf_error(const std::vector<std::uint8_t>& input, const std::string& words) {
  const auto copy = input;
  try {
    overlay_first_page(input, top_right_stamp());
    ADD_FAILURE() << "expected a PdfError mentioning '" << words << "'";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::PdfError) << e.what();
    EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
  }
  EXPECT_EQ(input, copy);
}

TEST(PdfOverlay, EncryptedInputIsAPdfError) {
  TempDir dir;
  write_bytes(dir.file("plain.pdf"), helvetica_page("/MediaBox [0 0 595.28 841.89]", 72, 700));
  // With a user password: RC4 128-bit as old office scanners write it, and AES-256. (Files with
  // only an owner password open without asking and are stamped: pdf_overlay_intake_test.)
  int n = 0;
  for (std::string how : {"u o 128", "u o 256"}) {
    std::string out = dir.file("enc-" + std::to_string(++n) + ".pdf");
    auto r = run_command("qpdf --allow-weak-crypto --encrypt " + how + " -- '" + dir.file("plain.pdf") + "' '" + out + "'");
    ASSERT_EQ(r.status, 0) << r.output;
    expect_pdf_error(read_bytes(out), "encrypted");
  }
}

TEST(PdfOverlay, GarbageAndBrokenInputAreAPdfError) {
  std::string garbage = "this is not a PDF at all, just some bytes \x01\x02\x03";
  expect_pdf_error({garbage.begin(), garbage.end()}, "not a PDF");
  expect_pdf_error({}, "not a PDF");
  std::string header_only = "%PDF-1.7\n% nothing follows but noise\n1 0 obj << /Type /Catalog";
  expect_pdf_error({header_only.begin(), header_only.end()}, "cannot read the PDF");
  auto no_pages = raw_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"});
  expect_pdf_error(no_pages, "no pages");
}

TEST(PdfOverlay, ImagesCannotBeOverlaid) {
  auto input = helvetica_page("/MediaBox [0 0 595.28 841.89]", 72, 700);
  std::vector<layout::FrameItem> items{layout::Image{}};
  try {
    overlay_first_page(input, items);
    ADD_FAILURE() << "expected InvalidInput";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
  }
}

}  // namespace
}  // namespace saraban::pdf
