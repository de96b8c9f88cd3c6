#include "pdf/page_ink.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "pdf/ink_font_metrics.h"
#include "pdf/podofo_objects.h"

namespace saraban::pdf {

namespace {

using PoDoFo::PdfObject;
using PoDoFo::PdfVariant;
using PoDoFo::PdfVecObjects;

constexpr int kMaxFormDepth = 8;
constexpr std::size_t kMaxBoxes = 4096;     // past this, neighbours are coalesced (memory bound)
constexpr std::size_t kMaxOperands = 4096;  // more operands than any operator takes: garbage
// Past this many operators (forms included) the rest of the page counts as covering it all,
// so a pathological page (a form drawn a million times) cannot stall the receive command.
constexpr std::size_t kMaxOperators = 200000;  // a quarter second here, at worst

struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  // `*this` applied first, then `n` (PDF's M × N).
  Matrix then(const Matrix& n) const {
    return {a * n.a + b * n.c, a * n.b + b * n.d, c * n.a + d * n.c,
            c * n.b + d * n.d, e * n.a + f * n.c + n.e, e * n.b + f * n.d + n.f};
  }
  void apply(double x, double y, double& ox, double& oy) const {
    ox = a * x + c * y + e;
    oy = b * x + d * y + f;
  }
  // How much a unit length can grow at most (for stroke widths).
  double max_scale() const { return std::max(std::hypot(a, b), std::hypot(c, d)); }
};

struct Bounds {
  double x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL;
  bool empty() const { return !(x0 <= x1 && y0 <= y1); }
  void add(double x, double y) {
    x0 = std::min(x0, x);
    y0 = std::min(y0, y);
    x1 = std::max(x1, x);
    y1 = std::max(y1, y);
  }
  void add_transformed(const Matrix& m, double x, double y) {
    double ox, oy;
    m.apply(x, y, ox, oy);
    add(ox, oy);
  }
  // The rectangle [x0,x1]×[y0,y1] of `m`'s source space, as device bounds.
  static Bounds of_rect(const Matrix& m, double x0, double y0, double x1, double y1) {
    Bounds b;
    b.add_transformed(m, x0, y0);
    b.add_transformed(m, x1, y0);
    b.add_transformed(m, x0, y1);
    b.add_transformed(m, x1, y1);
    return b;
  }
  Bounds intersect(const Bounds& o) const {
    return {std::max(x0, o.x0), std::max(y0, o.y0), std::min(x1, o.x1), std::min(y1, o.y1)};
  }
  bool finite() const { return std::isfinite(x0) && std::isfinite(y0) && std::isfinite(x1) && std::isfinite(y1); }
};

struct GraphicsState {
  Matrix ctm;
  std::optional<Bounds> clip;  // device bounds of the clipping path, when one was set
  double line_width = 1;
  // Text state parameters (part of the graphics state, saved by q).
  const InkFontMetrics* font = nullptr;
  double font_size = 0, char_spacing = 0, word_spacing = 0, horizontal_scale = 1, leading = 0, rise = 0;
  int render_mode = 0;
};


PdfObject* inherited(PdfVecObjects& objects, PdfObject* page, const char* name) {
  PdfObject* node = page;
  for (int depth = 0; node && node->IsDictionary() && depth < 64; ++depth) {
    if (PdfObject* v = dict_value(objects, node, name)) return v;
    node = dict_value(objects, node, "Parent");
  }
  return nullptr;
}

std::optional<double> number(const PdfVariant& v) {
  double x = 0;
  if (v.IsReal()) x = v.GetReal();
  else if (v.IsNumber()) x = static_cast<double>(v.GetNumber());
  else return std::nullopt;
  if (!std::isfinite(x)) return std::nullopt;
  return x;
}

std::optional<Bounds> read_rect(PdfVecObjects& objects, PdfObject* o) {
  if (!o || !o->IsArray() || o->GetArray().size() != 4) return std::nullopt;
  double v[4];
  for (std::size_t i = 0; i < 4; ++i) {
    PdfObject* item = resolve(objects, &o->GetArray()[i]);
    auto n = item ? number(*item) : std::nullopt;
    if (!n) return std::nullopt;
    v[i] = *n;
  }
  return Bounds{std::min(v[0], v[2]), std::min(v[1], v[3]), std::max(v[0], v[2]), std::max(v[1], v[3])};
}

std::optional<Matrix> read_matrix(PdfVecObjects& objects, PdfObject* o) {
  if (!o || !o->IsArray() || o->GetArray().size() != 6) return std::nullopt;
  double v[6];
  for (std::size_t i = 0; i < 6; ++i) {
    PdfObject* item = resolve(objects, &o->GetArray()[i]);
    auto n = item ? number(*item) : std::nullopt;
    if (!n) return std::nullopt;
    v[i] = *n;
  }
  return Matrix{v[0], v[1], v[2], v[3], v[4], v[5]};
}

// The decoded bytes of a content stream; nullopt when it cannot be decoded.
std::optional<std::string> decoded(PdfObject* stream) {
  try {
    char* buffer = nullptr;
    PoDoFo::pdf_long length = 0;
    stream->GetStream()->GetFilteredCopy(&buffer, &length);
    std::unique_ptr<char, decltype(&PoDoFo::podofo_free)> owned(buffer, &PoDoFo::podofo_free);
    return std::string(buffer ? buffer : "", buffer ? static_cast<std::size_t>(length) : 0);
  } catch (const PoDoFo::PdfError&) {
    return std::nullopt;
  }
}

// Halves the list by joining neighbours (content order keeps neighbours close on the page),
// so a page with millions of glyphs or dots costs bounded memory.
void coalesce(std::vector<InkBox>& boxes) {
  std::vector<InkBox> joined;
  joined.reserve(boxes.size() / 2 + 1);
  for (std::size_t i = 0; i < boxes.size(); i += 2) {
    InkBox b = boxes[i];
    if (i + 1 < boxes.size()) {
      const InkBox& n = boxes[i + 1];
      b = {std::min(b.x0, n.x0), std::min(b.y0, n.y0), std::max(b.x1, n.x1), std::max(b.y1, n.y1),
           b.kind == n.kind ? b.kind : InkBox::Kind::Path};
    }
    joined.push_back(b);
  }
  boxes = std::move(joined);
}

class Interpreter {
 public:
  Interpreter(PdfVecObjects& objects, Bounds media, std::vector<InkBox>& out)
      : objects_(objects), media_(media), out_(out) {}

