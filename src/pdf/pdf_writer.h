#pragma once
// Writes laid-out pages as PDF/A-2u with PoDoFo for the object model. Fonts are Type0 /
// CIDFontType2 / Identity-H carrying HarfBuzz's glyph IDs, subset with hb-subset (glyph IDs
// kept), /W for every glyph used, ToUnicode plus /ActualText so text extracts exactly.
#include <cstdint>
#include <string>
#include <vector>

#include "base/environment.h"
#include "layout/frame.h"

namespace saraban::pdf {

struct PdfOptions {
  // Fixed /ID and dates come from doc.info.created, so the same input gives the same bytes.
  bool pdfa = true;        // XMP metadata, sRGB output intent
  bool compress = true;    // Flate content streams
};

// The complete file in memory. Throws Error(PdfError/FontError) naming what failed.
std::vector<std::uint8_t> write_pdf(const layout::DocumentFrame& doc, const PdfOptions& options = {});

// write_pdf, then Environment::write_file_atomic: no half-written file is ever left behind.
void write_pdf_file(const Environment& env, const layout::DocumentFrame& doc, const std::string& path,
                    const PdfOptions& options = {});

}  // namespace saraban::pdf
