#pragma once
// A page's text layer as placed, in the order both extractors read it (poppler, MuPDF): the
// furniture in the page's top half (drawn before its content), the content, then the rest of
// the furniture; a line to each run. The `--text` output that read-back checks compare with.
#include <string>
#include <vector>

#include "layout/frame.h"

namespace saraban::documents {

// `content`: the content's text when already taken (a page streamed before its furniture).
std::string page_text(const std::vector<layout::FrameItem>& items, const std::vector<layout::FrameItem>& furniture,
                      double page_height, const std::string& content = "");

}  // namespace saraban::documents