  // Runs `content` with `resources`, starting from `gs`; `forms` are the forms already open.
  void run(const std::string& content, PdfObject* resources, const GraphicsState& gs, std::set<PdfObject*>& forms);

  void emit(Bounds b, InkBox::Kind kind, const GraphicsState& gs) {
    if (gs.clip) b = b.intersect(*gs.clip);
    if (b.empty() || !b.finite()) return;
    if (out_.size() >= kMaxBoxes) coalesce(out_);
    out_.push_back({b.x0, b.y0, b.x1, b.y1, kind});
  }
  void cover_media() { emit(media_, InkBox::Kind::Image, GraphicsState{}); }
  // Counts one operator; false once the budget is spent (the media box then counts as ink).
  bool budget() {
    if (operators_ < kMaxOperators) return ++operators_, true;
    if (operators_++ == kMaxOperators) cover_media();
    return false;
  }
  // A form's decoded content, decoded once however often it is drawn; null if undecodable.
  const std::string* form_content(PdfObject* form) {
    auto it = form_contents_.find(form);
    if (it == form_contents_.end()) it = form_contents_.emplace(form, decoded(form)).first;
    return it->second ? &*it->second : nullptr;
  }

 private:
  struct Run;
  const InkFontMetrics* font(PdfObject* resources, const std::string& name);

  PdfVecObjects& objects_;
  Bounds media_;
  std::vector<InkBox>& out_;
  std::map<PdfObject*, InkFontMetrics> fonts_;
  std::map<PdfObject*, std::optional<std::string>> form_contents_;
  std::size_t operators_ = 0;
  InkFontMetrics default_font_;
  friend struct Run;
};

const InkFontMetrics* Interpreter::font(PdfObject* resources, const std::string& name) {
  PdfObject* f = dict_value(objects_, dict_value(objects_, resources, "Font"), name.c_str());
  if (!f) return &default_font_;
  auto it = fonts_.find(f);
  if (it == fonts_.end()) it = fonts_.emplace(f, read_ink_font_metrics(objects_, f)).first;
  return &it->second;
}

// One content stream being read: the operand stack, graphics state stack, text and path state.
struct Interpreter::Run {
  Interpreter& in;
  PdfObject* resources;
  std::set<PdfObject*>& forms;
  std::vector<PdfVariant> operands;
  std::vector<GraphicsState> stack;
  GraphicsState gs;
  Matrix tm, tlm;
  Bounds path;
  bool pending_clip = false;

