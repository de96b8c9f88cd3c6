#include "documents/manual_render.h"

#include <map>

#include "base/error.h"
#include "documents/manual_body.h"
#include "documents/page_text.h"
#include "layout/frame_translate.h"
#include "layout/line_box.h"
#include "layout/page_composer.h"
#include "layout/paragraph_layouter.h"
#include "layout/shaper.h"
#include "pdf/image_loader.h"
#include "pdf/pdf_writer.h"
#include "text/word_breaker.h"

namespace saraban::documents {

namespace {

using layout::Block;
using layout::Paragraph;
using layout::ParagraphStyle;

// The Thai letters front matter is numbered with (ฃ and ฅ are out of use).
const std::vector<std::string>& thai_letters() {
  static const std::vector<std::string> l = {"ก", "ข", "ค", "ง", "จ", "ฉ", "ช", "ซ", "ฌ", "ญ", "ฎ", "ฏ", "ฐ", "ฑ",
                                             "ฒ", "ณ", "ด", "ต", "ถ", "ท", "ธ", "น", "บ", "ป", "ผ", "ฝ", "พ", "ฟ",
                                             "ภ", "ม", "ย", "ร", "ล", "ว", "ศ", "ษ", "ส", "ห", "ฬ", "อ", "ฮ"};
  return l;
}

std::string roman(int n) {
  static const std::pair<int, const char*> parts[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                      {90, "xc"},  {50, "l"},   {40, "xl"},  {10, "x"},   {9, "ix"},
                                                      {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string s;
  for (const auto& [v, r] : parts)
    while (n >= v) s += r, n -= v;
  return s;
}

std::string front_label(std::size_t i, const ManualStyle& st) {  // i: 0 for the first numbered front page
  if (!st.front_thai_letters) return roman(static_cast<int>(i + 1));
  const auto& l = thai_letters();
  return i < l.size() ? l[i] : l[i % l.size()] + l[i % l.size()];
}

void convert(Spans& spans, text::DigitStyle d) {
  for (auto& s : spans) s.text = text::convert_digits(s.text, d);
}

// Every text of the manual in the chosen digits.
void convert_digits(ManualSource& m, text::DigitStyle d) {
  for (std::string* f : {&m.front.title, &m.front.author, &m.front.position, &m.front.office, &m.front.year})
    *f = text::convert_digits(*f, d);
  for (auto& e : m.body)
    std::visit(
        [&](auto& el) {
          using T = std::decay_t<decltype(el)>;
          if constexpr (std::is_same_v<T, ManualHeading> || std::is_same_v<T, ManualParagraph> || std::is_same_v<T, ManualListItem>)
            convert(el.spans, d);
          else if constexpr (std::is_same_v<T, ManualTable>) {
            for (auto& r : el.rows)
              for (auto& c : r.cells) convert(c.spans, d);
          } else if constexpr (std::is_same_v<T, ManualFlow>) {
            for (auto& l : el.chart.lanes) l = text::convert_digits(l, d);
            for (auto& s : el.chart.steps) {
              s.text = text::convert_digits(s.text, d);
              if (s.branch) s.branch->label = text::convert_digits(s.branch->label, d);
            }
          } else if constexpr (std::is_same_v<T, ManualImage>) {
            el.caption = text::convert_digits(el.caption, d);
          }
        },
        e);
}

class Renderer {
 public:
  Renderer(const ManualSource& m, const ManualStyle& st, const ManualOptions& opt, layout::FontSet& fonts,
           const Environment& env)
      : m_(m), st_(st), opt_(opt), env_(env), layouter_(fonts, shaper_, breaker()),
        thai_(opt.digits.value_or(text::DigitStyle::Thai) == text::DigitStyle::Thai) {}

  RenderedManual run() {
    ManualBuildContext ctx{env_, st_, layouter_, opt_.base_dir, opt_.source, thai_};
    ManualBlocks blocks = build_manual_blocks(m_, ctx);
    if (blocks.body.empty()) throw Error(ErrorCode::InvalidInput, "the manual has no body after its foreword", opt_.source);

    // Pass 1: the page of every heading.
    layout::PageComposer body(layouter_, st_.page);
    std::map<std::string, std::size_t> heading_page;
    std::size_t index = 0;
    const std::size_t body_pages = body.compose_pages(blocks.body, [&](layout::PageFrame&& page) {
      for (const auto& item : page.items)
        if (const auto* a = std::get_if<layout::Anchor>(&item); a && a->kind == layout::Anchor::Kind::Destination)
          heading_page.emplace(a->name, index);
      ++index;
    });

    // The front: cover, foreword, contents (kept in memory: a few pages).
    std::vector<Block> front = cover();
    for (auto& b : blocks.foreword) front.push_back(std::move(b));
    front.push_back(contents(blocks.contents, heading_page));
    layout::PageComposer front_composer(layouter_, st_.page);
    front_composer.set_first_page_top(st_.page.margin_top + st_.cover_top);
    front_composer.set_furniture_in_text_layer(true);
    front_composer.set_decorator([&](const layout::PageInfo& p) {
      return p.index == 0 ? std::vector<layout::FrameItem>{} : furniture(front_label(static_cast<std::size_t>(p.index - 1), st_), false);
    });
    std::vector<layout::PageFrame> front_pages;
    front_composer.compose_pages(front, [&](layout::PageFrame&& p) { front_pages.push_back(std::move(p)); });

    layout::DocumentInfo info;
    info.title = m_.front.title;
    info.author = m_.front.author;
    info.subject = m_.front.office;
    info.created = opt_.created;
    info.page_labels.push_back("ปก");
    for (std::size_t i = 1; i < front_pages.size(); ++i) info.page_labels.push_back(front_label(i - 1, st_));
    for (std::size_t i = 0; i < body_pages; ++i) info.page_labels.push_back(body_label(i));

    // Pass 2: into the PDF, a page at a time.
    pdf::PdfPageWriter writer(info);
    std::vector<std::string> page_texts;
    for (std::size_t i = 0; i < front_pages.size(); ++i) {
      writer.add_page(front_pages[i]);
      writer.add_furniture(i, front_composer.furniture(i));
      if (opt_.want_text) page_texts.push_back(page_text(front_pages[i].items, front_composer.furniture(i), front_pages[i].height));
    }
    front_pages.clear();
    const std::size_t offset = writer.page_count();
    body.set_furniture_in_text_layer(true);
    body.set_decorator([&](const layout::PageInfo& p) { return furniture(body_label(static_cast<std::size_t>(p.index)), true); });
    std::vector<std::string> body_text;
    const std::size_t again = body.compose_pages(blocks.body, [&](layout::PageFrame&& p) {
      writer.add_page(p);
      if (opt_.want_text) body_text.push_back(page_text(p.items, {}, p.height));
    });
    if (again != body_pages) throw Error(ErrorCode::Internal, "the body paginated differently twice", opt_.source);
    for (std::size_t i = 0; i < body_pages; ++i) {
      writer.add_furniture(offset + i, body.furniture(i));
      if (opt_.want_text) page_texts.push_back(page_text({}, body.furniture(i), st_.page.height, body_text[i]));
    }
    RenderedManual out{writer.finish(), offset, body_pages, {}};
    for (const auto& t : page_texts) out.text += t;
    return out;
  }

 private:
  static const text::WordBreaker& breaker() {
    static thread_local const text::WordBreaker b;  // its ICU iterators are not shared across threads
    return b;
  }

  std::string body_label(std::size_t i) const {
    return text::format_integer(static_cast<std::int64_t>(i + 1), thai_ ? text::DigitStyle::Thai : text::DigitStyle::Arabic, false);
  }

  // One line of text at a furniture spot; `text_layer`: found by readers (page numbers).
  void place_at(std::vector<layout::FrameItem>& items, const std::string& text, const FurnitureSpot& spot, bool text_layer) {
    using W = FurnitureSpot::Where;
    if (spot.where == W::None || text.empty()) return;
    ParagraphStyle ps;
    ps.size = spot.size;
    ps.align = spot.where == W::TopLeft || spot.where == W::BottomLeft     ? layout::Alignment::Left
               : spot.where == W::TopRight || spot.where == W::BottomRight ? layout::Alignment::Right
                                                                           : layout::Alignment::Center;
    const auto lines = layouter_.layout(Paragraph::plain(text, ps), st_.column_width());
    if (lines.empty()) return;
    const bool top = spot.where == W::TopLeft || spot.where == W::TopCenter || spot.where == W::TopRight;
    const double baseline = top ? spot.distance : st_.page.height - spot.distance;
    for (auto& it : layout::place_line(lines.front(), st_.page.margin_left, baseline)) {
      if (auto* run = std::get_if<layout::TextRun>(&it)) run->in_text_layer = text_layer;
      items.push_back(std::move(it));
    }
  }

  std::vector<layout::FrameItem> furniture(const std::string& label, bool running_header) {
    std::vector<layout::FrameItem> items;
    place_at(items, label, st_.page_number, true);
    if (running_header) {
      std::string h = st_.running_header_text;
      if (const auto at = h.find("{title}"); at != std::string::npos) h.replace(at, 7, m_.front.title);
      place_at(items, h, st_.running_header, false);  // read by eye: it would repeat on every page
    }
    return items;
  }

  // A centred title that wraps is balanced as a typist sets it: its lines as even as the
  // words allow (the narrowest measure that keeps the same number of lines), never one word
  // left alone under a full line.
  Paragraph centred(const std::string& text, double size, bool bold, double space_before) {
    ParagraphStyle ps;
    ps.align = layout::Alignment::Center;
    ps.size = size;
    ps.font_style = bold ? layout::FontStyle::Bold : layout::FontStyle::Regular;
    ps.space_before = space_before;
    ps.space_after = 4;
    ps.keep_together = true;
    Paragraph p = Paragraph::plain(text, ps);
    const double width = st_.column_width();
    const std::size_t lines = layouter_.layout(p, width).size();
    if (lines > 1) {
      double narrow = width / static_cast<double>(lines) * 0.8, wide = width;
      for (int i = 0; i < 14; ++i) {
        const double mid = (narrow + wide) / 2;
        (layouter_.layout(p, mid).size() <= lines ? wide : narrow) = mid;
      }
      p.style.left_indent = p.style.right_indent = (width - wide) / 2;
    }
    return p;
  }

  std::vector<Block> cover() {
    std::vector<Block> out;
    const auto& f = m_.front;
    if (!f.logo.empty()) {
      const std::string path = f.logo[0] == '/' || opt_.base_dir.empty() ? f.logo : opt_.base_dir + "/" + f.logo;
      layout::ImageRef logo;
      try {
        logo = pdf::load_image(env_, path);
      } catch (const Error& e) {
        throw Error(e.code(), "the front matter's logo: " + e.message(), opt_.source + ": logo: " + f.logo);
      }
      const double h = st_.cover_logo_height;
      const double w = logo->height_px > 0 ? h * logo->width_px / logo->height_px : h;
      layout::Figure fig;
      layout::Slice s;
      s.height = h;
      s.items.push_back(layout::Image{logo, (st_.column_width() - w) / 2, 0, w, h});
      fig.slices.push_back(std::move(s));
      fig.space_after = 24;
      out.push_back(std::move(fig));
    }
    Paragraph title = centred(f.title, st_.cover_title_size, true, 0);
    title.bookmark = f.title;
    out.push_back(std::move(title));
    if (!f.office.empty()) out.push_back(centred(f.office, st_.cover_subtitle_size, true, 18));
    if (!f.year.empty()) {
      const bool bare = f.year.find_first_not_of("0123456789๐๑๒๓๔๕๖๗๘๙") == std::string::npos;
      out.push_back(centred(bare ? "ประจำปีงบประมาณ พ.ศ. " + f.year : f.year, st_.cover_subtitle_size, true, 10));
    }
    if (!f.author.empty()) {
      // The author's block stands at the foot of the cover, whatever sits above it: the
      // space before it is what the page has left (the cover is one page).
      std::vector<Paragraph> by = {centred("จัดทำโดย", st_.cover_subtitle_size * 0.9, false, 0),
                                   centred(f.author, st_.cover_subtitle_size * 0.9, true, 4)};
      if (!f.position.empty()) by.push_back(centred(f.position, st_.cover_subtitle_size * 0.9, false, 0));
      double used = st_.cover_top;
      for (const auto& b : out) used += block_height(b);
      for (const auto& p : by) used += block_height(p);
      by.front().style.space_before = std::max(24.0, st_.body_height() - used - st_.cover_subtitle_size * 2);
      for (auto& p : by) out.emplace_back(std::in_place_type<Paragraph>, std::move(p));
    }
    return out;
  }

  double block_height(const Paragraph& p) {
    double h = p.style.space_before + p.style.space_after;
    for (const auto& l : layouter_.layout(p, st_.column_width())) h += l.height;
    return h;
  }
  double block_height(const layout::Figure& f) {
    double h = f.space_before + f.space_after;
    for (const auto& s : f.slices) h += s.height;
    return h;
  }
  double block_height(const Block& b) {
    return std::visit([&](const auto& x) { return block_height(x); }, b);
  }

  // One contents line: the title, a leader of dots and its page number at the right margin.
  // The dots are text, as a word processor's tab leader is, and close up to the title and the
  // number on both sides: a reader then sees the title and its number as one line.
  layout::Slice contents_line(const std::string& title, const std::string& page, int level, bool bold, double space_before,
                              const std::string& destination) {
    ParagraphStyle ps = st_.body;
    ps.align = layout::Alignment::Left;
    ps.first_line_indent = ps.right_indent = 0;
    ps.left_indent = st_.contents_indent * (level - 1);
    ps.space_before = ps.space_after = 0;
    ps.keep_together = false;
    ps.font_style = bold ? layout::FontStyle::Bold : layout::FontStyle::Regular;
    const double width = st_.column_width();
    const double gap = ps.size * 0.2;
    const double reserve = layouter_.measure(body_label(888), ps.font_style, ps.size) + ps.size * 2;
    auto one_line = [&](const std::string& text) {
      ParagraphStyle one = ps;
      one.left_indent = 0;
      auto lines = layouter_.layout(Paragraph::plain(text, one), 1e6);
      return lines.empty() ? layout::LineBox{} : lines.front();
    };
    const auto title_lines = title.empty() ? std::vector<layout::LineBox>{} : layouter_.layout(Paragraph::plain(title, ps), width - reserve);
    const layout::LineBox number = one_line(page);
    layout::Slice s;
    double y = space_before;
    for (std::size_t i = 0; i < title_lines.size(); ++i) {
      const auto& line = title_lines[i];
      const bool last = i + 1 == title_lines.size();
      for (auto& it : layout::place_line(line, 0, y + line.ascent)) s.items.push_back(std::move(it));
      if (last && !destination.empty()) {
        const double from = ps.left_indent + line.width + gap, to = width - number.width - gap;
        const double dot = layouter_.measure(".", ps.font_style, ps.size);
        if (dot > 0 && to - from > dot) {
          const layout::LineBox dots = one_line(std::string(static_cast<std::size_t>((to - from) / dot), '.'));
          for (auto& it : layout::place_line(dots, to - dots.width, y + line.ascent)) s.items.push_back(std::move(it));
        }
      }
      if (!last) y += line.height;
    }
    const double ascent = title_lines.empty() ? number.ascent : title_lines.back().ascent;
    for (auto& it : layout::place_line(number, width - number.width, y + ascent)) s.items.push_back(std::move(it));
    y += title_lines.empty() ? number.height : title_lines.back().height;
    s.height = y;
    if (!destination.empty()) s.items.push_back(layout::Link{ps.left_indent, space_before, width - ps.left_indent, y - space_before, destination});
    return s;
  }

  layout::Figure contents(const std::vector<ContentsEntry>& entries, const std::map<std::string, std::size_t>& page_of) {
    layout::Figure f;
    f.page_break_before = true;
    f.bookmark = st_.contents_title;
    // The title and the column head; on further pages "(ต่อ)", as Thai contents pages say.
    auto head = [&](const std::string& title) {
      layout::Slice s;
      Paragraph p = centred(title, st_.heading(1).size, true, 0);
      double y = 0;
      for (const auto& line : layouter_.layout(p, st_.column_width())) {
        for (auto& it : layout::place_line(line, 0, y + line.ascent)) s.items.push_back(std::move(it));
        y += line.height;
      }
      layout::Slice column = contents_line("", st_.contents_page_heading, 1, true, 8, "");
      for (auto& it : column.items) {
        layout::translate(it, 0, y);
        s.items.push_back(std::move(it));
      }
      s.height = y + column.height + 4;
      s.keep_with_next = true;
      return s;
    };
    f.slices.push_back(head(st_.contents_title));
    f.repeat_header.push_back(head(st_.contents_title + " (ต่อ)"));
    for (const auto& e : entries) {
      const auto it = page_of.find(e.destination);
      if (it == page_of.end()) throw Error(ErrorCode::Internal, "a heading was not placed", e.title);
      f.slices.push_back(contents_line(e.title, body_label(it->second), e.level, e.level == 1, e.level == 1 ? 6 : 0, e.destination));
    }
    return f;
  }

  const ManualSource& m_;
  const ManualStyle& st_;
  const ManualOptions& opt_;
  const Environment& env_;
  layout::Shaper shaper_;
  layout::ParagraphLayouter layouter_;
  const bool thai_;
};

}  // namespace

RenderedManual render_manual(ManualSource manual, const ManualStyle& style, const ManualOptions& options,
                             layout::FontSet& fonts, const Environment& env) {
  if (options.digits) convert_digits(manual, *options.digits);
  return Renderer(manual, style, options, fonts, env).run();
}

}  // namespace saraban::documents
