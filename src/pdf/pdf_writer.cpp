#include "pdf/pdf_writer.h"

#include <openssl/evp.h>

#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "base/error.h"
#include "base/overloaded.h"
#include "pdf/content_stream.h"
#include "pdf/flate.h"
#include "pdf/font_embedder.h"
#include "pdf/glyph_paths.h"
#include "pdf/icc_profile.h"
#include "pdf/image_streams.h"
#include "pdf/outline_writer.h"
#include "pdf/pdf_text.h"
#include "pdf/xmp_metadata.h"

namespace saraban::pdf {

using namespace PoDoFo;

namespace {

PdfString utf8_string(const std::string& s) { return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str())); }

PdfArray rect_array(double x0, double y0, double x1, double y1) {
  PdfArray a;
  for (double v : {x0, y0, x1, y1}) a.push_back(PdfObject(PdfVariant(std::round(v * 10000.0) / 10000.0)));
  return a;
}

// Everything that decides the document's bytes, hashed for a stable /ID. Hashed as it comes,
// so that a long document does not keep a copy of every page's content.
class Fingerprint {
 public:
  Fingerprint() : ctx_(EVP_MD_CTX_new()) {
    if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1)
      throw Error(ErrorCode::PdfError, "cannot start SHA-256", "document /ID");
  }
  void add(std::string_view s) {
    const std::string length = std::to_string(s.size()) + ":";
    update(length);
    update(s);
  }
  std::string digest16() const {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> done(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (!done || EVP_MD_CTX_copy_ex(done.get(), ctx_.get()) != 1 || EVP_DigestFinal_ex(done.get(), d, &n) != 1)
      throw Error(ErrorCode::PdfError, "cannot finish SHA-256", "document /ID");
    return std::string(reinterpret_cast<const char*>(d), 16);
  }

 private:
  void update(std::string_view s) {
    if (EVP_DigestUpdate(ctx_.get(), s.data(), s.size()) != 1)
      throw Error(ErrorCode::PdfError, "cannot hash for the document /ID", "document /ID");
  }
  struct Free {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
  };
  std::unique_ptr<EVP_MD_CTX, Free> ctx_;
};

}  // namespace

class DocumentWriter {
 public:
  DocumentWriter(layout::DocumentInfo info, const PdfOptions& options) : info_(std::move(info)), options_(options) {
    doc_.SetPdfVersion(ePdfVersion_1_7);
  }

  void add_page(const layout::PageFrame& page) {
    page_heights_.push_back(page.height);
    write_page(page);
  }

  void add_furniture(std::size_t index, const std::vector<layout::FrameItem>& items) {
    if (index >= pages_.size()) throw Error(ErrorCode::InvalidInput, "furniture for a page not written", std::to_string(index));
    // Text in the page's top half goes in a stream before the page's own, the rest after:
    // MuPDF reads in stream order and poppler top to bottom, so both then meet a page number
    // at the top (or the foot) of the page's text.
    std::vector<layout::FrameItem> top, bottom;
    for (const auto& item : items) {
      const auto* run = std::get_if<layout::TextRun>(&item);
      (run && !run->glyphs.empty() && run->glyphs.front().y < page_heights_[index] / 2 ? top : bottom).push_back(item);
    }
    PageState& state = pages_[index];
    auto& dict = state.page->GetDictionary();
    PdfArray contents;
    auto add_stream = [&](const std::vector<layout::FrameItem>& part) {
      ContentStream content(page_heights_[index]);
      // Furniture repeats page after page (a running header drawn as outlines): its glyphs
      // become shared forms as the body's spare marks do, counted apart from the body's.
      content.use_outline_forms(&furniture_forms_);
      draw_items(part, state, index, content);
      state.outline_forms.insert(furniture_forms_.page_forms.begin(), furniture_forms_.page_forms.end());
      furniture_forms_.next_page();
      fingerprint_.add(content.bytes());
      PdfObject* stream = objects().CreateObject();
      // Balanced on its own, so the page's stream after it starts from the default state.
      set_stream(*stream, "q\n" + content.bytes() + "\nQ\n", options_.compress);
      contents.push_back(stream->Reference());
    };
    // Further content streams: the page's own was encoded when the page was added.
    if (!top.empty()) add_stream(top);
    contents.push_back(*dict.GetKey("Contents"));
    if (!bottom.empty()) add_stream(bottom);
    dict.AddKey("Contents", contents);
  }

