#include "documents/page_text.h"

namespace saraban::documents {

std::string page_text(const std::vector<layout::FrameItem>& items, const std::vector<layout::FrameItem>& furniture,
                      double page_height, const std::string& content) {
  auto runs = [](const std::vector<layout::FrameItem>& from, auto keep) {
    std::string t;
    for (const auto& item : from)
      if (const auto* run = std::get_if<layout::TextRun>(&item); run && run->in_text_layer && !run->glyphs.empty() && keep(*run)) {
        t += run->leading_space;
        for (const auto& c : run->clusters) t += c.text;
        t += '\n';
      }
    return t;
  };
  const auto top = [&](const layout::TextRun& r) { return r.glyphs.front().y < page_height / 2; };
  return runs(furniture, top) + (content.empty() ? runs(items, [](const layout::TextRun&) { return true; }) : content) +
         runs(furniture, [&](const layout::TextRun& r) { return !top(r); });
}

}  // namespace saraban::documents
