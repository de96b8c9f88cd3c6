// Damaged but readable letters through `receive` (issue 9): the stamped copy is drawn on a
// repaired copy, keeps the letter's text, and is noted "repaired" so the clerk knows; the
// original is stored byte for byte.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "../pdf/pdf_test_support.h"

namespace saraban::documents {
namespace {

using namespace saraban::testing;

std::string one_page(const std::string& content_length) {
  const std::string content = "BT /F1 14 Tf 72 700 Td (ORIGINAL LETTER) Tj ET";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + content_length + " >>\nstream\n" + content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
  std::string out = "%PDF-1.7\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t xref = out.size();
  out += "xref\n0 6\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    out += line;
  }
  return out + "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
}

std::string saraban(const std::string& db, const std::string& args) {
  auto r = run_command("SOURCE_DATE_EPOCH=1763703000 '" + std::string(SARABAN_BINARY) + "' --db '" + db + "' " + args);
  EXPECT_EQ(r.status, 0) << args << "\n" << r.output;
  return r.output;
}

// Receives `pdf` and returns `show --json`; the stamped copy and the original are exported.
std::string receive(TempDir& dir, const std::string& pdf) {
  const std::string db = dir.file("r.db");
  write_bytes(dir.file("in.pdf"), {pdf.begin(), pdf.end()});
  saraban(db, "init");
  saraban(db, "--as admin user add somchai --role clerk");
  std::string out = saraban(db, "--as somchai receive --from 'ก' --subject 'ข' --file '" + dir.file("in.pdf") + "'");
  auto at = out.find("(address ");
  EXPECT_NE(at, std::string::npos) << out;
  if (at == std::string::npos) return "";
  at += 9;
  const std::string address = out.substr(at, out.find(',', at) - at);
  saraban(db, "--as somchai attachment " + address + " --stamped -o '" + dir.file("stamped.pdf") + "'");
  saraban(db, "--as somchai attachment " + address + " -o '" + dir.file("original.pdf") + "'");
  return saraban(db, "--as somchai --json show " + address);
}

void expect_repaired_stamp(const std::string& damaged) {
  TempDir dir;
  std::string show = receive(dir, damaged);
  EXPECT_NE(show.find("\"kind\": \"stamped\""), std::string::npos) << show;
  EXPECT_NE(show.find("repaired"), std::string::npos) << show;
  const auto original = read_bytes(dir.file("original.pdf"));
  EXPECT_EQ(std::string(original.begin(), original.end()), damaged);
  auto check = run_command("qpdf --check '" + dir.file("stamped.pdf") + "'");
  EXPECT_EQ(check.status, 0) << check.output;
  std::string text = pdftotext(dir.file("stamped.pdf"));
  EXPECT_NE(text.find("ORIGINAL LETTER"), std::string::npos) << text;
  EXPECT_NE(text.find("๑"), std::string::npos) << "no receive number in\n" << text;
}

TEST(ReceiveStampRepair, LengthZeroLetterIsStampedWithItsTextAndNotedRepaired) {
  expect_repaired_stamp(one_page("0"));
}

TEST(ReceiveStampRepair, LetterWithJunkBeforeTheHeaderIsStampedAndNotedRepaired) {
  expect_repaired_stamp("From: scanner@office\r\n\r\n" + one_page("46"));
}

}  // namespace
}  // namespace saraban::documents