  std::size_t page_count() const { return pages_.size(); }

  std::vector<std::uint8_t> finish() {
    if (pages_.empty()) throw Error(ErrorCode::InvalidInput, "document has no pages");
    std::vector<OutlinePage> outline_pages;
    std::vector<PdfReference> page_refs;
    page_refs.reserve(pages_.size());
    for (const auto& state : pages_) page_refs.push_back(state.page->Reference());
    for (std::size_t i = 0; i < page_refs.size(); ++i) outline_pages.push_back({&page_refs[i], page_heights_[i]});
    embed_fonts();
    PdfObject* catalog = doc_.GetCatalog();
    if (PdfObject* outlines = write_outlines(objects(), bookmarks_, outline_pages)) {
      catalog->GetDictionary().AddKey("Outlines", outlines->Reference());
      catalog->GetDictionary().AddKey("PageMode", PdfName("UseOutlines"));
    }
    write_links();
    write_page_labels();
    write_acroform();
    if (!info_.language.empty()) catalog->GetDictionary().AddKey("Lang", utf8_string(info_.language));
    if (options_.pdfa) write_pdfa_parts();
    write_info();
    return serialize();
  }

 private:
  struct PageState {
    PdfObject* page;  // the page object; PoDoFo's PdfPage wrappers do not outlive its cache
    std::vector<std::size_t> fonts;  // indices into fonts_, in first-use order
    std::vector<std::pair<std::string, PdfReference>> images;
    std::set<std::pair<std::string, std::uint32_t>> outline_forms;  // font resource, glyph
  };

  // A glyph's outline drawn once as a form, used wherever the glyph is drawn without text:
  // SARA AM's NIKHAHIT and the marks moved off stretched lines repeat on every page.
  PdfReference outline_form(const std::string& font_resource, std::uint32_t glyph_id) {
    const auto key = std::make_pair(font_resource, glyph_id);
    if (auto it = outline_form_refs_.find(key); it != outline_form_refs_.end()) return it->second;
    const std::size_t index = std::stoul(font_resource.substr(1)) - 1;  // "F<n>" names fonts_[n - 1]
    const std::string path = *glyph_path_units(*fonts_.at(index), glyph_id) + "f\n";
    PdfObject* form = objects().CreateObject("XObject");
    auto& d = form->GetDictionary();
    d.AddKey("Subtype", PdfName("Form"));
    d.AddKey("BBox", rect_array(-1000, -1000, 2000, 2000));  // 1/1000 em; no glyph reaches an em past its origin
    set_stream(*form, path, options_.compress);
    return outline_form_refs_.emplace(key, form->Reference()).first->second;
  }


  PdfVecObjects& objects() { return doc_.GetObjects(); }

  std::size_t font_index(const layout::FontProgramRef& font) {
    auto it = font_lookup_.find(font.get());
    if (it != font_lookup_.end()) return it->second;
    fonts_.push_back(std::make_unique<FontEmbedder>(font));
    font_lookup_.emplace(font.get(), fonts_.size() - 1);
    return fonts_.size() - 1;
  }

  std::string image_resource(const layout::ImageRef& image, PageState& state) {
    auto it = image_lookup_.find(image.get());
    if (it == image_lookup_.end()) {
      std::string name = "Im" + std::to_string(image_lookup_.size() + 1);
      it = image_lookup_.emplace(image.get(), std::make_pair(name, write_image(image)->Reference())).first;
    }
    for (const auto& [name, ref] : state.images) {
      if (name == it->second.first) return name;
    }
    state.images.push_back(it->second);
    return it->second.first;
  }

