#include "pdf/image_streams.h"

#include <map>
#include <mutex>

namespace saraban::pdf {

namespace {

struct Cached {
  std::weak_ptr<const layout::ImageData> image;  // an address is reused once its image is gone
  std::shared_ptr<const DeflatedSamples> deflated;
};

bool same_image(const std::weak_ptr<const layout::ImageData>& a, const layout::ImageRef& b) {
  return !a.expired() && !a.owner_before(b) && !b.owner_before(a);
}

}  // namespace

std::shared_ptr<const DeflatedSamples> deflated_image(const layout::ImageRef& image) {
  static std::mutex mutex;
  static std::map<const layout::ImageData*, Cached> cache;  // lookup only, never iterated for output
  {
    std::lock_guard lock(mutex);
    if (auto it = cache.find(image.get()); it != cache.end() && same_image(it->second.image, image))
      return it->second.deflated;
  }
  const int channels = image->encoding == layout::ImageData::Encoding::RawRgb8 ? 3 : 1;
  auto made = std::make_shared<const DeflatedSamples>(deflate_samples(image->bytes, image->width_px, channels));
  std::lock_guard lock(mutex);
  std::erase_if(cache, [](const auto& entry) { return entry.second.image.expired(); });
  cache[image.get()] = Cached{image, made};
  return made;
}

}  // namespace saraban::pdf
