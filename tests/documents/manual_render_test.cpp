// A manual rendered and read back with PyMuPDF: the contents print each heading's page as the
// page itself prints it, bookmarks and contents links land there, front pages are labelled
// ก ข …, the body from ๑, and a table over several pages repeats its header on each.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sys/wait.h>

#include "base/environment.h"
#include "documents/manual_render.h"
#include "documents/manual_source.h"
#include "documents/manual_style.h"
#include "support/sample_manual.h"
#include "text/thai_numbers.h"

namespace saraban::documents {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string run(const std::string& command) {
  std::string out;
  FILE* p = popen((command + " 2>/dev/null").c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  pclose(p);
  return out;
}

struct ReadBack {
  json pages, outline;
  RenderedManual rendered;
};

ReadBack render_and_read(const std::string& markdown, const std::string& name) {
  const Environment& env = system_environment();
  const ManualStyle style = load_manual_style(env, "");
  ManualSource source = parse_manual(markdown, name + ".md");
  layout::FontSet fonts(env, layout::FontConfig::load_default(env));
  ManualOptions opt;
  opt.source = name + ".md";
  opt.created = 1700000000;
  opt.digits = text::DigitStyle::Thai;  // the sample types Arabic digits; the manual prints Thai
  ReadBack r;
  r.rendered = render_manual(std::move(source), style, opt, fonts, env);
  const fs::path pdf = fs::temp_directory_path() / ("saraban-" + name + "-" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(pdf, std::ios::binary).write(reinterpret_cast<const char*>(r.rendered.pdf.data()),
                                             static_cast<std::streamsize>(r.rendered.pdf.size()));
  const json j = json::parse(run("/usr/bin/python3 -I " SARABAN_SOURCE_DIR "/tests/support/manual_readback.py '" +
                                 pdf.string() + "'"));
  fs::remove(pdf);
  r.pages = j.at("pages");
  r.outline = j.at("outline");
  return r;
}

std::string thai(const std::string& s) { return text::convert_digits(s, text::DigitStyle::Thai); }

std::string squash(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

// The headings of the sample, as the PDF prints them (Thai digits), with their level.
std::vector<std::pair<std::string, int>> headings_of(const std::string& md) {
  std::vector<std::pair<std::string, int>> out;
  std::istringstream in(md);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_match(line, m, std::regex("^(#{1,3}) (.+)$")) && m[2] != "คำนำ") out.push_back({thai(m[2]), static_cast<int>(m[1].length())});
  }
  return out;
}

class ManualReadBack : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    markdown_ = new std::string(saraban::testing::sample_manual(3));
    read_ = new ReadBack(render_and_read(*markdown_, "manual-readback"));
  }
  static void TearDownTestSuite() {
    delete read_;
    delete markdown_;
  }
  // The first body page on which a line is exactly this heading.
  static int heading_page(const std::string& heading) {
    const auto& pages = read_->pages;
    for (std::size_t i = read_->rendered.front_pages; i < pages.size(); ++i)
      for (const auto& l : pages[i]["lines"])
        if (squash(l["text"].get<std::string>()) == squash(heading)) return static_cast<int>(i);
    return -1;
  }
  static std::vector<std::size_t> contents_pages() {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < read_->rendered.front_pages; ++i)
      for (const auto& l : read_->pages[i]["lines"])
        if (l["text"].get<std::string>().rfind("สารบัญ", 0) == 0) {
          out.push_back(i);
          break;
        }
    return out;
  }
  static std::string* markdown_;
  static ReadBack* read_;
};
std::string* ManualReadBack::markdown_ = nullptr;
ReadBack* ManualReadBack::read_ = nullptr;

TEST_F(ManualReadBack, FrontPagesAreLabelledWithThaiLettersAndTheBodyFromOne) {
  const auto& pages = read_->pages;
  ASSERT_GE(read_->rendered.front_pages, 3u);  // cover, foreword, contents
  EXPECT_EQ(pages[0]["label"], "ปก");
  EXPECT_EQ(pages[0]["printed"], nullptr) << "the cover carries no number";
  const std::array<const char*, 3> letters = {"ก", "ข", "ค"};
  for (std::size_t i = 1; i < read_->rendered.front_pages; ++i) {
    EXPECT_EQ(pages[i]["label"], letters.at(i - 1)) << "front page " << i;
    EXPECT_EQ(pages[i]["printed"], letters.at(i - 1)) << "front page " << i;
  }
  for (std::size_t i = read_->rendered.front_pages; i < pages.size(); ++i) {
    const std::string n = thai(std::to_string(i - read_->rendered.front_pages + 1));
    EXPECT_EQ(pages[i]["label"], n) << "body page " << i;
    EXPECT_EQ(pages[i]["printed"], n) << "body page " << i;
  }
}

