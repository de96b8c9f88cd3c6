#include "pdf/pdf_overlay.h"
#include "pdf/pdf_repair.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "base/error.h"
#include "base/overloaded.h"
#include "base/legacy_ciphers.h"
#include "pdf/content_stream.h"
#include "pdf/font_embedder.h"
#include "pdf/incremental_update.h"
#include "pdf/page_ink.h"
#include "pdf/page_space.h"
#include "pdf/pdf_text.h"
#include "pdf/podofo_objects.h"
#include "pdf/span_input.h"
#include "pdf/update_encrypt.h"

namespace saraban::pdf {

using namespace PoDoFo;

namespace {

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
};

[[noreturn]] void fail(const std::string& message) { throw Error(ErrorCode::PdfError, message); }

std::string podofo_message(const PoDoFo::PdfError& e) {
  const char* m = PoDoFo::PdfError::ErrorMessage(e.GetError());
  return m ? m : "unknown PoDoFo error";
}

// Whether the file declares encryption. Only consulted after PoDoFo has failed: it cannot open
// RC4 files on OpenSSL 3 (no legacy provider) and reports them as an internal error.
bool declares_encryption(std::span<const std::uint8_t> bytes) {
  static const std::string_view key = "/Encrypt";
  return std::search(bytes.begin(), bytes.end(), key.begin(), key.end()) != bytes.end();
}

// Runs `f`, turning PoDoFo's exceptions into our PdfError with `what` in front.
template <typename F>
auto guarded(std::span<const std::uint8_t> input, const std::string& what, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const PoDoFo::PdfError& e) {
    if (e.GetError() == ePdfError_InvalidPassword) {
      fail("the PDF is encrypted with a password needed to open it; it cannot be stamped");
    }
    if (declares_encryption(input)) fail("the PDF is encrypted in a way that cannot be read; it cannot be stamped");
    fail(what + ": " + podofo_message(e));
  }
}

void check_header(std::span<const std::uint8_t> bytes) {
  // The spec tolerates a little junk before the header; inspect_pdf allows 1024 bytes too.
  std::size_t window = std::min<std::size_t>(bytes.size(), 1024);
  for (std::size_t i = 0; i + 5 <= window; ++i) {
    if (std::memcmp(bytes.data() + i, "%PDF-", 5) == 0) return;
  }
  fail("not a PDF: no %PDF- header");
}

// A page attribute that may be inherited from the page tree (MediaBox, CropBox, Rotate, Resources).
PdfObject* inherited(PdfVecObjects& objects, PdfObject* page, const char* key) {
  PdfObject* node = page;
  for (int depth = 0; node && node->IsDictionary() && depth < 64; ++depth) {
    if (PdfObject* v = resolve(objects, node->GetDictionary().GetKey(key))) return v;
    node = resolve(objects, node->GetDictionary().GetKey("Parent"));
  }
  return nullptr;
}

std::optional<double> number(const PdfObject* o) {
  if (!o) return std::nullopt;
  if (o->IsReal()) return o->GetReal();
  if (o->IsNumber()) return static_cast<double>(o->GetNumber());
  return std::nullopt;
}

std::optional<Box> read_box(PdfVecObjects& objects, PdfObject* o) {
  if (!o || !o->IsArray() || o->GetArray().size() != 4) return std::nullopt;
  double v[4];
  for (std::size_t i = 0; i < 4; ++i) {
    auto n = number(resolve(objects, &o->GetArray()[i]));
    if (!n || !std::isfinite(*n)) return std::nullopt;
    v[i] = *n;
  }
  Box b{std::min(v[0], v[2]), std::min(v[1], v[3]), std::max(v[0], v[2]), std::max(v[1], v[3])};
  if (b.width() <= 0 || b.height() <= 0) return std::nullopt;
  return b;
}

