// The receive stamp on an office's own letter with a 2 cm top margin (issue 9, "Readable, not
// covering text"): measured with page_ink, the stamp moves to free space at the top right, so in
// PyMuPDF no word of the stamp overlaps a word of the letter and pdftotext gives each stamp line
// whole; with no free space it gets a white background; with only a little, it shrinks.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <sstream>
#include <string>
#include <vector>

#include "../pdf/pdf_test_support.h"
#include "base/environment.h"
#include "base/error.h"
#include "documents/receive_stamp.h"
#include "layout/font_set.h"
#include "layout/line_box.h"
#include "layout/shaper.h"
#include "layout/units.h"
#include "pdf/page_ink.h"
#include "pdf/pdf_overlay.h"
#include "pdf/pdf_writer.h"
#include "text/word_breaker.h"

namespace saraban::documents {
namespace {

using namespace saraban::testing;
using layout::cm;

ReceiveStampFields sample_text() { return {"สพป.ลำปาง เขต ๒", "๑๒๓", "๒๑ พ.ย. ๒๕๖๙", "๐๙:๓๐"}; }

struct Engine {
  const Environment& env = system_environment();
  layout::FontSet fonts{env, layout::FontConfig::load_default(env)};
  layout::Shaper shaper;
  text::WordBreaker breaker;
  layout::ParagraphLayouter layouter{fonts, shaper, breaker};
  ReceiveStampTemplate tpl = load_receive_stamp_template(env);
};

Engine& engine() {
  static Engine e;
  return e;
}

// Lays `s` out in a column [x, x + width) with its first line's top at `top`; returns the
// next line's top.
double put(std::vector<layout::FrameItem>& items, const std::string& s, layout::Alignment align, double x,
           double width, double top) {
  layout::ParagraphStyle st;
  st.align = align;
  for (const auto& l : engine().layouter.layout(layout::Paragraph::plain(s, st), width)) {
    for (auto& item : layout::place_line(l, x, top + l.ascent)) items.push_back(std::move(item));
    top += l.height;
  }
  return top;
}

// An office letter as offices write them: A4, 3 cm left and 2 cm right margins, the ที่ line
// at the left and the sender's address right-aligned at the top right, both from 2 cm down;
// the date under the address, then the subject and the body.
std::vector<std::uint8_t> office_letter() {
  layout::DocumentFrame doc;
  doc.pages.emplace_back();
  auto& items = doc.pages[0].items;
  const double left = cm(3), right = doc.pages[0].width - cm(2), top = cm(2);
  put(items, "ที่ ศธ ๐๔๐๑๗/๑๒๓", layout::Alignment::Left, left, cm(6), top);
  double y = top;
  for (const char* line : {"สำนักงานเขตพื้นที่การศึกษา", "ถนนพหลโยธิน", "ลำปาง ๕๒๐๐๐"})
    y = put(items, line, layout::Alignment::Right, right - cm(7), cm(7), y);
  y = put(items, "๒๑ พฤศจิกายน ๒๕๖๙", layout::Alignment::Left, doc.pages[0].width / 2, cm(6), y + cm(0.5));
  y = put(items, "เรื่อง ขอเชิญประชุม", layout::Alignment::Left, left, cm(6), y + cm(0.5));
  put(items, "ด้วยสำนักงานจะจัดประชุมคณะกรรมการในวันจันทร์ที่ ๓๐ พฤศจิกายน ๒๕๖๙ จึงขอเชิญท่านเข้าร่วมประชุม",
      layout::Alignment::Left, left, right - left, y + cm(2.5));
  return pdf::write_pdf(doc);
}

std::vector<std::uint8_t> stamped(const std::vector<std::uint8_t>& original, bool measure_ink) {
  return pdf::overlay_first_page(original, [&](const pdf::VisiblePage& page) {
    pdf::VisiblePage v = page;  // the overlay measured page 1's ink into v.ink
    if (!measure_ink) v.ink.clear();
    return layout_receive_stamp(engine().layouter, engine().tpl, sample_text(), v);
  });
}

struct Word {
  double x0, y0, x1, y1;
  std::string text;
  bool operator==(const Word& o) const = default;
};

std::vector<Word> words(const TempDir& dir, const std::string& pdf) {
  write_bytes(dir.file("words.py"), [] {
    const std::string py =
        "import fitz, sys\n"
        "doc = fitz.open(sys.argv[1])\n"  // kept: a page whose document is collected cannot be read
        "for w in doc[0].get_text('words'):\n"
        "    print('%.2f %.2f %.2f %.2f %s' % (w[0], w[1], w[2], w[3], w[4]))\n";
    return std::vector<std::uint8_t>(py.begin(), py.end());
  }());
  const std::string out =
      run_command("/usr/bin/python3 '" + dir.file("words.py") + "' '" + dir.file(pdf) + "' 2>/dev/null").output;
  std::vector<Word> ws;
  std::istringstream in(out);
  Word w;
  while (in >> w.x0 >> w.y0 >> w.x1 >> w.y1 >> w.text) ws.push_back(w);
  return ws;
}

// The stamp's words: those of the stamped page that the original page does not have.
std::vector<Word> added_words(const std::vector<Word>& before, const std::vector<Word>& after) {
  std::vector<Word> out;
  for (const auto& w : after)
    if (std::find(before.begin(), before.end(), w) == before.end()) out.push_back(w);
  return out;
}

int overlaps(const std::vector<Word>& stamp, const std::vector<Word>& letter) {
  int n = 0;
  for (const auto& s : stamp)
    for (const auto& l : letter)
      if (s.x0 < l.x1 && l.x0 < s.x1 && s.y0 < l.y1 && l.y0 < s.y1) ++n;
  return n;
}

bool has_whole_line(const std::string& text, const std::string& line) {
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    if (squeeze_whitespace(l) == line) return true;
  return false;
}

TEST(ReceiveStampPlacement, OfficeLetterGetsTheStampInFreeSpaceApartFromItsText) {
  TempDir dir;
  const auto letter = office_letter();
  write_bytes(dir.file("letter.pdf"), letter);
  write_bytes(dir.file("stamped.pdf"), stamped(letter, true));
  write_bytes(dir.file("blind.pdf"), stamped(letter, false));
  const auto before = words(dir, "letter.pdf");
  ASSERT_GE(before.size(), 8u) << "PyMuPDF read no words from the letter";

  // Without measuring the page (today's placement), the stamp lands on the address block.
  EXPECT_GT(overlaps(added_words(before, words(dir, "blind.pdf")), before), 0);

  const auto stamp = added_words(before, words(dir, "stamped.pdf"));
  ASSERT_GE(stamp.size(), 4u) << "the stamp's words are missing";
  EXPECT_EQ(overlaps(stamp, before), 0);
  for (const auto& w : stamp) EXPECT_GT(w.x0, 595.28 / 2) << w.text << " left the top-right area";
  for (const auto& w : stamp) EXPECT_LT(w.y1, 841.89 / 3) << w.text << " left the top-right area";

  const std::string poppler = pdftotext(dir.file("stamped.pdf")), mupdf = pymupdf_text(dir.file("stamped.pdf"));
  for (const char* line : {"สพป.ลำปาง เขต ๒", "เลขรับ ๑๒๓", "วันที่ ๒๑ พ.ย. ๒๕๖๙", "เวลา ๐๙:๓๐ น."}) {
    EXPECT_TRUE(has_whole_line(poppler, line)) << line << " is not a line of its own in:\n" << poppler;
    EXPECT_TRUE(has_whole_line(mupdf, line)) << line << " is not a line of its own in:\n" << mupdf;
  }
}

// The bordered box (the first stroked rectangle); text runs follow it.
const layout::Rect& box_of(const std::vector<layout::FrameItem>& items) {
  for (const auto& item : items)
    if (const auto* r = std::get_if<layout::Rect>(&item); r && r->stroke) return *r;
  throw std::logic_error("no stamp border among the items");
}

// The white background drawn before everything else, if there is one.
std::optional<layout::Rect> background_of(const std::vector<layout::FrameItem>& items) {
  const auto* r = std::get_if<layout::Rect>(&items.at(0));
  if (!r || r->stroke || !r->fill) return std::nullopt;
  return *r;
}

TEST(ReceiveStampPlacement, NoFreeSpaceGivesAWhiteBackgroundUnderTheLines) {
  pdf::VisiblePage scan{595.28, 841.89, 0, {{0, 0, 595.28, 841.89, pdf::InkBox::Kind::Image}}};
  const auto items = layout_receive_stamp(engine().layouter, engine().tpl, sample_text(), scan);
  const layout::Rect& box = box_of(items);
  EXPECT_NEAR(box.x + box.width, 595.28 - cm(1), 0.01);
  EXPECT_NEAR(box.y, cm(1), 0.01);
  EXPECT_NEAR(box.width, cm(5), 0.01);
  // White under the lines and a little past the border, so the border is read against white.
  auto background = background_of(items);
  ASSERT_TRUE(background.has_value());
  EXPECT_EQ(*background->fill, (layout::Color{1, 1, 1}));
  EXPECT_LT(background->x, box.x - box.line_width / 2);
  EXPECT_LT(background->y, box.y - box.line_width / 2);
  EXPECT_GT(background->x + background->width, box.x + box.width + box.line_width / 2);
  EXPECT_GT(background->y + background->height, box.y + box.height + box.line_width / 2);

  pdf::VisiblePage blank{595.28, 841.89, 0, {}};
  EXPECT_FALSE(background_of(layout_receive_stamp(engine().layouter, engine().tpl, sample_text(), blank)));
}

TEST(ReceiveStampPlacement, OnlyALittleFreeSpaceShrinksTheWholeStamp) {
  const pdf::VisiblePage blank{595.28, 841.89, 0, {}};
  const auto full = layout_receive_stamp(engine().layouter, engine().tpl, sample_text(), blank);
  // Text across the right half from just below where a box at 72 % would end, if it sat
  // 0.5 cm from the top edge: only the smallest scale, 70 %, fits above it.
  const double text_top = cm(0.5) + 0.72 * box_of(full).height + cm(0.2);
  pdf::VisiblePage page{595.28, 841.89, 0, {{300, text_top, 580, 400, pdf::InkBox::Kind::Text}}};
  const auto items = layout_receive_stamp(engine().layouter, engine().tpl, sample_text(), page);
  const layout::Rect& box = box_of(items);
  EXPECT_FALSE(background_of(items));
  EXPECT_NEAR(box.width, cm(5) * 0.7, 0.01);
  EXPECT_NEAR(box.height, box_of(full).height * 0.7, 0.01);
  EXPECT_LE(box.y + box.height, text_top - cm(0.2) + 0.01);
  EXPECT_NEAR(box.line_width, box_of(full).line_width * 0.7, 1e-9);
  ASSERT_EQ(items.size(), full.size());
  for (std::size_t i = 1; i < items.size(); ++i) {
    const auto& run = std::get<layout::TextRun>(items[i]);
    EXPECT_NEAR(run.size, std::get<layout::TextRun>(full[i]).size * 0.7, 1e-9);
    for (const auto& g : run.glyphs) {
      EXPECT_GE(g.x, box.x);
      EXPECT_LE(g.x, box.x + box.width);
      EXPECT_GE(g.y, box.y);
      EXPECT_LE(g.y, box.y + box.height);
    }
  }
}

TEST(ReceiveStampPlacement, SearchAreaKeysParseWithDefaultsAndNamedMistakes) {
  const ReceiveStampTemplate t = parse_receive_stamp_template(builtin_receive_stamp_template(), "built-in");
  EXPECT_NEAR(t.search_height_fraction, 0.333, 1e-9);
  EXPECT_NEAR(t.search_width_fraction, 0.5, 1e-9);
  EXPECT_NEAR(t.edge_cm, 0.5, 1e-9);
  EXPECT_NEAR(t.clearance_cm, 0.2, 1e-9);
  EXPECT_NEAR(t.search_step_cm, 0.25, 1e-9);
  EXPECT_NEAR(t.min_scale, 0.7, 1e-9);
  auto message = [](const std::string& extra) {
    try {
      parse_receive_stamp_template(R"({"lines": [{"text": "{number}"}], )" + extra + "}", "t.json");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message(R"("min_scale": 0.5, "search_height_fraction": 1, "search_step_cm": 0.1)"), "accepted");
  EXPECT_NE(message(R"("min_scale": 0)").find("$.min_scale"), std::string::npos);
  EXPECT_NE(message(R"("search_height_fraction": 1.5)").find("$.search_height_fraction"), std::string::npos);
  EXPECT_NE(message(R"("search_width_fraction": "half")").find("$.search_width_fraction"), std::string::npos);
  EXPECT_NE(message(R"("search_step_cm": 0)").find("$.search_step_cm"), std::string::npos);
}

}  // namespace
}  // namespace saraban::documents