  PdfObject* write_image(const layout::ImageRef& image) {
    const layout::ImageData& img = *image;
    if (img.width_px <= 0 || img.height_px <= 0) throw Error(ErrorCode::InvalidInput, "image without pixels", img.source);
    PdfObject* x = objects().CreateObject("XObject");
    auto& d = x->GetDictionary();
    d.AddKey("Subtype", PdfName("Image"));
    d.AddKey("Width", PdfObject(static_cast<pdf_int64>(img.width_px)));
    d.AddKey("Height", PdfObject(static_cast<pdf_int64>(img.height_px)));
    d.AddKey("BitsPerComponent", PdfObject(static_cast<pdf_int64>(8)));
    const char* data = reinterpret_cast<const char*>(img.bytes.data());
    auto size = static_cast<pdf_long>(img.bytes.size());
    switch (img.encoding) {
      case layout::ImageData::Encoding::Jpeg:
        d.AddKey("ColorSpace", PdfName(img.jpeg_components == 1 ? "DeviceGray" : "DeviceRGB"));
        x->GetStream()->Set(data, size, TVecFilters{});  // the JPEG file as is
        d.AddKey("Filter", PdfName("DCTDecode"));
        break;
      case layout::ImageData::Encoding::RawRgb8:
      case layout::ImageData::Encoding::RawGray8: {
        bool rgb = img.encoding == layout::ImageData::Encoding::RawRgb8;
        const int channels = rgb ? 3 : 1;
        std::size_t expected = static_cast<std::size_t>(img.width_px) * static_cast<std::size_t>(img.height_px) * channels;
        if (img.bytes.size() != expected) throw Error(ErrorCode::InvalidInput, "image sample count does not match its size", img.source);
        d.AddKey("ColorSpace", PdfName(rgb ? "DeviceRGB" : "DeviceGray"));
        const std::shared_ptr<const DeflatedSamples> deflated = deflated_image(image);
        set_deflated_stream(*x, deflated->bytes);
        if (deflated->up_predicted) {
          PdfDictionary parms;
          parms.AddKey("Predictor", PdfObject(static_cast<pdf_int64>(15)));
          parms.AddKey("Colors", PdfObject(static_cast<pdf_int64>(channels)));
          parms.AddKey("BitsPerComponent", PdfObject(static_cast<pdf_int64>(8)));
          parms.AddKey("Columns", PdfObject(static_cast<pdf_int64>(img.width_px)));
          d.AddKey("DecodeParms", parms);
        }
        break;
      }
    }
    return x;
  }

  void write_page(const layout::PageFrame& frame) {
    PdfPage* page = doc_.CreatePage(PdfRect(0, 0, frame.width, frame.height));
    if (!page) throw Error(ErrorCode::PdfError, "cannot create page");
    pages_.push_back(PageState{page->GetObject(), {}, {}, {}});
    ContentStream content(frame.height);
    content.use_outline_forms(&outline_forms_);
    draw_items(frame.items, pages_.back(), pages_.size() - 1, content);
    pages_.back().outline_forms = outline_forms_.page_forms;
    outline_forms_.next_page();
    fingerprint_.add(content.bytes());
    PdfObject* contents = page->GetContents();
    set_stream(*contents, content.bytes(), options_.compress);
  }

  // Every kind of item is handled here (no catch-all): a new kind does not compile until it is.
  void draw_items(const std::vector<layout::FrameItem>& items, PageState& state, std::size_t page_index,
                  ContentStream& content) {
    static_assert(layout::kFrameItemKinds == 7, "a new frame item: draw it here");
    const double page_height = page_heights_[page_index];
    const Overloaded draw{
        [&](const layout::TextRun& run) {
          std::size_t index = font_index(run.font);
          if (std::find(state.fonts.begin(), state.fonts.end(), index) == state.fonts.end()) state.fonts.push_back(index);
          content.text_run(run, *fonts_[index], "F" + std::to_string(index + 1));
        },
        [&](const layout::Rect& rect) { content.rect(rect); },
        [&](const layout::Path& path) { content.path(path); },
        [&](const layout::Image& image) {
          if (!image.image) throw Error(ErrorCode::InvalidInput, "image item without image data");
          content.image(image, image_resource(image.image, state));
        },
        [&](const layout::SignatureField& field) { write_signature_field(field, state, page_height); },
        [&](const layout::Anchor& anchor) {
          // Outline entries become bookmarks; other anchors are for the stages before this one.
          if (anchor.kind == layout::Anchor::Kind::Outline)
            bookmarks_.push_back(layout::Bookmark{anchor.name, anchor.level, static_cast<int>(page_index), anchor.y});
          if (anchor.kind == layout::Anchor::Kind::Destination &&
              !destinations_.emplace(anchor.name, std::make_pair(page_index, anchor.y)).second)
            throw Error(ErrorCode::InvalidInput, "two destinations with the same name", anchor.name);
        },
        [&](const layout::Link& link) { links_.push_back(PendingLink{page_index, link}); },
    };
    for (const auto& item : items) std::visit(draw, item);
  }