// How many /Kids entries in the page tree under `node` point at the object `target`.
int kids_references(PdfVecObjects& objects, PdfObject* node, const PdfReference& target, int depth) {
  if (!node || !node->IsDictionary() || depth > 64) return 0;
  PdfObject* kids = resolve(objects, node->GetDictionary().GetKey("Kids"));
  if (!kids || !kids->IsArray()) return 0;
  int n = 0;
  for (const auto& kid : kids->GetArray()) {
    if (!kid.IsReference()) continue;
    if (kid.GetReference() == target) ++n;
    else n += kids_references(objects, objects.GetObject(kid.GetReference()), target, depth + 1);
  }
  return n;
}

// The /Kids entry that lists page 1: the first leaf in document order, as GetPage(0) finds it;
// `parent` receives the node whose /Kids holds it.
PdfObject* first_listing(PdfVecObjects& objects, PdfObject* node, PdfObject** parent, int depth) {
  if (!node || !node->IsDictionary() || depth > 64) return nullptr;
  PdfObject* kids = resolve(objects, node->GetDictionary().GetKey("Kids"));
  if (!kids || !kids->IsArray()) return nullptr;
  for (auto& kid : kids->GetArray()) {
    if (!kid.IsReference()) continue;
    PdfObject* child = objects.GetObject(kid.GetReference());
    if (!child || !child->IsDictionary()) continue;
    if (!child->GetDictionary().HasKey("Kids")) {
      *parent = node;
      return &kid;
    }
    if (PdfObject* found = first_listing(objects, child, parent, depth + 1)) return found;
  }
  return nullptr;
}

// Where the items reach on the visible page (y down), generously for glyphs: a glyph is taken
// to rise a full size above its baseline and drop 0.3 of it below.
std::optional<Box> item_bounds(const std::vector<layout::FrameItem>& items) {
  Box b{1e300, 1e300, -1e300, -1e300};
  auto add = [&](double x0, double y0, double x1, double y1) {
    b.x0 = std::min(b.x0, x0), b.y0 = std::min(b.y0, y0), b.x1 = std::max(b.x1, x1), b.y1 = std::max(b.y1, y1);
  };
  static_assert(layout::kFrameItemKinds == 7, "a new frame item: say how far it reaches");
  const Overloaded reach{
      [&](const layout::TextRun& run) {
        for (const auto& g : run.glyphs) add(g.x, g.y - run.size, g.x + g.advance, g.y + 0.3 * run.size);
      },
      [&](const layout::Rect& r) {
        const double w = r.stroke ? r.line_width / 2 : 0;
        add(r.x - w, r.y - w, r.x + r.width + w, r.y + r.height + w);
      },
      [&](const layout::Path& path) {
        const double w = path.stroke ? path.line_width / 2 : 0;
        for (const auto& seg : path.segments)
          for (const auto* pt : {&seg.p1, &seg.p2, &seg.p3})
            if (seg.kind == layout::PathSegment::Kind::CubicTo || pt == &seg.p1) add(pt->x - w, pt->y - w, pt->x + w, pt->y + w);
      },
      // stamp_form refuses these; they add nothing to the ink.
      [](const layout::Image&) {},
      [](const layout::SignatureField&) {},
      [](const layout::Anchor&) {},
      [](const layout::Link&) {},
  };
  for (const auto& item : items) std::visit(reach, item);
  if (b.x1 < b.x0 || b.y1 < b.y0) return std::nullopt;
  return b;
}

// On a page too small for the overlay as laid out (a 5 x 4 cm label), the overlay is scaled
// down, keeping its proportions, and moved so that it stays kFitMargin inside the visible page,
// nearest to where the layout put it. The identity when it already fits.
constexpr double kFitMargin = 2.0;  // pt

