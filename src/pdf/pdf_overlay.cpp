#include "pdf/pdf_overlay.h"
#include "pdf/pdf_repair.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "base/error.h"
#include "base/legacy_ciphers.h"
#include "pdf/content_stream.h"
#include "pdf/font_embedder.h"
#include "pdf/pdf_text.h"

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

// The header's version digits ("1.7", "2.0") and where they start, if the header is well formed.
std::optional<std::pair<std::size_t, std::string>> header_version(std::span<const std::uint8_t> bytes) {
  std::size_t window = std::min<std::size_t>(bytes.size(), 1024);
  for (std::size_t i = 0; i + 8 <= window; ++i) {
    if (std::memcmp(bytes.data() + i, "%PDF-", 5) != 0) continue;
    const char* v = reinterpret_cast<const char*>(bytes.data()) + i + 5;
    if (std::isdigit(static_cast<unsigned char>(v[0])) && v[1] == '.' && std::isdigit(static_cast<unsigned char>(v[2])))
      return std::pair{i + 5, std::string(v, 3)};
    return std::nullopt;
  }
  return std::nullopt;
}

// PoDoFo 0.9.8 knows versions up to 1.7 and writes 1.3 for any header it does not know (2.0):
// the copy keeps the input's header version when that is higher. Same length, so the xref
// offsets stay right.
void keep_header_version(std::span<const std::uint8_t> original, std::vector<std::uint8_t>& written) {
  auto in = header_version(original);
  auto out = header_version(written);
  if (!in || !out || in->second <= out->second) return;
  std::memcpy(written.data() + out->first, in->second.data(), 3);
}

void check_header(std::span<const std::uint8_t> bytes) {
  // The spec tolerates a little junk before the header; inspect_pdf allows 1024 bytes too.
  std::size_t window = std::min<std::size_t>(bytes.size(), 1024);
  for (std::size_t i = 0; i + 5 <= window; ++i) {
    if (std::memcmp(bytes.data() + i, "%PDF-", 5) == 0) return;
  }
  fail("not a PDF: no %PDF- header");
}

