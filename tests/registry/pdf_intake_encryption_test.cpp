// Encrypted incoming PDFs (issue 9): a file that needs a password to open is "encrypted"
// whatever its cipher (RC4 and AES-128 used to come out "corrupt": PoDoFo checks their
// password with OpenSSL's RC4, which OpenSSL 3 hides in its legacy provider), and a file with
// only an owner password, which every viewer opens without asking, is "ok" so it gets stamped.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../pdf/pdf_test_support.h"
#include "pdf/pdf_inspection.h"

namespace saraban::registry {
namespace {

using namespace saraban::testing;

// A one-page PDF written here (xref offsets computed), then encrypted by qpdf as the test says.
std::string one_page_pdf() {
  const std::string content = "BT /F1 14 Tf 72 700 Td (LETTER) Tj ET";
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
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
  return out + "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
}

std::vector<std::uint8_t> encrypted(TempDir& dir, const std::string& how) {
  const std::string plain = dir.file("plain.pdf"), out = dir.file("enc.pdf");
  const std::string pdf = one_page_pdf();
  write_bytes(plain, {pdf.begin(), pdf.end()});
  EXPECT_EQ(pdf::to_string(pdf::inspect_incoming_pdf(read_bytes(plain))), std::string("ok"));
  auto r = run_command("qpdf --allow-weak-crypto --encrypt " + how + " -- '" + plain + "' '" + out + "'");
  EXPECT_EQ(r.status, 0) << how << ": " << r.output;
  return read_bytes(out);
}

TEST(PdfIntakeEncryption, NeedingAPasswordIsEncryptedWhateverTheCipher) {
  for (const char* how : {"user owner 40", "user owner 128 --use-aes=n", "user owner 128 --use-aes=y", "user owner 256"}) {
    TempDir dir;
    EXPECT_EQ(pdf::to_string(pdf::inspect_incoming_pdf(encrypted(dir, how))), std::string("encrypted")) << how;
  }
}

TEST(PdfIntakeEncryption, OwnerPasswordOnlyOpensAndIsOk) {
  for (const char* how : {"'' owner 40", "'' owner 128 --use-aes=n", "'' owner 128 --use-aes=y", "'' owner 256"}) {
    TempDir dir;
    EXPECT_EQ(pdf::to_string(pdf::inspect_incoming_pdf(encrypted(dir, how))), std::string("ok")) << how;
  }
}

}  // namespace
}  // namespace saraban::registry
