#include "documents/report_render.h"

#include <cmath>

#include "base/error.h"
#include "base/overloaded.h"
#include "documents/page_text.h"
#include "layout/bar_chart.h"
#include "layout/line_box.h"
#include "layout/page_composer.h"
#include "layout/paragraph_layouter.h"
#include "layout/shaper.h"
#include "layout/table_layout.h"
#include "pdf/pdf_writer.h"
#include "text/cleanup.h"
#include "text/thai_numbers.h"
#include "text/word_breaker.h"

namespace saraban::documents {

namespace {

using layout::Block;
using layout::Paragraph;
using layout::ParagraphStyle;
constexpr auto kThai = text::DigitStyle::Thai;

std::string decimal_text(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const auto scaled = static_cast<std::int64_t>(std::llround(std::fabs(v) * scale));
  const auto whole = static_cast<std::int64_t>(scaled / static_cast<std::int64_t>(scale));
  std::string s = text::format_integer(whole, kThai, true);
  if (decimals > 0) {
    std::string frac = std::to_string(scaled % static_cast<std::int64_t>(scale));
    frac.insert(0, static_cast<std::size_t>(decimals) - frac.size(), '0');
    s += "." + text::convert_digits(frac, kThai);
  }
  return v < 0 && scaled != 0 ? "-" + s : s;
}

std::string scale_label(double v) { return text::format_integer(std::llround(v), kThai, true); }

class ReportRenderer {
 public:
  ReportRenderer(const ReportDocument& doc, const ReportRenderOptions& opt, layout::FontSet& fonts)
      : doc_(doc), opt_(opt), layouter_(fonts, shaper_, breaker()) {
    if (doc.landscape) {
      geo_.width = 841.8898, geo_.height = 595.2756;
      geo_.margin_left = geo_.margin_right = 42.52;  // 1.5 cm
      geo_.margin_top = 42.52, geo_.margin_bottom = 48;
    } else {
      geo_.margin_top = 56.7, geo_.margin_bottom = 56.7;
    }
    body_.size = doc.landscape ? 14 : 16;
    body_.align = layout::Alignment::ThaiDistributed;
    body_.first_line_indent = 70.9;  // 2.5 cm
    body_.space_after = 6;
    table_.body.size = doc.landscape ? 13 : 14;
    table_.header = table_.body;
    table_.header.font_style = layout::FontStyle::Bold;
    table_.padding_x = 4;
  }

  RenderedReport run() {
    std::vector<Block> blocks;
    blocks.push_back(centred(doc_.title, 20, true));
    std::get<Paragraph>(blocks.back()).bookmark = doc_.title;
    if (!doc_.subtitle.empty()) blocks.push_back(centred(doc_.subtitle, 16, false));
    std::get<Paragraph>(blocks.back()).style.space_after = 12;
    for (const auto& part : doc_.parts)
      std::visit(Overloaded{[&](const ReportHeading& h) { blocks.push_back(heading(h)); },
                            [&](const ReportParagraph& p) { blocks.push_back(Paragraph::plain(clean(p.text), body_)); },
                            [&](const ReportTable& t) { add_table(blocks, t); },
                            [&](const ReportBarChart& c) { add_chart(blocks, c); }},
                 part);

    layout::DocumentInfo info;
    info.title = doc_.title;
    info.author = doc_.author;
    info.subject = doc_.subtitle;
    info.created = opt_.created;
    pdf::PdfPageWriter writer(info);
    layout::PageComposer composer(layouter_, geo_);
    composer.set_decorator([&](const layout::PageInfo& p) { return page_number(p); });
    RenderedReport out;
    out.pages = composer.compose_pages(blocks, [&](layout::PageFrame&& page) {
      if (opt_.want_text) out.text += page_text(page.items, {}, page.height);
      writer.add_page(page);
    });
    for (std::size_t i = 0; i < out.pages; ++i) writer.add_furniture(i, composer.furniture(i));
    out.pdf = writer.finish();
    return out;
  }

 private:
  static const text::WordBreaker& breaker() {
    static thread_local const text::WordBreaker b;
    return b;
  }

  static std::string clean(const std::string& s) { return text::clean_text(s).text; }

  Paragraph centred(const std::string& t, double size, bool bold) {
    ParagraphStyle ps;
    ps.align = layout::Alignment::Center;
    ps.size = size;
    ps.font_style = bold ? layout::FontStyle::Bold : layout::FontStyle::Regular;
    ps.space_after = 2;
    ps.keep_with_next = true;
    return Paragraph::plain(clean(t), ps);
  }

  Paragraph heading(const ReportHeading& h) {
    ParagraphStyle ps;
    ps.size = h.level == 0 ? 18 : 16;
    ps.font_style = layout::FontStyle::Bold;
    ps.space_before = 12;
    ps.space_after = 4;
    ps.keep_with_next = true;
    Paragraph p = Paragraph::plain(clean(h.text), ps);
    p.bookmark = p.text();
    p.bookmark_level = h.level + 1;
    return p;
  }