PdfObject* resolve(PdfVecObjects& objects, PdfObject* o) {
  for (int depth = 0; o && o->IsReference() && depth < 8; ++depth) o = objects.GetObject(o->GetReference());
  return o && o->IsReference() ? nullptr : o;
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

// The Info dictionary as the file has it. PoDoFo rewrites ModDate to "now" when it loads a
// document (and invents Info with the current time if there is none), which would make the
// stamped copy differ on every run; this copy lets us put the file's own values back.
struct OriginalInfo {
  bool present = false;
  PdfDictionary dict;
};

OriginalInfo read_original_info(std::span<const std::uint8_t> bytes) {
  OriginalInfo out;
  PdfVecObjects objects;
  objects.SetAutoDelete(true);  // off by default: without it every parsed object leaked per stamp
  PdfParser parser(&objects);
  // An owner-password-only file opens with the empty password (the parser tries it); one that
  // needs a user password throws InvalidPassword, which guarded() reports.
  parser.ParseFile(reinterpret_cast<const char*>(bytes.data()), static_cast<long>(bytes.size()), true);
  const PdfObject* trailer = parser.GetTrailer();
  if (!trailer || !trailer->IsDictionary()) fail("cannot read the PDF: no trailer");
  PdfObject* info = resolve(objects, const_cast<PdfObject*>(trailer->GetDictionary().GetKey("Info")));
  if (info && info->IsDictionary()) {
    out.present = true;
    out.dict = info->GetDictionary();
  }
  return out;
}

void restore_info(PdfMemDocument& doc, const OriginalInfo& original) {
  PdfObject* trailer = const_cast<PdfObject*>(doc.GetTrailer());
  PdfObject* info_ref = trailer->GetDictionary().GetKey("Info");
  PdfObject* info = resolve(doc.GetObjects(), info_ref);
  if (!info || !info->IsDictionary()) return;
  if (original.present) {
    info->GetDictionary() = original.dict;
  } else {
    // Keep PoDoFo's Info object (it owns it) but empty, and in the trailer: PoDoFo's writer
    // derives the file's /ID from the Info dictionary, and from the current time when there is
    // none, which made a file without Info stamp differently from one second to the next.
    info->GetDictionary().Clear();
  }
}

struct FirstPage {
  PdfObject* page = nullptr;
  Box media;
  Box crop;
  double user_unit = 1;  // /UserUnit: the size of one user-space unit in points (PDF 1.6)
  VisiblePage visible;   // in real points (UserUnit applied)
};

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

// A page object listed twice in the tree (/Kids [3 0 R 3 0 R]) is one object shown on two
// pages: stamping it would stamp both. Page 1 gets its own copy of the object instead.
PdfObject* unshared_first_page(PdfMemDocument& doc, PdfObject* page) {
  PdfVecObjects& objects = doc.GetObjects();
  PdfObject* root = resolve(objects, doc.GetCatalog() ? doc.GetCatalog()->GetDictionary().GetKey("Pages") : nullptr);
  const PdfReference ref = page->Reference();
  if (kids_references(objects, root, ref, 0) < 2) return page;
  PdfObject* parent = nullptr;
  PdfObject* listing = first_listing(objects, root, &parent, 0);
  if (!listing || listing->GetReference() != ref || !parent) return page;
  PdfObject* copy = objects.CreateObject(page->GetDictionary());
  copy->GetDictionary().AddKey("Parent", parent->Reference());
  *listing = copy->Reference();
  return copy;
}

FirstPage first_page(PdfMemDocument& doc) {
  if (doc.GetPageCount() < 1) fail("the PDF has no pages");
  PdfPage* page = doc.GetPage(0);
  if (!page || !page->GetObject() || !page->GetObject()->IsDictionary()) fail("cannot find the PDF's first page");
  FirstPage out;
  out.page = page->GetObject();  // PdfPage wrappers live in PoDoFo's cache; keep the object
  PdfVecObjects& objects = doc.GetObjects();
  // A missing or broken MediaBox: readers fall back to US Letter, so the stamp does too.
  Box media = read_box(objects, inherited(objects, out.page, "MediaBox")).value_or(Box{0, 0, 612, 792});
  out.media = media;
  if (auto u = number(resolve(objects, out.page->GetDictionary().GetKey("UserUnit"))); u && std::isfinite(*u) && *u > 0)
    out.user_unit = *u;
  Box crop = read_box(objects, inherited(objects, out.page, "CropBox")).value_or(media);
  Box visible{std::max(crop.x0, media.x0), std::max(crop.y0, media.y0), std::min(crop.x1, media.x1),
              std::min(crop.y1, media.y1)};
  out.crop = visible.width() > 0 && visible.height() > 0 ? visible : media;
  long long rotate = 0;
  if (auto r = number(inherited(objects, out.page, "Rotate"))) rotate = std::llround(*r);
  rotate = ((rotate % 360) + 360) % 360;
  if (rotate % 90 != 0) rotate = 0;  // not allowed by the spec; readers ignore it
  out.visible.rotate = static_cast<int>(rotate);
  bool sideways = rotate == 90 || rotate == 270;
  out.visible.width = (sideways ? out.crop.height() : out.crop.width()) * out.user_unit;
  out.visible.height = (sideways ? out.crop.width() : out.crop.height()) * out.user_unit;
  return out;
}

std::string matrix(const double (&m)[6]) {
  std::string out;
  for (double v : m) out += format_number(v) + " ";
  return out + "cm\n";
}

std::string rotation_matrix(const FirstPage& p);

// Maps the visible page in real points (origin bottom-left of what the reader shows, y up)
// into the page's default user space, undoing /Rotate, the crop box origin and /UserUnit.
std::string visible_to_user_matrix(const FirstPage& p) {
  const double inverse_unit = 1 / p.user_unit;
  return rotation_matrix(p) + matrix({inverse_unit, 0, 0, inverse_unit, 0, 0});
}

// Where the items reach on the visible page (y down), generously for glyphs: a glyph is taken
// to rise a full size above its baseline and drop 0.3 of it below.
std::optional<Box> item_bounds(const std::vector<layout::FrameItem>& items) {
  Box b{1e300, 1e300, -1e300, -1e300};
  auto add = [&](double x0, double y0, double x1, double y1) {
    b.x0 = std::min(b.x0, x0), b.y0 = std::min(b.y0, y0), b.x1 = std::max(b.x1, x1), b.y1 = std::max(b.y1, y1);
  };
  for (const auto& item : items) {
    if (const auto* run = std::get_if<layout::TextRun>(&item)) {
      for (const auto& g : run->glyphs) add(g.x, g.y - run->size, g.x + g.advance, g.y + 0.3 * run->size);
    } else if (const auto* r = std::get_if<layout::Rect>(&item)) {
      const double w = r->stroke ? r->line_width / 2 : 0;
      add(r->x - w, r->y - w, r->x + r->width + w, r->y + r->height + w);
    } else if (const auto* path = std::get_if<layout::Path>(&item)) {
      const double w = path->stroke ? path->line_width / 2 : 0;
      for (const auto& seg : path->segments)
        for (const auto* pt : {&seg.p1, &seg.p2, &seg.p3})
          if (seg.kind == layout::PathSegment::Kind::CubicTo || pt == &seg.p1) add(pt->x - w, pt->y - w, pt->x + w, pt->y + w);
    }
  }
  if (b.x1 < b.x0 || b.y1 < b.y0) return std::nullopt;
  return b;
}

// On a page too small for the overlay as laid out (a 5 x 4 cm label), the overlay is scaled
// down, keeping its proportions, and moved so that it stays kFitMargin inside the visible page,
// nearest to where the layout put it. Empty when it already fits.
constexpr double kFitMargin = 2.0;  // pt

std::string fit_matrix(const std::vector<layout::FrameItem>& items, const VisiblePage& page) {
  auto b = item_bounds(items);
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
  // In y-down page terms p' = s p + (x - s x0, y - s y0); the content stream is y up.
  const double tx = x - s * b->x0, ty = page.height * (1 - s) - (y - s * b->y0);
  return matrix({s, 0, 0, s, tx, ty});
}

std::string rotation_matrix(const FirstPage& p) {
  const Box& c = p.crop;
  double m[6];
  switch (p.visible.rotate) {
    case 90: m[0] = 0, m[1] = 1, m[2] = -1, m[3] = 0, m[4] = c.x1, m[5] = c.y0; break;
    case 180: m[0] = -1, m[1] = 0, m[2] = 0, m[3] = -1, m[4] = c.x1, m[5] = c.y1; break;
    case 270: m[0] = 0, m[1] = -1, m[2] = 1, m[3] = 0, m[4] = c.x0, m[5] = c.y1; break;
    default: m[0] = 1, m[1] = 0, m[2] = 0, m[3] = 1, m[4] = c.x0, m[5] = c.y0; break;
  }
  return matrix(m);
}

PdfObject* new_stream(PdfVecObjects& objects, const std::string& bytes) {
  PdfObject* o = objects.CreateObject();
  TVecFilters flate{ePdfFilter_FlateDecode};
  o->GetStream()->Set(bytes.data(), static_cast<pdf_long>(bytes.size()), flate);
  return o;
}

constexpr const char* kOriginalName = "SarabanOriginalPage";

// The page's content streams decoded and joined (a page may split its content anywhere
// between streams, so they are one program); nullopt when one cannot be decoded.
std::optional<std::string> decoded_contents(PdfVecObjects& objects, const PdfDictionary& page_dict) {
  std::vector<PdfObject*> streams;
  PdfObject* old = resolve(objects, const_cast<PdfObject*>(page_dict.GetKey("Contents")));
  if (old && old->IsArray()) {
    for (auto& part : old->GetArray()) streams.push_back(resolve(objects, &part));
  } else if (old) {
    streams.push_back(old);
  }
  std::string out;
  for (PdfObject* s : streams) {
    if (!s || !s->HasStream()) continue;  // readers skip what is not a stream
    try {
      char* buffer = nullptr;
      pdf_long length = 0;
      s->GetStream()->GetFilteredCopy(&buffer, &length);
      std::unique_ptr<char, decltype(&podofo_free)> owned(buffer, &podofo_free);
      out.append(buffer ? buffer : "", static_cast<std::size_t>(length));
      out += '\n';  // content streams split mid-token are not allowed; a newline keeps ours apart
    } catch (const PoDoFo::PdfError&) {
      return std::nullopt;
    }
  }
  return out;
}

void make_form(PdfDictionary& d, const FirstPage& page, const PdfDictionary& resources) {
  d.AddKey("Type", PdfName("XObject"));
  d.AddKey("Subtype", PdfName("Form"));
  PdfArray bbox;
  for (double v : {page.media.x0, page.media.y0, page.media.x1, page.media.y1}) bbox.push_back(PdfVariant(v));
  d.AddKey("BBox", bbox);
  d.AddKey("Resources", resources);
}

// The page's original content as one form XObject, or nullptr when it cannot be made one.
// A single content stream becomes the form itself, its bytes untouched (not even decoded, so
// a stream readers only partly decode stays as it was); the added keys mean nothing to a
// page that also uses it as content. Several streams are one program split anywhere, so they
// are decoded and joined into a new stream.
PdfObject* original_as_form(PdfVecObjects& objects, const FirstPage& page, const PdfDictionary& resources) {
  PdfObject* old = page.page->GetDictionary().GetKey("Contents");
  PdfObject* single = old && old->IsReference() ? resolve(objects, old) : nullptr;
  if (single && single->HasStream() && single->IsDictionary() && !single->GetDictionary().HasKey("Subtype")) {
    make_form(single->GetDictionary(), page, resources);
    return single;
  }
  std::optional<std::string> joined = decoded_contents(objects, page.page->GetDictionary());
  if (!joined) return nullptr;
  PdfObject* form = new_stream(objects, *joined);
  make_form(form->GetDictionary(), page, resources);
  return form;
}

std::vector<std::uint8_t> serialize(PdfMemDocument& doc) {
  std::ostringstream stream;
  {
    PdfOutputDevice device(&stream);
    doc.Write(&device);
    device.Flush();
  }
  std::string bytes = stream.str();
  return {bytes.begin(), bytes.end()};
}

std::vector<std::uint8_t> draw_overlay(std::span<const std::uint8_t> original, const OverlayLayout& make_items) {
  enable_legacy_ciphers();
  PdfError::EnableLogging(false);
  PdfError::EnableDebug(false);
  OriginalInfo info = guarded(original, "cannot read the PDF", [&] { return read_original_info(original); });
  PdfMemDocument doc;
  guarded(original, "cannot read the PDF", [&] {
    doc.LoadFromBuffer(reinterpret_cast<const char*>(original.data()), static_cast<long>(original.size()));
  });
  FirstPage page = guarded(original, "cannot read the PDF's first page", [&] { return first_page(doc); });
  std::vector<layout::FrameItem> items = make_items(page.visible);

  return guarded(original, "cannot write the stamped PDF", [&] {
    PdfVecObjects& objects = doc.GetObjects();
    page.page = unshared_first_page(doc, page.page);
    PdfDictionary& page_dict = page.page->GetDictionary();

    // Resources: a page-local copy, so a dictionary shared with other pages stays as it was.
    PdfObject* old_resources = inherited(objects, page.page, "Resources");
    const PdfDictionary original_resources =
        old_resources && old_resources->IsDictionary() ? old_resources->GetDictionary() : PdfDictionary();
    PdfObject* form = original_as_form(objects, page, original_resources);
    // With the original in its own form XObject the page's resources hold only our names.
    PdfDictionary resources = form ? PdfDictionary() : original_resources;
    PdfObject* old_fonts = resolve(objects, resources.GetKey("Font"));
    PdfDictionary fonts = old_fonts && old_fonts->IsDictionary() ? old_fonts->GetDictionary() : PdfDictionary();

    // One embedder per font program, named so as not to clash with the page's own fonts.
    std::vector<std::unique_ptr<FontEmbedder>> embedders;
    std::vector<std::string> names;
    std::map<const layout::FontProgram*, std::size_t> lookup;  // lookup only, never iterated
    int serial = 0;
    auto font_for = [&](const layout::FontProgramRef& font) -> std::size_t {
      if (auto it = lookup.find(font.get()); it != lookup.end()) return it->second;
      embedders.push_back(std::make_unique<FontEmbedder>(font));
      std::string name;
      do {
        name = "SarabanStamp" + std::to_string(++serial);
      } while (fonts.HasKey(PdfName(name)));
      names.push_back(name);
      lookup.emplace(font.get(), embedders.size() - 1);
      return embedders.size() - 1;
    };

    ContentStream content(page.visible.height);
    for (const auto& item : items) {
      if (const auto* run = std::get_if<layout::TextRun>(&item)) {
        std::size_t i = font_for(run->font);
        content.text_run(*run, *embedders[i], names[i]);
      } else if (const auto* rect = std::get_if<layout::Rect>(&item)) {
        content.rect(*rect);
      } else if (const auto* path = std::get_if<layout::Path>(&item)) {
        content.path(*path);
      } else {
        throw Error(ErrorCode::InvalidInput, "only text, rectangles and paths can be drawn over an existing PDF");
      }
    }
    for (std::size_t i = 0; i < embedders.size(); ++i) {
      fonts.AddKey(PdfName(names[i]), embedders[i]->embed(objects, true)->Reference());
    }
    if (!embedders.empty()) resources.AddKey("Font", fonts);

    const std::string stamp =
        "q\n" + visible_to_user_matrix(page) + fit_matrix(items, page.visible) + content.bytes() + "Q\n";
    if (form) {
      // The original becomes a form XObject: its content stream is self-contained, so a stray
      // Q or an unclosed q inside cannot reach the stamp drawn after it.
      PdfDictionary xobjects;
      xobjects.AddKey(PdfName(kOriginalName), form->Reference());
      resources.AddKey("XObject", xobjects);
      page_dict.AddKey("Resources", resources);
      PdfObject* drawing = new_stream(objects, std::string("q /") + kOriginalName + " Do Q\n" + stamp);
      page_dict.AddKey("Contents", drawing->Reference());
    } else {
      // Several streams, one of which cannot be decoded: passed through as they were (readers
      // draw what they can of them) between q and Q, the best isolation without reading them.
      page_dict.AddKey("Resources", resources);
      PdfObject* before = new_stream(objects, "q\n");
      PdfObject* after = new_stream(objects, "\nQ\n" + stamp);
      PdfArray contents;
      contents.push_back(before->Reference());
      if (PdfObject* old = page_dict.GetKey("Contents")) {
        PdfObject* target = old->IsReference() ? resolve(objects, old) : old;
        if (target && target->IsArray()) {
          for (const auto& part : target->GetArray()) contents.push_back(part);
        } else if (old->IsReference() && target && target->HasStream()) {
          contents.push_back(*old);
        }
      }
      contents.push_back(after->Reference());
      page_dict.AddKey("Contents", contents);
    }

    restore_info(doc, info);
    std::vector<std::uint8_t> written = serialize(doc);
    keep_header_version(original, written);
    return written;
  });
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
  PdfMemDocument doc;
  guarded(original_pdf, "cannot read the PDF", [&] {
    doc.LoadFromBuffer(reinterpret_cast<const char*>(original_pdf.data()), static_cast<long>(original_pdf.size()));
  });
  return guarded(original_pdf, "cannot read the PDF's first page", [&] { return first_page(doc).visible; });
}

}  // namespace saraban::pdf
