#pragma once
// The closed set of things a laid-out page holds (after Typst's frames). Layout produces
// them; the PDF writer consumes them and nothing else. Coordinates are PostScript points,
// origin at the page's top-left corner, y growing downwards.
//
// Adding an item (a table, a chart): define its struct here, add it to FrameItem and bump
// kFrameItemKinds. Every consumer visits items with saraban::Overloaded, one lambda per item
// and no catch-all, so the build then fails at each place that must draw, measure or move it
// (grep "kFrameItemKinds"). Prefer composing existing items (runs, rects, paths) in layout
// over new items the PDF stage must learn.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "layout/font_program.h"

namespace saraban::layout {

struct Color {
  double r = 0, g = 0, b = 0;  // 0..1, sRGB
  bool operator==(const Color&) const = default;
};

struct Point {
  double x = 0, y = 0;
};

// One glyph placed on the page: its pen position on the baseline, with HarfBuzz's offsets
// already applied. `advance` is the advance HarfBuzz gave (pt); the PDF's /W holds the
// font's own advance, and the writer compensates for any difference.
struct PlacedGlyph {
  std::uint32_t glyph_id = 0;
  double x = 0;
  double y = 0;
  double advance = 0;
};

// A run of glyphs from one font at one size, and the text they came from. `clusters` cover
// all glyphs in order: cluster i is glyphs [first_glyph, first_glyph + glyph_count) and
// stands for `text` (UTF-8, logical order). The writer builds ToUnicode and /ActualText from
// them, so extraction returns exactly the characters that went in.
struct GlyphCluster {
  std::uint32_t first_glyph = 0;
  std::uint32_t glyph_count = 0;
  std::string text;
};

struct TextRun {
  FontProgramRef font;
  double size = 16;  // pt
  Color color;
  std::vector<PlacedGlyph> glyphs;
  std::vector<GlyphCluster> clusters;
  // Text a reader should see between this run and the previous one on the same line when the
  // gap was made by layout (a space that was not drawn as a glyph); usually empty.
  std::string leading_space;
  // False for page furniture (page numbers, "/next words" cues): drawn as glyph outlines, so a
  // paragraph running over a page break still extracts as one piece of text.
  bool in_text_layer = true;
};

struct Rect {
  double x = 0, y = 0, width = 0, height = 0;
  std::optional<Color> fill;
  std::optional<Color> stroke;
  double line_width = 0.5;
};

// A vector path: move/line/cubic/close, in page coordinates.
struct PathSegment {
  enum class Kind { MoveTo, LineTo, CubicTo, Close } kind = Kind::MoveTo;
  Point p1, p2, p3;  // LineTo/MoveTo use p1; CubicTo uses p1 p2 (controls) p3 (end)
};

struct Path {
  std::vector<PathSegment> segments;
  std::optional<Color> fill;
  std::optional<Color> stroke;
  double line_width = 0.5;
  std::vector<double> dash;  // empty = solid
};

// Decoded image, already composited on white (PDF/A: no transparency). Samples only: how they
// are compressed is the PDF stage's business (pdf/image_streams.h).
struct ImageData {
  enum class Encoding { RawRgb8, RawGray8, Jpeg } encoding = Encoding::RawRgb8;
  int width_px = 0;
  int height_px = 0;
  int jpeg_components = 3;          // for Jpeg: 1 gray, 3 RGB
  std::vector<std::uint8_t> bytes;  // raw samples, or the JPEG file as is (DCTDecode)
  std::string source;               // path, for messages
};
using ImageRef = std::shared_ptr<const ImageData>;

struct Image {
  ImageRef image;
  double x = 0, y = 0, width = 0, height = 0;  // box on the page
};

// An empty AcroForm signature field (/FT /Sig) over a signer's signature space.
struct SignatureField {
  std::string name;  // unique in the document, e.g. "signer1"
  double x = 0, y = 0, width = 0, height = 0;
};

// A named position that draws nothing: where an outline entry points, or a place a later
// stage needs (the space a signer signs in, the office stamp's text). The composer emits it at
// the top of the paragraph that carries it (Paragraph::anchor, Paragraph::bookmark).
struct Anchor {
  enum class Kind { Outline, SignatureSpace, Stamp, Destination } kind = Kind::Outline;
  // Outline: the entry's title; SignatureSpace: the field's name; Destination: the name Link
  // items point to (unique in the document)
  std::string name;
  int level = 0;     // Outline: 0 = top level
  double x = 0, y = 0;
};

// A clickable area that goes to the Destination anchor of that name (a contents entry to its
// heading). Draws nothing; the PDF stage writes a Link annotation.
struct Link {
  double x = 0, y = 0, width = 0, height = 0;
  std::string destination;
};

using FrameItem = std::variant<TextRun, Rect, Path, Image, SignatureField, Anchor, Link>;
// Update every consumer when this changes (see the top of this file).
inline constexpr std::size_t kFrameItemKinds = 7;
static_assert(std::variant_size_v<FrameItem> == kFrameItemKinds, "a new frame item: update every consumer");

struct PageFrame {
  double width = 595.2756;   // A4, pt
  double height = 841.8898;
  std::vector<FrameItem> items;
};

// An outline entry as the PDF stage collects it from Outline anchors.
struct Bookmark {
  std::string title;
  int level = 0;       // 0 = top level
  int page = 0;        // 0-based page index
  double y = 0;        // top of the target, page coordinates
};

struct DocumentInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string language = "th-TH";
  std::int64_t created = 0;  // seconds since the epoch; from the Environment's clock
  // The label viewers show for each page (ก, ข, ๑ …), written as /PageLabels; empty: none.
  std::vector<std::string> page_labels;
};

struct DocumentFrame {
  DocumentInfo info;
  std::vector<PageFrame> pages;  // outline entries are Anchor items on them
};

}  // namespace saraban::layout
