#include "pdf/font_embedder.h"

#include <hb-ot.h>
#include <openssl/sha.h>

#include <podofo/podofo.h>

#include <cmath>

#include "base/error.h"
#include "pdf/flate.h"
#include "pdf/pdf_text.h"
#include "pdf/to_unicode_cmap.h"

namespace saraban::pdf {

using namespace PoDoFo;

namespace {

std::uint32_t read_u32(const std::vector<std::uint8_t>& b, std::size_t at) {
  return (std::uint32_t{b[at]} << 24) | (std::uint32_t{b[at + 1]} << 16) | (std::uint32_t{b[at + 2]} << 8) | b[at + 3];
}

std::int16_t read_i16(const char* p) {
  return static_cast<std::int16_t>((static_cast<unsigned char>(p[0]) << 8) | static_cast<unsigned char>(p[1]));
}

// Only glyf-based TrueType (or a collection of them) can go into FontFile2.
bool looks_like_truetype(const std::vector<std::uint8_t>& bytes) {
  if (bytes.size() < 12) return false;
  std::uint32_t tag = read_u32(bytes, 0);
  return tag == 0x00010000 || tag == 0x74727565 /*true*/ || tag == 0x74746366 /*ttcf*/;
}

std::string name_for_pdf(const std::string& postscript_name) {
  std::string out;
  for (char c : postscript_name) {
    auto u = static_cast<unsigned char>(c);
    // Delimiters and spaces would need #xx escapes; dropping them keeps the name readable.
    if (u > 0x20 && u < 0x7F && std::string_view("()<>[]{}/%#").find(c) == std::string_view::npos) out.push_back(c);
  }
  return out.empty() ? std::string("Font") : out;
}

}  // namespace

FontEmbedder::FontEmbedder(layout::FontProgramRef font) : program_(std::move(font)) {
  if (!program_) throw Error(ErrorCode::FontError, "text run without a font");
  const auto& bytes = program_->bytes;
  if (!looks_like_truetype(bytes)) {
    throw Error(ErrorCode::FontError, "not a TrueType font (glyf outlines required)", program_->path);
  }
  blob_.reset(hb_blob_create(reinterpret_cast<const char*>(bytes.data()), static_cast<unsigned>(bytes.size()),
                             HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  face_.reset(hb_face_create(blob_.get(), program_->face_index));
  glyph_count_ = hb_face_get_glyph_count(face_.get());
  HbBlob glyf(hb_face_reference_table(face_.get(), HB_TAG('g', 'l', 'y', 'f')));
  if (glyph_count_ == 0 || hb_blob_get_length(glyf.get()) == 0) {
    throw Error(ErrorCode::FontError, "font has no TrueType glyphs", program_->path);
  }
  upem_ = hb_face_get_upem(face_.get());
  font_.reset(hb_font_create(face_.get()));
  hb_font_set_scale(font_.get(), static_cast<int>(upem_), static_cast<int>(upem_));
}

std::uint16_t FontEmbedder::cid_for(std::uint32_t glyph_id, const std::string& text) {
  if (glyph_id >= glyph_count_) {
    throw Error(ErrorCode::FontError, "glyph id " + std::to_string(glyph_id) + " not in font", program_->path);
  }
  auto key = std::make_pair(glyph_id, text);
  if (auto it = cids_.find(key); it != cids_.end()) return it->second;
  if (cid_glyph_.size() > 0xFFFF) throw Error(ErrorCode::PdfError, "more than 65535 glyph/text pairs in one font", program_->path);
  auto cid = static_cast<std::uint16_t>(cid_glyph_.size());
  cid_glyph_.push_back(glyph_id);
  cid_text_.push_back(text);
  cids_.emplace(std::move(key), cid);
  return cid;
}

double FontEmbedder::glyph_width(std::uint32_t glyph_id) const {
  return hb_font_get_glyph_h_advance(font_.get(), glyph_id) * 1000.0 / upem_;
}

double FontEmbedder::cid_width(std::uint16_t cid) const { return glyph_width(cid_glyph_.at(cid)); }

namespace {

struct OutlineSink {
  std::string ops;
  double x, y, scale;
  bool whole = false;
  std::string num(double v) const { return whole ? std::to_string(std::lround(v)) : format_number(v); }
  void point(float fx, float fy) { ops += num(x + fx * scale) + " " + num(y + fy * scale); }
};

OutlineSink& sink(void* data) { return *static_cast<OutlineSink*>(data); }

void move_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  sink(data).point(x, y);
  sink(data).ops += " m\n";
}
void line_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  sink(data).point(x, y);
  sink(data).ops += " l\n";
}
// TrueType quadratics become the equivalent cubics PDF can draw.
void quadratic_to(hb_draw_funcs_t*, void* data, hb_draw_state_t* st, float cx, float cy, float x, float y, void*) {
  auto& s = sink(data);
  s.point(st->current_x + 2.0f / 3.0f * (cx - st->current_x), st->current_y + 2.0f / 3.0f * (cy - st->current_y));
  s.ops += " ";
  s.point(x + 2.0f / 3.0f * (cx - x), y + 2.0f / 3.0f * (cy - y));
  s.ops += " ";
  s.point(x, y);
  s.ops += " c\n";
}
void cubic_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float c1x, float c1y, float c2x, float c2y, float x,
              float y, void*) {
  auto& s = sink(data);
  s.point(c1x, c1y);
  s.ops += " ";
  s.point(c2x, c2y);
  s.ops += " ";
  s.point(x, y);
  s.ops += " c\n";
}
void close_path(hb_draw_funcs_t*, void* data, hb_draw_state_t*, void*) { sink(data).ops += "h\n"; }

struct HbDrawFuncsDeleter {
  void operator()(hb_draw_funcs_t* p) const noexcept { hb_draw_funcs_destroy(p); }
};

}  // namespace

