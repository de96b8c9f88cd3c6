// Letters: every kind renders from its sample with its fields in the text layer; layout numbers
// match the templates; long letters are numbered and cued; signature fields can be signed by
// two signers in turn; bad input is refused with every problem named and nothing written.
#include <gtest/gtest.h>

#include <optional>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
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

const char* const kKinds[] = {"external", "memo", "stamped", "order", "announcement", "regulation", "certificate", "minutes"};

struct Outcome {
  int status;
  std::string output;
};

Outcome run(const std::string& command) {
  Outcome r{0, {}};
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  if (!p) return {-1, "popen failed"};
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.output.append(buf.data(), n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::string squash(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f') out += c;
  return out;
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "saraban-letters-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

fs::path sample(const std::string& kind) { return fs::path(SARABAN_SOURCE_DIR) / "samples/letters" / (kind + ".json"); }

const std::string kBinary = SARABAN_BINARY;
const std::string kEnv = "SOURCE_DATE_EPOCH=1790000000 ";

// Every string in the letter's text fields, as the practice prints them.
void collect(const nlohmann::json& v, std::vector<std::string>& out) {
  if (v.is_string() && !v.get<std::string>().empty()) out.push_back(v.get<std::string>());
  else if (v.is_array() || v.is_object())
    for (const auto& x : v) collect(x, out);
}

std::string run_text(const layout::TextRun& r) {
  std::string t;
  for (const auto& c : r.clusters) t += c.text;
  return t;
}

double run_left(const layout::TextRun& r) {
  double x = 1e9;
  for (const auto& g : r.glyphs) x = std::min(x, g.x);
  return x;
}

double run_right(const layout::TextRun& r) {
  double x = -1e9;
  for (const auto& g : r.glyphs) x = std::max(x, g.x + g.advance);
  return x;
}

Letter load_sample(const std::string& kind) {
  const std::string text = read(sample(kind));
  return parse_letter(text, sample(kind).string(), sample(kind).parent_path().string(), nullptr);
}

}  // namespace

TEST(Letters, EveryKindRendersWithEveryFieldInTheTextLayer) {
  TempDir dir;
  for (const char* kind : kKinds) {
    SCOPED_TRACE(kind);
    fs::path out = dir.path() / (std::string(kind) + ".pdf");
    Outcome r = run(kEnv + kBinary + " render " + q(sample(kind)) + " -o " + q(out));
    ASSERT_EQ(r.status, 0) << r.output;
    ASSERT_TRUE(fs::exists(out));
    Outcome text = run("pdftotext -raw -enc UTF-8 " + q(out) + " -");
    ASSERT_EQ(text.status, 0);
    // A paragraph may now break over two pages: leave out the page number and "/next words" cue.
    std::string hay;
    std::istringstream lines(text.output);
    for (std::string line; std::getline(lines, line);) {
      const std::string l = squash(line);
      const bool page_number = l.size() >= 3 && l.front() == '-' && l.back() == '-';
      if (!page_number && l.rfind('/', 0) != 0) hay += l;
    }
    auto j = nlohmann::json::parse(read(sample(kind)));
    std::vector<std::string> fields;
    for (const char* k : {"ref", "office", "subject", "to", "references", "enclosures", "body", "closing", "signer",
                          "contact", "copies", "person", "statement", "meeting", "place", "attendees", "agenda", "urgency"})
      if (j.contains(k)) collect(j[k], fields);
    ASSERT_GT(fields.size(), 3u);
    for (const auto& f : fields) EXPECT_NE(hay.find(squash(f)), std::string::npos) << "missing: " << f;
  }
}

TEST(Letters, GeneratedTextFollowsTheDigitsSetting) {
  Letter l = load_sample("external");
  LetterRenderer renderer(system_environment());
  auto find_date = [&](const Letter& letter) {
    const auto doc = renderer.layout(letter);
    for (const auto& item : doc.pages[0].items)
      if (const auto* r = std::get_if<layout::TextRun>(&item))
        if (run_text(*r).find("พฤศจิกายน") != std::string::npos && run_text(*r).find("ที่") == std::string::npos)
          return squash(run_text(*r));
    return std::string();
  };
  EXPECT_EQ(find_date(l), "๒๑พฤศจิกายน๒๕๖๙");
  l.digits = text::DigitStyle::Arabic;
  EXPECT_EQ(find_date(l), "21พฤศจิกายน2569");
}

TEST(Letters, LayoutNumbersMatchTheTemplates) {
  LetterRenderer renderer(system_environment());
  for (const char* kind : {"external", "memo", "order", "stamped", "announcement", "certificate"}) {
    SCOPED_TRACE(kind);
    Letter l = load_sample(kind);
    const LetterTemplate& t = renderer.template_for(l.kind);
    auto doc = renderer.layout(l);
    const auto& page = doc.pages.at(0);
    EXPECT_NEAR(page.width, cm(21.0), 0.5);
    EXPECT_NEAR(page.height, cm(29.7), 0.5);
    // Emblem: the office's image, or the placeholder drawn as a filled path (samples have none).
    std::optional<layout::Image> emblem;
    for (const auto& item : page.items)
      if (const auto* im = std::get_if<layout::Image>(&item)) emblem = *im;
    for (const auto& item : page.items) {
      const auto* p = std::get_if<layout::Path>(&item);
      if (emblem || !p || !p->fill || p->segments.empty()) continue;
      double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
      for (const auto& seg : p->segments)
        if (seg.kind != layout::PathSegment::Kind::Close)
          for (const auto& q : {seg.p1, seg.p2, seg.p3}) {
            if (seg.kind != layout::PathSegment::Kind::CubicTo && &q != &seg.p1) continue;
            x0 = std::min(x0, q.x);
            y0 = std::min(y0, q.y);
            x1 = std::max(x1, q.x);
            y1 = std::max(y1, q.y);
          }
      emblem = layout::Image{nullptr, x0, y0, x1 - x0, y1 - y0};
    }
    ASSERT_TRUE(emblem.has_value());
    EXPECT_NEAR(emblem->height, cm(t.emblem_height_cm), 0.01);
    EXPECT_NEAR(emblem->y, cm(t.emblem_top_cm), 0.01);
    if (t.emblem_left_cm < 0) EXPECT_NEAR(emblem->x + emblem->width / 2, page.width / 2, 0.5);
    else EXPECT_NEAR(emblem->x, cm(t.emblem_left_cm), 0.01);
    // Left margin: the leftmost text starts at it; nothing passes the right margin.
    double left = 1e9, right = -1e9;
    for (const auto& item : page.items)
      if (const auto* r = std::get_if<layout::TextRun>(&item)) {
        left = std::min(left, run_left(*r));
        right = std::max(right, run_right(*r));
      }
    EXPECT_NEAR(left, cm(t.margin_left_cm), 1.5);
    EXPECT_LE(right, page.width - cm(t.margin_right_cm) + 1.0);
    for (const auto& item : page.items)
      if (const auto* r = std::get_if<layout::TextRun>(&item)) {
        const std::string text = run_text(*r);
        if (l.kind == LetterKind::External && text.rfind("ขอแสดงความนับถือ", 0) == 0) {
          EXPECT_NEAR(run_left(*r), cm(t.closing_left_cm), 1.5);
        }
        // The letter's own reference line (a wrapped อ้างถึง line may start with ที่ too).
        if (l.kind == LetterKind::External && text.rfind("ที่ " + l.ref, 0) == 0) {
          EXPECT_NEAR(run_left(*r), cm(t.margin_left_cm), 1.5);
        }
        if (squash(text) == "บันทึกข้อความ") {
          EXPECT_DOUBLE_EQ(r->size, t.title_size_pt);
          EXPECT_DOUBLE_EQ(t.title_size_pt, 29.0);
        }
      }
  }
}

TEST(Letters, BuiltInTemplatesHoldThePractice) {
  for (const char* kind : kKinds) {
    SCOPED_TRACE(kind);
    auto t = parse_letter_template(builtin_letter_template(*letter_kind_from_name(kind)), kind);
    EXPECT_DOUBLE_EQ(t.margin_left_cm, 3.0);
    EXPECT_DOUBLE_EQ(t.margin_right_cm, 2.0);
    EXPECT_DOUBLE_EQ(t.body_size_pt, 16.0);
    EXPECT_DOUBLE_EQ(t.paragraph_indent_cm, 2.5);
  }
  EXPECT_THROW(parse_letter_template(R"({"margin_left_cn": 3})", "typo"), Error);
}

TEST(Letters, ThreePageLetterIsNumberedAndCued) {
  Letter l = load_sample("external");
  std::vector<std::string> body;
  for (int i = 0; i < 14; ++i)
    body.push_back("ย่อหน้าที่ " + std::to_string(i + 1) + " สำนักงานขอแจ้งรายละเอียดการดำเนินงานตามโครงการพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ "
                   "ให้โรงเรียนในสังกัดทราบและถือปฏิบัติ โดยให้รายงานผลการดำเนินงานภายในเวลาที่กำหนด");
  l.body = body;
  LetterRenderer renderer(system_environment());
  auto doc = renderer.layout(l);
  ASSERT_EQ(doc.pages.size(), 3u);
  const auto& t = renderer.template_for(l.kind);
  for (std::size_t p = 0; p < 3; ++p) {
    SCOPED_TRACE(p);
    const auto& page = doc.pages[p];
    const layout::TextRun* number = nullptr;
    const layout::TextRun* cue = nullptr;
    for (const auto& item : page.items)
      if (const auto* r = std::get_if<layout::TextRun>(&item)) {
        const std::string text = run_text(*r);
        if (text.rfind("- ", 0) == 0 && r->glyphs.front().y < cm(2.5)) number = r;
        if (text.rfind("/", 0) == 0 && r->glyphs.front().y > page.height - cm(2.5)) cue = r;
      }
    if (p == 0) EXPECT_EQ(number, nullptr);
    else {
      ASSERT_NE(number, nullptr);
      EXPECT_EQ(squash(run_text(*number)), p == 1 ? "-๒-" : "-๓-");
      EXPECT_NEAR((run_left(*number) + run_right(*number)) / 2, page.width / 2, 2.0);
    }
    if (p == 2) {
      EXPECT_EQ(cue, nullptr);
      continue;
    }
    ASSERT_NE(cue, nullptr);
    EXPECT_NEAR(run_right(*cue), page.width - cm(t.margin_right_cm), 1.5);
    // The cue's words open the next page's text.
    std::string words = run_text(*cue).substr(1);
    while (!words.empty() && words.back() == ' ') words.pop_back();
    const std::string ellipsis = "…";
    if (words.size() >= ellipsis.size() && words.compare(words.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0)
      words.resize(words.size() - ellipsis.size());
    ASSERT_FALSE(words.empty());
    const auto& next = doc.pages[p + 1];
    std::string first;
    for (const auto& item : next.items)
      if (const auto* r = std::get_if<layout::TextRun>(&item)) {
        first = run_text(*r);
        break;
      }
    EXPECT_EQ(first.rfind(words, 0), 0u) << "cue '" << words << "' vs next page '" << first << "'";
    EXPECT_LT(words.size(), first.size());
  }
}

TEST(Letters, SignatureFieldOverEachSignatureSpace) {
  LetterRenderer renderer(system_environment());
  for (const char* kind : {"external", "memo", "order", "minutes"}) {
    SCOPED_TRACE(kind);
    Letter l = load_sample(kind);
    auto doc = renderer.layout(l);
    std::size_t fields = 0;
    for (const auto& page : doc.pages)
      for (const auto& item : page.items)
        if (const auto* f = std::get_if<layout::SignatureField>(&item)) {
          ++fields;
          EXPECT_GT(f->height, cm(1.0));
          EXPECT_GT(f->width, cm(3.0));
          // The signer's name in parentheses sits just under the field.
          bool name_below = false;
          for (const auto& it2 : page.items)
            if (const auto* r = std::get_if<layout::TextRun>(&it2))
              if (run_text(*r).rfind("(", 0) == 0 && r->glyphs.front().y > f->y + f->height &&
                  r->glyphs.front().y < f->y + f->height + cm(1.0))
                name_below = true;
          EXPECT_TRUE(name_below);
        }
    EXPECT_EQ(fields, l.signers.size());
  }
}

TEST(Letters, SameInputSameBytes) {
  TempDir dir;
  for (const char* kind : {"external", "memo"}) {
    fs::path a = dir.path() / "a.pdf", b = dir.path() / "b.pdf";
    ASSERT_EQ(run(kEnv + kBinary + " render " + q(sample(kind)) + " -o " + q(a)).status, 0);
    ASSERT_EQ(run(kEnv + kBinary + " render " + q(sample(kind)) + " -o " + q(b)).status, 0);
    EXPECT_EQ(read(a), read(b)) << kind;
  }
}

// A batch on two threads gives each letter the bytes a single render gives it; one bad letter
// among good ones stops the batch before anything is written.
TEST(Letters, BatchRenderMatchesSingleRendersAndWritesNothingWhenOneLetterIsBad) {
  TempDir dir;
  fs::path out = dir.path() / "out";
  fs::create_directories(out);
  std::string inputs;
  for (const char* kind : {"external", "memo", "order", "minutes"}) inputs += " " + q(sample(kind));
  Outcome r = run(kEnv + kBinary + " render" + inputs + " --out-dir " + q(out) + " --jobs 2");
  ASSERT_EQ(r.status, 0) << r.output;
  for (const char* kind : {"external", "memo", "order", "minutes"}) {
    fs::path single = dir.path() / (std::string(kind) + ".pdf");
    ASSERT_EQ(run(kEnv + kBinary + " render " + q(sample(kind)) + " -o " + q(single)).status, 0);
    EXPECT_EQ(read(out / (std::string(kind) + ".pdf")), read(single)) << kind;
  }

  fs::path bad = dir.path() / "bad.json", out2 = dir.path() / "out2";
  fs::create_directories(out2);
  write(bad, R"({"kind": "memo"})");
  r = run(kBinary + " render " + q(sample("external")) + " " + q(bad) + " --out-dir " + q(out2));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("nothing was written"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("bad.json"), std::string::npos) << r.output;
  EXPECT_TRUE(fs::is_empty(out2));

  r = run(kBinary + " render " + q(sample("external")) + " " + q(sample("memo")) + " -o " + q(dir.path() / "x.pdf"));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("--out-dir"), std::string::npos) << r.output;
}

TEST(Letters, EveryProblemReportedAtOnceAndNothingWritten) {
  TempDir dir;
  fs::path in = dir.path() / "bad.json", out = dir.path() / "bad.pdf";
  write(in, R"({"kind": "external", "ref": 12, "date": "2026-13-40", "subject": ["x"],
               "body": ["ก", 3], "signer": {"position": "ผู้อำนวยการ"}, "urgency": "ด่วนมากๆ"})");
  Outcome r = run(kBinary + " render " + q(in) + " -o " + q(out));
  EXPECT_NE(r.status, 0);
  EXPECT_FALSE(fs::exists(out));
  for (const char* path : {"$.ref: expected a string", "$.date: expected a date", "$.subject: expected a string",
                           "$.to: missing", "$.office: missing", "$.body[1]: expected a string",
                           "$.signer.name: missing", "$.urgency: expected"})
    EXPECT_NE(r.output.find(path), std::string::npos) << path << "\n" << r.output;

  write(in, R"({"kind": "letter"})");
  r = run(kBinary + " render " + q(in) + " -o " + q(out));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("$.kind: expected one of"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(out));

  write(in, "{not json");
  r = run(kBinary + " render " + q(in) + " -o " + q(out));
  EXPECT_NE(r.status, 0);
  EXPECT_FALSE(fs::exists(out));
}

TEST(Letters, EveryKindNamesItsOwnMissingFields) {
  for (const char* kind : kKinds) {
    SCOPED_TRACE(kind);
    const std::string j = std::string(R"({"kind": ")") + kind + R"("})";
    try {
      parse_letter(j, "test", ".", nullptr);
      ADD_FAILURE() << "accepted an empty letter";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
      EXPECT_NE(e.message().find("$.date: missing"), std::string::npos) << e.message();
      EXPECT_NE(e.message().find("$.office: missing"), std::string::npos) << e.message();
    }
  }
}

TEST(Letters, OfficeProfileFillsWhatTheLetterLeavesOut) {
  OfficeProfile office = parse_office_profile(
      R"({"name": "สำนักงานทดสอบ", "address": ["ถนนทดสอบ"], "ref_prefix": "ศธ ๐๔๐๙๕",
          "signer": {"name": "นายทดสอบ ใจดี", "position": ["ผู้อำนวยการ"]}, "digits": "arabic"})",
      "office.json", ".");
  Letter l = parse_letter(R"({"kind": "external", "ref": "๑๒๓", "date": "2026-11-21", "subject": "ทดสอบ",
                              "to": "ผู้รับ", "body": ["ข้อความ"]})",
                          "letter.json", ".", &office);
  EXPECT_EQ(l.ref, "ศธ ๐๔๐๙๕/๑๒๓");
  EXPECT_EQ(l.office.name, "สำนักงานทดสอบ");
  ASSERT_EQ(l.signers.size(), 1u);
  EXPECT_EQ(l.signers[0].name, "นายทดสอบ ใจดี");
  EXPECT_EQ(l.closing, "ขอแสดงความนับถือ");
  EXPECT_EQ(l.digits, text::DigitStyle::Arabic);
}

