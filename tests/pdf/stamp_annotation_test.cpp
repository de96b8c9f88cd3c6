// The receive stamp as a Stamp annotation in an incremental update (issue 9): the original's
// bytes are a prefix of the stamped copy, qpdf finds nothing wrong with the copy, a sender's
// signature still verifies, the stamp shows in poppler and MuPDF whatever the page's content
// does (syntax errors) and above the page's own annotations, and owner-password files get the
// stamp encrypted with their key and readable by both extractors.
#include <gtest/gtest.h>
#include <podofo/podofo.h>

#include <string>
#include <vector>

#include "layout/frame.h"
#include "overlay_test_stamp.h"
#include "pdf/pdf_overlay.h"
#include "pdf/pdf_signer.h"
#include "pdf/pdf_writer.h"
#include "pdf_test_support.h"
#include "support/mupdf_raster.h"
#include "support/page_raster.h"
#include "support/raw_pdf.h"
#include "thai_shaping.h"

namespace saraban::pdf {
namespace {

using namespace saraban::testing;

std::vector<std::uint8_t> bytes_of(const std::string& s) { return {s.begin(), s.end()}; }

std::string stream(const std::string& data) {
  return "<< /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

const std::string kLetterText = "BT /F1 14 Tf 72 700 Td (ORIGINAL LETTER) Tj ET";

// One A4 Helvetica page; `page_extra` goes on the page, `more` are objects 6, 7, ...
std::vector<std::uint8_t> letter(const std::string& content, const std::string& page_extra = "",
                                 const std::vector<std::string>& more = {}) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> " + page_extra + " >>",
      stream(content), "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
  objects.insert(objects.end(), more.begin(), more.end());
  return bytes_of(raw_pdf_text(objects));
}

bool qpdf_clean(const std::string& pdf, std::string* output) {
  auto r = run_command("qpdf --password='' --check '" + pdf + "'");
  *output = r.output;
  return r.status == 0 && r.output.find("No syntax or stream encoding errors") != std::string::npos &&
         r.output.find("WARNING") == std::string::npos;
}

// The stamp's 150 x 50 box drawn 1 cm from the top and right edges of an A4 page.
void expect_box_at_top_right(const Raster& r, const char* who) {
  ASSERT_GT(r.width, 0) << who << " rendered nothing";
  PixelBox b = blue_pixels(r);
  ASSERT_GE(b.x1, 0) << who << ": no stamp on the page";
  EXPECT_NEAR(b.x1, 595.28 - 28.35, 2) << who;
  EXPECT_NEAR(b.y0, 28.35, 2) << who;
  EXPECT_NEAR(b.x0, 595.28 - 28.35 - 150, 2) << who;
  EXPECT_NEAR(b.y1, 28.35 + 50, 2) << who;
}

struct Stamped {
  TempDir dir;
  std::vector<std::uint8_t> original, copy;
  std::string in, out;
};

void stamp(const std::vector<std::uint8_t>& original, Stamped& s) {
  s.original = original;
  s.copy = overlay_first_page(original, top_right_stamp());
  s.in = s.dir.file("in.pdf");
  s.out = s.dir.file("out.pdf");
  write_bytes(s.in, s.original);
  write_bytes(s.out, s.copy);
}

void expect_prefix_and_clean(const Stamped& s, const std::string& what) {
  ASSERT_GT(s.copy.size(), s.original.size()) << what;
  EXPECT_TRUE(std::equal(s.original.begin(), s.original.end(), s.copy.begin())) << what << ": original changed";
  std::string check;
  EXPECT_TRUE(qpdf_clean(s.out, &check)) << what << "\n" << check;
}

void expect_stamp_text(const std::string& pdf, const std::string& what) {
  for (auto [who, text] : {std::pair{"poppler", squeeze_whitespace(pdftotext(pdf))},
                            std::pair{"pymupdf", squeeze_whitespace(pymupdf_text(pdf))}}) {
    EXPECT_NE(text.find("ORIGINAL LETTER"), std::string::npos) << what << " " << who << ": " << text;
    EXPECT_NE(text.find("เลขรับ ๑๒๓"), std::string::npos) << what << " " << who << ": " << text;
  }
}

// ---- the update itself

TEST(StampAnnotation, OriginalIsAPrefixAndTheUpdateIsAStampAnnotation) {
  Stamped s;
  stamp(letter(kLetterText), s);
  expect_prefix_and_clean(s, "plain");
  expect_stamp_text(s.out, "plain");
  PoDoFo::PdfMemDocument doc;
  doc.Load(s.out.c_str());
  PoDoFo::PdfPage* page = doc.GetPage(0);
  ASSERT_NE(page, nullptr);
  // The page's own content is untouched: still the original's one stream.
  PoDoFo::PdfObject* contents = page->GetObject()->GetDictionary().GetKey("Contents");
  ASSERT_TRUE(contents && contents->IsReference());
  EXPECT_EQ(contents->GetReference().ObjectNumber(), 4u);
  ASSERT_EQ(page->GetNumAnnots(), 1);
  PoDoFo::PdfObject* annot = page->GetAnnotation(0)->GetObject();
  EXPECT_EQ(annot->GetDictionary().GetKey("Subtype")->GetName().GetName(), "Stamp");
  EXPECT_EQ(annot->GetDictionary().GetKey("F")->GetNumber(), 4 + 128);  // Print + Locked
  EXPECT_GE(annot->Reference().ObjectNumber(), 6u) << "new objects start at the original's /Size";
  // The trailer points back at the original's cross-reference section.
  const std::string tail(s.copy.begin() + static_cast<long>(s.original.size()), s.copy.end());
  const std::string orig(s.original.begin(), s.original.end());
  const std::string xref = orig.substr(orig.rfind("startxref") + 10);
  EXPECT_NE(tail.find("/Prev " + std::to_string(std::stoul(xref))), std::string::npos) << tail.substr(tail.rfind("trailer"));
  // Only the stamp is added: fonts subset, a few KB at most.
  EXPECT_LT(s.copy.size() - s.original.size(), 40u * 1024);
}

// Originals with a cross-reference stream and object streams, linearized, and without an end
// of line after %%EOF: still a prefix, still clean.
TEST(StampAnnotation, XrefStreamsLinearizedAndNoFinalEol) {
  TempDir dir;
  write_bytes(dir.file("plain.pdf"), letter(kLetterText));
  for (const char* mode : {"--object-streams=generate", "--linearize"}) {
    const std::string in = dir.file("in.pdf");
    ASSERT_EQ(run_command(std::string("qpdf ") + mode + " '" + dir.file("plain.pdf") + "' '" + in + "'").status, 0);
    Stamped s;
    stamp(read_bytes(in), s);
    expect_prefix_and_clean(s, mode);
    expect_stamp_text(s.out, mode);
  }
  auto no_eol = letter(kLetterText);
  while (no_eol.back() == '\n' || no_eol.back() == '\r') no_eol.pop_back();
  Stamped s;
  stamp(no_eol, s);
  expect_prefix_and_clean(s, "no final EOL");
  expect_stamp_text(s.out, "no final EOL");
}

TEST(StampAnnotation, SameInputSameBytes) {
  auto input = letter(kLetterText);
  EXPECT_EQ(overlay_first_page(input, top_right_stamp()), overlay_first_page(input, top_right_stamp()));
}

// ---- signed originals

TEST(StampAnnotation, ASendersSignatureStaysValid) {
  TempDir dir;
  auto r = run_command("cd '" + dir.path() +
                       "' && openssl req -x509 -newkey rsa:2048 -nodes -keyout k.pem -out c.pem -days 2 "
                       "-subj '/CN=Sender' 2>&1 && openssl pkcs12 -export -inkey k.pem -in c.pem -out s.p12 "
                       "-passout pass:secret 2>&1");
  ASSERT_EQ(r.status, 0) << r.output;
  layout::DocumentFrame doc;
  doc.info.created = 1700000000;
  layout::PageFrame page;
  page.items.push_back(shape_run(laksaman(), "หนังสือที่ลงนามแล้ว", 16, 72, 200));
  page.items.push_back(layout::SignatureField{"sender", 300, 600, 200, 60});
  doc.pages = {page};
  SignRequest request;
  request.pkcs12 = read_bytes(dir.file("s.p12"));
  request.password = "secret";
  request.source = dir.file("s.p12");
  request.time = 1700000000;
  const auto signed_pdf = sign_pdf(write_pdf(doc), request);
  write_bytes(dir.file("signed.pdf"), signed_pdf);
  const std::string before = run_command("pdfsig '" + dir.file("signed.pdf") + "' 2>&1").output;
  ASSERT_NE(before.find("Signature is Valid."), std::string::npos) << before;

  Stamped s;
  stamp(signed_pdf, s);
  expect_prefix_and_clean(s, "signed");
  const std::string after = run_command("pdfsig '" + s.out + "' 2>&1").output;
  EXPECT_NE(after.find("Signature Validation: Signature is Valid."), std::string::npos) << after;
  EXPECT_EQ(after.find("Digest Mismatch"), std::string::npos) << after;
  const std::string text = squeeze_whitespace(pdftotext(s.out));
  EXPECT_NE(text.find("เลขรับ ๑๒๓"), std::string::npos) << text;
}

// ---- always visible

// qpdf's warnings about `pdf`, without the file's name (it differs between the two files).
std::vector<std::string> qpdf_warnings(const std::string& pdf) {
  std::string out = run_command("qpdf --check '" + pdf + "' 2>&1").output;
  std::vector<std::string> lines;
  for (std::size_t at = out.find("WARNING: "); at != std::string::npos; at = out.find("WARNING: ", at + 1)) {
    std::string line = out.substr(at, out.find('\n', at) - at);
    if (auto name = line.find(pdf); name != std::string::npos) line.erase(name, pdf.size());
    lines.push_back(line);
  }
  return lines;
}

// Page content with syntax errors (an unterminated array, a junk operator, an unclosed string
// at the very end): the stamp is an annotation, drawn after the content and apart from it.
TEST(StampAnnotation, SyntaxErrorsInTheContentCannotHideTheStamp) {
  for (const std::string& junk : {std::string(" [1 2 3 junkop 0 0 1 rg"), std::string(" 12 34 frobnicate q q q 5 w"),
                                  std::string(" 0.5 0 0 0.5 0 0 cm (unterminated")}) {
    Stamped s;
    stamp(letter(kLetterText + junk), s);
    // qpdf --check parses content streams: it finds the original's error in the copy, and
    // nothing else.
    EXPECT_TRUE(std::equal(s.original.begin(), s.original.end(), s.copy.begin())) << junk;
    const auto original_warnings = qpdf_warnings(s.in);
    EXPECT_LE(original_warnings.size(), 1u) << junk;
    EXPECT_EQ(qpdf_warnings(s.out), original_warnings) << junk;
    expect_box_at_top_right(render_first_page(s.out, s.dir.file("p")), "poppler");
    expect_box_at_top_right(render_mupdf(s.out, s.dir.file("m")), "mupdf");
  }
}

// A filled square annotation (with its own appearance) over the top-right corner, as a form
// field or a sticky highlight would be: the stamp is drawn above it in both renderers.
TEST(StampAnnotation, StampIsDrawnAboveTheOriginalsAnnotations) {
  const std::string square_ap = "1 0.8 0.8 rg 0 0 300 150 re f";
  auto input = letter(kLetterText, "/Annots [6 0 R]",
                      {"<< /Type /Annot /Subtype /Square /Rect [295.28 691.89 595.28 841.89] /F 4 /IC [1 0.8 0.8] "
                       "/AP << /N 7 0 R >> >>",
                       "<< /Type /XObject /Subtype /Form /BBox [0 0 300 150] /Length " +
                           std::to_string(square_ap.size()) + " >>\nstream\n" + square_ap + "\nendstream"});
  // Without the stamp the corner is pink in both renderers: the annotation really covers it.
  TempDir dir;
  write_bytes(dir.file("plain.pdf"), input);
  Raster plain = render_first_page(dir.file("plain.pdf"), dir.file("plain"));
  ASSERT_GT(plain.width, 500);
  const std::uint8_t* corner = &plain.rgb[(40 * static_cast<std::size_t>(plain.width) + 500) * 3];
  EXPECT_GT(corner[0], 200);
  EXPECT_LT(corner[1], 230);

  Stamped s;
  stamp(input, s);
  expect_prefix_and_clean(s, "annotated");
  expect_box_at_top_right(render_first_page(s.out, s.dir.file("p")), "poppler");
  expect_box_at_top_right(render_mupdf(s.out, s.dir.file("m")), "mupdf");
  PoDoFo::PdfMemDocument doc;
  doc.Load(s.out.c_str());
  ASSERT_EQ(doc.GetPage(0)->GetNumAnnots(), 2);
  EXPECT_EQ(doc.GetPage(0)->GetAnnotation(1)->GetObject()->GetDictionary().GetKey("Subtype")->GetName().GetName(),
            "Stamp");
}

// An /Annots array shared by two pages: page 2 keeps its one annotation.
TEST(StampAnnotation, ASharedAnnotsArrayIsNotChangedForOtherPages) {
  auto input = bytes_of(raw_pdf_text(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 7 0 R] /Count 2 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R "
       "/Resources << /Font << /F1 5 0 R >> >> /Annots 6 0 R >>",
       stream(kLetterText), "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
       "[8 0 R]",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R "
       "/Resources << /Font << /F1 5 0 R >> >> /Annots 6 0 R >>",
       "<< /Type /Annot /Subtype /Text /Rect [10 10 30 30] /Contents (note) >>"}));
  Stamped s;
  stamp(input, s);
  expect_prefix_and_clean(s, "shared annots");
  PoDoFo::PdfMemDocument doc;
  doc.Load(s.out.c_str());
  EXPECT_EQ(doc.GetPage(0)->GetNumAnnots(), 2);
  EXPECT_EQ(doc.GetPage(1)->GetNumAnnots(), 1);
}