std::string FontEmbedder::glyph_outline(std::uint32_t glyph_id, double x, double y, double size, bool whole_units) const {
  std::unique_ptr<hb_draw_funcs_t, HbDrawFuncsDeleter> funcs(hb_draw_funcs_create());
  hb_draw_funcs_set_move_to_func(funcs.get(), move_to, nullptr, nullptr);
  hb_draw_funcs_set_line_to_func(funcs.get(), line_to, nullptr, nullptr);
  hb_draw_funcs_set_quadratic_to_func(funcs.get(), quadratic_to, nullptr, nullptr);
  hb_draw_funcs_set_cubic_to_func(funcs.get(), cubic_to, nullptr, nullptr);
  hb_draw_funcs_set_close_path_func(funcs.get(), close_path, nullptr, nullptr);
  OutlineSink s{{}, x, y, size / upem_, whole_units};
  hb_font_get_glyph_shape(font_.get(), glyph_id, funcs.get(), &s);
  return s.ops;
}

std::optional<std::uint32_t> FontEmbedder::space_glyph() const {
  hb_codepoint_t gid = 0;
  if (hb_font_get_nominal_glyph(font_.get(), 0x20, &gid) && gid != 0) return gid;
  return std::nullopt;
}

std::string FontEmbedder::subset_tag() const {
  std::string material = program_->postscript_name;
  for (std::size_t cid = 0; cid < cid_glyph_.size(); ++cid) {
    material += std::to_string(cid_glyph_[cid]) + ":" + cid_text_[cid] + ";";
  }
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(material.data()), material.size(), digest);
  std::string tag;
  for (int i = 0; i < 6; ++i) tag.push_back(static_cast<char>('A' + digest[i] % 26));
  return tag;
}

FontEmbedder::Subset FontEmbedder::subset_program() const {
  HbSubsetInput input(hb_subset_input_create_or_fail());
  if (!input) throw Error(ErrorCode::FontError, "cannot start font subsetting", program_->path);
  hb_set_t* glyphs = hb_subset_input_set(input.get(), HB_SUBSET_SETS_GLYPH_INDEX);
  for (std::uint32_t gid : cid_glyph_) hb_set_add(glyphs, gid);
  // Glyph ids are renumbered densely (smaller loca and hmtx); the CIDToGIDMap carries the
  // mapping, so content streams keep their CIDs. No hinting: instructions are most of a Thai font's glyf bytes, and PDF readers rasterise
  // at print and zoom resolutions where the outlines alone look right.
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
  // Shaping already happened; layout tables would only add bytes the PDF never reads, and the
  // PDF names the font itself (FontName), so the name table goes too.
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t tag : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                       HB_TAG('m', 'o', 'r', 'x'), HB_TAG('k', 'e', 'r', 'n'), HB_TAG('n', 'a', 'm', 'e'),
                       HB_TAG('g', 'a', 's', 'p'), HB_TAG('h', 'd', 'm', 'x'), HB_TAG('V', 'D', 'M', 'X'),
                       HB_TAG('L', 'T', 'S', 'H'), HB_TAG('D', 'S', 'I', 'G')}) {
    hb_set_add(drop, tag);
  }
  HbSubsetPlan plan(hb_subset_plan_create_or_fail(face_.get(), input.get()));
  if (!plan) throw Error(ErrorCode::FontError, "font subsetting failed", program_->path);
  HbFace subset(hb_subset_plan_execute_or_fail(plan.get()));
  if (!subset) throw Error(ErrorCode::FontError, "font subsetting failed", program_->path);
  Subset out;
  const hb_map_t* mapping = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  for (std::uint32_t gid : cid_glyph_) {
    hb_codepoint_t mapped = hb_map_get(mapping, gid);
    if (mapped == HB_MAP_VALUE_INVALID) throw Error(ErrorCode::FontError, "subset lost a glyph", program_->path);
    out.new_gid[gid] = mapped;
  }
  HbBlob blob(hb_face_reference_blob(subset.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);
  if (length == 0) throw Error(ErrorCode::FontError, "font subsetting produced no data", program_->path);
  out.program.assign(reinterpret_cast<const std::uint8_t*>(data), reinterpret_cast<const std::uint8_t*>(data) + length);
  return out;
}