  double num(std::size_t i) const {  // operand i of n, counted from the first; 0 when missing
    if (i >= operands.size()) return 0;
    return number(operands[i]).value_or(0);
  }
  double arg(std::size_t from_end) const {  // operand counted from the last (0 = last)
    if (from_end >= operands.size()) return 0;
    return number(operands[operands.size() - 1 - from_end]).value_or(0);
  }

  void op(const char* k);
  void paint(bool stroke, bool fill);
  void show(const PdfVariant& v);
  void show_string(const PoDoFo::PdfString& s, double& x, Bounds& text_space);
  void next_line(double tx, double ty) {
    tlm = Matrix{1, 0, 0, 1, tx, ty}.then(tlm);
    tm = tlm;
  }
  void xobject(const std::string& name);
};

void Interpreter::Run::paint(bool stroke, bool fill) {
  if (pending_clip && !path.empty()) gs.clip = gs.clip ? gs.clip->intersect(path) : path;
  pending_clip = false;
  if ((stroke || fill) && !path.empty()) {
    Bounds b = path;
    if (stroke) {
      const double half = std::max(gs.line_width, 0.0) / 2 * gs.ctm.max_scale();
      b = {b.x0 - half, b.y0 - half, b.x1 + half, b.y1 + half};
    }
    in.emit(b, InkBox::Kind::Path, gs);
  }
  path = Bounds{};
}

void Interpreter::Run::show_string(const PoDoFo::PdfString& s, double& x, Bounds& text_space) {
  const InkFontMetrics& f = gs.font ? *gs.font : in.default_font_;
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.GetString());
  const std::size_t n = bytes ? static_cast<std::size_t>(s.GetLength()) : 0;
  const std::size_t step = f.two_byte ? 2 : 1;
  for (std::size_t i = 0; i + step <= n; i += step) {
    const unsigned code = f.two_byte ? (bytes[i] << 8u) | bytes[i + 1] : bytes[i];
    const double w = f.advance(code) * gs.font_size * gs.horizontal_scale;
    text_space.add(x, 0);
    text_space.add(x + w, 0);
    const bool space = !f.two_byte && code == 32;
    x += w + (gs.char_spacing + (space ? gs.word_spacing : 0)) * gs.horizontal_scale;
  }
}

void Interpreter::Run::show(const PdfVariant& v) {
  double x = 0;
  Bounds text_space;
  if (v.IsString() || v.IsHexString()) {
    show_string(v.GetString(), x, text_space);
  } else if (v.IsArray()) {
    for (const auto& item : v.GetArray()) {
      if (item.IsString() || item.IsHexString()) show_string(item.GetString(), x, text_space);
      else if (auto adj = number(item)) x -= *adj / 1000 * gs.font_size * gs.horizontal_scale;
    }
  }
  const bool invisible = gs.render_mode == 3 || gs.render_mode == 7;
  if (!text_space.empty() && !invisible) {
    const InkFontMetrics& f = gs.font ? *gs.font : in.default_font_;
    const double lo = gs.rise + f.descent * gs.font_size, hi = gs.rise + f.ascent * gs.font_size;
    in.emit(Bounds::of_rect(tm.then(gs.ctm), text_space.x0, lo, text_space.x1, hi), InkBox::Kind::Text, gs);
  }
  tm = Matrix{1, 0, 0, 1, x, 0}.then(tm);
}