  void write_signature_field(const layout::SignatureField& field, PageState& state, double page_height) {
    if (field.name.empty()) throw Error(ErrorCode::InvalidInput, "signature field without a name");
    if (!field_names_.insert(field.name).second) {
      throw Error(ErrorCode::InvalidInput, "two signature fields with the same name", field.name);
    }
    // PDF/A wants every widget to carry an appearance; an empty form is the unsigned look.
    PdfObject* appearance = objects().CreateObject("XObject");
    auto& ad = appearance->GetDictionary();
    ad.AddKey("Subtype", PdfName("Form"));
    ad.AddKey("BBox", rect_array(0, 0, field.width, field.height));
    appearance->GetStream()->Set("", 0, TVecFilters{});

    PdfObject* widget = objects().CreateObject("Annot");
    auto& d = widget->GetDictionary();
    d.AddKey("Subtype", PdfName("Widget"));
    d.AddKey("FT", PdfName("Sig"));
    d.AddKey("T", utf8_string(field.name));
    d.AddKey("Rect", rect_array(field.x, page_height - field.y - field.height, field.x + field.width,
                                page_height - field.y));
    d.AddKey("F", PdfObject(static_cast<pdf_int64>(4)));  // Print
    d.AddKey("P", state.page->Reference());
    PdfDictionary ap;
    ap.AddKey("N", appearance->Reference());
    d.AddKey("AP", ap);

    auto& page_dict = state.page->GetDictionary();
    if (!page_dict.HasKey("Annots")) page_dict.AddKey("Annots", PdfArray());
    page_dict.GetKey("Annots")->GetArray().push_back(widget->Reference());
    fields_.push_back(widget->Reference());
    fingerprint_.add("sig:" + field.name);
  }

  void embed_fonts() {
    std::vector<PdfObject*> font_objects;
    for (const auto& font : fonts_) {
      font_objects.push_back(font->embed(objects(), options_.compress));
      fingerprint_.add(font->subset_tag());
    }
    for (auto& state : pages_) {
      PdfObject* resources = state.page->GetDictionary().GetKey("Resources");
      if (!resources) throw Error(ErrorCode::PdfError, "page without resources");
      if (!state.fonts.empty()) {
        PdfDictionary fonts;
        for (std::size_t index : state.fonts) {
          fonts.AddKey(PdfName("F" + std::to_string(index + 1)), font_objects[index]->Reference());
        }
        resources->GetDictionary().AddKey("Font", fonts);
      }
      if (!state.images.empty() || !state.outline_forms.empty()) {
        PdfDictionary xobjects;
        for (const auto& [name, ref] : state.images) xobjects.AddKey(PdfName(name), ref);
        for (const auto& [font, glyph] : state.outline_forms)
          xobjects.AddKey(PdfName(outline_form_name(font, glyph)), outline_form(font, glyph));
        resources->GetDictionary().AddKey("XObject", xobjects);
      }
    }
  }