PdfObject* FontEmbedder::embed(PdfVecObjects& objects, bool compress) const {
  const std::string base_font = subset_tag() + "+" + name_for_pdf(program_->postscript_name);
  const double scale = 1000.0 / upem_;
  auto number = [](double v) { return PdfObject(PdfVariant(std::round(v * 1000.0) / 1000.0)); };

  // FontFile2: the subset program.
  Subset sub = subset_program();
  const std::vector<std::uint8_t>& subset = sub.program;
  PdfObject* font_file = objects.CreateObject();
  font_file->GetDictionary().AddKey("Length1", PdfObject(static_cast<pdf_int64>(subset.size())));
  set_stream(*font_file, std::string_view(reinterpret_cast<const char*>(subset.data()), subset.size()), compress);

  // Metrics for the descriptor, in 1/1000 em.
  PdfArray bbox;
  HbBlob head(hb_face_reference_table(face_.get(), HB_TAG('h', 'e', 'a', 'd')));
  unsigned head_len = 0;
  const char* head_data = hb_blob_get_data(head.get(), &head_len);
  if (head_len >= 44) {
    for (int i = 0; i < 4; ++i) bbox.push_back(number(read_i16(head_data + 36 + 2 * i) * scale));
  } else {
    for (double v : {0.0, -300.0, 1000.0, 1000.0}) bbox.push_back(number(v));
  }
  auto metric = [&](hb_ot_metrics_tag_t tag, double fallback) {
    hb_position_t pos = 0;
    return hb_ot_metrics_get_position(font_.get(), tag, &pos) ? pos * scale : fallback;
  };
  double ascent = metric(HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, 800);
  double descent = metric(HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, -200);
  double cap_height = metric(HB_OT_METRICS_TAG_CAP_HEIGHT, ascent);
  double italic_angle = hb_style_get_value(font_.get(), HB_STYLE_TAG_SLANT_ANGLE);

  PdfObject* descriptor = objects.CreateObject("FontDescriptor");
  auto& d = descriptor->GetDictionary();
  d.AddKey("FontName", PdfName(base_font));
  // Symbolic (4): glyphs are addressed by CID, not by a standard Latin encoding.
  d.AddKey("Flags", PdfObject(static_cast<pdf_int64>(4 | (program_->italic ? 64 : 0))));
  d.AddKey("FontBBox", bbox);
  d.AddKey("ItalicAngle", number(italic_angle));
  d.AddKey("Ascent", number(ascent));
  d.AddKey("Descent", number(descent));
  d.AddKey("CapHeight", number(cap_height));
  d.AddKey("StemV", PdfObject(static_cast<pdf_int64>(program_->bold ? 120 : 80)));
  d.AddKey("FontFile2", font_file->Reference());

  // CIDToGIDMap: two bytes per CID; several CIDs may share a glyph (one per extracted text).
  std::string cid_to_gid;
  for (std::uint32_t old_gid : cid_glyph_) {
    const std::uint32_t gid = sub.new_gid.at(old_gid);
    cid_to_gid.push_back(static_cast<char>((gid >> 8) & 0xFF));
    cid_to_gid.push_back(static_cast<char>(gid & 0xFF));
  }
  PdfObject* cid_map = objects.CreateObject();
  set_stream(*cid_map, cid_to_gid, compress);

  // /W: CIDs are dense from 1, so one run "1 [w1 w2 ...]" covers them all.
  PdfArray widths;
  PdfArray run;
  for (std::size_t cid = 1; cid < cid_glyph_.size(); ++cid) run.push_back(number(glyph_width(cid_glyph_[cid])));
  if (!run.empty()) {
    widths.push_back(PdfObject(static_cast<pdf_int64>(1)));
    widths.push_back(run);
  }

  PdfObject* descendant = objects.CreateObject("Font");
  auto& cf = descendant->GetDictionary();
  cf.AddKey("Subtype", PdfName("CIDFontType2"));
  cf.AddKey("BaseFont", PdfName(base_font));
  PdfDictionary system_info;
  system_info.AddKey("Registry", PdfString("Adobe"));
  system_info.AddKey("Ordering", PdfString("Identity"));
  system_info.AddKey("Supplement", PdfObject(static_cast<pdf_int64>(0)));
  cf.AddKey("CIDSystemInfo", system_info);
  cf.AddKey("FontDescriptor", descriptor->Reference());
  cf.AddKey("CIDToGIDMap", cid_map->Reference());
  cf.AddKey("DW", PdfObject(static_cast<pdf_int64>(0)));
  cf.AddKey("W", widths);

  std::string cmap = to_unicode_cmap(cid_text_);
  PdfObject* to_unicode = objects.CreateObject();
  set_stream(*to_unicode, cmap, compress);

  PdfObject* type0 = objects.CreateObject("Font");
  auto& t0 = type0->GetDictionary();
  t0.AddKey("Subtype", PdfName("Type0"));
  t0.AddKey("BaseFont", PdfName(base_font));
  t0.AddKey("Encoding", PdfName("Identity-H"));
  PdfArray descendants;
  descendants.push_back(descendant->Reference());
  t0.AddKey("DescendantFonts", descendants);
  t0.AddKey("ToUnicode", to_unicode->Reference());
  return type0;
}

}  // namespace saraban::pdf
