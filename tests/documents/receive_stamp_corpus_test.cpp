// The receive-stamp corpus of issue 9 ("Done when"): one PDF per case of the issue, made by the
// test itself, stamped through the register's stamper. For every case that is to be stamped:
//   1. the buffer handed to the stamper is unchanged (hashed before and after, compared);
//   2. `qpdf --check` on the stamped copy exits 0;
//   3. the stamp is visible at the top right of page 1 in poppler's (pdftoppm) and MuPDF's
//      renders (crop box, rotation and annotations applied): stamp-blue pixels in the visible
//      page's top-right quarter; the stamp's box reaching into the right and top thirds, at
//      least 4 cm wide (or 60% of a narrower page), its border whole on all four sides; and
//      readable: no dark letter ink inside its box (free space, or an opaque background);
//   4. a signed original's signatures all still verify with pdfsig;
//   5. the office, receive number and date extract from page 1 with pdftotext and PyMuPDF as
//      WHOLE LINES: exactly one extracted line, whitespace runs squeezed and ends trimmed, is
//      equal to the stamp's line ("สำนักงานเขตบางรัก", "เลขรับ ๑๒๓๔", "วันที่ ๒๘ พ.ย. ๒๕๖๙");
// and, so the stamp never costs the letter anything: every line page 1 of the original
// extracts to (same rule, same extractor) is still a line of the stamped copy, and the copy's
// %PDF version is not lower than the original's, and it has as many pages. Refused cases throw saraban::Error(PdfError)
// ("encrypted" in the message for files needing a password) and leave the buffer unchanged.
#include <gtest/gtest.h>

#include <cstdint>
#include <exception>
#include <functional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "base/error.h"
#include "stamp_corpus_fixtures.h"
#include "stamp_corpus_support.h"

