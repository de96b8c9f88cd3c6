#pragma once
// Writes laid-out pages as PDF/A-2u with PoDoFo for the object model. Fonts are Type0 /
// CIDFontType2 / Identity-H carrying HarfBuzz's glyph IDs, subset with hb-subset (glyph IDs
// kept), /W for every glyph used, ToUnicode plus /ActualText so text extracts exactly.
#include <cstddef>
#include <cstdint>
#include <memory>
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

class DocumentWriter;

// Writes a document page by page, so that a long text never holds all its frames: each page's
// content is encoded as it is added and its frame may go; fonts, outlines (from Outline
// anchors), the form and the trailer follow in finish(). The same calls give the same bytes.
class PdfPageWriter {
 public:
  explicit PdfPageWriter(layout::DocumentInfo info, const PdfOptions& options = {});
  ~PdfPageWriter();
  PdfPageWriter(const PdfPageWriter&) = delete;
  PdfPageWriter& operator=(const PdfPageWriter&) = delete;

  void add_page(const layout::PageFrame& page);
  // Items drawn on an already written page (0-based), as a second content stream: running
  // headers and footers that had to wait for the page count.
  void add_furniture(std::size_t index, const std::vector<layout::FrameItem>& items);
  std::size_t page_count() const;
  // The complete file. Throws Error(InvalidInput) when no page was added.
  std::vector<std::uint8_t> finish();

 private:
  std::unique_ptr<DocumentWriter> impl_;
};

// The complete file in memory. Throws Error(PdfError/FontError) naming what failed.
std::vector<std::uint8_t> write_pdf(const layout::DocumentFrame& doc, const PdfOptions& options = {});

// write_pdf, then Environment::write_file_atomic: no half-written file is ever left behind.
void write_pdf_file(const Environment& env, const layout::DocumentFrame& doc, const std::string& path,
                    const PdfOptions& options = {});

}  // namespace saraban::pdf
