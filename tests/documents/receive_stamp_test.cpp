// The receive stamp (ตรารับหนังสือ): its fields extract exactly in Thai digits, its box sits
// 1 cm from the visible top and right edges (measured on the rendered page), its font is an
// embedded subset with ToUnicode, and `receive --file` stores the stamped copy beside the
// untouched original.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "support/page_raster.h"
#include "base/environment.h"
#include "base/error.h"
#include "documents/receive_stamp.h"
#include "layout/font_set.h"
#include "layout/typesetter.h"
#include "pdf/pdf_writer.h"
#include "../pdf/pdf_test_support.h"

namespace saraban::documents {
namespace {

using namespace saraban::testing;

constexpr double kCm = 72.0 / 2.54;

ReceiveStampFields sample_text() {
  return {"สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำปาง เขต ๒", "๑๒๓", "๒๑ พ.ย. ๒๕๖๙", "๐๙:๓๐"};
}

// An incoming letter as the engine writes it (the register accepts any PDF; this one is ours).
std::vector<std::uint8_t> incoming_letter() {
  const Environment& env = system_environment();
  layout::FontSet fonts(env, layout::FontConfig::load_default(env));
  layout::TypesetOptions options;
  auto doc = layout::typeset_text(fonts, "หนังสือเชิญประชุมคณะกรรมการ\n\nขอเชิญประชุมในวันจันทร์", options, 1700000000);
  return pdf::write_pdf(doc);
}


void expect_box_top_right(const std::string& pdf, const std::string& prefix, double width, double height) {
  Raster r = render_first_page(pdf, prefix);
  ASSERT_GT(r.width, 0);
  EXPECT_NEAR(r.width, width, 1.5);
  EXPECT_NEAR(r.height, height, 1.5);
  PixelBox b = blue_pixels(r);
  ASSERT_GE(b.x1, 0) << "no stamp colour on the page";
  EXPECT_NEAR(b.x1, width - 1.0 * kCm, 2.0) << "right edge 1 cm from the page's right edge";
  EXPECT_NEAR(b.y0, 1.0 * kCm, 2.0) << "top edge 1 cm from the page's top edge";
  EXPECT_NEAR(b.x1 - b.x0, 5.0 * kCm, 2.5) << "5 cm wide";
  EXPECT_GE(b.y1 - b.y0, 2.5 * kCm - 2.0) << "at least 2.5 cm tall";
  EXPECT_LE(b.y1 - b.y0, 3.6 * kCm) << "a long office name adds a line, not a page";
}

void expect_fields(const std::string& text) {
  std::string t = squeeze_whitespace(text);
  EXPECT_NE(t.find("เลขรับ ๑๒๓"), std::string::npos) << t;
  EXPECT_NE(t.find("วันที่ ๒๑ พ.ย. ๒๕๖๙"), std::string::npos) << t;
  EXPECT_NE(t.find("เวลา ๐๙:๓๐ น."), std::string::npos) << t;
  // The office may wrap inside the box; its characters come back in order.
  EXPECT_NE(without_whitespace(t).find(without_whitespace(sample_text().office)), std::string::npos) << t;
  EXPECT_EQ(t.find('{'), std::string::npos) << "a placeholder leaked: " << t;
}

TEST(ReceiveStamp, BuiltinTemplateIsTheFileInTemplates) {
  std::ifstream in(std::string(SARABAN_SOURCE_DIR) + "/templates/receive_stamp.json", std::ios::binary);
  ASSERT_TRUE(in) << "templates/receive_stamp.json missing";
  std::stringstream file;
  file << in.rdbuf();
  EXPECT_EQ(file.str(), std::string(builtin_receive_stamp_template()))
      << "paste templates/receive_stamp.json into kBuiltinTemplate in src/documents/receive_stamp.cpp";
  ReceiveStampTemplate t = parse_receive_stamp_template(file.str(), "receive_stamp.json");
  EXPECT_DOUBLE_EQ(t.box_width_cm, 5.0);
  EXPECT_DOUBLE_EQ(t.box_height_cm, 2.5);
  EXPECT_DOUBLE_EQ(t.top_cm, 1.0);
  EXPECT_DOUBLE_EQ(t.right_cm, 1.0);
  ASSERT_EQ(t.lines.size(), 4u);
  EXPECT_EQ(t.lines[1].text, "เลขรับ {number}");
}

TEST(ReceiveStamp, TemplateMistakesAreNamed) {
  auto message = [](const std::string& json) {
    try {
      parse_receive_stamp_template(json, "t.json");
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_NE(message(R"({"lines": [{"text": "x"}], "box_widht_cm": 5})").find("box_widht_cm"), std::string::npos);
  EXPECT_NE(message(R"({"lines": [{"text": "x"}], "color": [0, 0, 2]})").find("$.color"), std::string::npos);
  EXPECT_NE(message(R"({"lines": [{"text": "x", "align": "middle"}]})").find("align"), std::string::npos);
  EXPECT_NE(message(R"({"box_width_cm": 5})").find("$.lines"), std::string::npos);
  EXPECT_NE(message("{not json").find("not valid JSON"), std::string::npos);
}

TEST(ReceiveStamp, FieldsBoxAndFontsOnAnA4Letter) {
  TempDir dir;
  const auto input = incoming_letter();
  const auto copy = input;
  ReceiveStamper stamper(system_environment());
  const auto stamped = stamper.stamp(input, sample_text()).bytes;
  EXPECT_EQ(input, copy);
  EXPECT_EQ(stamper.stamp(input, sample_text()).bytes, stamped) << "stamping is deterministic";
  write_bytes(dir.file("in.pdf"), input);
  write_bytes(dir.file("stamped.pdf"), stamped);

  std::string text = pdftotext(dir.file("stamped.pdf"));
  expect_fields(text);
  EXPECT_NE(squeeze_whitespace(text).find(squeeze_whitespace(pdftotext(dir.file("in.pdf")))), std::string::npos)
      << "the letter's own text must extract as before";
  expect_box_top_right(dir.file("stamped.pdf"), dir.file("a4"), 595.2756, 841.8898);

  auto check = run_command("qpdf --check '" + dir.file("stamped.pdf") + "'");
  EXPECT_EQ(check.status, 0) << check.output;

  // Every font, the stamp's included, is an embedded subset with a ToUnicode map.
  auto fonts = run_command("pdffonts '" + dir.file("stamped.pdf") + "'");
  ASSERT_EQ(fonts.status, 0) << fonts.output;
  std::istringstream lines(fonts.output);
  std::string line;
  int rows = 0, bold = 0;
  while (std::getline(lines, line)) {
    if (line.find("CID TrueType") == std::string::npos) continue;
    ++rows;
    if (line.find("Bold") != std::string::npos) ++bold;
    EXPECT_NE(line.find("yes yes yes"), std::string::npos) << line;  // emb sub uni
    EXPECT_EQ(line[6], '+') << "subset tag: " << line;
  }
  EXPECT_GE(rows, 2) << fonts.output;
  EXPECT_EQ(bold, 1) << "the office line is bold: " << fonts.output;
}

TEST(ReceiveStamp, LandscapeAndRotatedPagesGetItAtTheVisibleTopRight) {
  TempDir dir;
  write_bytes(dir.file("in.pdf"), incoming_letter());
  ASSERT_EQ(run_command("qpdf --rotate=+90:1 '" + dir.file("in.pdf") + "' '" + dir.file("rot.pdf") + "'").status, 0);
  ReceiveStamper stamper(system_environment());
  write_bytes(dir.file("rot-stamped.pdf"), stamper.stamp(read_bytes(dir.file("rot.pdf")), sample_text()).bytes);
  expect_fields(pdftotext(dir.file("rot-stamped.pdf")));
  expect_box_top_right(dir.file("rot-stamped.pdf"), dir.file("rot"), 841.8898, 595.2756);
}

TEST(ReceiveStamp, EmptyOfficeLeavesItsLineOut) {
  TempDir dir;
  auto t = sample_text();
  t.office.clear();
  ReceiveStamper stamper(system_environment());
  write_bytes(dir.file("s.pdf"), stamper.stamp(incoming_letter(), t).bytes);
  std::string text = squeeze_whitespace(pdftotext(dir.file("s.pdf")));
  EXPECT_NE(text.find("เลขรับ ๑๒๓"), std::string::npos) << text;
  EXPECT_EQ(text.find("{office}"), std::string::npos) << text;
  EXPECT_EQ(text.find("สำนักงาน"), std::string::npos) << text;
}

TEST(ReceiveStamp, GarbageIsAPdfError) {
  ReceiveStamper stamper(system_environment());
  std::string junk = "%PDF-1.7 but nothing else of a PDF";
  try {
    stamper.stamp({junk.begin(), junk.end()}, sample_text());
    ADD_FAILURE() << "expected PdfError";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::PdfError) << e.what();
  }
}

// ---- end to end through the register's command line

struct Run {
  int status = -1;
  std::string out;
};

Run saraban(const std::string& args) {
  auto r = run_command(std::string("SOURCE_DATE_EPOCH=1763703000 '") + SARABAN_BINARY + "' " + args);
  return {r.status, r.output};
}

// "receive 2569/1 (address receive/2569/1, id ...)" -> "receive/2569/1", what `show` takes.
std::string address_of(const std::string& receive_output) {
  auto at = receive_output.find("(address ");
  if (at == std::string::npos) return "?";
  at += 9;
  return receive_output.substr(at, receive_output.find(',', at) - at);
}

// An entry's stored attachment as `saraban attachment` writes it (a stamped copy may be kept as
// a suffix of its original, so the register's table alone does not hold it whole).
void attachment_of(const std::string& db, const std::string& address, const std::string& kind, const std::string& out) {
  auto r = saraban("--db '" + db + "' --as somchai attachment " + address + (kind == "stamped" ? " --stamped" : "") +
                   " -o '" + out + "'");
  ASSERT_EQ(r.status, 0) << r.out;
}

TEST(ReceiveStamp, ReceiveWithFileStoresTheStampedCopyBesideTheOriginal) {
  TempDir dir;
  const std::string db = dir.file("r.db");
  write_bytes(dir.file("letter.pdf"), incoming_letter());
  ASSERT_EQ(saraban("--db '" + db + "' init").status, 0);
  ASSERT_EQ(saraban("--db '" + db + "' --as admin user add somchai --role clerk").status, 0);
  auto o = saraban("--db '" + db + "' --as admin office set --name 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำปาง เขต ๒'");
  ASSERT_EQ(o.status, 0) << o.out;
  auto r = saraban("--db '" + db + "' --as somchai receive --from 'โรงเรียนบ้านทุ่ง' --subject 'ขอรายงานผล' --file '" +
                   dir.file("letter.pdf") + "'");
  ASSERT_EQ(r.status, 0) << r.out;
  auto show = saraban("--db '" + db + "' --as somchai --json show " + address_of(r.out));
  EXPECT_NE(show.out.find("\"kind\": \"stamped\""), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("\"kind\": \"original\""), std::string::npos) << show.out;

  attachment_of(db, address_of(r.out), "original", dir.file("original-out.pdf"));
  EXPECT_EQ(read_bytes(dir.file("original-out.pdf")), read_bytes(dir.file("letter.pdf"))) << "original kept byte for byte";
  attachment_of(db, address_of(r.out), "stamped", dir.file("stamped-out.pdf"));
  std::string text = squeeze_whitespace(pdftotext(dir.file("stamped-out.pdf")));
  EXPECT_NE(text.find("เลขรับ ๑"), std::string::npos) << text;
  EXPECT_NE(text.find("วันที่ "), std::string::npos) << text;
  EXPECT_NE(text.find("เวลา "), std::string::npos) << text;
  EXPECT_NE(without_whitespace(text).find("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำปางเขต๒"), std::string::npos) << text;
  expect_box_top_right(dir.file("stamped-out.pdf"), dir.file("e2e"), 595.2756, 841.8898);
  EXPECT_EQ(saraban("--db '" + db + "' --as somchai verify").status, 0);
}

TEST(ReceiveStamp, EncryptedIncomingLetterIsKeptFlaggedAndNotStamped) {
  TempDir dir;
  const std::string db = dir.file("r.db");
  write_bytes(dir.file("letter.pdf"), incoming_letter());
  ASSERT_EQ(run_command("qpdf --encrypt u o 256 -- '" + dir.file("letter.pdf") + "' '" + dir.file("enc.pdf") + "'").status, 0);
  ASSERT_EQ(saraban("--db '" + db + "' init").status, 0);
  ASSERT_EQ(saraban("--db '" + db + "' --as admin user add somchai --role clerk").status, 0);
  auto r = saraban("--db '" + db + "' --as somchai receive --from 'ก' --subject 'ข' --file '" + dir.file("enc.pdf") + "'");
  ASSERT_EQ(r.status, 0) << r.out;
  auto show = saraban("--db '" + db + "' --as somchai --json show " + address_of(r.out));
  EXPECT_NE(show.out.find("\"pdf\": \"encrypted\""), std::string::npos) << show.out;
  EXPECT_EQ(show.out.find("\"kind\": \"stamped\""), std::string::npos) << show.out;
}

}  // namespace
}  // namespace saraban::documents