namespace saraban::documents {
namespace {

using namespace saraban::testing;

constexpr double kCm = 72.0 / 2.54;

const StampFields& fields() {
  static const StampFields f{"สำนักงานเขตบางรัก", "๑๒๓๔", "๒๘ พ.ย. ๒๕๖๙", "๑๔:๐๕"};
  return f;
}

// The stamp's lines the corpus requires whole (templates/receive_stamp.json: office, เลขรับ, วันที่).
std::vector<std::string> stamp_lines() {
  return {fields().office, "เลขรับ " + fields().number, "วันที่ " + fields().date};
}

enum class Expect { Stamped, RefusedAsPdfError, RefusedAsEncrypted };

// What the generic checks found out, for a case's own checks.
struct StampRun {
  std::string original_pdf, stamped_pdf;
  int dpi = 0;
  PageView original_poppler, original_mupdf;
  PageView poppler, mupdf;
};

struct CorpusCase {
  std::string name;
  Expect expect = Expect::Stamped;
  std::function<std::vector<std::uint8_t>(const TempDir&, std::string& why)> make;
  int dpi = 50;                          // low: the corpus must stay quick
  std::function<void(const StampRun&)> more;  // the case's own checks, if any
  // A /UserUnit page: its unit in pt and its visible width in units. Readers differ (MuPDF
  // honours /UserUnit, poppler 22 draws 1 unit as 1 pt), so sizes are judged in the page's units.
  double user_unit = 1.0;
  double width_units = 0.0;  // 0: 1 unit = 1 pt
};

// Test names and failure messages show the case's name, not its bytes.
void PrintTo(const CorpusCase& c, std::ostream* os) { *os << c.name; }

std::uint64_t fnv1a(const std::vector<std::uint8_t>& bytes) {
  std::uint64_t h = 1469598103934665603ull;
  for (std::uint8_t b : bytes) h = (h ^ b) * 1099511628211ull;
  return h;
}

// "%PDF-1.7" -> 17; the header may follow junk (readers look in the first 1024 bytes).
int pdf_version(const std::vector<std::uint8_t>& bytes) {
  const std::string head(bytes.begin(), bytes.begin() + static_cast<long>(std::min<std::size_t>(bytes.size(), 1024)));
  const std::size_t at = head.find("%PDF-");
  if (at == std::string::npos || at + 8 > head.size()) return -1;
  return (head[at + 5] - '0') * 10 + (head[at + 7] - '0');
}

int count_of(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// Pages as qpdf counts them (recovering a damaged file as readers do); -1 if it cannot.
int page_count(const std::string& pdf) {
  const auto r = run_command("(qpdf --show-npages '" + pdf + "' 2>/dev/null)");
  try {
    return std::stoi(r.output);
  } catch (const std::exception&) {
    return -1;
  }
}

void expect_stamp_visible(const PageView& v, const CorpusCase& c) {
  const Raster& r = v.raster;
  ASSERT_GT(r.width, 0) << v.reader << " did not render page 1 of the stamped copy";
  const PixelBox b = blue_pixels(r);
  ASSERT_GE(b.x1, 0) << v.reader << ": no stamp colour anywhere on page 1";
  const int in_quarter = count_blue(r, r.width / 2, 0, r.width, r.height / 2);
  EXPECT_GE(in_quarter, 80) << v.reader << ": the stamp is not in the top-right quarter (" << in_quarter
                            << " stamp-blue pixels there)";
  // Its right edge in the page's right third, its top in the top third: room to move into free
  // space below a letterhead, and a stamp scaled to fit a small page may be centred near the
  // middle, but its corner stays at the top right.
  EXPECT_GE(b.x1, r.width * 2 / 3) << v.reader << ": the stamp's right edge is not near the page's right";
  EXPECT_LE(b.y0, r.height / 3) << v.reader << ": the stamp's top is not near the page's top";
  const double px_per_unit = c.width_units > 0 ? r.width / c.width_units : c.dpi / 72.0;
  const double min_width = std::min(4.0 * kCm / c.user_unit * px_per_unit, 0.6 * r.width);
  EXPECT_GE(b.x1 - b.x0, min_width) << v.reader << ": stamp only " << (b.x1 - b.x0) << " px wide on a " << r.width
                                    << " px page";
  EXPECT_TRUE(b.x0 > 0 && b.y0 > 0 && b.x1 < r.width - 1 && b.y1 < r.height - 1)
      << v.reader << ": the stamp is cut by the page's edge: box " << b.x0 << "," << b.y0 << " - " << b.x1 << ","
      << b.y1 << " on " << r.width << " x " << r.height;
  // The box's border (templates/receive_stamp.json: border_pt) is whole on all four sides: a
  // stamp running off the page loses a side even when its words stay on it.
  for (char side : {'l', 'r', 't', 'b'})
    EXPECT_GE(side_coverage(r, b.x0, b.y0, b.x1, b.y1, side), 0.8)
        << v.reader << ": the stamp's border is not whole on side " << side << " (cut by the page's edge?)";
  const int ink = count_letter_ink(r, b.x0, b.y0, b.x1 + 1, b.y1 + 1);
  const int area = (b.x1 - b.x0 + 1) * (b.y1 - b.y0 + 1);
  EXPECT_LE(ink, std::max(3, area / 500)) << v.reader << ": the stamp is drawn over the letter's ink (" << ink
                                          << " dark pixels inside its " << area << " px box): neither of them is readable";
}

void expect_whole_stamp_lines(const PageView& v) {
  const auto lines = text_lines(v.text);
  for (const std::string& want : stamp_lines())
    EXPECT_EQ(count_lines_equal(lines, want), 1u) << v.reader << ": \"" << want << "\" is not one whole line of page 1:\n"
                                                  << v.text;
}

void expect_letter_lines_kept(const PageView& original, const PageView& stamped) {
  const auto after = text_lines(stamped.text);
  for (const std::string& line : text_lines(original.text))
    EXPECT_GE(count_lines_equal(after, line), 1u)
        << stamped.reader << ": the letter's line \"" << line << "\" is no longer whole on page 1:\n"
        << stamped.text;
}

void expect_refused(const CorpusCase& c, const std::vector<std::uint8_t>& input) {
  try {
    stamp_for_test(input, fields());
    ADD_FAILURE() << c.name << ": stamped, expected a refusal";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::PdfError) << e.what();
    if (c.expect == Expect::RefusedAsEncrypted) {
      EXPECT_NE(std::string(e.what()).find("encrypted"), std::string::npos) << "not refused as encrypted: " << e.what();
    }
  }
}

class ReceiveStampCorpus : public ::testing::TestWithParam<CorpusCase> {};

// qpdf's WARNING lines with the file's name taken out, so two files' warnings compare.
std::vector<std::string> qpdf_warnings(const std::string& output, const std::string& path) {
  std::vector<std::string> out;
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("WARNING: ", 0) != 0) continue;
    for (auto at = line.find(path); at != std::string::npos; at = line.find(path)) line.replace(at, path.size(), "FILE");
    out.push_back(line);
  }
  return out;
}

