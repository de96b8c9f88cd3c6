// The receive stamp on incoming PDFs from the real world (issue 9), end to end: the real
// template's stamp shrinks onto a 5 x 4 cm label with its fields still extracting, and through
// `receive --file` a letter with only an owner password is stamped while one that needs a
// password is flagged "encrypted" (RC4 and AES-128 included).
#include <gtest/gtest.h>

#include "support/page_raster.h"
#include "base/environment.h"
#include "documents/receive_stamp.h"
#include "../pdf/pdf_test_support.h"

namespace saraban::documents {
namespace {

using namespace saraban::testing;

ReceiveStampFields sample_text() {
  return {"สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำปาง เขต ๒", "๑๒๓", "๒๑ พ.ย. ๒๕๖๙", "๐๙:๓๐"};
}

// A one-page Helvetica PDF of the given media box, written here (xref offsets computed).
std::vector<std::uint8_t> page_pdf(const std::string& media_box) {
  const std::string content = "BT /F1 8 Tf 10 10 Td (LETTER) Tj ET";
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox " + media_box +
          " /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string out = "%PDF-1.7\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    std::string n = std::to_string(off);
    out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return {out.begin(), out.end()};
}

TEST(ReceiveStampIntake, TheRealStampFitsOnASmallLabel) {
  TempDir dir;
  ReceiveStamper stamper(system_environment());
  write_bytes(dir.file("stamped.pdf"), stamper.stamp(page_pdf("[0 0 141.73 113.39]"), sample_text()).bytes);
  Raster r = render_first_page(dir.file("stamped.pdf"), dir.file("r"));
  ASSERT_GT(r.width, 0);
  PixelBox b = blue_pixels(r);
  ASSERT_GE(b.x1, 0) << "no stamp";
  EXPECT_GE(b.x0, 1) << "off the left edge";
  EXPECT_GE(b.y0, 1) << "off the top edge";
  EXPECT_LE(b.x1, r.width - 1);
  EXPECT_LE(b.y1, r.height - 1);
  std::string text = squeeze_whitespace(pdftotext(dir.file("stamped.pdf")));
  EXPECT_NE(text.find("เลขรับ ๑๒๓"), std::string::npos) << text;
  EXPECT_NE(text.find("เวลา ๐๙:๓๐ น."), std::string::npos) << text;
  EXPECT_NE(text.find("LETTER"), std::string::npos) << text;
}

// ---- through the register's command line

struct Run {
  int status = -1;
  std::string out;
};

Run saraban(const std::string& args) {
  auto r = run_command(std::string("SOURCE_DATE_EPOCH=1763703000 '") + SARABAN_BINARY + "' " + args);
  return {r.status, r.output};
}

std::string address_of(const std::string& receive_output) {
  auto at = receive_output.find("(address ");
  if (at == std::string::npos) return "?";
  at += 9;
  return receive_output.substr(at, receive_output.find(',', at) - at);
}

// Receives `file` into a fresh register and returns `show --json` of the letter.
std::string receive_and_show(TempDir& dir, const std::string& file) {
  const std::string db = dir.file("r.db");
  EXPECT_EQ(saraban("--db '" + db + "' init").status, 0);
  EXPECT_EQ(saraban("--db '" + db + "' --as admin user add somchai --role clerk").status, 0);
  auto r = saraban("--db '" + db + "' --as somchai receive --from 'ก' --subject 'ข' --file '" + file + "'");
  EXPECT_EQ(r.status, 0) << r.out;
  return saraban("--db '" + db + "' --as somchai --json show " + address_of(r.out)).out;
}

std::string encrypt(TempDir& dir, const std::string& how) {
  write_bytes(dir.file("plain.pdf"), page_pdf("[0 0 595.28 841.89]"));
  auto r = run_command("qpdf --allow-weak-crypto --encrypt " + how + " -- '" + dir.file("plain.pdf") + "' '" +
                       dir.file("enc.pdf") + "'");
  EXPECT_EQ(r.status, 0) << r.output;
  return dir.file("enc.pdf");
}

TEST(ReceiveStampIntake, OwnerPasswordOnlyLettersAreStamped) {
  for (const char* how : {"'' owner 128 --use-aes=n", "'' owner 128 --use-aes=y"}) {
    TempDir dir;
    std::string show = receive_and_show(dir, encrypt(dir, how));
    EXPECT_NE(show.find("\"kind\": \"stamped\""), std::string::npos) << how << "\n" << show;
    EXPECT_EQ(show.find("\"pdf\": \"encrypted\""), std::string::npos) << how << "\n" << show;
    EXPECT_EQ(show.find("\"pdf\": \"corrupt\""), std::string::npos) << how << "\n" << show;
  }
}

TEST(ReceiveStampIntake, Rc4AndAes128LettersNeedingAPasswordAreEncryptedNotCorrupt) {
  for (const char* how : {"user owner 128 --use-aes=n", "user owner 128 --use-aes=y"}) {
    TempDir dir;
    std::string show = receive_and_show(dir, encrypt(dir, how));
    EXPECT_NE(show.find("\"pdf\": \"encrypted\""), std::string::npos) << how << "\n" << show;
    EXPECT_EQ(show.find("\"kind\": \"stamped\""), std::string::npos) << how << "\n" << show;
  }
}

}  // namespace
}  // namespace saraban::documents
