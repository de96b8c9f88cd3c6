#pragma once
// A small sRGB ICC v2 display profile built in code, for the PDF/A output intent: no profile
// file is guaranteed to be installed, and building it keeps the output byte-identical.
#include <cstdint>
#include <vector>

namespace saraban::pdf {

std::vector<std::uint8_t> srgb_icc_profile();

}  // namespace saraban::pdf
