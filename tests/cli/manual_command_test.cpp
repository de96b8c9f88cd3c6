// End to end: `saraban manual` as a user runs it. Bad input names the manual's line, exits
// non-zero and writes no PDF; what can still be made is a warning and the PDF is written.
#include <gtest/gtest.h>

#include <vector>

#include "cli_support.h"

namespace saraban::testing {
namespace {

const char* const kFront =
    "---\ntitle: คู่มือการปฏิบัติงานทดสอบ\nauthor: นางสาวสุดา ขยันดี\nposition: นักวิเคราะห์นโยบายและแผน\n"
    "office: สำนักงานทดสอบ\nyear: ๒๕๖๙\n---\n\n# คำนำ\n\nคู่มือนี้ใช้ทดสอบ\n\n# ส่วนที่ ๑ บทนำ\n\n";  // 15 lines

class ManualCommand : public ::testing::Test {
 protected:
  void SetUp() override { dir = temp_dir(); }
  std::string dir;
  // Runs `saraban manual` on `markdown`; `out` is where the PDF would go.
  CommandResult make(const std::string& markdown, const std::string& extra = "") {
    write_file(dir + "/m.md", markdown);
    out = dir + "/m.pdf";
    return run(saraban("manual " + quote(dir + "/m.md") + " -o " + quote(out) + " " + extra));
  }
  void expect_refused(const CommandResult& r, const std::string& where, const std::string& what) {
    EXPECT_NE(r.status, 0) << r.output;
    EXPECT_NE(r.output.find(where), std::string::npos) << "names " << where << ": " << r.output;
    EXPECT_NE(r.output.find(what), std::string::npos) << "says " << what << ": " << r.output;
    EXPECT_FALSE(exists(out)) << "no PDF is written";
  }
  std::string out;
};

TEST_F(ManualCommand, AGoodManualIsWrittenAndItsTextExtracts) {
  const auto r = make(std::string(kFront) + "## ความเป็นมา\n\nงานนโยบายและแผนจัดทำแผนปฏิบัติการประจำปี\n");
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string text = strip_white(pdftotext(out));
  EXPECT_NE(text.find(strip_white("งานนโยบายและแผนจัดทำแผนปฏิบัติการประจำปี")), std::string::npos);
  EXPECT_NE(text.find("สารบัญ"), std::string::npos);
}

// Cells of a row that wrap side by side, and list items that wrap, come out of poppler (which
// reads by position) and MuPDF (which reads in stream order) each in one piece.
TEST_F(ManualCommand, WrappedCellsAndListItemsExtractWholeInBothReaders) {
  const std::vector<std::string> pieces = {
      "ประชุมชี้แจงหรืออบรมเจ้าหน้าที่ข้อมูลของสถานศึกษาเกี่ยวกับการบันทึกข้อมูลในระบบ",
      "เจ้าหน้าที่ข้อมูลเข้าร่วมครบทุกสถานศึกษาภายในเวลาที่กำหนด",
      "กำกับให้สถานศึกษาบันทึกข้อมูลนักเรียนรายบุคคล ข้อมูลครู และข้อมูลอาคารสถานที่ให้ครบถ้วน",
      "สถานศึกษาบันทึกครบร้อยละ ๑๐๐ ภายในกำหนด",
      "สำนักงานเขตพื้นที่การศึกษา หมายถึง สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต ๑",
      "กลุ่มนโยบายและแผน หมายถึง หน่วยงานภายในที่รับผิดชอบงานนโยบาย แผน งบประมาณ และการติดตามประเมินผล"};
  std::string md = std::string(kFront) + "| ที่ | กิจกรรม | มาตรฐานการปฏิบัติงาน |\n|---|---|---|\n";
  md += "| ๑ | " + pieces[0] + " | " + pieces[1] + " |\n| ๒ | " + pieces[2] + " | " + pieces[3] + " |\n\n";
  md += "- " + pieces[4] + "\n- " + pieces[5] + "\n";
  const auto r = make(md, "--text " + quote(dir + "/m.txt"));
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string poppler = strip_white(pdftotext(out)), mupdf = strip_white(mupdf_text(out));
  for (const auto& piece : pieces) {
    EXPECT_NE(poppler.find(strip_white(piece)), std::string::npos) << "poppler: " << piece;
    EXPECT_NE(mupdf.find(strip_white(piece)), std::string::npos) << "MuPDF: " << piece;
  }
  // --text writes the text layer as placed: both readers give it back exactly, page numbers
  // (drawn before a page's content when at its top) included.
  const std::string placed = strip_white(read_file(dir + "/m.txt"));
  EXPECT_EQ(difference(poppler, placed), "");
  EXPECT_EQ(difference(mupdf, placed), "");
}

TEST_F(ManualCommand, TheCoverIsOnePageWithItsLogoAndTheAuthorAtItsFoot) {
  const std::string md = std::string("---\ntitle: คู่มือการปฏิบัติงาน กลุ่มนโยบายและแผน งานจัดทำแผนปฏิบัติการประจำปี\n"
                                     "author: นางสาวสุดา ขยันดี\nposition: นักวิเคราะห์นโยบายและแผนชำนาญการพิเศษ\n"
                                     "office: สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต ๓\nyear: ๒๕๖๙\n"
                                     "logo: " SARABAN_SOURCE_DIR "/templates/emblem/placeholder.png\n---\n\n"
                                     "# คำนำ\n\nคู่มือนี้ใช้ทดสอบ\n\n# ส่วนที่ ๑ บทนำ\n\nย่อหน้า\n");
  const auto r = make(md);
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string cover = strip_white(run("pdftotext -f 1 -l 1 " + quote(out) + " -").output);
  EXPECT_NE(cover.find(strip_white("นักวิเคราะห์นโยบายและแผนชำนาญการพิเศษ")), std::string::npos) << cover;
  EXPECT_NE(cover.find(strip_white("เขต ๓")), std::string::npos) << "an area office keeps its number: " << cover;
  EXPECT_EQ(strip_white(run("pdftotext -f 2 -l 2 " + quote(out) + " -").output).rfind("กคำนำ", 0), 0u) << "page ก is the foreword";
}

TEST_F(ManualCommand, AStyleFileNumbersHeadingsAndMovesPageNumbers) {
  write_file(dir + "/office.json",
             "{\"heading_numbers\": true, \"front_numbering\": \"roman\","
             " \"page_number\": {\"position\": \"bottom-center\"}, \"running_header\": {\"position\": \"none\"}}");
  const auto r = make(std::string(kFront) + "## ความเป็นมา\n\nย่อหน้าแรก\n\n## วัตถุประสงค์\n\nย่อหน้าที่สอง\n",
                      "--style " + quote(dir + "/office.json"));
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string text = strip_white(pdftotext(out));
  EXPECT_NE(text.find("๑.๑ความเป็นมา"), std::string::npos) << text;
  EXPECT_NE(text.find("๑.๒วัตถุประสงค์"), std::string::npos) << text;
  // The foreword's page is i, printed at its foot: the last text of the page.
  const std::string foreword = strip_white(run("pdftotext -f 2 -l 2 " + quote(out) + " -").output);
  EXPECT_EQ(foreword.substr(foreword.size() - 1), "i") << foreword;
  const std::string body = strip_white(run("pdftotext -f 4 -l 4 " + quote(out) + " -").output);
  EXPECT_EQ(body.substr(body.size() - 3), "๑") << body;
}

TEST_F(ManualCommand, ATableWithoutItsDelimiterRowNamesItsLine) {
  expect_refused(make(std::string(kFront) + "| ที่ | กิจกรรม |\n| ๑ | รับเรื่อง |\n"), "m.md:15", "table");
}

TEST_F(ManualCommand, AFlowBranchToAnUnknownStepNamesItsLine) {
  expect_refused(make(std::string(kFront) + "```flow\n(เริ่มต้น)\n[ธุรการ] รับเรื่อง\n[ผอ.] ? ถูกต้องหรือไม่ -> ไม่ใช่: แก้ไขเรื่อง\n(สิ้นสุด)\n```\n"),
                 "m.md:18", "แก้ไขเรื่อง");
}

TEST_F(ManualCommand, AMissingImageNamesItsLineAndPath) {
  expect_refused(make(std::string(kFront) + "ย่อหน้าแรก\n\n![ผังโครงสร้างกลุ่ม](images/org.png)\n"), "m.md:17", "images/org.png");
}

TEST_F(ManualCommand, BrokenFrontMatterNamesItsLine) {
  expect_refused(make("---\ntitle: คู่มือ\nผู้จัดทำ นายสมชาย\n---\n\n# หัวข้อ\n"), "m.md:3", "key: value");
  expect_refused(make("---\ntitle: คู่มือ\n\n# หัวข้อ\n"), "m.md:1", "never closed");
}

TEST_F(ManualCommand, ASkippedHeadingLevelIsAWarningAndTheManualIsMade) {
  const auto r = make(std::string(kFront) + "### ข้ามระดับ\n\nย่อหน้า\n");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("m.md:15: warning"), std::string::npos) << r.output;
  EXPECT_TRUE(exists(out));
}

TEST_F(ManualCommand, ABadStyleNamesTheFileAndTheKey) {
  write_file(dir + "/style.json", "{\"body\": {\"size\": 18}}");
  expect_refused(make(std::string(kFront) + "ย่อหน้า\n", "--style " + quote(dir + "/style.json")), "style.json", "style.body.size");
  write_file(dir + "/broken.json", "{\"body\": ");
  expect_refused(make(std::string(kFront) + "ย่อหน้า\n", "--style " + quote(dir + "/broken.json")), "broken.json", "JSON");
  write_file(dir + "/type.json", "{\"body\": {\"size_pt\": \"large\"}}");
  expect_refused(make(std::string(kFront) + "ย่อหน้า\n", "--style " + quote(dir + "/type.json")), "style.body.size_pt", "a number");
}

TEST_F(ManualCommand, AMissingManualIsNamed) {
  out = dir + "/none.pdf";
  const auto r = run(saraban("manual " + quote(dir + "/none.md") + " -o " + quote(out)));
  expect_refused(r, "none.md", "");
}

}  // namespace
}  // namespace saraban::testing
