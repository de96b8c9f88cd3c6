#pragma once
// PNG and JPEG into ImageData. PNG alpha is composited on white, since PDF/A-2u output here
// carries no transparency. Throws Error(InvalidInput/IoError) naming the file when unreadable.
#include <string>

#include "base/environment.h"
#include "layout/frame.h"

namespace saraban::pdf {

layout::ImageRef load_image(const Environment& env, const std::string& path);

}  // namespace saraban::pdf
