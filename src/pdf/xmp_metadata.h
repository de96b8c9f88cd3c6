#pragma once
// The XMP packet PDF/A-2u requires: pdfaid part 2 / conformance U plus the same title,
// author, subject, producer and dates as the Info dictionary (validators compare them).
#include <string>

#include "layout/frame.h"

namespace saraban::pdf {

inline constexpr const char* kProducer = "Saraban";

std::string xmp_metadata(const layout::DocumentInfo& info);

}  // namespace saraban::pdf