// The fit as a transform of the visible page (y down): p' = s p + (x - s x0, y - s y0).
Affine fit_transform(const std::optional<Box>& b, const VisiblePage& page) {
  if (!b) return {};
  const double room_w = page.width - 2 * kFitMargin, room_h = page.height - 2 * kFitMargin;
  if (b->x0 >= kFitMargin && b->y0 >= kFitMargin && b->x1 <= page.width - kFitMargin &&
      b->y1 <= page.height - kFitMargin)
    return {};
  if (room_w <= 0 || room_h <= 0) return {};  // a page a few points wide: nothing sensible fits
  const double s = std::min({1.0, room_w / b->width(), room_h / b->height()});
  const double w = s * b->width(), h = s * b->height();
  const double x = std::clamp(b->x0, kFitMargin, page.width - kFitMargin - w);
  const double y = std::clamp(b->y0, kFitMargin, page.height - kFitMargin - h);
  return {s, 0, 0, s, x - s * b->x0, y - s * b->y0};
}

// The PDF as parsed for stamping: PoDoFo reads the caller's bytes in place and loads objects
// on demand, so only page 1, the page tree above it and what the stamp needs are parsed.
struct OpenedPdf {
  explicit OpenedPdf(std::span<const std::uint8_t> bytes) : input(bytes), parser(&objects) {
    objects.SetAutoDelete(true);  // off by default: without it every parsed object leaked per stamp
    // An owner-password-only file opens with the empty password (the parser tries it); one that
    // needs a user password throws InvalidPassword, which guarded() reports.
    parser.ParseFile(input.device(), true);
    if (!parser.GetTrailer() || !parser.GetTrailer()->IsDictionary()) fail("cannot read the PDF: no trailer");
  }
  const PdfDictionary& trailer() const { return parser.GetTrailer()->GetDictionary(); }
  // The file's own key: new strings and streams in the update are encrypted like the rest.
  // (PoDoFo's writer API takes it non-const; it only sets the object being encrypted.)
  PdfEncrypt* encrypt() const { return const_cast<PdfEncrypt*>(parser.GetEncrypt()); }

  SpanInput input;
  PdfVecObjects objects;
  PdfParser parser;
};

struct FirstPage {
  PdfObject* page = nullptr;
  PdfObject* parent = nullptr;   // the page tree node whose /Kids lists page 1
  PdfObject* listing = nullptr;  // that /Kids entry
  bool listed_twice = false;     // the page object is also shown elsewhere in the tree
  PageSpace space;
  VisiblePage visible;  // in real points (UserUnit applied)
};

FirstPage first_page(OpenedPdf& pdf) {
  PdfVecObjects& objects = pdf.objects;
  PdfObject* catalog = resolve(objects, const_cast<PdfObject*>(pdf.trailer().GetKey("Root")));
  if (!catalog || !catalog->IsDictionary()) fail("cannot read the PDF: no document catalog");
  PdfObject* root = resolve(objects, catalog->GetDictionary().GetKey("Pages"));
  FirstPage out;
  out.listing = first_listing(objects, root, &out.parent, 0);
  if (!out.listing) fail("the PDF has no pages");
  out.page = objects.GetObject(out.listing->GetReference());
  if (!out.page || !out.page->IsDictionary()) fail("cannot find the PDF's first page");
  out.listed_twice = kids_references(objects, root, out.page->Reference(), 0) > 1;
  // A missing or broken MediaBox: readers fall back to US Letter, so the stamp does too.
  Box media = read_box(objects, inherited(objects, out.page, "MediaBox")).value_or(Box{0, 0, 612, 792});
  double user_unit = 1;  // /UserUnit: the size of one user-space unit in points (PDF 1.6)
  if (auto u = number(resolve(objects, out.page->GetDictionary().GetKey("UserUnit"))); u && std::isfinite(*u) && *u > 0)
    user_unit = *u;
  Box crop = read_box(objects, inherited(objects, out.page, "CropBox")).value_or(media);
  Box visible{std::max(crop.x0, media.x0), std::max(crop.y0, media.y0), std::min(crop.x1, media.x1),
              std::min(crop.y1, media.y1)};
  if (visible.width() <= 0 || visible.height() <= 0) visible = media;
  long long rotate = 0;
  if (auto r = number(inherited(objects, out.page, "Rotate"))) rotate = std::llround(*r);
  rotate = ((rotate % 360) + 360) % 360;
  if (rotate % 90 != 0) rotate = 0;  // not allowed by the spec; readers ignore it
  out.space = PageSpace{visible.x0, visible.y0, visible.x1, visible.y1, static_cast<int>(rotate), user_unit};
  out.visible.rotate = static_cast<int>(rotate);
  out.visible.width = out.space.visible_width();
  out.visible.height = out.space.visible_height();
  out.visible.ink = ink_in_visible_page(out.space, page_ink(objects, out.page));
  return out;
}