  // Links go to destinations anywhere in the document, so they are written once all pages are.
  void write_links() {
    for (const auto& pending : links_) {
      const auto& link = pending.link;
      auto target = destinations_.find(link.destination);
      if (target == destinations_.end())
        throw Error(ErrorCode::InvalidInput, "a link to a destination the document does not have", link.destination);
      const auto [page, y] = target->second;
      const double height = page_heights_[pending.page];
      PdfObject* annot = objects().CreateObject("Annot");
      auto& d = annot->GetDictionary();
      d.AddKey("Subtype", PdfName("Link"));
      d.AddKey("Rect", rect_array(link.x, height - link.y - link.height, link.x + link.width, height - link.y));
      d.AddKey("F", PdfObject(static_cast<pdf_int64>(4)));  // Print (PDF/A)
      PdfArray border;
      for (int i = 0; i < 3; ++i) border.push_back(PdfObject(static_cast<pdf_int64>(0)));
      d.AddKey("Border", border);
      PdfArray dest;
      dest.push_back(pages_[page].page->Reference());
      dest.push_back(PdfName("XYZ"));
      dest.push_back(PdfObject(PdfVariant(0.0)));
      dest.push_back(PdfObject(PdfVariant(std::round((page_heights_[page] - y) * 100.0) / 100.0)));
      dest.push_back(PdfObject(PdfVariant::NullValue));
      d.AddKey("Dest", dest);
      auto& page_dict = pages_[pending.page].page->GetDictionary();
      if (!page_dict.HasKey("Annots")) page_dict.AddKey("Annots", PdfArray());
      page_dict.GetKey("Annots")->GetArray().push_back(annot->Reference());
      fingerprint_.add("link:" + link.destination);
    }
  }

  // Each page's own label (ก, ข, ๑ …) as a prefix: Thai letters and digits are no PDF style.
  void write_page_labels() {
    if (info_.page_labels.empty()) return;
    PdfArray nums;
    for (std::size_t i = 0; i < pages_.size() && i < info_.page_labels.size(); ++i) {
      PdfDictionary label;
      label.AddKey("P", utf8_string(info_.page_labels[i]));
      nums.push_back(PdfObject(static_cast<pdf_int64>(i)));
      nums.push_back(label);
      fingerprint_.add(info_.page_labels[i]);
    }
    PdfDictionary labels;
    labels.AddKey("Nums", nums);
    doc_.GetCatalog()->GetDictionary().AddKey("PageLabels", labels);
  }

  void write_acroform() {
    if (fields_.empty()) return;
    PdfDictionary form;
    PdfArray fields;
    for (const auto& ref : fields_) fields.push_back(ref);
    form.AddKey("Fields", fields);
    doc_.GetCatalog()->GetDictionary().AddKey("AcroForm", form);
  }

  void write_pdfa_parts() {
    // XMP must stay uncompressed so archive tools can find it without decoding.
    std::string xmp = xmp_metadata(info_);
    PdfObject* metadata = objects().CreateObject("Metadata");
    metadata->GetDictionary().AddKey("Subtype", PdfName("XML"));
    metadata->GetStream()->Set(xmp.data(), static_cast<pdf_long>(xmp.size()), TVecFilters{});
    doc_.GetCatalog()->GetDictionary().AddKey("Metadata", metadata->Reference());

    // The profile never changes: made and compressed once per process.
    static const std::vector<std::uint8_t> icc = flate_compress(srgb_icc_profile());
    PdfObject* profile = objects().CreateObject();
    profile->GetDictionary().AddKey("N", PdfObject(static_cast<pdf_int64>(3)));
    set_deflated_stream(*profile, icc);
    PdfDictionary intent;
    intent.AddKey("Type", PdfName("OutputIntent"));
    intent.AddKey("S", PdfName("GTS_PDFA1"));
    intent.AddKey("OutputConditionIdentifier", PdfString("sRGB IEC61966-2.1"));
    intent.AddKey("Info", PdfString("sRGB IEC61966-2.1"));
    intent.AddKey("DestOutputProfile", profile->Reference());
    PdfArray intents;
    intents.push_back(intent);
    doc_.GetCatalog()->GetDictionary().AddKey("OutputIntents", intents);
  }

