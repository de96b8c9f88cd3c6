#pragma once
// What page_ink needs from a PDF font to box the text drawn with it: how far each code advances
// and how far glyphs reach above and below the baseline. Read from the font dictionary only
// (/Widths, /W, /DW, the FontDescriptor's /Ascent and /Descent), never from the font program.
#include <map>

namespace PoDoFo {
class PdfObject;
class PdfVecObjects;
}  // namespace PoDoFo

namespace saraban::pdf {

struct InkFontMetrics {
  bool two_byte = false;       // Type0: a code is two bytes of the string, else one
  double glyph_to_text = 0.001;  // glyph-space units to text space (Type3: its /FontMatrix)
  std::map<unsigned, double> widths;  // code -> advance in glyph units
  double missing_width = 600;  // a code without a width (a standard-14 font has no /Widths)
  double ascent = 0.9;         // in text space per unit of font size
  double descent = -0.25;

  // Advance of `code` in text space per unit of font size.
  double advance(unsigned code) const {
    auto it = widths.find(code);
    return (it == widths.end() ? missing_width : it->second) * glyph_to_text;
  }
};

// The metrics of `font` (a font dictionary, possibly a reference); defaults for what is missing
// or damaged (a null `font` gives the defaults). Never throws.
InkFontMetrics read_ink_font_metrics(PoDoFo::PdfVecObjects& objects, PoDoFo::PdfObject* font);

}  // namespace saraban::pdf
