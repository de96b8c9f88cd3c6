#pragma once
// Support for the receive-stamp corpus (issue 9, "Done when"): the ONE adapter to the stamper
// (stamp_for_test: rename the class or the text struct here and nowhere else), page 1 of a PDF
// as poppler and MuPDF show it (pixels at a chosen dpi, text lines), and the stamp's ink.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "base/environment.h"
#include "documents/receive_stamp.h"
#include "support/page_raster.h"
#include "../pdf/pdf_test_support.h"

namespace saraban::testing {

struct StampFields {
  std::string office, number, date, time;
};

struct StampOutcome {
  std::vector<std::uint8_t> bytes;
  bool repaired = false;
};

// The only call into the stamper. Throws saraban::Error(PdfError) when it refuses.
inline StampOutcome stamp_for_test(const std::vector<std::uint8_t>& original, const StampFields& f) {
  static documents::ReceiveStamper stamper(system_environment());  // fonts load once
  documents::StampedPdf copy = stamper.stamp(original, documents::ReceiveStampFields{f.office, f.number, f.date, f.time});
  return {std::move(copy.bytes), copy.repaired};
}

// Page 1 as one reader shows it: its visible page (crop box, rotation) in pixels, and its text.
struct PageView {
  std::string reader;  // "poppler" or "MuPDF", for messages
  Raster raster;
  std::string text;
};

inline PageView poppler_page1(const std::string& pdf, int dpi, const std::string& prefix) {
  PageView v{"poppler", {}, {}};
  const auto r = run_command("pdftoppm -cropbox -r " + std::to_string(dpi) + " -f 1 -l 1 -singlefile '" + pdf + "' '" +
                             prefix + "'");
  if (r.status == 0) v.raster = read_ppm(prefix + ".ppm");
  // To a file: poppler's complaints about a damaged file go to stderr, never into the text.
  if (run_command("pdftotext -enc UTF-8 -f 1 -l 1 '" + pdf + "' '" + prefix + ".txt'").status == 0) {
    const auto text = read_bytes(prefix + ".txt");
    v.text.assign(text.begin(), text.end());
  }
  return v;
}

inline PageView mupdf_page1(const std::string& pdf, int dpi, const std::string& prefix) {
  PageView v{"MuPDF", {}, {}};
  const std::string script = std::string(SARABAN_SOURCE_DIR) + "/tests/support/mupdf_page1.py";
  const auto r = run_command("/usr/bin/python3 -I '" + script + "' '" + pdf + "' " + std::to_string(dpi) + " '" + prefix +
                             ".ppm' '" + prefix + ".txt'");
  if (r.status != 0) return v;
  v.raster = read_ppm(prefix + ".ppm");
  const auto text = read_bytes(prefix + ".txt");
  v.text.assign(text.begin(), text.end());
  return v;
}

// The extracted text's lines, each with whitespace runs squeezed to one space and trimmed;
// empty lines dropped. The corpus compares whole lines of this form.
inline std::vector<std::string> text_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = squeeze_whitespace(text.substr(start, end - start));
    if (!line.empty()) lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

inline std::size_t count_lines_equal(const std::vector<std::string>& lines, const std::string& wanted) {
  return static_cast<std::size_t>(std::count(lines.begin(), lines.end(), wanted));
}

// The stamp's ink: clearly bluer than red and green (templates/receive_stamp.json draws in
// dark blue; anti-aliased edges over white stay bluish). Counted in the box [x0, x1) x [y0, y1).
inline bool stamp_blue(const Raster& r, int x, int y) {
  const std::uint8_t* p =
      &r.rgb[(static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) + static_cast<std::size_t>(x)) * 3];
  return p[2] > p[0] + 60 && p[2] > p[1] + 60;
}

inline int count_blue(const Raster& r, int x0, int y0, int x1, int y1) {
  int n = 0;
  for (int y = std::max(0, y0); y < std::min(r.height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(r.width, x1); ++x) n += stamp_blue(r, x, y) ? 1 : 0;
  return n;
}

// Share of the rows (a vertical side) or columns (a horizontal side) along one side of the box
// [x0, x1] x [y0, y1] with stamp-blue within 2 px of that side: the stamp's border, if drawn whole.
inline double side_coverage(const Raster& r, int x0, int y0, int x1, int y1, char side) {
  const bool vertical = side == 'l' || side == 'r';
  const int from = vertical ? y0 : x0, to = vertical ? y1 : x1;
  const int at = side == 'l' ? x0 : side == 'r' ? x1 : side == 't' ? y0 : y1;
  int hit = 0;
  for (int i = from; i <= to; ++i) {
    bool blue = false;
    for (int d = -2; d <= 2 && !blue; ++d) {
      const int x = vertical ? at + d : i, y = vertical ? i : at + d;
      if (x < 0 || y < 0 || x >= r.width || y >= r.height) continue;
      // A 0.8 pt line at low dpi is a faint anti-aliased blue: any clear blue tint counts.
      const std::uint8_t* p =
          &r.rgb[(static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) + static_cast<std::size_t>(x)) * 3];
      blue = p[2] > p[0] + 20 && p[2] > p[1] + 20;
    }
    hit += blue ? 1 : 0;
  }
  return to > from ? static_cast<double>(hit) / (to - from + 1) : 0.0;
}

// The letter's ink: dark and not bluish (black or grey text, rules, a scan's specks). Inside
// the stamp's box there is none when the stamp sits in free space or hides what is under it.
inline int count_letter_ink(const Raster& r, int x0, int y0, int x1, int y1) {
  int n = 0;
  for (int y = std::max(0, y0); y < std::min(r.height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(r.width, x1); ++x) {
      const std::uint8_t* p =
          &r.rgb[(static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) + static_cast<std::size_t>(x)) * 3];
      const int rg = std::max(p[0], p[1]);
      n += (std::max<int>(rg, p[2]) < 140 && p[2] < rg + 40) ? 1 : 0;
    }
  return n;
}

// Share of the box's pixels that are clearly green (the corpus's image colour).
inline double green_share(const Raster& r, int x0, int y0, int x1, int y1) {
  int green = 0, all = 0;
  for (int y = std::max(0, y0); y < std::min(r.height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(r.width, x1); ++x) {
      const std::uint8_t* p =
          &r.rgb[(static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) + static_cast<std::size_t>(x)) * 3];
      green += (p[1] > p[0] + 60 && p[1] > p[2] + 60) ? 1 : 0;
      ++all;
    }
  return all ? static_cast<double>(green) / all : 0.0;
}

}  // namespace saraban::testing