std::string matrix(const Affine& m) {
  std::string out;
  for (double v : {m.a, m.b, m.c, m.d, m.e, m.f}) out += format_number(v) + " ";
  return out + "cm\n";
}

PdfArray array_of(const InkBox& b) {
  PdfArray out;
  for (double v : {b.x0, b.y0, b.x1, b.y1}) out.push_back(PdfVariant(v));
  return out;
}

PdfObject* new_stream(PdfVecObjects& objects, const std::string& bytes) {
  PdfObject* o = objects.CreateObject();
  TVecFilters flate{ePdfFilter_FlateDecode};
  o->GetStream()->Set(bytes.data(), static_cast<pdf_long>(bytes.size()), flate);
  return o;
}

// The stamp's drawing as a form XObject in the page's default user space, its /BBox exactly
// `rect` so that it is the annotation's appearance with no further scaling.
PdfObject* stamp_form(PdfVecObjects& fresh, const std::vector<layout::FrameItem>& items, const FirstPage& page,
                      const Affine& content_to_user, const InkBox& rect) {
  std::vector<std::unique_ptr<FontEmbedder>> embedders;
  std::vector<std::string> names;
  std::map<const layout::FontProgram*, std::size_t> lookup;  // lookup only, never iterated
  auto font_for = [&](const layout::FontProgramRef& font) -> std::size_t {
    if (auto it = lookup.find(font.get()); it != lookup.end()) return it->second;
    embedders.push_back(std::make_unique<FontEmbedder>(font));
    names.push_back("SarabanStamp" + std::to_string(embedders.size()));
    lookup.emplace(font.get(), embedders.size() - 1);
    return embedders.size() - 1;
  };
  ContentStream content(page.visible.height);
  static_assert(layout::kFrameItemKinds == 7, "a new frame item: draw it over an existing PDF or refuse it");
  auto refuse = [](const char* what) {
    throw Error(ErrorCode::InvalidInput, "only text, rectangles and paths can be drawn over an existing PDF", what);
  };
  const Overloaded draw{
      [&](const layout::TextRun& run) {
        std::size_t i = font_for(run.font);
        content.text_run(run, *embedders[i], names[i]);
      },
      [&](const layout::Rect& r) { content.rect(r); },
      [&](const layout::Path& path) { content.path(path); },
      [&](const layout::Image&) { refuse("image"); },
      [&](const layout::SignatureField&) { refuse("signature field"); },
      [](const layout::Anchor&) {},  // draws nothing
      [&](const layout::Link&) { refuse("link"); },
  };
  for (const auto& item : items) std::visit(draw, item);
  PdfDictionary fonts;
  for (std::size_t i = 0; i < embedders.size(); ++i)
    fonts.AddKey(PdfName(names[i]), embedders[i]->embed(fresh, true)->Reference());
  PdfDictionary resources;
  if (!embedders.empty()) resources.AddKey("Font", fonts);

  PdfObject* form = new_stream(fresh, "q\n" + matrix(content_to_user) + content.bytes() + "Q\n");
  PdfDictionary& d = form->GetDictionary();
  d.AddKey("Type", PdfName("XObject"));
  d.AddKey("Subtype", PdfName("Form"));
  d.AddKey("BBox", array_of(rect));
  d.AddKey("Resources", resources);
  return form;
}