void Interpreter::Run::xobject(const std::string& name) {
  PdfVecObjects& objects = in.objects_;
  PdfObject* xo = dict_value(objects, dict_value(objects, resources, "XObject"), name.c_str());
  if (!xo || !xo->IsDictionary()) return;
  PdfObject* subtype = dict_value(objects, xo, "Subtype");
  if (!subtype || !subtype->IsName()) return;
  const std::string kind = subtype->GetName().GetName();
  if (kind == "Image") {
    in.emit(Bounds::of_rect(gs.ctm, 0, 0, 1, 1), InkBox::Kind::Image, gs);
    return;
  }
  if (kind != "Form" || !xo->HasStream()) return;
  if (forms.count(xo) || forms.size() >= kMaxFormDepth) return;  // a form that draws itself
  GraphicsState inner = gs;
  if (auto m = read_matrix(objects, dict_value(objects, xo, "Matrix"))) inner.ctm = m->then(gs.ctm);
  if (auto bbox = read_rect(objects, dict_value(objects, xo, "BBox"))) {
    Bounds clip = Bounds::of_rect(inner.ctm, bbox->x0, bbox->y0, bbox->x1, bbox->y1);
    inner.clip = inner.clip ? inner.clip->intersect(clip) : clip;
  }
  const std::string* content = in.form_content(xo);
  if (!content) {
    in.cover_media();
    return;
  }
  PdfObject* own = dict_value(objects, xo, "Resources");
  forms.insert(xo);
  in.run(*content, own ? own : resources, inner, forms);
  forms.erase(xo);
}

void Interpreter::Run::op(const char* k) {
  const std::string_view o(k);
  if (o == "q") {
    if (stack.size() < 256) stack.push_back(gs);
  } else if (o == "Q") {
    if (!stack.empty()) {  // a stray Q in a damaged stream is ignored, as readers do
      gs = stack.back();
      stack.pop_back();
    }
  } else if (o == "cm") {
    if (operands.size() >= 6)
      gs.ctm = Matrix{arg(5), arg(4), arg(3), arg(2), arg(1), arg(0)}.then(gs.ctm);
  } else if (o == "w") {
    gs.line_width = std::fabs(arg(0));
  } else if (o == "m" || o == "l") {
    path.add_transformed(gs.ctm, arg(1), arg(0));
  } else if (o == "c") {
    for (std::size_t i = 0; i < 3; ++i) path.add_transformed(gs.ctm, arg(2 * i + 1), arg(2 * i));
  } else if (o == "v" || o == "y") {
    for (std::size_t i = 0; i < 2; ++i) path.add_transformed(gs.ctm, arg(2 * i + 1), arg(2 * i));
  } else if (o == "re") {
    const double x = arg(3), y = arg(2), w = arg(1), h = arg(0);
    Bounds r = Bounds::of_rect(gs.ctm, x, y, x + w, y + h);
    path.add(r.x0, r.y0);
    path.add(r.x1, r.y1);
  } else if (o == "S" || o == "s") {
    paint(true, false);
  } else if (o == "f" || o == "F" || o == "f*") {
    paint(false, true);
  } else if (o == "B" || o == "B*" || o == "b" || o == "b*") {
    paint(true, true);
  } else if (o == "n") {
    paint(false, false);
  } else if (o == "W" || o == "W*") {
    pending_clip = true;
  } else if (o == "BT") {
    tm = tlm = Matrix{};
  } else if (o == "Tf") {
    if (operands.size() >= 2 && operands[operands.size() - 2].IsName())
      gs.font = in.font(resources, operands[operands.size() - 2].GetName().GetName());
    gs.font_size = arg(0);
  } else if (o == "Tc") {
    gs.char_spacing = arg(0);
  } else if (o == "Tw") {
    gs.word_spacing = arg(0);
  } else if (o == "Tz") {
    gs.horizontal_scale = arg(0) / 100;
  } else if (o == "TL") {
    gs.leading = arg(0);
  } else if (o == "Ts") {
    gs.rise = arg(0);
  } else if (o == "Tr") {
    gs.render_mode = static_cast<int>(arg(0));
  } else if (o == "Td") {
    next_line(arg(1), arg(0));
  } else if (o == "TD") {
    gs.leading = -arg(0);
    next_line(arg(1), arg(0));
  } else if (o == "Tm") {
    if (operands.size() >= 6) tm = tlm = Matrix{arg(5), arg(4), arg(3), arg(2), arg(1), arg(0)};
  } else if (o == "T*") {
    next_line(0, -gs.leading);
  } else if (o == "Tj" || o == "TJ") {
    if (!operands.empty()) show(operands.back());
  } else if (o == "'") {
    next_line(0, -gs.leading);
    if (!operands.empty()) show(operands.back());
  } else if (o == "\"") {
    if (operands.size() >= 3) {
      gs.word_spacing = arg(2);
      gs.char_spacing = arg(1);
    }
    next_line(0, -gs.leading);
    if (!operands.empty()) show(operands.back());
  } else if (o == "Do") {
    if (!operands.empty() && operands.back().IsName()) xobject(operands.back().GetName().GetName());
  } else if (o == "sh") {
    in.emit(gs.clip ? *gs.clip : in.media_, InkBox::Kind::Image, gs);
  }
}

