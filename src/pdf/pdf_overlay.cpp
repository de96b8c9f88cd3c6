#include "pdf/pdf_overlay.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "base/error.h"
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
    if (e.GetError() == ePdfError_InvalidPassword || declares_encryption(input)) {
      fail("the PDF is encrypted; it cannot be stamped");
    }
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
  PdfParser parser(&objects);
  parser.ParseFile(reinterpret_cast<const char*>(bytes.data()), static_cast<long>(bytes.size()), true);
  if (parser.GetEncrypted()) fail("the PDF is encrypted; it cannot be stamped");
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
    // Keep PoDoFo's Info object (it owns it) but empty, and out of the trailer.
    info->GetDictionary().Clear();
    trailer->GetDictionary().RemoveKey("Info");
  }
}

struct FirstPage {
  PdfObject* page = nullptr;
  Box crop;
  VisiblePage visible;
};

FirstPage first_page(PdfMemDocument& doc) {
  if (doc.GetEncrypted()) fail("the PDF is encrypted; it cannot be stamped");
  if (doc.GetPageCount() < 1) fail("the PDF has no pages");
  PdfPage* page = doc.GetPage(0);
  if (!page || !page->GetObject() || !page->GetObject()->IsDictionary()) fail("cannot find the PDF's first page");
  FirstPage out;
  out.page = page->GetObject();  // PdfPage wrappers live in PoDoFo's cache; keep the object
  PdfVecObjects& objects = doc.GetObjects();
  // A missing or broken MediaBox: readers fall back to US Letter, so the stamp does too.
  Box media = read_box(objects, inherited(objects, out.page, "MediaBox")).value_or(Box{0, 0, 612, 792});
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
  out.visible.width = sideways ? out.crop.height() : out.crop.width();
  out.visible.height = sideways ? out.crop.width() : out.crop.height();
  return out;
}

// Maps the visible page (origin bottom-left of what the reader shows, y up) into the page's
// default user space, undoing /Rotate and the crop box origin.
std::string visible_to_user_matrix(const FirstPage& p) {
  const Box& c = p.crop;
  double m[6];
  switch (p.visible.rotate) {
    case 90: m[0] = 0, m[1] = 1, m[2] = -1, m[3] = 0, m[4] = c.x1, m[5] = c.y0; break;
    case 180: m[0] = -1, m[1] = 0, m[2] = 0, m[3] = -1, m[4] = c.x1, m[5] = c.y1; break;
    case 270: m[0] = 0, m[1] = -1, m[2] = 1, m[3] = 0, m[4] = c.x0, m[5] = c.y1; break;
    default: m[0] = 1, m[1] = 0, m[2] = 0, m[3] = 1, m[4] = c.x0, m[5] = c.y0; break;
  }
  std::string out;
  for (double v : m) out += format_number(v) + " ";
  return out + "cm\n";
}

PdfObject* new_stream(PdfVecObjects& objects, const std::string& bytes) {
  PdfObject* o = objects.CreateObject();
  TVecFilters flate{ePdfFilter_FlateDecode};
  o->GetStream()->Set(bytes.data(), static_cast<pdf_long>(bytes.size()), flate);
  return o;
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

std::vector<std::uint8_t> overlay(std::span<const std::uint8_t> original, const OverlayLayout& make_items) {
  check_header(original);
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
    PdfDictionary& page_dict = page.page->GetDictionary();

    // Resources: a page-local copy, so a dictionary shared with other pages stays as it was.
    PdfObject* old_resources = inherited(objects, page.page, "Resources");
    PdfDictionary resources =
        old_resources && old_resources->IsDictionary() ? old_resources->GetDictionary() : PdfDictionary();
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
    page_dict.AddKey("Resources", resources);

    // The leading newline keeps our Q apart from an original stream that ends mid-line.
    PdfObject* before = new_stream(objects, "q\n");
    PdfObject* after = new_stream(objects, "\nQ\nq\n" + visible_to_user_matrix(page) + content.bytes() + "Q\n");
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

    restore_info(doc, info);
    return serialize(doc);
  });
}

}  // namespace

std::vector<std::uint8_t> overlay_first_page(std::span<const std::uint8_t> original_pdf,
                                             const std::vector<layout::FrameItem>& items) {
  return overlay(original_pdf, [&](const VisiblePage&) { return items; });
}

std::vector<std::uint8_t> overlay_first_page(std::span<const std::uint8_t> original_pdf, const OverlayLayout& layout) {
  return overlay(original_pdf, layout);
}

VisiblePage first_page_geometry(std::span<const std::uint8_t> original_pdf) {
  check_header(original_pdf);
  PdfError::EnableLogging(false);
  PdfError::EnableDebug(false);
  PdfMemDocument doc;
  guarded(original_pdf, "cannot read the PDF", [&] {
    doc.LoadFromBuffer(reinterpret_cast<const char*>(original_pdf.data()), static_cast<long>(original_pdf.size()));
  });
  return guarded(original_pdf, "cannot read the PDF's first page", [&] { return first_page(doc).visible; });
}

}  // namespace saraban::pdf
