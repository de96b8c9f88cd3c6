// The letter's signature spaces and its stamp are Anchor items the composer places, not hidden
// "\x01" markers in the outline: no outline, no control character anywhere, and the field and
// the rings sit where the anchors are.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/environment.h"
#include "documents/letter_json.h"
#include "documents/letter_renderer.h"
#include "layout/units.h"

namespace saraban::documents {
namespace {

Letter sample_letter(const std::string& kind) {
  const std::filesystem::path path = std::filesystem::path(SARABAN_SOURCE_DIR) / "samples/letters" / (kind + ".json");
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return parse_letter(text.str(), path.string(), path.parent_path().string(), nullptr);
}

std::vector<std::pair<std::size_t, layout::Anchor>> anchors(const layout::DocumentFrame& doc) {
  std::vector<std::pair<std::size_t, layout::Anchor>> out;
  for (std::size_t p = 0; p < doc.pages.size(); ++p)
    for (const auto& item : doc.pages[p].items)
      if (const auto* a = std::get_if<layout::Anchor>(&item)) out.emplace_back(p, *a);
  return out;
}

TEST(LetterAnchors, EachSignerHasASignatureSpaceAnchorUnderItsField) {
  LetterRenderer renderer(system_environment());
  for (const char* kind : {"external", "memo"}) {
    SCOPED_TRACE(kind);
    const Letter l = sample_letter(kind);
    const auto doc = renderer.layout(l);
    std::size_t spaces = 0;
    for (const auto& [page, a] : anchors(doc)) {
      EXPECT_NE(a.kind, layout::Anchor::Kind::Outline) << "a letter has no outline: " << a.name;
      EXPECT_EQ(a.name.find('\x01'), std::string::npos);
      if (a.kind != layout::Anchor::Kind::SignatureSpace) continue;
      ++spaces;
      bool field_above = false;
      for (const auto& item : doc.pages[page].items)
        if (const auto* f = std::get_if<layout::SignatureField>(&item))
          if (f->name == a.name && std::abs(f->y + f->height - a.y) < 0.01) field_above = true;
      EXPECT_TRUE(field_above) << a.name;
    }
    EXPECT_EQ(spaces, l.signers.size());
  }
}

TEST(LetterAnchors, TheStampRingsCentreOnTheStampAnchor) {
  LetterRenderer renderer(system_environment());
  const auto doc = renderer.layout(sample_letter("stamped"));
  std::size_t stamps = 0;
  for (const auto& [page, a] : anchors(doc)) {
    if (a.kind != layout::Anchor::Kind::Stamp) continue;
    ++stamps;
    std::size_t rings = 0;
    for (const auto& item : doc.pages[page].items)
      if (const auto* p = std::get_if<layout::Path>(&item))
        if (p->segments.size() == 6 && p->segments[0].p1.y > a.y && p->segments[0].p1.y < a.y + layout::cm(1.5)) ++rings;
    EXPECT_EQ(rings, 2u);
  }
  EXPECT_EQ(stamps, 1u);
}

}  // namespace
}  // namespace saraban::documents