TEST_F(ManualReadBack, ContentsPrintTheNumberEachHeadingsPageShows) {
  const auto toc = contents_pages();
  ASSERT_FALSE(toc.empty());
  std::vector<std::string> toc_lines;
  for (std::size_t p : toc)
    for (const auto& l : read_->pages[p]["lines"]) toc_lines.push_back(l["text"]);
  const auto headings = headings_of(*markdown_);
  ASSERT_GE(headings.size(), 12u);
  for (const auto& [heading, level] : headings) {
    const int page = heading_page(heading);
    ASSERT_GE(page, 0) << heading << " starts no line of the body";
    const auto entry = std::find_if(toc_lines.begin(), toc_lines.end(), [&](const std::string& l) {
      return squash(l).rfind(squash(heading), 0) == 0;
    });
    ASSERT_NE(entry, toc_lines.end()) << heading << " is not in the contents";
    std::smatch m;
    const std::string line = *entry;
    ASSERT_TRUE(std::regex_search(line, m, std::regex("\\.+ *([๐-๙]+|[0-9]+) *$"))) << line;
    EXPECT_EQ(m[1].str(), read_->pages[static_cast<std::size_t>(page)]["printed"].get<std::string>()) << heading;
  }
}

TEST_F(ManualReadBack, ContentsLinksAndBookmarksLandOnTheirHeadings) {
  const auto headings = headings_of(*markdown_);
  std::vector<int> link_targets;
  for (std::size_t p : contents_pages())
    for (const auto& target : read_->pages[p]["links"]) link_targets.push_back(target.get<int>());
  ASSERT_EQ(link_targets.size(), headings.size()) << "one link per contents entry";
  for (std::size_t i = 0; i < headings.size(); ++i) EXPECT_EQ(link_targets[i], heading_page(headings[i].first)) << headings[i].first;

  for (const auto& [heading, level] : headings) {
    const auto entry = std::find_if(read_->outline.begin(), read_->outline.end(), [&](const json& o) { return o["title"] == heading; });
    ASSERT_NE(entry, read_->outline.end()) << heading << " has no bookmark";
    EXPECT_EQ((*entry)["level"].get<int>(), level) << heading << ": nested by heading level";
    EXPECT_EQ((*entry)["page"].get<int>(), heading_page(heading)) << heading;
  }
}

TEST_F(ManualReadBack, ATableOverPagesRepeatsItsHeaderOnEachAndKeepsEveryRowWhole) {
  // Rows of the first task's table: "… รอบที่ ๑ …" to "… ในรอบที่ ๑๔ …", each whole on one page.
  std::vector<int> row_page(15, -1);
  for (std::size_t p = 0; p < read_->pages.size(); ++p)
    for (const auto& l : read_->pages[p]["lines"]) {
      std::smatch m;
      const std::string t = l["text"];
      if (std::regex_search(t, m, std::regex("รอบที่ ([๐-๙]+)")) && row_page[0] < 0) {
        int n = std::stoi(text::convert_digits(m[1].str(), text::DigitStyle::Arabic));
        if (n >= 1 && n <= 14 && row_page[static_cast<std::size_t>(n)] < 0) row_page[static_cast<std::size_t>(n)] = static_cast<int>(p);
      }
    }
  ASSERT_GE(row_page[1], 0);
  ASSERT_GT(row_page[14], row_page[1]) << "the sample's table must run over a page";
  for (int p = row_page[1]; p <= row_page[14]; ++p) {
    bool header = false;
    for (const auto& l : read_->pages[static_cast<std::size_t>(p)]["lines"]) header = header || l["text"] == "รายละเอียดงาน";
    EXPECT_TRUE(header) << "page " << p << " holds rows without the header";
  }
}

TEST_F(ManualReadBack, ChartStepsExtractInStepOrder) {
  const std::vector<std::string> steps = {"เริ่มต้น", thai("รับหนังสือแจ้งงานที่ 1"), "รวบรวมและวิเคราะห์ข้อมูล",
                                          "ข้อมูลครบถ้วนหรือไม่", "พิจารณาอนุมัติ", "สิ้นสุด"};
  const int page = heading_page(thai("แผนผังการปฏิบัติงานที่ 1"));
  ASSERT_GE(page, 0);
  std::string text;
  for (int p = page; p <= page + 1; ++p)
    for (const auto& l : read_->pages[static_cast<std::size_t>(p)]["lines"]) text += squash(l["text"].get<std::string>());
  std::size_t at = 0;
  for (const auto& s : steps) {
    const auto found = text.find(squash(s), at);
    ASSERT_NE(found, std::string::npos) << s << " is missing or out of order";
    at = found + squash(s).size();
  }
}

TEST(ManualRender, SameInputSameBytes) {
  const std::string md = saraban::testing::sample_manual(1);
  EXPECT_EQ(render_and_read(md, "same-a").rendered.pdf, render_and_read(md, "same-b").rendered.pdf);
}

}  // namespace
}  // namespace saraban::documents