void Interpreter::run(const std::string& content, PdfObject* resources, const GraphicsState& gs,
                      std::set<PdfObject*>& forms) {
  Run r{*this, resources, forms, {}, {}, gs, {}, {}, {}, false};
  try {
    PoDoFo::PdfContentsTokenizer tokens(content.data(), static_cast<long>(content.size()));
    PoDoFo::EPdfContentsType type;
    const char* keyword = nullptr;
    PdfVariant value;
    while (tokens.ReadNext(type, keyword, value)) {
      if (type == PoDoFo::ePdfContentsType_Variant) {
        if (r.operands.size() >= kMaxOperands) r.operands.clear();
        r.operands.push_back(value);
        continue;
      }
      if (type == PoDoFo::ePdfContentsType_ImageData) continue;  // only after ID, handled below
      if (!budget()) return;
      if (std::strcmp(keyword, "ID") == 0) {
        // An inline image: its data must follow up to EI, else the rest cannot be read.
        if (!tokens.ReadNext(type, keyword, value) || type != PoDoFo::ePdfContentsType_ImageData) {
          cover_media();
          return;
        }
        emit(Bounds::of_rect(r.gs.ctm, 0, 0, 1, 1), InkBox::Kind::Image, r.gs);
      } else {
        r.op(keyword);
      }
      r.operands.clear();
    }
  } catch (const PoDoFo::PdfError&) {
    // Damaged syntax: what was read up to here stands, as readers show it.
  }
}

void read_page(PdfVecObjects& objects, PdfObject* page, std::vector<InkBox>& out) {
  page = resolve(objects, page);
  if (!page || !page->IsDictionary()) return;
  Bounds media{0, 0, 612, 792};  // PDF's default when a page has no usable media box
  if (auto m = read_rect(objects, inherited(objects, page, "MediaBox")); m && !m->empty() && m->x0 < m->x1 &&
                                                                         m->y0 < m->y1)
    media = *m;
  Interpreter in(objects, media, out);

  PdfObject* contents = dict_value(objects, page, "Contents");
  std::vector<PdfObject*> streams;
  if (contents && contents->IsArray()) {
    for (auto& part : contents->GetArray()) streams.push_back(resolve(objects, &part));
  } else if (contents) {
    streams.push_back(contents);
  }
  // The parts of /Contents make one stream: an operator's operands may sit in the previous part.
  std::string joined;
  bool unreadable = false;
  for (PdfObject* s : streams) {
    if (!s || !s->HasStream()) continue;
    if (auto bytes = decoded(s)) {
      joined += *bytes;
      joined += '\n';
    } else {
      unreadable = true;
    }
  }
  if (unreadable) in.cover_media();
  std::set<PdfObject*> forms;
  in.run(joined, inherited(objects, page, "Resources"), GraphicsState{}, forms);

  PdfObject* annots = dict_value(objects, page, "Annots");
  if (annots && annots->IsArray()) {
    for (auto& a : annots->GetArray()) {
      PdfObject* annot = resolve(objects, &a);
      PdfObject* subtype = dict_value(objects, annot, "Subtype");
      if (!subtype || !subtype->IsName()) continue;
      const std::string kind = subtype->GetName().GetName();
      if (kind == "Popup" || kind == "Link") continue;  // a popup opens on demand; links rarely show
      PdfObject* flags = dict_value(objects, annot, "F");
      if (flags && flags->IsNumber() && (flags->GetNumber() & 2)) continue;  // Hidden
      if (auto rect = read_rect(objects, dict_value(objects, annot, "Rect")); rect && !rect->empty())
        in.emit(*rect, InkBox::Kind::Annotation, GraphicsState{});
    }
  }
}

}  // namespace

std::vector<InkBox> page_ink(PdfVecObjects& objects, PdfObject* page) {
  std::vector<InkBox> out;
  try {
    read_page(objects, page, out);
  } catch (const PoDoFo::PdfError&) {
    // A damaged page dictionary: the boxes read so far.
  }
  return out;
}

}  // namespace saraban::pdf
