#pragma once
// Builds one page's content stream from frame items. Page coordinates are top-left origin,
// y down; the stream is PDF's bottom-left, y up, so every y goes through to_pdf_y().
#include <string>

#include "layout/frame.h"
#include "pdf/text_painter.h"

namespace saraban::pdf {

class FontEmbedder;

class ContentStream {
 public:
  explicit ContentStream(double page_height) : page_height_(page_height) {}

  void rect(const layout::Rect& r);
  void path(const layout::Path& p);
  // Draws the image XObject named `resource` (e.g. "Im1") into the item's box.
  void image(const layout::Image& img, const std::string& resource);
  // Glyphs of `run` through `font`, whose resource name is `resource` (e.g. "F1").
  void text_run(const layout::TextRun& run, FontEmbedder& font, const std::string& resource);

  // Glyphs drawn without text may become form XObjects (see OutlineForms).
  void use_outline_forms(OutlineForms* forms) { text_.outline_forms = forms; }

  // The finished stream (closes an open text object).
  const std::string& bytes();

 private:
  double to_pdf_y(double y) const { return page_height_ - y; }
  void fill_color(const layout::Color& c);
  void stroke_color(const layout::Color& c);
  void end_text() { end_text_object(out_, text_); }

  double page_height_;
  TextState text_;
  std::string out_;
};

}  // namespace saraban::pdf
