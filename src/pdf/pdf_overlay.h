#pragma once
// Draws frame items over the first page of an existing PDF (the receive stamp on an incoming
// letter) and returns the stamped copy: the input's bytes unchanged followed by an incremental
// update (ISO 32000-1 7.5.6) that adds a Stamp annotation, last in page 1's /Annots, whose
// appearance stream holds the drawing. A sender's signature stays valid, the copy costs only
// the added bytes, and the drawing is isolated from the page's content (its graphics state,
// syntax errors) and drawn above the page's other annotations. Items are placed in the page as
// a reader sees it: top-left of the visible (crop) box, after /Rotate, y down, in real points
// (/UserUnit applied), like a PageFrame. Items that would leave the visible page are scaled
// down (proportions kept) and moved inside it. A page object listed twice in the page tree is
// copied so only page 1 is stamped. Files with only an owner password are stamped; what the
// update adds is encrypted with the file's key.
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "layout/frame.h"
#include "pdf/page_ink.h"

namespace saraban::pdf {

// The first page as displayed: width and height of its crop box after /Rotate (pt).
struct VisiblePage {
  double width = 0;
  double height = 0;
  int rotate = 0;  // 0, 90, 180 or 270 (the page's own /Rotate, normalised)
  // What is already drawn on the page (pdf::page_ink), in the same coordinates as the items:
  // real points, origin top-left of the visible crop box, y down, after /Rotate and /UserUnit.
  std::vector<InkBox> ink;
};

// Builds the overlay once the page's visible size is known (e.g. to align at the top right).
using OverlayLayout = std::function<std::vector<layout::FrameItem>(const VisiblePage&)>;

// TextRun, Rect and Path items are supported; Image and SignatureField give InvalidInput.
// Unparseable, password-protected or page-less input gives Error(PdfError) saying which
// ("encrypted with a password ..." for a file that needs a user password). The same
// input and items always give the same bytes.
std::vector<std::uint8_t> overlay_first_page(std::span<const std::uint8_t> original_pdf,
                                             const std::vector<layout::FrameItem>& items);
std::vector<std::uint8_t> overlay_first_page(std::span<const std::uint8_t> original_pdf, const OverlayLayout& layout);

// A stamped copy and whether it was drawn on libqpdf's repaired copy of a damaged input (a
// wrong /Length, broken xref, junk before the header...) rather than on the input as it was.
struct OverlayResult {
  std::vector<std::uint8_t> bytes;
  bool repaired = false;
};
OverlayResult overlay_first_page_checked(std::span<const std::uint8_t> original_pdf, const OverlayLayout& layout);

// The first page's visible size without changing anything; same errors as above.
VisiblePage first_page_geometry(std::span<const std::uint8_t> original_pdf);

}  // namespace saraban::pdf
