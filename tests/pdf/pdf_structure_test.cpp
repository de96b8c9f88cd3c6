// Structure of the written file: fonts, PDF/A parts, outlines, signature fields, determinism.
#include <gtest/gtest.h>
#include <harfbuzz/hb.h>
#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "base/environment.h"
#include "base/error.h"
#include "pdf/pdf_writer.h"
#include "pdf_test_support.h"
#include "thai_shaping.h"

namespace saraban::pdf {
namespace {

using namespace saraban::testing;
using namespace PoDoFo;

layout::DocumentFrame letter(std::int64_t created = 1700000000) {
  auto font = load_font_program(kLaksaman, "Laksaman");
  layout::DocumentFrame doc;
  doc.info.title = "หนังสือภายนอก";
  doc.info.author = "สำนักงานปลัด";
  doc.info.subject = "ทดสอบ";
  doc.info.created = created;
  layout::PageFrame first;
  first.items.push_back(shape_run(font, "ที่ นร ๐๑๐๕/๑๒๓ ผู้นำน้ำจ๋ำ", 16, 72, 100));
  first.items.push_back(layout::Rect{72, 120, 200, 1, layout::Color{0, 0, 0}, std::nullopt, 0.5});
  layout::Path dashed;
  layout::PathSegment move;
  move.kind = layout::PathSegment::Kind::MoveTo;
  move.p1 = {72, 140};
  layout::PathSegment curve;
  curve.kind = layout::PathSegment::Kind::CubicTo;
  curve.p1 = {100, 150};
  curve.p2 = {150, 130};
  curve.p3 = {272, 140};
  dashed.segments = {move, curve};
  dashed.stroke = layout::Color{0.2, 0.2, 0.8};
  dashed.dash = {3, 2};
  first.items.push_back(dashed);
  first.items.push_back(layout::SignatureField{"signer1", 350, 600, 160, 60});
  using layout::Anchor;
  first.items.push_back(Anchor{Anchor::Kind::Outline, "เรื่อง", 0, 72, 90});
  first.items.push_back(Anchor{Anchor::Kind::Outline, "รายละเอียด", 1, 72, 300});
  layout::PageFrame second;
  second.items.push_back(shape_run(font, "หน้าที่สอง", 16, 72, 100));
  second.items.push_back(Anchor{Anchor::Kind::Outline, "ภาคผนวก", 0, 72, 90});
  doc.pages = {first, second};
  return doc;
}

std::unique_ptr<PdfMemDocument> parse(const std::vector<std::uint8_t>& bytes) {
  auto doc = std::make_unique<PdfMemDocument>();
  doc->LoadFromBuffer(reinterpret_cast<const char*>(bytes.data()), static_cast<long>(bytes.size()));
  return doc;
}

PdfObject* resolve(PdfMemDocument& doc, PdfObject* o) {
  return o && o->IsReference() ? doc.GetObjects().GetObject(o->GetReference()) : o;
}

TEST(PdfStructure, QpdfFindsNoErrors) {
  TempDir dir;
  std::string path = dir.file("letter.pdf");
  write_bytes(path, write_pdf(letter()));
  auto result = run_command("qpdf --check '" + path + "'");
  EXPECT_EQ(result.status, 0) << result.output;
  EXPECT_NE(result.output.find("No syntax or stream encoding errors"), std::string::npos) << result.output;
}

// /W against the embedded program itself (PDF/A wants the two consistent): each CID's width is
// the advance of the subset glyph its CIDToGIDMap names.
TEST(PdfStructure, EachGlyphsWidthIsTheEmbeddedFontsAdvance) {
  auto pdf = parse(write_pdf(letter()));
  int checked_fonts = 0;
  for (PdfObject* o : pdf->GetObjects()) {
    if (!o->IsDictionary() || !o->GetDictionary().HasKey("Subtype")) continue;
    if (o->GetDictionary().GetKey("Subtype")->GetName().GetName() != "CIDFontType2") continue;
    ++checked_fonts;
    auto& d = o->GetDictionary();
    PdfObject* map = resolve(*pdf, d.GetKey("CIDToGIDMap"));
    ASSERT_TRUE(map && map->HasStream());
    char* raw = nullptr;
    pdf_long raw_len = 0;
    map->GetStream()->GetFilteredCopy(&raw, &raw_len);
    std::vector<unsigned> cid_to_gid;
    for (pdf_long i = 0; i + 1 < raw_len; i += 2) {
      cid_to_gid.push_back((static_cast<unsigned char>(raw[i]) << 8) | static_cast<unsigned char>(raw[i + 1]));
    }
    podofo_free(raw);
    PdfObject* descriptor = resolve(*pdf, d.GetKey("FontDescriptor"));
    ASSERT_TRUE(descriptor);
    PdfObject* file = resolve(*pdf, descriptor->GetDictionary().GetKey("FontFile2"));
    ASSERT_TRUE(file && file->HasStream());
    char* program = nullptr;
    pdf_long program_len = 0;
    file->GetStream()->GetFilteredCopy(&program, &program_len);
    std::string font_bytes(program, static_cast<std::size_t>(program_len));
    podofo_free(program);
    std::unique_ptr<hb_blob_t, HbBlobFree> blob(hb_blob_create(font_bytes.data(), static_cast<unsigned>(font_bytes.size()),
                                                                HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    std::unique_ptr<hb_face_t, HbFaceFree> face(hb_face_create(blob.get(), 0));
    std::unique_ptr<hb_font_t, HbFontFree> hb_font(hb_font_create(face.get()));
    const int upem = static_cast<int>(hb_face_get_upem(face.get()));
    hb_font_set_scale(hb_font.get(), upem, upem);
    ASSERT_GT(hb_face_get_glyph_count(face.get()), 1u);
    const PdfArray& w = resolve(*pdf, d.GetKey("W"))->GetArray();
    ASSERT_EQ(w.size(), 2u);
    ASSERT_EQ(w[0].GetNumber(), 1);
    const PdfArray& widths = w[1].GetArray();
    ASSERT_EQ(widths.size() + 1, cid_to_gid.size()) << "every CID after 0 has a width";
    for (std::size_t cid = 1; cid < cid_to_gid.size(); ++cid) {
      ASSERT_LT(cid_to_gid[cid], hb_face_get_glyph_count(face.get()));
      double expected = hb_font_get_glyph_h_advance(hb_font.get(), cid_to_gid[cid]) * 1000.0 / upem;
      EXPECT_NEAR(widths[cid - 1].GetReal(), expected, 0.001) << "CID " << cid << " glyph " << cid_to_gid[cid];
    }
  }
  EXPECT_EQ(checked_fonts, 1);
}

// Laksaman reaches its shifted marks (ปี่, ผู้) through GSUB; their reverse cmap would be U+F7xx.
TEST(PdfStructure, ToUnicodeComesFromClustersNeverFromPua) {
  auto pdf = parse(write_pdf(letter(), PdfOptions{true, false}));
  int cmaps = 0;
  for (PdfObject* o : pdf->GetObjects()) {
    if (!o->IsDictionary() || !o->GetDictionary().HasKey("ToUnicode")) continue;
    PdfObject* cmap = resolve(*pdf, o->GetDictionary().GetKey("ToUnicode"));
    char* raw = nullptr;
    pdf_long len = 0;
    cmap->GetStream()->GetFilteredCopy(&raw, &len);
    std::string text(raw, static_cast<std::size_t>(len));
    podofo_free(raw);
    ++cmaps;
    EXPECT_EQ(text.find("<F7"), std::string::npos) << text;
    EXPECT_EQ(text.find("<>"), std::string::npos) << "no CID maps to nothing";
    EXPECT_NE(text.find("<0E49>"), std::string::npos) << "MAI THO from the clusters";
  }
  EXPECT_EQ(cmaps, 1);
}

TEST(PdfStructure, SameFrameGivesSameBytes) {
  EXPECT_EQ(write_pdf(letter()), write_pdf(letter()));
}

TEST(PdfStructure, OtherCreationTimeChangesOnlyDatesAndId) {
  std::vector<std::uint8_t> a = write_pdf(letter(1700000000));
  std::vector<std::uint8_t> b = write_pdf(letter(1710000000));
  ASSERT_NE(a, b);
  std::string sa(a.begin(), a.end()), sb(b.begin(), b.end());
  auto replace_all = [](std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  };
  replace_all(sa, "D:20231114221320Z", "D:20240309160000Z");
  replace_all(sa, "2023-11-14T22:13:20Z", "2024-03-09T16:00:00Z");
  auto without_id = [](std::string s) {
    std::size_t at = s.rfind("/ID[");
    return at == std::string::npos ? s : s.erase(at, s.find(']', at) - at + 1);
  };
  EXPECT_EQ(without_id(sa), without_id(sb));
  EXPECT_NE(sa, sb) << "the /ID follows the content";
}

TEST(PdfStructure, InfoAndPdfaMetadataCarryTheDocumentInfo) {
  std::vector<std::uint8_t> bytes = write_pdf(letter());
  std::string s(bytes.begin(), bytes.end());
  EXPECT_NE(s.find("<pdfaid:part>2</pdfaid:part>"), std::string::npos) << "XMP is uncompressed";
  EXPECT_NE(s.find("<pdfaid:conformance>U</pdfaid:conformance>"), std::string::npos);
  EXPECT_NE(s.find("<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>"), std::string::npos);
  EXPECT_NE(s.find("หนังสือภายนอก"), std::string::npos) << "dc:title";
  auto pdf = parse(bytes);
  PdfDictionary& catalog = pdf->GetCatalog()->GetDictionary();
  EXPECT_EQ(catalog.GetKey("Lang")->GetString().GetStringUtf8(), "th-TH");
  PdfObject* metadata = resolve(*pdf, catalog.GetKey("Metadata"));
  ASSERT_NE(metadata, nullptr);
  EXPECT_EQ(metadata->GetDictionary().GetKey("Subtype")->GetName().GetName(), "XML");
  EXPECT_FALSE(metadata->GetDictionary().HasKey("Filter"));
  const PdfArray& intents = catalog.GetKey("OutputIntents")->GetArray();
  ASSERT_EQ(intents.size(), 1u);
  PdfObject* profile = resolve(*pdf, const_cast<PdfObject*>(intents[0].GetDictionary().GetKey("DestOutputProfile")));
  ASSERT_TRUE(profile && profile->HasStream());
  EXPECT_EQ(profile->GetDictionary().GetKey("N")->GetNumber(), 3);
  char* icc = nullptr;
  pdf_long icc_len = 0;
  profile->GetStream()->GetFilteredCopy(&icc, &icc_len);
  ASSERT_GE(icc_len, 132);
  EXPECT_EQ(std::string(icc + 36, 4), "acsp");
  EXPECT_EQ(std::string(icc + 12, 4), "mntr");
  EXPECT_EQ((static_cast<unsigned char>(icc[0]) << 24 | static_cast<unsigned char>(icc[1]) << 16 |
             static_cast<unsigned char>(icc[2]) << 8 | static_cast<unsigned char>(icc[3])),
            icc_len) << "profile size field";
  podofo_free(icc);

  TempDir dir;
  std::string path = dir.file("info.pdf");
  write_bytes(path, bytes);
  std::string info = run_command("pdfinfo '" + path + "'").output;
  EXPECT_NE(info.find("Producer:        Saraban"), std::string::npos) << info;
  EXPECT_NE(info.find("CreationDate:    Tue Nov 14 22:13:20 2023 UTC"), std::string::npos) << info;
  EXPECT_NE(info.find("Title:           หนังสือภายนอก"), std::string::npos) << info;
}

TEST(PdfStructure, BookmarksNestByLevel) {
  TempDir dir;
  std::string path = dir.file("outline.pdf");
  write_bytes(path, write_pdf(letter()));
  std::string outline = run_command("mutool show '" + path + "' outline").output;
  EXPECT_NE(outline.find("-\t\"เรื่อง\"\t#page=1"), std::string::npos) << outline;
  EXPECT_NE(outline.find("|\t\t\"รายละเอียด\"\t#page=1"), std::string::npos) << outline;
  EXPECT_NE(outline.find("|\t\"ภาคผนวก\"\t#page=2"), std::string::npos) << outline;
  auto pdf = parse(read_bytes(path));
  PdfObject* outlines = resolve(*pdf, pdf->GetCatalog()->GetDictionary().GetKey("Outlines"));
  ASSERT_NE(outlines, nullptr);
  EXPECT_EQ(outlines->GetDictionary().GetKey("Count")->GetNumber(), 3);
}

TEST(PdfStructure, SignatureFieldIsAnEmptySigWidgetOnItsPage) {
  auto pdf = parse(write_pdf(letter()));
  PdfObject* form = resolve(*pdf, pdf->GetCatalog()->GetDictionary().GetKey("AcroForm"));
  ASSERT_NE(form, nullptr);
  const PdfArray& fields = form->GetDictionary().GetKey("Fields")->GetArray();
  ASSERT_EQ(fields.size(), 1u);
  PdfObject* field = pdf->GetObjects().GetObject(fields[0].GetReference());
  auto& d = field->GetDictionary();
  EXPECT_EQ(d.GetKey("FT")->GetName().GetName(), "Sig");
  EXPECT_EQ(d.GetKey("Subtype")->GetName().GetName(), "Widget");
  EXPECT_EQ(d.GetKey("T")->GetString().GetStringUtf8(), "signer1");
  EXPECT_EQ(d.GetKey("F")->GetNumber(), 4);
  EXPECT_FALSE(d.HasKey("V")) << "unsigned";
  PdfPage* page = pdf->GetPage(0);
  EXPECT_EQ(d.GetKey("P")->GetReference(), page->GetObject()->Reference());
  const PdfArray& annots = page->GetObject()->GetDictionary().GetKey("Annots")->GetArray();
  ASSERT_EQ(annots.size(), 1u);
  EXPECT_EQ(annots[0].GetReference(), field->Reference());
  const PdfArray& rect = d.GetKey("Rect")->GetArray();
  EXPECT_NEAR(rect[0].GetReal(), 350, 1e-6);
  EXPECT_NEAR(rect[3].GetReal(), 841.8898 - 600, 1e-3) << "top edge, PDF coordinates";
}

TEST(PdfStructure, GraphicsReachTheContentStream) {
  auto pdf = parse(write_pdf(letter(), PdfOptions{true, false}));
  PdfObject* contents = resolve(*pdf, pdf->GetPage(0)->GetObject()->GetDictionary().GetKey("Contents"));
  ASSERT_TRUE(contents && contents->HasStream());
  char* raw = nullptr;
  pdf_long len = 0;
  contents->GetStream()->GetFilteredCopy(&raw, &len);
  std::string content(raw, static_cast<std::size_t>(len));
  podofo_free(raw);
  EXPECT_NE(content.find("72 720.8898 200 1 re\nf\n"), std::string::npos) << content;
  EXPECT_NE(content.find("[3 2] 0 d"), std::string::npos);
  EXPECT_NE(content.find("72 701.8898 m\n100 691.8898 150 711.8898 272 701.8898 c\nS"), std::string::npos);
  EXPECT_NE(content.find("/ActualText"), std::string::npos);
  EXPECT_NE(content.find("/F1 16 Tf"), std::string::npos);
}

TEST(PdfErrors, NotATrueTypeFontIsFontError) {
  auto doc = letter();
  auto bad = std::make_shared<layout::FontProgram>();
  bad->path = "/fonts/broken.ttf";
  bad->bytes = {'n', 'o', 't', ' ', 'a', ' ', 'f', 'o', 'n', 't', '!', '!', '!'};
  auto run = std::get<layout::TextRun>(doc.pages[0].items[0]);
  run.font = bad;
  doc.pages[0].items.push_back(run);
  try {
    write_pdf(doc);
    FAIL() << "expected FontError";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::FontError);
    EXPECT_EQ(e.context(), "/fonts/broken.ttf");
  }
}

TEST(PdfErrors, UnwritablePathIsIoErrorAndLeavesNoFile) {
  TempDir dir;
  std::string path = dir.file("no-such-dir/letter.pdf");
  try {
    write_pdf_file(system_environment(), letter(), path);
    FAIL() << "expected IoError";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::IoError);
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::recursive_directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 0u) << "no temporary file left behind";
}

TEST(PdfErrors, WritePdfFileWritesTheSameBytes) {
  TempDir dir;
  std::string path = dir.file("letter.pdf");
  write_pdf_file(system_environment(), letter(), path);
  EXPECT_EQ(read_bytes(path), write_pdf(letter()));
}

}  // namespace
}  // namespace saraban::pdf