TEST_P(ReceiveStampCorpus, StampedCopyIsCompleteVisibleAndExtractable) {
  const CorpusCase& c = GetParam();
  TempDir dir;
  std::string why;
  const std::vector<std::uint8_t> original = c.make(dir, why);
  ASSERT_TRUE(why.empty()) << "making the fixture failed: " << why;
  const std::vector<std::uint8_t> input = original;  // the buffer the stamper gets
  const std::uint64_t hash_before = fnv1a(input);

  if (c.expect != Expect::Stamped) {
    expect_refused(c, input);
    EXPECT_EQ(fnv1a(input), hash_before);
    EXPECT_TRUE(input == original) << "the stamper changed the original";
    return;
  }

  StampRun run;
  run.dpi = c.dpi;
  run.original_pdf = dir.file("original.pdf");
  run.stamped_pdf = dir.file("stamped.pdf");
  write_bytes(run.original_pdf, original);
  // The fixture is what it claims: readers show it, and nothing on it is stamp-blue yet.
  run.original_poppler = poppler_page1(run.original_pdf, c.dpi, dir.file("orig-poppler"));
  run.original_mupdf = mupdf_page1(run.original_pdf, c.dpi, dir.file("orig-mupdf"));
  ASSERT_GT(run.original_poppler.raster.width, 0) << "poppler cannot show the fixture";
  ASSERT_GT(run.original_mupdf.raster.width, 0) << "MuPDF cannot show the fixture";
  ASSERT_LT(blue_pixels(run.original_poppler.raster).x1, 0) << "the fixture already has stamp-blue ink";
  ASSERT_LT(blue_pixels(run.original_mupdf.raster).x1, 0) << "the fixture already has stamp-blue ink";

  StampOutcome out;
  try {
    out = stamp_for_test(input, fields());
  } catch (const Error& e) {
    FAIL() << "not stamped: " << error_code_name(e.code()) << ": " << e.what();
  }
  EXPECT_EQ(fnv1a(input), hash_before) << "the original's hash changed";
  EXPECT_TRUE(input == original) << "the stamper changed the original";
  ASSERT_FALSE(out.bytes.empty());
  write_bytes(run.stamped_pdf, out.bytes);
  EXPECT_GE(pdf_version(out.bytes), pdf_version(original)) << "the stamped copy lowers the PDF version";

  // qpdf --check passes, or warns exactly what it warns about the original: a syntax error in
  // the sender's own content stays in the copy byte for byte (its signature depends on it).
  const auto check = run_command("qpdf --check '" + run.stamped_pdf + "'");
  if (check.status != 0) {
    const auto original_check = run_command("qpdf --check '" + run.original_pdf + "'");
    EXPECT_EQ(check.status, original_check.status) << "the copy has problems the original has not:\n" << check.output;
    EXPECT_FALSE(qpdf_warnings(check.output, run.stamped_pdf).empty()) << check.output;
    EXPECT_EQ(qpdf_warnings(check.output, run.stamped_pdf), qpdf_warnings(original_check.output, run.original_pdf))
        << "the copy has problems the original has not";
  }

  run.poppler = poppler_page1(run.stamped_pdf, c.dpi, dir.file("poppler"));
  run.mupdf = mupdf_page1(run.stamped_pdf, c.dpi, dir.file("mupdf"));
  for (const PageView* v : {&run.poppler, &run.mupdf}) {
    expect_stamp_visible(*v, c);
    expect_whole_stamp_lines(*v);
  }
  expect_letter_lines_kept(run.original_poppler, run.poppler);
  expect_letter_lines_kept(run.original_mupdf, run.mupdf);
  EXPECT_EQ(page_count(run.stamped_pdf), page_count(run.original_pdf)) << "the stamped copy has other pages";
  if (c.more) c.more(run);
}

// Every signature the original carried still verifies in the stamped copy.
void signatures_still_valid(const StampRun& run) {
  const auto before = run_command("pdfsig '" + run.original_pdf + "'");
  const auto after = run_command("pdfsig '" + run.stamped_pdf + "'");
  const int valid_before = count_of(before.output, "Signature is Valid.");
  ASSERT_GE(valid_before, 1) << "the fixture is not validly signed:\n" << before.output;
  EXPECT_EQ(count_of(after.output, "Signature is Valid."), valid_before) << after.output;
  EXPECT_EQ(count_of(after.output, "Digest Mismatch"), 0) << after.output;
}

// The green image (/Length 0 in the original) still fills its square in both readers.
void image_still_shown(const StampRun& run) {
  const double s = run.dpi / 72.0;
  // PDF (72..272, 150..350) on an 842 pt page, 10% in from each side.
  const int x0 = static_cast<int>(92 * s), x1 = static_cast<int>(252 * s);
  const int y0 = static_cast<int>((842 - 330) * s), y1 = static_cast<int>((842 - 170) * s);
  for (const PageView* v : {&run.original_poppler, &run.original_mupdf})
    ASSERT_GE(green_share(v->raster, x0, y0, x1, y1), 0.9) << v->reader << " does not show the fixture's image";
  for (const PageView* v : {&run.poppler, &run.mupdf})
    EXPECT_GE(green_share(v->raster, x0, y0, x1, y1), 0.9) << v->reader << ": the image is gone from the stamped copy";
}

