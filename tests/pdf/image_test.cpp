// load_image: PNG of any kind to 8-bit samples composited on white; JPEG kept for DCTDecode.
#include <gtest/gtest.h>

#include "base/environment.h"
#include "base/error.h"
#include "pdf/image_loader.h"
#include "pdf/pdf_writer.h"
#include "pdf_test_support.h"

namespace saraban::pdf {
namespace {

using namespace saraban::testing;
using Encoding = layout::ImageData::Encoding;

std::string data(const std::string& name) { return std::string(SARABAN_TEST_DATA) + "/pdf/" + name; }

TEST(ImageLoader, RgbaPngIsCompositedOnWhite) {
  auto img = load_image(system_environment(), data("rgba.png"));
  ASSERT_EQ(img->encoding, Encoding::RawRgb8);
  EXPECT_EQ(img->width_px, 4);
  EXPECT_EQ(img->height_px, 3);
  ASSERT_EQ(img->bytes.size(), 4u * 3u * 3u);
  // (0,0) fully transparent -> white; (2,0) opaque red stays red.
  EXPECT_EQ(img->bytes[0], 255);
  EXPECT_EQ(img->bytes[1], 255);
  EXPECT_EQ(img->bytes[2], 255);
  EXPECT_EQ(img->bytes[6], 255);
  EXPECT_EQ(img->bytes[7], 0);
  EXPECT_EQ(img->bytes[8], 0);
  // (1,0) half-transparent blue -> light blue: red and green lifted, blue full.
  EXPECT_GT(img->bytes[3], 100);
  EXPECT_LT(img->bytes[3], 255);
  EXPECT_EQ(img->bytes[5], 255);
}

TEST(ImageLoader, SixteenBitGrayBecomesEightBitGray) {
  auto img = load_image(system_environment(), data("gray16.png"));
  ASSERT_EQ(img->encoding, Encoding::RawGray8);
  EXPECT_EQ(img->width_px, 5);
  ASSERT_EQ(img->bytes.size(), 10u);
  EXPECT_EQ(img->bytes[0], 0);
  EXPECT_EQ(img->bytes[1], 255);
}

TEST(ImageLoader, PalettePngBecomesRgb) {
  auto img = load_image(system_environment(), data("palette.png"));
  ASSERT_EQ(img->encoding, Encoding::RawRgb8);
  ASSERT_EQ(img->bytes.size(), 27u);
  EXPECT_EQ(img->bytes[1], 128);                 // (0,0) palette 0 = dark green
  EXPECT_EQ(img->bytes[4 * 3 + 0], 255);         // (1,1) palette 1 = yellow
  EXPECT_EQ(img->bytes[4 * 3 + 2], 0);
}

TEST(ImageLoader, JpegKeepsItsBytes) {
  auto img = load_image(system_environment(), data("rgb.jpg"));
  ASSERT_EQ(img->encoding, Encoding::Jpeg);
  EXPECT_EQ(img->width_px, 16);
  EXPECT_EQ(img->height_px, 8);
  EXPECT_EQ(img->jpeg_components, 3);
  EXPECT_EQ(img->bytes, read_bytes(data("rgb.jpg")));
  auto gray = load_image(system_environment(), data("gray.jpg"));
  EXPECT_EQ(gray->jpeg_components, 1);
}

void expect_error(const std::string& path, ErrorCode code) {
  try {
    load_image(system_environment(), path);
    ADD_FAILURE() << "expected an error for " << path;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << "names the file: " << e.what();
  }
}

TEST(ImageLoader, BadFilesAreNamedInTheError) {
  expect_error(data("not_an_image.png"), ErrorCode::InvalidInput);
  expect_error(data("truncated.png"), ErrorCode::InvalidInput);
  expect_error(data("truncated.jpg"), ErrorCode::InvalidInput);
  expect_error(data("cmyk.jpg"), ErrorCode::InvalidInput);
}

TEST(ImageLoader, MissingFileIsAnError) {
  try {
    load_image(system_environment(), data("missing.png"));
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_TRUE(e.code() == ErrorCode::IoError || e.code() == ErrorCode::NotFound) << e.what();
    EXPECT_NE(std::string(e.what()).find("missing.png"), std::string::npos);
  }
}

TEST(ImageWriting, PngIsFlateAndJpegIsDctPassThrough) {
  layout::DocumentFrame doc;
  doc.info.created = 1700000000;
  layout::PageFrame page;
  page.items.push_back(layout::Image{load_image(system_environment(), data("rgba.png")), 72, 72, 40, 30});
  page.items.push_back(layout::Image{load_image(system_environment(), data("noise.jpg")), 72, 200, 64, 64});
  page.items.push_back(layout::Image{load_image(system_environment(), data("gray16.png")), 200, 72, 50, 20});
  doc.pages.push_back(page);
  TempDir dir;
  std::string path = dir.file("images.pdf");
  write_bytes(path, write_pdf(doc));
  auto list = run_command("pdfimages -list '" + path + "'");
  ASSERT_EQ(list.status, 0) << list.output;
  EXPECT_NE(list.output.find("jpeg"), std::string::npos) << list.output;
  EXPECT_NE(list.output.find("image       4     3  rgb     3   8  image"), std::string::npos) << list.output;
  EXPECT_NE(list.output.find("gray    1   8"), std::string::npos) << list.output;
  auto check = run_command("qpdf --check '" + path + "'");
  EXPECT_EQ(check.status, 0) << check.output;
  // The JPEG's bytes are in the file unchanged.
  std::vector<std::uint8_t> pdf = read_bytes(path), jpeg = read_bytes(data("noise.jpg"));
  EXPECT_NE(std::search(pdf.begin(), pdf.end(), jpeg.begin(), jpeg.end()), pdf.end());
}

}  // namespace
}  // namespace saraban::pdf