constexpr pdf_int64 kPrintFlag = 4, kLockedFlag = 128;

// The stamp annotation: printed, locked against moving and deleting, drawn by its appearance.
PdfObject* stamp_annotation(PdfVecObjects& fresh, PdfObject* form, const InkBox& rect) {
  PdfObject* annot = fresh.CreateObject(PdfDictionary());
  PdfDictionary& a = annot->GetDictionary();
  a.AddKey("Type", PdfName("Annot"));
  a.AddKey("Subtype", PdfName("Stamp"));
  a.AddKey("Rect", array_of(rect));
  a.AddKey("F", PdfVariant(kPrintFlag | kLockedFlag));
  a.AddKey("NM", PdfString("saraban-receive-stamp"));
  PdfDictionary appearance;
  appearance.AddKey("N", form->Reference());
  a.AddKey("AP", appearance);
  return annot;
}

// The page's /Annots as a new direct array, the stamp last (drawn above the others): an
// /Annots array shared with other pages stays as it was for them.
PdfArray annots_with(PdfVecObjects& objects, PdfObject* page, const PdfReference& annot) {
  PdfArray out;
  PdfObject* old = resolve(objects, page->GetDictionary().GetKey("Annots"));
  if (old && old->IsArray()) out = old->GetArray();
  out.push_back(annot);
  return out;
}

std::uint64_t original_size(OpenedPdf& pdf) {
  std::uint64_t size = 1;
  if (auto n = number(pdf.trailer().GetKey("Size")); n && *n > 0 && *n < 1e10) size = static_cast<std::uint64_t>(*n);
  // A /Size smaller than the file's own numbers would make new objects collide with old ones.
  for (const PdfObject* o : pdf.objects) size = std::max<std::uint64_t>(size, o->Reference().ObjectNumber() + 1ull);
  return size;
}

std::vector<std::uint8_t> stamp_increment(OpenedPdf& pdf, FirstPage& page, const std::vector<layout::FrameItem>& items,
                                          std::span<const std::uint8_t> original) {
  for (const auto& item : items) {
    if (!std::holds_alternative<layout::TextRun>(item) && !std::holds_alternative<layout::Rect>(item) &&
        !std::holds_alternative<layout::Path>(item))
      throw Error(ErrorCode::InvalidInput, "only text, rectangles and paths can be drawn over an existing PDF");
  }
  std::optional<Box> bounds = item_bounds(items);
  if (!bounds) return {original.begin(), original.end()};  // nothing to draw
  // New objects are numbered from the original's /Size up; free numbers are never reused.
  const std::uint64_t first_new = original_size(pdf);
  PdfVecObjects fresh;
  fresh.SetAutoDelete(true);
  fresh.SetCanReuseObjectNumbers(false);
  fresh.SetObjectCount(PdfReference(static_cast<pdf_objnum>(first_new - 1), 0));

  const Affine fit = fit_transform(bounds, page.visible);
  const Affine to_user = fit.then(visible_to_user(page.space));
  // The content stream is y up in the visible page; the layout and the fit are y down.
  const Affine flip{1, 0, 0, -1, 0, page.visible.height};
  // The appearance is clipped to /BBox: leave room for antialiasing and for Thai marks that
  // stack above or below the generous glyph box item_bounds assumes.
  double largest_text = 0;
  for (const auto& item : items)
    if (const auto* run = std::get_if<layout::TextRun>(&item)) largest_text = std::max(largest_text, run->size);
  const double pad = 1 + 0.25 * largest_text;  // pt
  const InkBox rect = transform_box(to_user, {bounds->x0 - pad, bounds->y0 - pad, bounds->x1 + pad, bounds->y1 + pad});
  PdfObject* form = stamp_form(fresh, items, page, flip.then(to_user), rect);
  PdfObject* annot = stamp_annotation(fresh, form, rect);

  std::vector<const PdfObject*> changed;
  if (page.listed_twice) {
    // A page object listed twice in the tree (/Kids [3 0 R 3 0 R]) is one object shown on two
    // pages: page 1 gets its own copy (listed in its parent's /Kids), so only it is stamped.
    PdfObject* copy = fresh.CreateObject(page.page->GetDictionary());
    copy->GetDictionary().AddKey("Parent", page.parent->Reference());
    *page.listing = copy->Reference();
    page.page = copy;
    PdfObject* kids = page.parent->GetDictionary().GetKey("Kids");
    changed.push_back(kids && kids->IsReference() ? resolve(pdf.objects, kids) : page.parent);
  } else {
    changed.push_back(page.page);
  }
  page.page->GetDictionary().AddKey("Annots", annots_with(pdf.objects, page.page, annot->Reference()));
  annot->GetDictionary().AddKey("P", page.page->Reference());

  std::uint64_t size = first_new;
  for (const PdfObject* o : fresh) {
    if (o->Reference().ObjectNumber() < first_new) fail("cannot number the stamp's objects after the original's");
    size = std::max<std::uint64_t>(size, o->Reference().ObjectNumber() + 1ull);
    changed.push_back(o);
  }
  UpdateEncrypt encrypt(pdf.encrypt());
  return append_update(original, pdf.trailer(), changed, size, encrypt.get());
}

