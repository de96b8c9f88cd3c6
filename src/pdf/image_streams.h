#pragma once
// How raw image samples go into the PDF: deflated, Up-predicted when that is smaller. Layout
// carries only decoded samples (layout::ImageData); the compressed form is made here, once per
// image while the image lives, so the emblem on a thousand letters is deflated once.
#include <memory>

#include "layout/frame.h"
#include "pdf/flate.h"

namespace saraban::pdf {

// The deflated samples of a RawRgb8/RawGray8 image. Thread-safe; the same samples always give
// the same bytes.
std::shared_ptr<const DeflatedSamples> deflated_image(const layout::ImageRef& image);

}  // namespace saraban::pdf