TEST(Letters, UnreadableEmblemIsNamedAndNothingWritten) {
  TempDir dir;
  fs::path in = dir.path() / "l.json", out = dir.path() / "l.pdf";
  auto j = nlohmann::json::parse(read(sample("external")));
  j["emblem"] = "no-such-emblem.png";
  write(in, j.dump());
  Outcome r = run(kBinary + " render " + q(in) + " -o " + q(out));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("no-such-emblem.png"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(out));
  write(dir.path() / "broken.png", "not a png at all");
  j["emblem"] = "broken.png";
  write(in, j.dump());
  r = run(kBinary + " render " + q(in) + " -o " + q(out));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("broken.png"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(out));
}

TEST(Letters, OfficeEmblemImageIsUsed) {
  TempDir dir;
  fs::path out = dir.path() / "l.pdf";
  fs::path office = dir.path() / "office.json";
  write(office, std::string(R"({"name": "สำนักงานทดสอบ", "emblem": ")") + SARABAN_SOURCE_DIR +
                    R"(/templates/emblem/placeholder.png"})");
  Outcome r = run(kBinary + " render " + q(sample("memo")) + " --office " + q(office) + " -o " + q(out));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_TRUE(fs::exists(out));
}

class Signing : public ::testing::Test {
 protected:
  void SetUp() override {
    if (run("command -v openssl && command -v pdfsig").status != 0) GTEST_SKIP() << "openssl or pdfsig missing";
    for (int n : {1, 2}) {
      const std::string s = std::to_string(n);
      const fs::path d = dir.path();
      Outcome r = run("cd " + q(d) + " && openssl req -x509 -newkey rsa:2048 -nodes -keyout k" + s + ".pem -out c" + s +
                  ".pem -days 2 -subj '/CN=Test Signer " + s + "' && openssl pkcs12 -export -inkey k" + s +
                  ".pem -in c" + s + ".pem -out s" + s + ".p12 -passout pass:secret" + s);
      ASSERT_EQ(r.status, 0) << r.output;
      write(d / ("pw" + s), "secret" + s + "\n");
    }
  }
  TempDir dir;
};

