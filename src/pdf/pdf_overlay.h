#pragma once
// Draws frame items over the first page of an existing PDF (the receive stamp on an incoming
// letter) and returns the whole document as new bytes; the input is never modified.
// The page's own content becomes a form XObject drawn first, so its graphics state (even a
// stray Q) cannot reach the overlay; only when several content streams must be joined and one
// cannot be decoded are they kept as they were, wrapped in q/Q. Items are placed in the page as a reader sees it: top-left of the visible
// (crop) box, after /Rotate, y down, in real points (/UserUnit applied), like a PageFrame. Items
// that would leave the visible page are scaled down (proportions kept) and moved inside it.
// A page object listed twice in the page tree is copied so only page 1 is drawn on. The
// header version is kept (never lowered). Files with only an owner password are stamped and
// keep their encryption.
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
  std::vector<InkBox> ink;  // page_ink's boxes in these coordinates (pt, top-left origin, y down)
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
