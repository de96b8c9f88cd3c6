// Stamping must not leak the parsed original: the register stamps every incoming letter in one
// long-running process (fuzz_pdf_intake found each stamp leaking all of the original's objects).
#include <gtest/gtest.h>
#include <malloc.h>

#include <string>
#include <vector>

#include "layout/frame.h"
#include "pdf/pdf_overlay.h"

namespace saraban::pdf {
namespace {

// A one-page PDF with many small objects, so a leak of the parsed original shows clearly.
std::vector<std::uint8_t> many_objects_pdf(int extra) {
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"};
  for (int i = 0; i < extra; ++i) objects.push_back("<< /Note (padding object " + std::to_string(i) + ") /N [1 2 3] >>");
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

TEST(PdfOverlayMemory, RepeatedStampsDoNotLeakTheOriginal) {
  const auto pdf = many_objects_pdf(500);
  layout::Rect box;
  box.x = 10;
  box.y = 10;
  box.width = 50;
  box.height = 20;
  const std::vector<layout::FrameItem> items = {box};
  overlay_first_page(pdf, items);  // warm-up: one-time tables and caches
  const std::size_t before = mallinfo2().uordblks;
  for (int i = 0; i < 20; ++i) overlay_first_page(pdf, items);
  const std::size_t after = mallinfo2().uordblks;
  // 20 leaked parses of 500 objects would be megabytes; allow a little allocator noise.
  EXPECT_LT(after, before + 256 * 1024) << "heap grew by " << (after - before) << " bytes";
}

}  // namespace
}  // namespace saraban::pdf
