// Golden rasters: how the page looks, compared with a tolerance (anti-aliasing differs a little
// between poppler builds; a misplaced mark or a wrong glyph does not pass).
// SARABAN_UPDATE_GOLDEN=1 rewrites tests/data/golden/*.png from the current output.
#include <gtest/gtest.h>
#include <png.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <vector>

#include "cli_support.h"
#include "test_texts.h"

namespace saraban::testing {
namespace {

struct Gray {
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;
};

bool read_png(const std::string& path, Gray& out) {
  png_image img{};
  img.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&img, path.c_str())) return false;
  img.format = PNG_FORMAT_GRAY;
  out.width = static_cast<int>(img.width);
  out.height = static_cast<int>(img.height);
  out.pixels.resize(PNG_IMAGE_SIZE(img));
  bool ok = png_image_finish_read(&img, nullptr, out.pixels.data(), 0, nullptr) != 0;
  png_image_free(&img);
  return ok;
}

// SARABAN_GOLDEN_DIR moves the goldens elsewhere (the test of the update mode rewrites a copy).
const std::string kGoldenDir =
    std::getenv("SARABAN_GOLDEN_DIR") ? std::getenv("SARABAN_GOLDEN_DIR") : std::string(SARABAN_TEST_DATA) + "/golden";

struct Case {
  const char* name;
  const char* text;
  const char* options;
  bool pua_font;
};

const char* kAlignText =
    "ให้โรงเรียนในสังกัดสำรวจความพร้อมด้านคอมพิวเตอร์ อุปกรณ์เครือข่าย และการเชื่อมต่ออินเทอร์เน็ต "
    "แล้วรายงานผลผ่านเว็บไซต์ของสำนักงานภายในวันที่ ๑๕ ธันวาคม ๒๕๖๙ หากประสบปัญหาในการติดต่อซัพพลายเออร์ "
    "ให้ประสานกลุ่มส่งเสริมการศึกษาทางไกลเพื่อรับคำแนะนำต่อไป\n";

const Case kCases[] = {
    {"stacking-laksaman", kStackingCases, "--width 10 --size 24", false},
    {"stacking-pua-font", kStackingCases, "--width 10 --size 24", true},
    {"align-left", kAlignText, "--width 10 --align left", false},
    {"align-right", kAlignText, "--width 10 --align right", false},
    {"align-center", kAlignText, "--width 10 --align center", false},
    {"align-justify", kAlignText, "--width 10 --align justify", false},
    {"align-thai-distributed", kAlignText, "--width 10 --align thai-distributed", false},
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class GoldenRaster : public ::testing::TestWithParam<Case> {};

TEST_P(GoldenRaster, MatchesTheGoldenPage) {
  const Case& c = GetParam();
  const std::string dir = temp_dir();
  write_file(dir + "/in.txt", c.text);
  std::string cmd = "typeset " + dir + "/in.txt -o " + dir + "/out.pdf " + c.options;
  if (c.pua_font) cmd += std::string(" --font ") + SARABAN_PUA_FONT;
  auto r = run(saraban(cmd));
  ASSERT_EQ(r.status, 0) << r.output;
  // The top half of page 1 at 50 dpi: enough to see every mark, small enough to keep in git.
  auto png = run("pdftoppm -r 50 -gray -png -singlefile -f 1 -l 1 -H 290 " + dir + "/out.pdf " + dir + "/page");
  ASSERT_EQ(png.status, 0) << png.output;
  const std::string actual = dir + "/page.png";
  const std::string golden = kGoldenDir + "/" + c.name + ".png";
  if (std::getenv("SARABAN_UPDATE_GOLDEN")) {
    // Rewriting compares nothing, so it must not count as a pass.
    auto cp = run("mkdir -p " + kGoldenDir + " && cp " + actual + " " + golden);
    ASSERT_EQ(cp.status, 0) << cp.output;
    GTEST_SKIP() << "rewrote " << golden << " (SARABAN_UPDATE_GOLDEN is set); nothing was compared";
  }
  Gray want, got;
  ASSERT_TRUE(read_png(golden, want)) << "no golden " << golden << " (run with SARABAN_UPDATE_GOLDEN=1)";
  ASSERT_TRUE(read_png(actual, got));
  ASSERT_EQ(got.width, want.width);
  ASSERT_EQ(got.height, want.height);
  std::size_t differ = 0, ink = 0;
  for (std::size_t i = 0; i < got.pixels.size(); ++i) {
    if (std::abs(int(got.pixels[i]) - int(want.pixels[i])) > 64) ++differ;
    if (want.pixels[i] < 128) ++ink;
  }
  ASSERT_GT(ink, 200u) << "the golden page is blank";
  EXPECT_LT(static_cast<double>(differ), 0.02 * static_cast<double>(ink))
      << differ << " pixels differ (of " << ink << " inked) in " << c.name << "; output kept at " << actual;
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenRaster, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& i) {
                           std::string n = i.param.name;
                           for (auto& ch : n)
                             if (ch == '-') ch = '_';
                           return n;
                         });

// Rewriting the goldens reports the cases as skipped, never as passed, and writes the page.
TEST(GoldenRasterUpdate, SkipsInsteadOfPassing) {
  if (std::getenv("SARABAN_UPDATE_GOLDEN")) GTEST_SKIP() << "already in update mode";
  const std::string dir = temp_dir();
  const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  auto r = run("SARABAN_UPDATE_GOLDEN=1 SARABAN_GOLDEN_DIR=" + dir + " " + self +
               " --gtest_filter='*GoldenRaster.MatchesTheGoldenPage/align_left' 2>&1");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("[  SKIPPED ] 1 test"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("[  PASSED  ] 1 test"), std::string::npos) << r.output;
  EXPECT_TRUE(std::filesystem::exists(dir + "/align-left.png"));
}

// The comparison itself must be able to fail: a page with one mark moved is caught.
TEST(GoldenRasterComparison, DetectsAMissingMark) {
  const std::string dir = temp_dir();
  write_file(dir + "/a.txt", "ปี่ ที่ น้ำ\n");
  write_file(dir + "/b.txt", "ปี ที น้า\n");
  for (const char* n : {"a", "b"}) {
    ASSERT_EQ(run(saraban(std::string("typeset ") + dir + "/" + n + ".txt -o " + dir + "/" + n + ".pdf --width 10 --size 24")).status, 0);
    ASSERT_EQ(run("pdftoppm -r 50 -gray -png -singlefile -H 290 " + dir + "/" + n + ".pdf " + dir + "/" + n).status, 0);
  }
  Gray a, b;
  ASSERT_TRUE(read_png(dir + "/a.png", a));
  ASSERT_TRUE(read_png(dir + "/b.png", b));
  std::size_t differ = 0;
  for (std::size_t i = 0; i < a.pixels.size() && i < b.pixels.size(); ++i)
    if (std::abs(int(a.pixels[i]) - int(b.pixels[i])) > 64) ++differ;
  EXPECT_GT(differ, 20u);
}

}  // namespace
}  // namespace saraban::testing
