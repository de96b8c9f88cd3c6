// Image samples are deflated in the PDF stage (layout::ImageData carries samples only): once
// per live image, and never a stale result for a new image at a freed image's address.
#include <gtest/gtest.h>

#include "pdf/image_streams.h"

namespace saraban::pdf {
namespace {

layout::ImageRef gray(int n, std::uint8_t shade) {
  auto img = std::make_shared<layout::ImageData>();
  img->encoding = layout::ImageData::Encoding::RawGray8;
  img->width_px = n;
  img->height_px = n;
  img->bytes.assign(static_cast<std::size_t>(n) * static_cast<std::size_t>(n), shade);
  for (int i = 0; i < n; ++i) img->bytes[static_cast<std::size_t>(i) * static_cast<std::size_t>(n) + static_cast<std::size_t>(i)] = 0;
  return img;
}

TEST(ImageStreams, DeflatedOncePerImage) {
  const auto img = gray(64, 200);
  const auto a = deflated_image(img);
  EXPECT_EQ(deflated_image(img), a);  // the same object: not compressed again
  const auto copy = std::make_shared<layout::ImageData>(*img);
  EXPECT_EQ(deflated_image(copy)->bytes, a->bytes);  // same samples, same bytes
}

TEST(ImageStreams, ANewImageIsNeverGivenAFreedImagesStream) {
  std::vector<std::uint8_t> first_bytes;
  {
    const auto first = gray(32, 255);
    first_bytes = deflated_image(first)->bytes;
  }
  for (int attempt = 0; attempt < 8; ++attempt) {  // the allocator may well reuse the address
    const auto other = gray(32, static_cast<std::uint8_t>(10 + attempt));
    const auto d = deflated_image(other);
    EXPECT_NE(d->bytes, first_bytes);
    EXPECT_EQ(d->bytes, deflate_samples(other->bytes, 32, 1).bytes);
  }
}

}  // namespace
}  // namespace saraban::pdf