std::vector<std::uint8_t> draw_overlay(std::span<const std::uint8_t> original, const OverlayLayout& make_items) {
  enable_legacy_ciphers();
  PdfError::EnableLogging(false);
  PdfError::EnableDebug(false);
  auto pdf = guarded(original, "cannot read the PDF", [&] { return std::make_unique<OpenedPdf>(original); });
  FirstPage page = guarded(original, "cannot read the PDF's first page", [&] { return first_page(*pdf); });
  std::vector<layout::FrameItem> items = make_items(page.visible);
  return guarded(original, "cannot write the stamped PDF", [&] { return stamp_increment(*pdf, page, items, original); });
}

// Damaged files are stamped on qpdf's repaired copy: PoDoFo trusts a wrong /Length and would
// drop the content it cuts off. A file PoDoFo cannot open at all gets one repaired retry.
OverlayResult overlay(std::span<const std::uint8_t> original, const OverlayLayout& make_items) {
  check_header(original);
  if (auto repaired = repaired_pdf(original)) return {draw_overlay(*repaired, make_items), true};
  try {
    return {draw_overlay(original, make_items), false};
  } catch (const Error& e) {
    if (e.code() != ErrorCode::PdfError) throw;
    auto repaired = repaired_pdf(original, true);
    if (!repaired) throw;
    return {draw_overlay(*repaired, make_items), true};
  }
}

}  // namespace

std::vector<std::uint8_t> overlay_first_page(std::span<const std::uint8_t> original_pdf,
                                             const std::vector<layout::FrameItem>& items) {
  return overlay(original_pdf, [&](const VisiblePage&) { return items; }).bytes;
}

std::vector<std::uint8_t> overlay_first_page(std::span<const std::uint8_t> original_pdf, const OverlayLayout& layout) {
  return overlay(original_pdf, layout).bytes;
}

OverlayResult overlay_first_page_checked(std::span<const std::uint8_t> original_pdf, const OverlayLayout& layout) {
  return overlay(original_pdf, layout);
}

VisiblePage first_page_geometry(std::span<const std::uint8_t> original_pdf) {
  check_header(original_pdf);
  enable_legacy_ciphers();
  PdfError::EnableLogging(false);
  PdfError::EnableDebug(false);
  auto pdf = guarded(original_pdf, "cannot read the PDF", [&] { return std::make_unique<OpenedPdf>(original_pdf); });
  return guarded(original_pdf, "cannot read the PDF's first page", [&] { return first_page(*pdf).visible; });
}

}  // namespace saraban::pdf