  Paragraph caption(const std::string& t) {
    ParagraphStyle ps = body_;
    ps.align = layout::Alignment::Left;
    ps.first_line_indent = 0;
    ps.font_style = layout::FontStyle::Bold;
    ps.space_before = 6;
    ps.space_after = 2;
    ps.keep_with_next = true;
    return Paragraph::plain(clean(t), ps);
  }

  void add_table(std::vector<Block>& blocks, const ReportTable& t) {
    blocks.push_back(caption(t.title));
    if (t.rows.empty()) {
      ParagraphStyle ps = body_;
      ps.first_line_indent = 0;
      blocks.push_back(Paragraph::plain("ไม่มี", ps));
      return;
    }
    layout::Table table;
    table.style = table_;
    if (t.columns.size() >= 7) {  // many columns: a smaller face, so words fit their columns whole
      table.style.body.size -= 2;
      table.style.header.size -= 2;
    }
    layout::TableRow head;
    head.header = true;
    for (const auto& c : t.columns) head.cells.push_back({{layout::TextSpan{clean(c.title), {}, {}, {}}}});
    table.rows.push_back(std::move(head));
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      bool numeric = true;
      for (const auto& r : t.rows)
        if (c < r.size() && !std::holds_alternative<std::int64_t>(r[c]) && !std::holds_alternative<double>(r[c]) &&
            !std::holds_alternative<std::monostate>(r[c]))
          numeric = false;
      table.column_align.push_back(numeric ? std::optional(layout::Alignment::Right) : std::nullopt);
    }
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      layout::TableRow row;
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const std::string cell = c < t.rows[i].size() ? report_cell_text(t.rows[i][c], t.columns[c]) : "";
        // A total row is told by its label (รวม, ทั้งปี), not by weight: poppler reads a row set
        // in the bold face after its numbers, out of order.
        // An empty cell shows "-", as offices write none: a cell without text leaves its
        // neighbours unaligned for poppler, which then reads them out of the table's order.
        row.cells.push_back({{layout::TextSpan{cell.empty() ? std::string("-") : clean(cell), {}, {}, {}}}});
      }
      table.rows.push_back(std::move(row));
    }
    layout::Figure f = layout::layout_table(table, column_width(), body_height(), layouter_);
    blocks.push_back(std::move(f));
  }

  void add_chart(std::vector<Block>& blocks, const ReportBarChart& c) {
    blocks.push_back(caption(c.title));
    layout::BarChart chart;
    for (const auto& cat : c.categories) chart.categories.push_back(clean(cat));
    for (const auto& s : c.series) chart.series.push_back(clean(s));
    for (const auto& series : c.values) {
      std::vector<double> v;
      std::vector<std::string> t;
      for (auto x : series) v.push_back(static_cast<double>(x)), t.push_back(text::format_integer(x, kThai, true));
      chart.values.push_back(std::move(v));
      chart.value_text.push_back(std::move(t));
    }
    chart.scale_text = scale_label;
    blocks.push_back(layout::layout_bar_chart(chart, column_width(), layout::BarChartStyle{}, layouter_));
  }

  // "หน้า ๒ จาก ๑๐" at the foot's right, drawn outside the text layer (composer default), so
  // a table running over a page break still reads as one.
  std::vector<layout::FrameItem> page_number(const layout::PageInfo& p) {
    ParagraphStyle ps;
    ps.size = 12;
    ps.align = layout::Alignment::Right;
    const std::string t = "หน้า " + text::format_integer(p.index + 1, kThai, false) + " จาก " + text::format_integer(p.count, kThai, false);
    std::vector<layout::FrameItem> items;
    const auto lines = layouter_.layout(Paragraph::plain(t, ps), column_width());
    if (!lines.empty())
      for (auto& it : layout::place_line(lines.front(), geo_.margin_left, geo_.height - geo_.margin_bottom / 2)) items.push_back(std::move(it));
    return items;
  }

  double column_width() const { return geo_.width - geo_.margin_left - geo_.margin_right; }
  double body_height() const { return geo_.height - geo_.margin_top - geo_.margin_bottom; }

  const ReportDocument& doc_;
  const ReportRenderOptions& opt_;
  layout::Shaper shaper_;
  layout::ParagraphLayouter layouter_;
  layout::PageGeometry geo_;
  ParagraphStyle body_;
  layout::TableStyle table_;
};

}  // namespace

std::string report_cell_text(const ReportValue& v, const ReportColumn& column) {
  return std::visit(Overloaded{[](const std::monostate&) { return std::string("-"); },
                               [](const std::string& s) { return s; },
                               [&](const std::int64_t& n) { return text::format_integer(n, kThai, !column.identifier); },
                               [&](const double& d) { return decimal_text(d, column.decimals); },
                               [](const ReportDate& d) { return text::thai_date_abbreviated({d.year, d.month, d.day}, kThai); }},
                    v);
}

RenderedReport render_report(const ReportDocument& doc, const ReportRenderOptions& options, layout::FontSet& fonts) {
  return ReportRenderer(doc, options, fonts).run();
}

}  // namespace saraban::documents
