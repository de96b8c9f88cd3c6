#include "documents/manual_body.h"

#include <algorithm>

#include "base/error.h"
#include "layout/flowchart_layout.h"
#include "layout/line_box.h"
#include "layout/table_layout.h"
#include "pdf/image_loader.h"
#include "text/thai_numbers.h"

namespace saraban::documents {

namespace {

using layout::Block;
using layout::Paragraph;
using layout::ParagraphStyle;

std::string plain(const Spans& spans) {
  std::string t;
  for (const auto& s : spans) t += s.text;
  return t;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// Numbers as the body's digits (the text was converted already; markers follow it).
std::string number_text(int n, bool thai) {
  return text::format_integer(n, thai ? text::DigitStyle::Thai : text::DigitStyle::Arabic, false);
}

class BodyBuilder {
 public:
  BodyBuilder(const ManualSource& m, const ManualBuildContext& ctx)
      : m_(m), ctx_(ctx), st_(ctx.style), thai_digits_(ctx.thai_digits) {}

  ManualBlocks build() {
    for (std::size_t i = 0; i < m_.body.size(); ++i) {
      const ManualElement& e = m_.body[i];
      const ManualElement* next = i + 1 < m_.body.size() ? &m_.body[i + 1] : nullptr;
      std::visit([&](const auto& el) { add(el, next); }, e);
    }
    return std::move(out_);
  }

 private:
  std::vector<Block>& target() { return in_foreword_ ? out_.foreword : out_.body; }
  void push(Block b) {
    if (pending_break_) {
      std::visit([](auto& x) {
        if constexpr (std::is_same_v<std::decay_t<decltype(x)>, Paragraph>) x.style.page_break_before = true;
        else x.page_break_before = true;
      }, b);
      pending_break_ = false;
    }
    target().push_back(std::move(b));
  }

  std::string heading_number(int level) {
    if (level < 1) return {};
    counters_.resize(static_cast<std::size_t>(std::max<int>(level, static_cast<int>(counters_.size()))), 0);
    ++counters_[static_cast<std::size_t>(level - 1)];
    for (std::size_t k = static_cast<std::size_t>(level); k < counters_.size(); ++k) counters_[k] = 0;
    if (!st_.heading_numbers || level < 2) return {};
    std::string n;
    for (int k = 0; k < level; ++k) n += (k ? "." : "") + number_text(counters_[static_cast<std::size_t>(k)], thai_digits_);
    return n + " ";
  }

  void add(const ManualHeading& h, const ManualElement*) {
    const std::string text = plain(h.spans);
    if (h.level == 1) in_foreword_ = text == "คำนำ";
    Paragraph p;
    p.style = st_.heading(h.level);
    const std::string number = in_foreword_ ? std::string() : heading_number(h.level);
    if (!number.empty()) p.spans.push_back(layout::TextSpan{number, {}, {}, {}});
    for (const auto& s : h.spans) p.spans.push_back(s);
    p.bookmark = number + text;
    p.bookmark_level = h.level - 1;
    if (!in_foreword_) {
      const std::string dest = "h" + std::to_string(++headings_);
      p.anchor = layout::Anchor{layout::Anchor::Kind::Destination, dest, 0, 0, 0};
      if (h.level <= st_.contents_levels) out_.contents.push_back({number + text, h.level, dest});
    } else {
      p.style.page_break_before = true;
    }
    push(std::move(p));
  }

  void add(const ManualParagraph& para, const ManualElement* next) {
    Paragraph p;
    p.spans = para.spans;
    p.style = st_.body;
    const std::string text = plain(para.spans);
    const bool before_figure = next && (std::holds_alternative<ManualTable>(*next) ||
                                        std::holds_alternative<ManualFlow>(*next) || std::holds_alternative<ManualImage>(*next));
    if (before_figure && (starts_with(text, "ตารางที่") || starts_with(text, "ภาพที่") || starts_with(text, "แผนภาพที่"))) {
      p.style.align = layout::Alignment::Left;
      p.style.first_line_indent = 0;
      p.style.keep_with_next = true;
      if (st_.caption_bold) p.style.font_style = layout::FontStyle::Bold;
    } else if (para.quote) {
      p.style.left_indent = p.style.right_indent = st_.list_indent;
      p.style.first_line_indent = 0;
    } else if (in_foreword_ && (text == m_.front.author || text == m_.front.position)) {
      // The foreword is signed: name and position centred in the right half, or on a measure
      // just wide enough for the longer of them when a long position would wrap there.
      p.style.align = layout::Alignment::Center;
      p.style.first_line_indent = 0;
      const double widest = std::max(ctx_.layouter.measure(m_.front.author, p.style.font_style, p.style.size),
                                     ctx_.layouter.measure(m_.front.position, p.style.font_style, p.style.size));
      p.style.left_indent = std::max(0.0, std::min(ctx_.style.column_width() / 2, ctx_.style.column_width() - widest - p.style.size));
      if (text == m_.front.author) p.style.space_before = 24;
    }
    push(std::move(p));
  }

  void add(const ManualListItem& item, const ManualElement*) {
    Paragraph p;
    p.style = st_.body;
    p.style.align = layout::Alignment::Left;
    p.style.space_after = st_.list_space_after;
    std::string marker;
    if (item.number >= 0) marker = item.ordered ? number_text(item.number, thai_digits_) + "." : item.depth == 0 ? "•" : "–";
    const double base = st_.list_indent + st_.list_step * item.depth;
    // One hang for every marker, so that item texts line up whatever their markers. The
    // marker ends a third of an em before the text: wider, poppler takes the markers for a
    // column of their own and reads the items' lines out of order.
    const double hang = ctx_.layouter.measure(number_text(88, thai_digits_) + ". ", p.style.font_style, p.style.size);
    p.style.left_indent = base + hang;
    p.style.first_line_indent =
        -std::min(hang, ctx_.layouter.measure(marker, p.style.font_style, p.style.size) + p.style.size / 3);
    p.style.tabs = {layout::TabStop{0, layout::TabStop::Kind::Left, false}};
    if (!marker.empty()) p.spans.push_back(layout::TextSpan{marker + "\t", {}, {}, {}});
    else p.style.first_line_indent = 0;
    for (const auto& s : item.spans) p.spans.push_back(s);
    push(std::move(p));
  }

  void add(const ManualTable& t, const ManualElement*) {
    layout::Table table;
    table.rows = t.rows;
    table.column_align = t.column_align;
    table.style = st_.table;
    layout::Figure f = layout::layout_table(table, st_.column_width(), st_.body_height(), ctx_.layouter);
    push(std::move(f));
  }

  void add(const ManualFlow& flow, const ManualElement*) {
    layout::Figure f = layout::layout_flowchart(flow.chart, st_.column_width(), st_.flow, ctx_.layouter);
    double h = 0;
    for (const auto& s : f.slices) h += s.height;
    f.keep_together = h <= st_.body_height();  // split only a chart that cannot fit one page
    push(std::move(f));
  }

  void add(const ManualImage& img, const ManualElement*) {
    const std::string path = img.path.empty() || img.path[0] == '/' || ctx_.base_dir.empty() ? img.path : ctx_.base_dir + "/" + img.path;
    layout::ImageRef data;
    try {
      data = pdf::load_image(ctx_.env, path);
    } catch (const Error& e) {
      throw Error(e.code(), "image: " + e.message(), ctx_.source + ":" + std::to_string(img.line) + ": " + img.path);
    }
    const double aspect = data->width_px > 0 ? static_cast<double>(data->height_px) / data->width_px : 1;
    double w = st_.column_width(), h = w * aspect;
    if (h > st_.image_max_height) h = st_.image_max_height, w = h / aspect;
    layout::Figure f;
    layout::Slice s;
    s.height = h;
    s.items.push_back(layout::Image{data, (st_.column_width() - w) / 2, 0, w, h});
    f.slices.push_back(std::move(s));
    f.keep_together = true;
    f.space_before = 6;
    f.space_after = 4;
    push(std::move(f));
    if (!img.caption.empty()) {
      Paragraph p = Paragraph::plain(img.caption, st_.body);
      p.style.align = layout::Alignment::Center;
      p.style.first_line_indent = 0;
      push(std::move(p));
    }
  }

  void add(const ManualPageBreak&, const ManualElement*) { pending_break_ = true; }

  const ManualSource& m_;
  const ManualBuildContext& ctx_;
  const ManualStyle& st_;
  const bool thai_digits_;
  ManualBlocks out_;
  bool in_foreword_ = false;
  bool pending_break_ = false;
  int headings_ = 0;
  std::vector<int> counters_;
};

}  // namespace

ManualBlocks build_manual_blocks(const ManualSource& manual, const ManualBuildContext& ctx) {
  return BodyBuilder(manual, ctx).build();
}

}  // namespace saraban::documents