// The engine letter's "ที่ …" line stays a whole line beside the stamp.
void reference_line_kept(const StampRun& run) {
  for (const PageView* v : {&run.poppler, &run.mupdf})
    EXPECT_EQ(count_lines_equal(text_lines(v->text), "ที่ ศธ ๐๔๐๙๕/๔๕๖"), 1u) << v->reader << ":\n" << v->text;
}

void keeps_version_2_0(const StampRun& run) {
  const auto bytes = read_bytes(run.stamped_pdf);
  EXPECT_EQ(std::string(bytes.begin(), bytes.begin() + 8), "%PDF-2.0");
}

std::function<std::vector<std::uint8_t>(const TempDir&, std::string&)> raw(std::string pdf) {
  return [pdf = std::move(pdf)](const TempDir&, std::string&) { return bytes_of(pdf); };
}

std::function<std::vector<std::uint8_t>(const TempDir&, std::string&)> qpdf(std::string args) {
  return [args = std::move(args)](const TempDir& dir, std::string& why) { return through_qpdf(dir, args, why); };
}

std::vector<CorpusCase> corpus() {
  using E = Expect;
  std::vector<CorpusCase> cases = {
      {"ZeroByteFile", E::RefusedAsPdfError, raw(""), 50, nullptr},
      {"ImageWithLengthZero", E::Stamped, raw(image_length_zero()), 50, image_still_shown},
      {"SignedOriginal", E::Stamped, [](const TempDir& d, std::string& why) { return signed_letter(d, why); }, 50,
       signatures_still_valid},
      {"StrayQInPageContent", E::Stamped, raw(stray_q()), 50, nullptr},
      {"SyntaxErrorInPageContent", E::Stamped, raw(content_syntax_error()), 50, nullptr},
      {"AnnotationOverTopRight", E::Stamped, raw(annotation_top_right()), 50, nullptr},
      {"FilledFormFieldOverTopRight", E::Stamped, raw(form_field_top_right()), 50, nullptr},
      {"EngineExternalLetter", E::Stamped,
       [](const TempDir& d, std::string& why) { return engine_letter(d, "external", why); }, 50, reference_line_kept},
      {"EngineExternalLetter2cmTopMargin", E::Stamped,
       [](const TempDir& d, std::string& why) { return engine_letter_2cm_top(d, why); }, 50, reference_line_kept},
      {"InkHeavyTopRightBlock", E::Stamped, raw(ink_heavy_top_right()), 50, nullptr},
      {"FullPageScanImage", E::Stamped, [](const TempDir& d, std::string& why) { return scan_like(d, why); }, 50, nullptr},
      {"PageSmallerThanTheStamp", E::Stamped, raw(small_page()), 200, nullptr},
      {"UserUnitTwo", E::Stamped, raw(user_unit_two()), 50, nullptr, 2.0, 297.5},
      {"PageListedTwiceInKids", E::Stamped, raw(page_listed_twice()), 50, nullptr},
      {"JunkBeforeHeader", E::Stamped, raw("From: scanner@office.example\r\n\r\n" + raw_letter({})), 50, nullptr},
      {"NoEofMarker", E::Stamped, raw(without_eof()), 50, nullptr},
      {"BrokenXrefOffset", E::Stamped, raw(broken_xref_offset()), 50, nullptr},
      {"XrefStream", E::Stamped, qpdf("--object-streams=generate"), 50, nullptr},
      {"OwnerPasswordOnly", E::Stamped, qpdf("--encrypt '' owner 256 --"), 50, nullptr},
      {"Rc4UserPassword", E::RefusedAsEncrypted, qpdf("--allow-weak-crypto --encrypt user owner 128 --use-aes=n --"), 50,
       nullptr},
      {"Aes128UserPassword", E::RefusedAsEncrypted, qpdf("--encrypt user owner 128 --use-aes=y --"), 50, nullptr},
      {"Pdf20", E::Stamped, raw(version_2_0()), 50, keeps_version_2_0},
      {"Rotate90", E::Stamped, raw(rotated(90)), 50, nullptr},
      {"Rotate180", E::Stamped, raw(rotated(180)), 50, nullptr},
      {"Rotate270", E::Stamped, raw(rotated(270)), 50, nullptr},
      {"CropBoxOffset", E::Stamped, raw(crop_box_offset()), 50, nullptr},
  };
  return cases;
}

INSTANTIATE_TEST_SUITE_P(Issue9, ReceiveStampCorpus, ::testing::ValuesIn(corpus()),
                         [](const ::testing::TestParamInfo<CorpusCase>& info) { return info.param.name; });

}  // namespace
}  // namespace saraban::documents
