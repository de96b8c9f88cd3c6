#include "pdf/ink_font_metrics.h"
#include "pdf/podofo_objects.h"

#include <podofo/podofo.h>

#include <cmath>
#include <optional>

namespace saraban::pdf {

namespace {

using PoDoFo::PdfObject;
using PoDoFo::PdfVecObjects;


std::optional<double> number(PdfVecObjects& objects, PdfObject* o) {
  o = resolve(objects, o);
  if (!o) return std::nullopt;
  double v = 0;
  if (o->IsReal()) v = o->GetReal();
  else if (o->IsNumber()) v = static_cast<double>(o->GetNumber());
  else return std::nullopt;
  if (!std::isfinite(v)) return std::nullopt;
  return v;
}

bool is_name(PdfObject* o, const char* name) { return o && o->IsName() && o->GetName().GetName() == name; }

// /Ascent and /Descent in glyph units; a font that gives none (or nonsense) keeps the defaults.
void read_descriptor(PdfVecObjects& objects, PdfObject* descriptor, InkFontMetrics& m) {
  if (auto a = number(objects, dict_value(objects, descriptor, "Ascent")); a && *a > 0) m.ascent = *a * m.glyph_to_text;
  if (auto d = number(objects, dict_value(objects, descriptor, "Descent")); d && *d != 0)
    m.descent = -std::fabs(*d) * m.glyph_to_text;
  if (auto w = number(objects, dict_value(objects, descriptor, "MissingWidth")); w && *w > 0) m.missing_width = *w;
}

void read_simple(PdfVecObjects& objects, PdfObject* font, InkFontMetrics& m) {
  if (is_name(dict_value(objects, font, "Subtype"), "Type3")) {
    PdfObject* fm = dict_value(objects, font, "FontMatrix");
    if (fm && fm->IsArray() && fm->GetArray().size() == 6)
      if (auto a = number(objects, &fm->GetArray()[0]); a && *a != 0) m.glyph_to_text = std::fabs(*a);
  }
  PdfObject* widths = dict_value(objects, font, "Widths");
  if (widths && widths->IsArray()) {
    const double first = number(objects, dict_value(objects, font, "FirstChar")).value_or(0);
    unsigned code = first >= 0 && first < 256 ? static_cast<unsigned>(first) : 0;
    for (std::size_t i = 0; i < widths->GetArray().size() && code < 256; ++i, ++code)
      if (auto w = number(objects, &widths->GetArray()[i])) m.widths[code] = std::fabs(*w);
  }
  read_descriptor(objects, dict_value(objects, font, "FontDescriptor"), m);
}

// /W holds `c [w1 w2 ...]` and `c_first c_last w` groups.
void read_cid_widths(PdfVecObjects& objects, PdfObject* w, InkFontMetrics& m) {
  if (!w || !w->IsArray()) return;
  const auto& a = w->GetArray();
  constexpr double kMaxCid = 65535;
  for (std::size_t i = 0; i < a.size();) {
    auto first = number(objects, const_cast<PdfObject*>(&a[i]));
    if (!first || *first < 0 || *first > kMaxCid || i + 1 >= a.size()) return;
    PdfObject* next = resolve(objects, const_cast<PdfObject*>(&a[i + 1]));
    if (next && next->IsArray()) {
      unsigned cid = static_cast<unsigned>(*first);
      for (const auto& v : next->GetArray()) {
        if (cid > kMaxCid) break;
        if (auto width = number(objects, const_cast<PdfObject*>(&v))) m.widths[cid] = std::fabs(*width);
        ++cid;
      }
      i += 2;
      continue;
    }
    if (i + 2 >= a.size()) return;
    auto last = number(objects, next);
    auto width = number(objects, const_cast<PdfObject*>(&a[i + 2]));
    if (!last || !width || *last < *first || *last > kMaxCid) return;
    // A range is kept as one width per code; cap a range so a hostile /W cannot fill memory.
    for (unsigned cid = static_cast<unsigned>(*first); cid <= static_cast<unsigned>(*last) && m.widths.size() < 70000;
         ++cid)
      m.widths[cid] = std::fabs(*width);
    i += 3;
  }
}

void read_type0(PdfVecObjects& objects, PdfObject* font, InkFontMetrics& m) {
  m.two_byte = true;  // Identity-H/V and the common CJK CMaps; codes are read two bytes at a time
  m.missing_width = 1000;
  PdfObject* kids = dict_value(objects, font, "DescendantFonts");
  if (!kids || !kids->IsArray() || kids->GetArray().empty()) return;
  PdfObject* cid_font = resolve(objects, &kids->GetArray()[0]);
  if (auto dw = number(objects, dict_value(objects, cid_font, "DW")); dw && *dw >= 0) m.missing_width = *dw;
  read_cid_widths(objects, dict_value(objects, cid_font, "W"), m);
  const double dw = m.missing_width;
  read_descriptor(objects, dict_value(objects, cid_font, "FontDescriptor"), m);
  m.missing_width = dw;  // /MissingWidth is for simple fonts; a CID font's default is /DW
}

}  // namespace

InkFontMetrics read_ink_font_metrics(PdfVecObjects& objects, PdfObject* font) {
  InkFontMetrics m;
  try {
    font = resolve(objects, font);
    if (!font || !font->IsDictionary()) return m;
    if (is_name(dict_value(objects, font, "Subtype"), "Type0")) read_type0(objects, font, m);
    else read_simple(objects, font, m);
  } catch (const PoDoFo::PdfError&) {
    // A damaged font dictionary: what was read so far, defaults for the rest.
  }
  return m;
}

}  // namespace saraban::pdf