// ---- encrypted originals

// Owner password only: the stamp's strings and streams are encrypted with the file's key, so
// both extractors read it; the copy is a prefix-preserving update and the same every time.
TEST(StampAnnotation, OwnerPasswordFilesGetAnEncryptedUpdate) {
  TempDir dir;
  write_bytes(dir.file("plain.pdf"), letter(kLetterText));
  const std::pair<const char*, const char*> cases[] = {
      {"rc4-40", "'' owner 40"}, {"rc4-128", "'' owner 128 --use-aes=n"}, {"aes-128", "'' owner 128 --use-aes=y"},
      {"aes-256", "'' owner 256"}};
  for (const auto& [name, how] : cases) {
    const std::string in = dir.file(std::string(name) + ".pdf");
    auto r = run_command("qpdf --allow-weak-crypto --encrypt " + std::string(how) + " -- '" + dir.file("plain.pdf") +
                         "' '" + in + "'");
    ASSERT_EQ(r.status, 0) << r.output;
    Stamped s;
    stamp(read_bytes(in), s);
    expect_prefix_and_clean(s, name);
    expect_stamp_text(s.out, name);
    EXPECT_EQ(overlay_first_page(s.original, top_right_stamp()), s.copy) << name << ": not deterministic";
    // Nothing of the stamp is left in clear: its text never appears unencrypted in the update.
    const std::string tail(s.copy.begin() + static_cast<long>(s.original.size()), s.copy.end());
    EXPECT_EQ(tail.find("saraban-receive-stamp"), std::string::npos) << name;
  }
}

}  // namespace
}  // namespace saraban::pdf
