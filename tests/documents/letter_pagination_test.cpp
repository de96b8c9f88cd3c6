// Pagination as the typing practice wants it, read back from the PDF: a letter that overflows
// its page by a line or a few is tightened within the template's bounds to fit; otherwise, and
// for a longer overflow, the last page carries at least two body lines above the closing, so
// the closing, signature and contact lines never stand alone. The three-page sample too.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "base/environment.h"
#include "base/error.h"
#include "documents/letter_json.h"
#include "documents/letter_renderer.h"
#include "documents/letter_template.h"
#include "layout/units.h"

namespace fs = std::filesystem;
using namespace saraban;
using namespace saraban::documents;
using layout::cm;

namespace {

const char* const kClosing = "ขอแสดงความนับถือ";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string run(const std::string& command, int* status = nullptr) {
  std::string out;
  FILE* p = popen((command + " 2>/dev/null").c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  const int st = pclose(p);
  if (status) *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

std::string squash(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f') out += c;
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    if (!squash(l).empty()) out.push_back(l);
  return out;
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "saraban-pagination-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// The machine, with SARABAN_TEMPLATES pointing at a folder of the test's own templates.
class TemplatesEnvironment final : public Environment {
 public:
  explicit TemplatesEnvironment(std::string dir) : dir_(std::move(dir)) {}
  std::int64_t now() const override { return system_environment().now(); }
  std::optional<std::string> variable(std::string_view name) const override {
    if (name == "SARABAN_TEMPLATES") return dir_;
    return system_environment().variable(name);
  }
  std::vector<std::uint8_t> read_file(const std::string& path) const override {
    return system_environment().read_file(path);
  }
  void write_file_atomic(const std::string& path, std::span<const std::uint8_t> bytes) const override {
    system_environment().write_file_atomic(path, bytes);
  }

 private:
  std::string dir_;
};

// A template folder whose external letter paginates as today's plain composer does: no
// tightening and no closing rule. The tests measure overflow against it.
void write_plain_templates(const fs::path& dir, LetterKind kind = LetterKind::External) {
  fs::create_directories(dir / "letters");
  auto j = std::string(builtin_letter_template(kind));
  auto set = [&](const std::string& key, const std::string& value) {
    const std::size_t at = j.find("\"" + key + "\"");
    ASSERT_NE(at, std::string::npos) << key;
    const std::size_t colon = j.find(':', at), end = j.find_first_of(",\n}", colon);
    j.replace(colon + 1, end - colon - 1, " " + value);
  };
  set("tighten_space_min_fraction", "1");
  set("tighten_signature_space_min_fraction", "1");
  set("closing_min_body_lines", "0");
  std::ofstream(dir / "letters" / (std::string(letter_kind_name(kind)) + ".json"), std::ios::binary) << j;
}

fs::path sample(const std::string& name) { return fs::path(SARABAN_SOURCE_DIR) / "samples/letters" / (name + ".json"); }

Letter load_sample(const std::string& name) {
  return parse_letter(read(sample(name)), sample(name).string(), sample(name).parent_path().string(), nullptr);
}

// Words of a long body paragraph; numbered groups keep every part of it distinct.
std::vector<std::string> body_words(int count) {
  static const char* const kWords[] = {"สำนักงาน", "ขอแจ้ง", "รายละเอียด", "การดำเนินงาน", "ตามโครงการ",
                                       "พัฒนาระบบ", "สารบรรณ", "อิเล็กทรอนิกส์", "ให้โรงเรียน", "ทราบ"};
  std::vector<std::string> out;
  for (int g = 0; static_cast<int>(out.size()) < count; ++g) {
    out.push_back(" ประเด็นที่ " + std::to_string(g + 1) + " ");
    for (const char* w : kWords) out.push_back(w);
  }
  out.resize(static_cast<std::size_t>(count));
  return out;
}

Letter letter_with_words(int count, const std::string& name = "external") {
  // Without สำเนาส่ง, as in the issue: the overflow is the closing block itself.
  Letter l = load_sample(name);
  l.copies.clear();
  std::string text;
  for (const auto& w : body_words(count)) text += w;
  while (!text.empty() && text.front() == ' ') text.erase(0, 1);
  l.body = {text};
  return l;
}

// Lines of text the letter's frame holds, page furniture (page number, cue) left out.
struct Measure {
  std::size_t pages;
  std::size_t lines;
};

Measure measure(LetterRenderer& r, const Letter& l) {
  const auto doc = r.layout(l);
  const auto& t = r.template_for(l.kind);
  std::set<std::pair<std::size_t, long>> baselines;
  for (std::size_t p = 0; p < doc.pages.size(); ++p)
    for (const auto& item : doc.pages[p].items)
      if (const auto* run = std::get_if<layout::TextRun>(&item); run && !run->glyphs.empty()) {
        const double y = run->glyphs.front().y;
        if (y < cm(t.margin_top_cm) - 1 || y > doc.pages[p].height - cm(t.margin_bottom_cm) + 1) continue;
        baselines.insert({p, std::lround(y)});
      }
  return {doc.pages.size(), baselines.size()};
}

// The body of the external sample with enough words that, paginated plainly, the letter
// overflows its first page by `lines` lines.
Letter overflowing_by(int lines, const std::string& name = "external", LetterKind kind = LetterKind::External) {
  TempDir dir;
  write_plain_templates(dir.path(), kind);
  TemplatesEnvironment env(dir.path().string());
  LetterRenderer plain(env);
  int lo = 1, hi = 4000;  // lo fits on one page, hi does not
  EXPECT_EQ(measure(plain, letter_with_words(lo, name)).pages, 1u);
  EXPECT_GT(measure(plain, letter_with_words(hi, name)).pages, 1u);
  while (hi - lo > 1) {
    const int mid = (lo + hi) / 2;
    (measure(plain, letter_with_words(mid, name)).pages == 1 ? lo : hi) = mid;
  }
  const std::size_t full = measure(plain, letter_with_words(lo, name)).lines;
  int w = lo;
  while (measure(plain, letter_with_words(w, name)).lines < full + static_cast<std::size_t>(lines)) ++w;
  Letter l = letter_with_words(w, name);
  EXPECT_EQ(measure(plain, l).lines, full + static_cast<std::size_t>(lines));
  EXPECT_EQ(measure(plain, l).pages, 2u) << "the plain composer puts the overflow on a second page";
  return l;
}

struct PdfText {
  std::vector<std::string> pages;      // pdftotext -raw of each page
  std::vector<std::string> furniture;  // each page's furniture (number, cue) from the frame, one per line
};

// The page furniture is drawn as outlines, outside the text layer: read it from the frame.
std::vector<std::string> furniture_of(const layout::DocumentFrame& doc) {
  std::vector<std::string> out;
  for (const auto& page : doc.pages) {
    std::string lines;
    for (const auto& item : page.items)
      if (const auto* r = std::get_if<layout::TextRun>(&item); r && !r->in_text_layer) {
        for (const auto& c : r->clusters) lines += c.text;
        lines += "\n";
      }
    out.push_back(lines);
  }
  return out;
}

PdfText render(const Letter& l) {
  TempDir dir;
  LetterRenderer r(system_environment());
  const auto bytes = r.render_pdf(l);
  const fs::path out = dir.path() / "letter.pdf";
  std::ofstream(out, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                             static_cast<std::streamsize>(bytes.size()));
  PdfText text;
  text.furniture = furniture_of(r.layout(l));
  const std::string info = run("pdfinfo '" + out.string() + "'");
  const std::size_t at = info.find("Pages:");
  if (at == std::string::npos) {
    ADD_FAILURE() << "pdfinfo cannot read the letter";
    return text;
  }
  const int pages = std::atoi(info.c_str() + at + 6);
  for (int p = 1; p <= pages; ++p)
    text.pages.push_back(run("pdftotext -raw -enc UTF-8 -f " + std::to_string(p) + " -l " + std::to_string(p) + " '" +
                             out.string() + "' -"));
  return text;
}

bool is_page_number(const std::string& line) {
  const std::string s = squash(line);
  return s.size() >= 3 && s.front() == '-' && s.back() == '-';
}

// Lines above the closing on the page that holds it; -1 when no page holds it.
int lines_above_closing(const PdfText& pdf, std::size_t* page = nullptr) {
  for (std::size_t p = 0; p < pdf.pages.size(); ++p) {
    int n = 0;
    for (const auto& line : lines_of(pdf.pages[p])) {
      if (squash(line).find(kClosing) != std::string::npos) {
        if (page) *page = p;
        return n;
      }
      if (!is_page_number(line)) ++n;
    }
  }
  return -1;
}

// Every page's text in order, without the page numbers, "/next words" cues and secrecy marks.
std::string running_text(const PdfText& pdf, const Letter& l) {
  std::string all;
  for (const auto& page : pdf.pages)
    for (const auto& line : lines_of(page))
      if (!is_page_number(line) && squash(line).rfind('/', 0) != 0 && (l.secrecy.empty() || squash(line) != squash(l.secrecy)))
        all += squash(line);
  return all;
}

void expect_closing_kept(const PdfText& pdf, const Letter& l) {
  ASSERT_FALSE(pdf.pages.empty());
  std::size_t page = 0;
  const int above = lines_above_closing(pdf, &page);
  ASSERT_GE(above, 0) << "no closing in the text layer";
  EXPECT_EQ(page + 1, pdf.pages.size()) << "the closing is on the last page";
  if (page > 0) {
    EXPECT_GE(above, 2) << "page " << page + 1 << " starts with the closing:\n" << pdf.pages[page];
  }
  for (const auto& b : l.body) EXPECT_NE(running_text(pdf, l).find(squash(b)), std::string::npos) << "body text lost";
}

// The stamp's outer ring (the widest red circle) on its page, the gap from the baseline of the
// black line above it to its top, and the baselines of black lines that cross it.
struct Ring {
  double top = 1e9, bottom = -1e9, gap_above = 1e9;
  std::vector<double> crossing;
};

Ring ring_of(const layout::DocumentFrame& doc) {
  Ring ring;
  for (const auto& page : doc.pages) {
    Ring here;
    for (const auto& item : page.items)
      if (const auto* path = std::get_if<layout::Path>(&item);
          path && path->stroke && path->segments.size() == 6 && path->stroke->r > 0.5 && path->stroke->g < 0.1)
        for (const auto& seg : path->segments) {
          using K = layout::PathSegment::Kind;
          if (seg.kind == K::Close) continue;
          for (const auto* pt : {&seg.p1, &seg.p2, &seg.p3}) {
            if (seg.kind != K::CubicTo && pt != &seg.p1) continue;  // MoveTo and LineTo use p1 only
            here.top = std::min(here.top, pt->y);
            here.bottom = std::max(here.bottom, pt->y);
          }
        }
    if (here.top > here.bottom) continue;
    for (const auto& item : page.items)
      if (const auto* run = std::get_if<layout::TextRun>(&item); run && !run->glyphs.empty() && run->color.r < 0.5) {
        const double y = run->glyphs.front().y;
        if (y <= here.top) here.gap_above = std::min(here.gap_above, here.top - y);
        else if (y - run->size * 0.7 < here.bottom) here.crossing.push_back(y);
      }
    ring = here;
  }
  return ring;
}

}  // namespace

TEST(LetterPagination, OverflowByOneLineIsTightenedOntoOnePage) {
  const Letter l = overflowing_by(1);
  const PdfText pdf = render(l);
  EXPECT_EQ(pdf.pages.size(), 1u) << "a one-line overflow fits once the spacing is tightened";
  expect_closing_kept(pdf, l);
}

TEST(LetterPagination, OverflowByThreeLinesIsTightenedOrCarriesTwoBodyLines) {
  const Letter l = overflowing_by(3);
  const PdfText pdf = render(l);
  ASSERT_LE(pdf.pages.size(), 2u);
  expect_closing_kept(pdf, l);
}

TEST(LetterPagination, OverflowByTenLinesCarriesBodyLinesAboveTheClosing) {
  const Letter l = overflowing_by(10);
  const PdfText pdf = render(l);
  ASSERT_EQ(pdf.pages.size(), 2u);
  expect_closing_kept(pdf, l);
  ASSERT_EQ(pdf.furniture.size(), 2u);
  bool numbered = false;
  for (const auto& line : lines_of(pdf.furniture[1])) numbered = numbered || is_page_number(line);
  EXPECT_TRUE(numbered) << "page 2 keeps its number";
  for (const auto& line : lines_of(pdf.pages[1])) EXPECT_FALSE(is_page_number(line)) << "the number is not text";
}

TEST(LetterPagination, WithoutTighteningTheClosingStillHasTwoBodyLines) {
  // Bounds of 1 forbid tightening: the one-line overflow must then carry lines over.
  const Letter l = overflowing_by(1);
  TempDir dir;
  write_plain_templates(dir.path());
  std::string j = read(dir.path() / "letters" / "external.json");
  const std::string key = "\"closing_min_body_lines\": 0";
  ASSERT_NE(j.find(key), std::string::npos);
  j.replace(j.find(key), key.size(), "\"closing_min_body_lines\": 2");
  std::ofstream(dir.path() / "letters" / "external.json", std::ios::binary) << j;
  TemplatesEnvironment env(dir.path().string());
  LetterRenderer r(env);
  const auto doc = r.layout(l);
  ASSERT_EQ(doc.pages.size(), 2u);
  // Page 2's text lines above the closing (page number left out).
  const auto& t = r.template_for(l.kind);
  std::set<long> body_lines;
  double closing_y = -1;
  for (const auto& item : doc.pages[1].items)
    if (const auto* run = std::get_if<layout::TextRun>(&item); run && !run->glyphs.empty()) {
      std::string text;
      for (const auto& c : run->clusters) text += c.text;
      const double y = run->glyphs.front().y;
      if (text.find(kClosing) != std::string::npos) closing_y = y;
      else if (y > cm(t.margin_top_cm) - 1) body_lines.insert(std::lround(y));
    }
  ASSERT_GT(closing_y, 0) << "the closing moved to page 2 with the body lines";
  EXPECT_GE(std::count_if(body_lines.begin(), body_lines.end(), [&](long y) { return y < closing_y; }), 2);
}

TEST(LetterPagination, ExternalSampleNoLongerLeavesItsClosingAlone) {
  // The sample whose body just overflows page 1: its closing block used to open page 2.
  const Letter l = load_sample("external");
  const PdfText pdf = render(l);
  ASSERT_EQ(pdf.pages.size(), 2u);
  expect_closing_kept(pdf, l);
}

TEST(LetterPagination, ThreePageSampleCarriesBodyLinesToItsLastPage) {
  const Letter l = load_sample("external-three-pages");
  const PdfText pdf = render(l);
  ASSERT_GE(pdf.pages.size(), 2u);
  expect_closing_kept(pdf, l);
  // Every page after the first is numbered, in Thai digits as the sample asks.
  static const char* const kNumbers[] = {"-๒-", "-๓-", "-๔-"};
  ASSERT_EQ(pdf.furniture.size(), pdf.pages.size());
  for (std::size_t p = 1; p < pdf.pages.size() && p < 4; ++p) {
    bool numbered = false;
    for (const auto& line : lines_of(pdf.furniture[p])) numbered = numbered || squash(line) == kNumbers[p - 1];
    EXPECT_TRUE(numbered) << "page " << p + 1;
  }
}

TEST(LetterPagination, CueNamesTheWordsThatOpenTheNextPage) {
  const Letter l = overflowing_by(10);
  const PdfText pdf = render(l);
  ASSERT_EQ(pdf.pages.size(), 2u);
  std::string cue;
  ASSERT_EQ(pdf.furniture.size(), 2u);
  for (const auto& line : lines_of(pdf.furniture[0]))
    if (squash(line).rfind('/', 0) == 0) cue = squash(line).substr(1);
  for (const auto& line : lines_of(pdf.pages[0]))
    EXPECT_NE(squash(line).rfind('/', 0), 0u) << "the cue is drawn, not in the text layer: " << line;
  const std::string ellipsis = "…";
  ASSERT_GT(cue.size(), ellipsis.size()) << pdf.pages[0];
  cue.resize(cue.size() - ellipsis.size());
  std::string first;
  for (const auto& line : lines_of(pdf.pages[1]))
    if (!is_page_number(line)) {
      first = squash(line);
      break;
    }
  EXPECT_EQ(first.rfind(cue, 0), 0u) << "cue '" << cue << "' vs page 2 '" << first << "'";
}

TEST(LetterPagination, TighteningKeepsTheStampRingClearOfTheText) {
  // The longest body that still fits on one page: tightening is drawn to (nearly) its bounds.
  LetterRenderer r(system_environment());
  const Letter plain = overflowing_by(1, "stamped", LetterKind::Stamped);
  ASSERT_EQ(r.layout(plain).pages.size(), 1u) << "a one-line overflow fits once the spacing is tightened";
  int hi = 1;
  while (r.layout(letter_with_words(hi, "stamped")).pages.size() == 1) hi *= 2;
  int lo = hi / 2;  // one page
  while (hi - lo > 1) {
    const int mid = (lo + hi) / 2;
    (r.layout(letter_with_words(mid, "stamped")).pages.size() == 1 ? lo : hi) = mid;
  }
  const Letter l = letter_with_words(lo, "stamped");
  const auto doc = r.layout(l);
  ASSERT_EQ(doc.pages.size(), 1u);
  const Ring tight = ring_of(doc);
  ASSERT_LT(tight.top, tight.bottom) << "no stamp ring";
  for (double y : tight.crossing) ADD_FAILURE() << "a line at " << y << " crosses the ring " << tight.top << ".." << tight.bottom;
  // Only the part of the stamp's space a typist may tighten (2 × space_before_pt) shrinks.
  TempDir dir;
  write_plain_templates(dir.path(), LetterKind::Stamped);
  TemplatesEnvironment env(dir.path().string());
  LetterRenderer plain_renderer(env);
  const Ring loose = ring_of(plain_renderer.layout(l));
  const auto& t = r.template_for(l.kind);
  EXPECT_GE(tight.gap_above, loose.gap_above - 2 * t.space_before_pt * (1 - t.tighten_space_min_fraction) - 0.5)
      << "the ring moved into the line above it";
}

TEST(LetterPagination, TemplateBoundsAreCheckedByName) {
  std::string j = std::string(builtin_letter_template(LetterKind::External));
  for (const auto& [key, bad] : std::vector<std::pair<std::string, std::string>>{
           {"tighten_space_min_fraction", "1.5"},
           {"tighten_signature_space_min_fraction", "0"},
           {"closing_min_body_lines", "2.5"}}) {
    SCOPED_TRACE(key);
    std::string t = j;
    const std::size_t at = t.find("\"" + key + "\"");
    ASSERT_NE(at, std::string::npos);
    const std::size_t colon = t.find(':', at), end = t.find_first_of(",\n}", colon);
    t.replace(colon + 1, end - colon - 1, " " + bad);
    try {
      parse_letter_template(t, "test.json");
      ADD_FAILURE() << "accepted " << key << " = " << bad;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("$." + key + ":"), std::string::npos) << e.what();
    }
  }
  const LetterTemplate t = parse_letter_template(j, "built-in");
  EXPECT_LT(t.tighten_space_min_fraction, 1.0);
  EXPECT_EQ(t.closing_min_body_lines, 2.0);
}
