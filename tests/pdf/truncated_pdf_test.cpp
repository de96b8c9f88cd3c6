// Naming the catalog of a PDF cut off before its trailer (issue 9, damaged but readable files).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pdf/truncated_pdf.h"

namespace saraban::pdf {
namespace {

std::vector<std::uint8_t> bytes_of(const std::string& s) { return {s.begin(), s.end()}; }
std::string text_of(const std::vector<std::uint8_t>& b) { return {b.begin(), b.end()}; }

TEST(TruncatedPdf, NamesTheCatalogWhateverItsNumberAndSpacing) {
  const std::string cut =
      "%PDF-1.4\n3 0 obj <</Type /Pages /Kids [9 0 R] /Count 1>> endobj\n"
      "12 1 obj\r\n<</Pages 3 0 R/Type/Catalog>>\r\nendobj\n9 0 obj << /Type /Page /Parent 3 0 R /Contents 14 0 R >> endobj\n"
      "14 0 obj << /Length 500 >> stream\nBT /F1 12 Tf (cut he";
  auto out = with_trailer_for_catalog(bytes_of(cut));
  ASSERT_TRUE(out.has_value());
  const std::string text = text_of(*out);
  EXPECT_EQ(text.substr(0, cut.size()), cut) << "the cut file is kept as it was, only extended";
  EXPECT_EQ(text.substr(cut.size()), "\ntrailer\n<< /Root 12 1 R /Size 15 >>\n%%EOF\n");
}

TEST(TruncatedPdf, NoCatalogNoTrailer) {
  EXPECT_FALSE(with_trailer_for_catalog(bytes_of("%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n")).has_value());
  EXPECT_FALSE(with_trailer_for_catalog(bytes_of("")).has_value());
  // "/Catalogue" is not "/Catalog", and "object" is not the keyword "obj".
  EXPECT_FALSE(with_trailer_for_catalog(bytes_of("%PDF-1.4\n1 0 obj << /Type /Catalogue >> endobj\n2 0 object /Type /Catalog")).has_value());
}

}  // namespace
}  // namespace saraban::pdf
