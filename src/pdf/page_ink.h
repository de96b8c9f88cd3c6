#pragma once
// Where an existing page already has something drawn: its text, paths, images and annotations,
// as boxes. The receive stamp uses it to find free space at the top right of an incoming letter.
// The boxes are generous (a glyph counts from its font's descent to its ascent, a stroked path
// includes its line width) so free space found between them really is free.
#include <vector>

namespace PoDoFo {
class PdfObject;
class PdfVecObjects;
}  // namespace PoDoFo

namespace saraban::pdf {

// A box in the page's default user space (PDF units, y up, before /Rotate, the crop box and
// /UserUnit are applied).
struct InkBox {
  enum class Kind { Text, Path, Image, Annotation };
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  Kind kind = Kind::Path;
};

// What page `page`'s content streams (form XObjects followed) and visible annotations cover.
// Never throws for a damaged content stream: what was read up to the damage is returned, and
// an unreadable part (a stream that cannot be decoded, an inline image that cannot be
// delimited) counts as covering the whole media box. Invisible text (render mode 3 or 7),
// unpainted paths, popups, hidden annotations and links count as nothing. Boxes are clipped
// to the clipping path's bounds; past 4096 boxes, neighbours in content order are joined so a
// huge page costs bounded memory.
std::vector<InkBox> page_ink(PoDoFo::PdfVecObjects& objects, PoDoFo::PdfObject* page);

}  // namespace saraban::pdf