TEST_F(Signing, OneThenTwoSignersAllValid) {
  const fs::path d = dir.path();
  fs::path letter = d / "minutes.pdf";  // recorder and reviewer: two signature fields
  ASSERT_EQ(run(kEnv + kBinary + " render " + q(sample("minutes")) + " -o " + q(letter)).status, 0);
  Outcome r = run(kBinary + " sign " + q(letter) + " --p12 " + q(d / "s1.p12") + " --password-file " + q(d / "pw1") +
              " --reason 'ผู้จดรายงาน' -o " + q(d / "one.pdf"));
  ASSERT_EQ(r.status, 0) << r.output;
  Outcome v = run("pdfsig " + q(d / "one.pdf"));
  EXPECT_NE(v.output.find("Signature #1"), std::string::npos) << v.output;
  EXPECT_NE(v.output.find("Signature Validation: Signature is Valid."), std::string::npos) << v.output;
  EXPECT_NE(v.output.find("The signature form field is not signed"), std::string::npos) << v.output;

  r = run(kBinary + " sign " + q(d / "one.pdf") + " --p12 " + q(d / "s2.p12") + " --password-file " + q(d / "pw2") +
          " -o " + q(d / "two.pdf"));
  ASSERT_EQ(r.status, 0) << r.output;
  v = run("pdfsig " + q(d / "two.pdf"));
  std::size_t valid = 0;
  for (std::size_t at = v.output.find("Signature is Valid."); at != std::string::npos;
       at = v.output.find("Signature is Valid.", at + 1))
    ++valid;
  EXPECT_EQ(valid, 2u) << v.output;
  EXPECT_NE(v.output.find("Test Signer 1"), std::string::npos);
  EXPECT_NE(v.output.find("Test Signer 2"), std::string::npos);
  // The first revision is kept byte for byte.
  const std::string one = read(d / "one.pdf"), two = read(d / "two.pdf");
  ASSERT_GT(two.size(), one.size());
  EXPECT_TRUE(two.compare(0, one.size(), one) == 0);

  // No third field: refused, nothing written.
  r = run(kBinary + " sign " + q(d / "two.pdf") + " --p12 " + q(d / "s1.p12") + " --password-file " + q(d / "pw1") +
          " -o " + q(d / "three.pdf"));
  EXPECT_NE(r.status, 0);
  EXPECT_FALSE(fs::exists(d / "three.pdf"));
}

TEST_F(Signing, WrongPasswordIsClearAndWritesNothing) {
  const fs::path d = dir.path();
  fs::path letter = d / "memo.pdf";
  ASSERT_EQ(run(kEnv + kBinary + " render " + q(sample("memo")) + " -o " + q(letter)).status, 0);
  Outcome r = run(kBinary + " sign " + q(letter) + " --p12 " + q(d / "s1.p12") + " --password-file " + q(d / "pw2") +
              " -o " + q(d / "out.pdf"));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("wrong password"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(d / "out.pdf"));
}
