// End to end: `saraban typeset` as a user runs it, read back with poppler and MuPDF.
#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include "cli_support.h"
#include "test_texts.h"

namespace saraban::testing {
namespace {

class TypesetCommand : public ::testing::Test {
 protected:
  void SetUp() override { dir = temp_dir(); }
  std::string dir;
  std::string input(const std::string& name, const std::string& text) {
    std::string p = dir + "/" + name;
    write_file(p, text);
    return p;
  }
};

// Line joins (end of one extracted line, start of the next) that fall inside a keep word.
int split_keep_words(const std::string& extracted) {
  std::vector<std::string> lines;
  std::stringstream ss(extracted);
  for (std::string l; std::getline(ss, l);) {
    std::string t = strip_white(l);
    if (!t.empty()) lines.push_back(t);
  }
  int bad = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i)
    for (const char* w : kKeepWords) {
      std::string word(w);
      for (size_t k = 1; k < word.size(); ++k) {
        if ((static_cast<unsigned char>(word[k]) & 0xC0) == 0x80) continue;
        const std::string head = word.substr(0, k), tail = word.substr(k);
        if (lines[i].size() >= head.size() && lines[i].compare(lines[i].size() - head.size(), head.size(), head) == 0 &&
            lines[i + 1].rfind(tail, 0) == 0)
          ++bad;
      }
    }
  return bad;
}

TEST_F(TypesetCommand, TextLayerRoundTripsAtEveryWidth) {
  const std::string text = std::string(kStackingCases) + "\n" + kOfficeText;
  const std::string in = input("office.txt", text);
  for (int w = 9; w <= 16; ++w) {
    const std::string out = dir + "/w" + std::to_string(w) + ".pdf";
    auto r = run(saraban("typeset " + in + " -o " + out + " --width " + std::to_string(w)));
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_EQ(difference(strip_white(pdftotext(out)), strip_white(text)), "") << "pdftotext at " << w << " cm";
    EXPECT_EQ(difference(strip_white(mupdf_text(out)), strip_white(text)), "") << "MuPDF at " << w << " cm";
    EXPECT_EQ(split_keep_words(pdftotext(out)), 0) << "at " << w << " cm";
  }
}

TEST_F(TypesetCommand, EveryAlignmentRoundTrips) {
  const std::string in = input("office.txt", kOfficeText);
  for (std::string a : {"left", "right", "center", "justify", "thai-distributed"}) {
    const std::string out = dir + "/" + a + ".pdf";
    auto r = run(saraban("typeset " + in + " -o " + out + " --align " + a));
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_EQ(difference(strip_white(pdftotext(out)), strip_white(kOfficeText)), "") << a;
  }
}

// Every extracted line, its white space collapsed, found in the source: no reader sees a space
// the source does not have. Stretched Thai-distributed lines are the risk: a mark that sits left
// of its base's end (เป็น, ฟ้า, ปั้น) left MuPDF a gap to the next glyph that it read as a space.
TEST_F(TypesetCommand, NoReaderSeesASpaceInsideAWordOnStretchedLines) {
  const std::string text =
      "การประชุมครั้งนี้เป็นการติดตามผลการฟื้นฟูป่าต้นน้ำและการปลูกป่าทดแทนของโรงเรียนในเขตพื้นที่ "
      "ซึ่งเป็นภารกิจที่ต้องปฏิบัติให้เป็นไปตามแผนที่กำหนด ฝั่งตะวันตกของอำเภอมีฝนตกหนักเป็นเวลาหลายวัน "
      "ทำให้ฟ้าผ่าเสาสัญญาณเป็นเหตุให้ระบบปั้มน้ำขัดข้อง จึงขอให้โรงเรียนที่ได้รับผลกระทบรายงานเป็นหนังสือ\n";
  const std::string in = input("p.txt", text);
  auto collapse = [](const std::string& s) {
    std::string out;
    for (char c : s) {
      bool white = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
      if (white) {
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
      } else {
        out.push_back(c);
      }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  const std::string source = collapse(text);
  for (int w = 9; w <= 16; ++w) {
    const std::string out = dir + "/d" + std::to_string(w) + ".pdf";
    auto r = run(saraban("typeset " + in + " -o " + out + " --align thai-distributed --width " + std::to_string(w)));
    ASSERT_EQ(r.status, 0) << r.output;
    for (const auto& [tool, extracted] : {std::pair{"pdftotext", pdftotext(out)}, std::pair{"MuPDF", mupdf_text(out)}}) {
      std::stringstream ss(extracted);
      for (std::string line; std::getline(ss, line);) {
        std::string l = collapse(line);
        if (l.size() > 1 && l.front() == ' ') l.erase(0, 1);
        if (l.empty()) continue;
        EXPECT_NE(source.find(l), std::string::npos) << tool << " at " << w << " cm reads: " << l;
      }
    }
  }
}

TEST_F(TypesetCommand, FontsAreEmbeddedSubsetWithToUnicodeAndQpdfIsClean) {
  const std::string in = input("office.txt", std::string(kStackingCases) + "ราคา ≈ 100 บาท → ส่ง\n");
  const std::string out = dir + "/out.pdf";
  ASSERT_EQ(run(saraban("typeset " + in + " -o " + out)).status, 0);
  auto fonts = run("pdffonts " + out);
  std::stringstream ss(fonts.output);
  std::string line;
  int rows = 0;
  std::getline(ss, line);
  std::getline(ss, line);
  while (std::getline(ss, line)) {
    ++rows;
    EXPECT_NE(line.find("yes yes yes"), std::string::npos) << line;
    EXPECT_NE(line.find("Identity-H"), std::string::npos) << line;
  }
  EXPECT_EQ(rows, 2) << fonts.output;  // Laksaman and the fallback for ≈
  auto check = run("qpdf --check " + out);
  EXPECT_EQ(check.status, 0) << check.output;
}

TEST_F(TypesetCommand, SameInputGivesTheSameBytes) {
  const std::string in = input("office.txt", kOfficeText);
  ASSERT_EQ(run(saraban("typeset " + in + " -o " + dir + "/a.pdf")).status, 0);
  ASSERT_EQ(run(saraban("typeset " + in + " -o " + dir + "/b.pdf")).status, 0);
  EXPECT_EQ(read_file(dir + "/a.pdf"), read_file(dir + "/b.pdf"));
}

TEST_F(TypesetCommand, ThaiDigitsAreRealCodePoints) {
  const std::string in = input("n.txt", "ปีงบประมาณ 2570 จำนวน 1,234.50 บาท\n");
  const std::string out = dir + "/n.pdf";
  ASSERT_EQ(run(saraban("typeset " + in + " -o " + out + " --digits thai")).status, 0);
  EXPECT_EQ(difference(strip_white(pdftotext(out)), strip_white("ปีงบประมาณ ๒๕๗๐ จำนวน ๑,๒๓๔.๕๐ บาท")), "");
}

TEST_F(TypesetCommand, PuaOnlyFontStillExtractsTheSourceCharacters) {
  const std::string in = input("s.txt", kStackingCases);
  const std::string out = dir + "/pua.pdf";
  auto r = run(saraban("typeset " + in + " -o " + out + " --font " + SARABAN_PUA_FONT));
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string text = pdftotext(out);
  EXPECT_EQ(strip_white(text), strip_white(kStackingCases));
  EXPECT_EQ(difference(strip_white(mupdf_text(out)), strip_white(kStackingCases)), "");
  EXPECT_EQ(text.find("\xEF\x9C"), std::string::npos) << "PUA code points in the text layer";
}

TEST_F(TypesetCommand, InvalidUtf8NamesTheByteOffset) {
  const std::string in = input("bad.txt", std::string("สวัสดี\xC3\x28 ครับ"));
  const std::string out = dir + "/bad.pdf";
  auto r = run(saraban("typeset " + in + " -o " + out));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("byte 18"), std::string::npos) << r.output;
  EXPECT_FALSE(exists(out));
}

TEST_F(TypesetCommand, MissingOrNonTrueTypeFontIsRefused) {
  const std::string in = input("ok.txt", kStackingCases);
  const std::string out = dir + "/f.pdf";
  auto missing = run(saraban("typeset " + in + " -o " + out + " --font " + dir + "/nofont.ttf"));
  EXPECT_NE(missing.status, 0);
  EXPECT_NE(missing.output.find("nofont.ttf"), std::string::npos) << missing.output;
  const std::string fake = input("fake.ttf", "this is not a font");
  auto bogus = run(saraban("typeset " + in + " -o " + out + " --font " + fake));
  EXPECT_NE(bogus.status, 0);
  EXPECT_NE(bogus.output.find("fake.ttf"), std::string::npos) << bogus.output;
  EXPECT_FALSE(exists(out));
}

TEST_F(TypesetCommand, UnwritableOutputLeavesNothingBehind) {
  const std::string in = input("ok.txt", kStackingCases);
  auto r = run(saraban("typeset " + in + " -o " + dir + "/no/such/dir/out.pdf"));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("no/such/dir/out.pdf"), std::string::npos) << r.output;
  auto ls = run("ls -A " + dir);
  EXPECT_EQ(ls.output, "ok.txt\n");
}

TEST_F(TypesetCommand, EmptyOrMissingInputIsRefused) {
  const std::string empty = input("empty.txt", " \n\n");
  auto r = run(saraban("typeset " + empty + " -o " + dir + "/e.pdf"));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("empty.txt"), std::string::npos) << r.output;
  auto m = run(saraban("typeset " + dir + "/missing.txt -o " + dir + "/e.pdf"));
  EXPECT_NE(m.status, 0);
  EXPECT_NE(m.output.find("missing.txt"), std::string::npos) << m.output;
  EXPECT_FALSE(exists(dir + "/e.pdf"));
}

TEST_F(TypesetCommand, CleanupFixesAreReportedAsWarnings) {
  // NIKHAHIT + SARA AA typed for SARA AM.
  const std::string in = input("w.txt", "น\u0E49\u0E4D\u0E32ใจ\n");
  const std::string out = dir + "/w.pdf";
  auto r = run(saraban("typeset " + in + " -o " + out));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("warning"), std::string::npos) << r.output;
  EXPECT_EQ(strip_white(pdftotext(out)), "น้ำใจ");
}

}  // namespace
}  // namespace saraban::testing