  void write_info() {
    const auto& info = info_;
    PdfDictionary& d = doc_.GetInfo()->GetObject()->GetDictionary();
    // PoDoFo stamps the current time and its own name; replace both so output is stable.
    d.RemoveKey("CreationDate");
    d.RemoveKey("ModDate");
    d.RemoveKey("Producer");
    d.RemoveKey("Creator");
    if (!info.title.empty()) d.AddKey("Title", utf8_string(info.title));
    if (!info.author.empty()) d.AddKey("Author", utf8_string(info.author));
    if (!info.subject.empty()) d.AddKey("Subject", utf8_string(info.subject));
    d.AddKey("Creator", PdfString(kProducer));
    d.AddKey("Producer", PdfString(kProducer));
    const std::string date = pdf_date(info.created);
    d.AddKey("CreationDate", PdfString(date));
    d.AddKey("ModDate", PdfString(date));
    for (const std::string* s : {&info.title, &info.author, &info.subject, &info.language, &date}) fingerprint_.add(*s);
  }

  std::vector<std::uint8_t> serialize() {
    std::string id = fingerprint_.digest16();
    PdfArray ids;
    ids.push_back(PdfString(id.data(), static_cast<pdf_long>(id.size()), true));
    ids.push_back(PdfString(id.data(), static_cast<pdf_long>(id.size()), true));
    const_cast<PdfObject*>(doc_.GetTrailer())->GetDictionary().AddKey("ID", ids);
    std::ostringstream stream;
    {
      PdfOutputDevice device(&stream);
      doc_.Write(&device);
      device.Flush();
    }
    std::string bytes = std::move(stream).str();  // moved out, not copied: one less file-sized buffer
    return {bytes.begin(), bytes.end()};
  }

  layout::DocumentInfo info_;
  PdfOptions options_;
  PdfMemDocument doc_;
  std::vector<std::unique_ptr<FontEmbedder>> fonts_;
  std::map<const layout::FontProgram*, std::size_t> font_lookup_;  // lookup only, never iterated
  std::map<const layout::ImageData*, std::pair<std::string, PdfReference>> image_lookup_;
  std::map<std::pair<std::string, std::uint32_t>, PdfReference> outline_form_refs_;
  OutlineForms outline_forms_;  // which outlines earlier pages drew
  OutlineForms furniture_forms_;  // the same for add_furniture's streams
  std::vector<PageState> pages_;
  std::vector<double> page_heights_;
  std::vector<layout::Bookmark> bookmarks_;  // from Outline anchors, in page order
  struct PendingLink {
    std::size_t page;
    layout::Link link;
  };
  std::vector<PendingLink> links_;
  std::map<std::string, std::pair<std::size_t, double>> destinations_;  // name → page, y
  std::vector<PdfReference> fields_;
  std::set<std::string> field_names_;
  Fingerprint fingerprint_;
};

namespace {

template <class F>
auto podofo_errors(F&& f) {
  try {
    return f();
  } catch (const PdfError& e) {
    throw Error(ErrorCode::PdfError, std::string("PoDoFo: ") + PdfError::ErrorMessage(e.GetError()));
  }
}

}  // namespace

PdfPageWriter::PdfPageWriter(layout::DocumentInfo info, const PdfOptions& options)
    : impl_(podofo_errors([&] { return std::make_unique<DocumentWriter>(std::move(info), options); })) {}

PdfPageWriter::~PdfPageWriter() = default;

void PdfPageWriter::add_page(const layout::PageFrame& page) {
  podofo_errors([&] { impl_->add_page(page); });
}

void PdfPageWriter::add_furniture(std::size_t index, const std::vector<layout::FrameItem>& items) {
  podofo_errors([&] { impl_->add_furniture(index, items); });
}

std::size_t PdfPageWriter::page_count() const { return impl_->page_count(); }

std::vector<std::uint8_t> PdfPageWriter::finish() {
  return podofo_errors([&] { return impl_->finish(); });
}

std::vector<std::uint8_t> write_pdf(const layout::DocumentFrame& doc, const PdfOptions& options) {
  if (doc.pages.empty()) throw Error(ErrorCode::InvalidInput, "document has no pages");
  PdfPageWriter writer(doc.info, options);
  for (const auto& page : doc.pages) writer.add_page(page);
  return writer.finish();
}

void write_pdf_file(const Environment& env, const layout::DocumentFrame& doc, const std::string& path,
                    const PdfOptions& options) {
  std::vector<std::uint8_t> bytes = write_pdf(doc, options);
  env.write_file_atomic(path, bytes);
}

}  // namespace saraban::pdf
