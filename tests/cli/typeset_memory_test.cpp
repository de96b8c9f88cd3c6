// `saraban typeset` streams its pages into the PDF: peak memory stays nearly flat as a text grows
// (it held every page's frames and content until the end: 66 MB for 104 pages, 145 MB for 312).
// The absolute figure (aim: 300 pages under 50 MB) is bench/typeset_bench.sh's to report.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "cli_support.h"

namespace saraban::testing {
namespace {

// The manual sample `copies` times, every line numbered so that no paragraph repeats (the
// layouter's paragraph cache cannot help), as bench/typeset_bench.sh makes it.
std::string long_text(int copies) {
  const std::string manual = read_file(std::string(SARABAN_SOURCE_DIR) + "/samples/texts/manual.txt");
  std::string out;
  for (int c = 1; c <= copies; ++c) {
    std::istringstream lines(manual);
    std::string line;
    for (int n = 1; std::getline(lines, line); ++n)
      out += line.find_first_not_of(" \t\r") == std::string::npos
                 ? "\n"
                 : line + " (ชุด " + std::to_string(c) + "." + std::to_string(n) + ")\n";
    out += "\n";
  }
  return out;
}

struct Measured {
  long peak_kb = 0;
  int pages = 0;
};

Measured typeset(const std::string& dir, int copies) {
  const std::string in = dir + "/" + std::to_string(copies) + ".txt", out = dir + "/" + std::to_string(copies) + ".pdf";
  write_file(in, long_text(copies));
  auto r = run("/usr/bin/time -f 'peak %M' env " + saraban("typeset " + in + " -o " + out) + " 2>&1");
  EXPECT_EQ(r.status, 0) << r.output;
  Measured m;
  if (auto at = r.output.rfind("peak "); at != std::string::npos) m.peak_kb = std::stol(r.output.substr(at + 5));
  auto info = run("pdfinfo " + out + " | awk '/^Pages:/ {print $2}'");
  m.pages = std::atoi(info.output.c_str());
  return m;
}

TEST(TypesetMemory, PeakBarelyGrowsWithThePageCount) {
  const std::string dir = temp_dir();
  const Measured short_text = typeset(dir, 52), long_one = typeset(dir, 156);
  ASSERT_GE(short_text.pages, 100);
  ASSERT_GE(long_one.pages, 300);
  ASSERT_GT(long_one.peak_kb, 0);
  // Three times the pages may cost a little more (the PDF's own objects, the file in memory),
  // never three times the memory.
  EXPECT_LT(long_one.peak_kb - short_text.peak_kb, 25 * 1024) << short_text.peak_kb << " KB -> " << long_one.peak_kb << " KB";
}

}  // namespace
}  // namespace saraban::testing
