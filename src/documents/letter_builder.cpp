#include "documents/letter_builder.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "documents/emblem.h"
#include "documents/letter_pagination.h"
#include "layout/line_box.h"
#include "layout/page_composer.h"
#include "layout/units.h"
#include "text/word_breaker.h"

namespace saraban::documents {

using layout::cm;
using layout::FontStyle;
using layout::Paragraph;
using layout::ParagraphStyle;
using layout::TextSpan;

namespace {

layout::Path circle(double cx, double cy, double r, layout::Color colour, double width) {
  using K = layout::PathSegment::Kind;
  const double k = 0.5522847498 * r;
  layout::Path p;
  p.segments.push_back({K::MoveTo, {cx + r, cy}, {}, {}});
  p.segments.push_back({K::CubicTo, {cx + r, cy + k}, {cx + k, cy + r}, {cx, cy + r}});
  p.segments.push_back({K::CubicTo, {cx - k, cy + r}, {cx - r, cy + k}, {cx - r, cy}});
  p.segments.push_back({K::CubicTo, {cx - r, cy - k}, {cx - k, cy - r}, {cx, cy - r}});
  p.segments.push_back({K::CubicTo, {cx + k, cy - r}, {cx + r, cy - k}, {cx + r, cy}});
  p.segments.push_back({K::Close, {}, {}, {}});
  p.stroke = colour;
  p.line_width = width;
  return p;
}
}

LetterBuilder::LetterBuilder(const Environment& env, layout::ParagraphLayouter& layouter, const LetterTemplate& t,
                             const Letter& l)
    : env_(env), layouter_(layouter), t_(t), l_(l) {}

double LetterBuilder::margin_left() const { return cm(t_.margin_left_cm); }
double LetterBuilder::column_width() const { return cm(t_.page_width_cm - t_.margin_left_cm - t_.margin_right_cm); }

ParagraphStyle LetterBuilder::plain() const {
  ParagraphStyle st;
  st.size = t_.body_size_pt;
  st.align = layout::Alignment::Left;
  st.line_spacing = t_.line_spacing;
  st.orphans = 1;
  st.widows = 1;
  return st;
}

ParagraphStyle LetterBuilder::body() const {
  ParagraphStyle st = plain();
  st.align = layout::Alignment::ThaiDistributed;
  st.first_line_indent = cm(t_.paragraph_indent_cm);
  st.space_before = t_.space_before_pt;
  st.orphans = 2;
  st.widows = 2;
  return st;
}

ParagraphStyle LetterBuilder::centred(bool bold, double size) const {
  ParagraphStyle st = plain();
  st.align = layout::Alignment::Center;
  if (bold) st.font_style = FontStyle::Bold;
  if (size > 0) st.size = size;
  return st;
}

ParagraphStyle LetterBuilder::from_left_cm(double left_cm) const {
  ParagraphStyle st = plain();
  st.left_indent = std::max(0.0, cm(left_cm) - margin_left());
  return st;
}

ParagraphStyle LetterBuilder::fitting_from_left_cm(const std::string& text, double left_cm) {
  ParagraphStyle st = from_left_cm(left_cm);
  const double w = layouter_.measure(text, st.font_style, st.size) + 1;
  st.left_indent = std::max(0.0, std::min(st.left_indent, column_width() - w));
  return st;
}

std::string LetterBuilder::number(long long n) const { return text::format_integer(n, l_.digits, false); }

std::string LetterBuilder::date_full() const { return text::thai_date_full(l_.date, l_.digits); }

std::string LetterBuilder::date_with_era() const {
  return number(l_.date.day) + " " + text::thai_month_full(l_.date.month) + " พ.ศ. " +
         number(text::buddhist_year(l_.date.year));
}

void LetterBuilder::add_labelled(const std::string& label, const std::string& text, bool space_before, bool bold_label) {
  ParagraphStyle st = plain();
  const FontStyle lf = bold_label ? FontStyle::Bold : FontStyle::Regular;
  const double hang = layouter_.measure(label, lf, st.size) + cm(0.35);
  st.left_indent = hang;
  st.first_line_indent = -hang;
  st.tabs.push_back(layout::TabStop{0, layout::TabStop::Kind::Left, false});
  if (space_before) st.space_before = t_.space_before_pt;
  Paragraph p;
  p.style = st;
  p.spans.push_back(TextSpan{label, lf, {}, {}});
  p.spans.push_back(TextSpan{"\t" + text, FontStyle::Regular, {}, {}});
  add(std::move(p));
}

void LetterBuilder::add_labelled_list(const std::string& label, const std::vector<std::string>& items) {
  if (items.empty()) return;
  if (items.size() == 1) {
    add_labelled(label, items[0]);
    return;
  }
  const double hang = layouter_.measure(label, FontStyle::Regular, t_.body_size_pt) + cm(0.35);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string num = number(static_cast<long long>(i + 1)) + ". ";
    const double num_w = layouter_.measure(num, FontStyle::Regular, t_.body_size_pt);
    ParagraphStyle st = plain();
    st.left_indent = hang + num_w;
    st.first_line_indent = -(hang + num_w);
    st.tabs.push_back(layout::TabStop{-num_w, layout::TabStop::Kind::Left, false});
    if (i == 0) {
      st.space_before = t_.space_before_pt;
      add(Paragraph::plain(label + "\t" + num + items[i], st));
    } else {
      st.tabs.clear();
      st.first_line_indent = -num_w;
      add(Paragraph::plain(num + items[i], st));
    }
  }
}

void LetterBuilder::add_body(const std::vector<std::string>& paragraphs) {
  for (const auto& b : paragraphs) {
    body_paragraphs_.push_back(paragraphs_.size());
    add(Paragraph::plain(b, body()));
  }
}

void LetterBuilder::add_signature(const Signer& s, const std::string& closing, double closing_left_cm, int index) {
  if (!closing.empty()) {
    ParagraphStyle st = from_left_cm(closing_left_cm);
    st.space_before = t_.space_before_pt * 2;
    if (!closing_start_) closing_start_ = paragraphs_.size();
    st.keep_with_next = true;
    add(Paragraph::plain(closing, st));
  }
  // A box centred on the signature's centre, as wide as the page allows on both sides.
  const double centre = cm(t_.signature_centre_cm);
  const double half = std::min(centre - margin_left(), margin_left() + column_width() - centre);
  ParagraphStyle st = centred();
  st.left_indent = std::max(0.0, centre - half - margin_left());
  st.right_indent = std::max(0.0, margin_left() + column_width() - (centre + half));
  st.keep_with_next = !s.position.empty();
  st.keep_together = true;
  ParagraphStyle name_style = st;
  name_style.space_before = cm(t_.signature_space_cm);
  Paragraph name = Paragraph::plain("(" + s.name + ")", name_style);
  if (!closing_start_) closing_start_ = paragraphs_.size();
  PendingField f{"signer" + std::to_string(index + 1), cm(t_.signature_space_cm), paragraphs_.size()};
  name.anchor = layout::Anchor{layout::Anchor::Kind::SignatureSpace, f.name, 0, 0, 0};
  fields_.push_back(std::move(f));
  add(std::move(name));
  for (std::size_t i = 0; i < s.position.size(); ++i) {
    ParagraphStyle ps = st;
    ps.keep_with_next = i + 1 < s.position.size();
    add(Paragraph::plain(s.position[i], ps));
  }
  if (index == 0) closing_end_ = paragraphs_.size();
}

void LetterBuilder::add_stamp() {
  const double d = cm(t_.stamp_diameter_cm);
  const double size = t_.body_size_pt * 0.6;
  const double lh = layouter_.line_height(FontStyle::Bold, size);
  ParagraphStyle st = centred(true, size);
  const double centre = cm(t_.signature_centre_cm);
  const double half = d / 2 - cm(0.25);
  st.left_indent = std::max(0.0, centre - half - margin_left());
  st.right_indent = std::max(0.0, margin_left() + column_width() - (centre + half));
  st.color = t_.mark_colour();
  st.space_before = (d - lh) / 2 + t_.space_before_pt * 2;
  st.keep_together = true;
  Paragraph p = Paragraph::plain(l_.office.name, st);
  p.anchor = layout::Anchor{layout::Anchor::Kind::Stamp, "stamp", 0, 0, 0};
  stamp_lines_ = layouter_.layout(p, column_width()).size();
  if (!closing_start_) closing_start_ = paragraphs_.size() - 1;  // the office name above the stamp
  closing_end_ = paragraphs_.size() + 1;
  stamp_index_ = paragraphs_.size();
  stamp_ring_clearance_ = (d - lh) / 2;
  add(std::move(p));
  stamp_after_ = (d - lh) / 2;
}

void LetterBuilder::add_dated_signatures(const std::string& said) {
  const std::string when = said + " ณ วันที่ " + date_with_era();
  layout::ParagraphStyle date = fitting_from_left_cm(when, t_.date_left_cm);
  date.space_before = t_.space_before_pt * 2;
  date.keep_with_next = true;
  if (!closing_start_) closing_start_ = paragraphs_.size();
  add(layout::Paragraph::plain(when, date));
  for (std::size_t i = 0; i < l_.signers.size(); ++i)
    add_signature(l_.signers[i], std::string(), t_.closing_left_cm, static_cast<int>(i));
}

void LetterBuilder::add_contact() {
  const Contact& c = l_.contact;
  if (c.empty()) return;
  ParagraphStyle st = plain();
  st.keep_together = true;
  bool first = true;
  auto line = [&](const std::string& text) {
    ParagraphStyle s = st;
    if (first) s.space_before = cm(1.0);
    s.keep_with_next = true;
    first = false;
    add(Paragraph::plain(text, s));
  };
  if (!c.unit.empty()) line(c.unit);
  if (!c.phone.empty()) line("โทร. " + c.phone);
  if (!c.fax.empty()) line("โทรสาร " + c.fax);
  if (!c.email.empty()) line("ไปรษณีย์อิเล็กทรอนิกส์ " + c.email);
  paragraphs_.back().style.keep_with_next = false;
  // The contact lines belong to the closing block: they never go to a page of their own.
  if (closing_start_) closing_end_ = paragraphs_.size();
}

void LetterBuilder::add_copies() {
  if (l_.copies.empty()) return;
  ParagraphStyle st = plain();
  st.space_before = t_.space_before_pt * 2;
  st.keep_with_next = true;
  add(Paragraph::plain("สำเนาส่ง", st));
  const double indent = cm(1.0);
  for (std::size_t i = 0; i < l_.copies.size(); ++i) {
    ParagraphStyle s = plain();
    s.left_indent = indent;
    add(Paragraph::plain(l_.copies[i], s));
  }
}

void LetterBuilder::add_ref_and_address(bool print_address) {
  std::vector<std::string> block;
  if (print_address) {
    if (!l_.office.name.empty()) block.push_back(l_.office.name);
    for (const auto& a : l_.office.address) block.push_back(a);
  }
  const double right = margin_left() + column_width();
  double widest = 0;
  for (const auto& b : block) widest = std::max(widest, layouter_.measure(b, FontStyle::Regular, t_.body_size_pt));
  double x = std::max(cm(t_.address_min_left_cm), right - widest);
  const double rel = x - margin_left();
  const std::string ref_text = "ที่ " + l_.ref;
  const double ref_w = layouter_.measure(ref_text, FontStyle::Regular, t_.body_size_pt);
  if (block.empty() || ref_w + cm(0.5) > rel) {
    // A long reference gets its own line; the address follows beneath it.
    add(Paragraph::plain(ref_text, plain()));
  } else {
    // ที่ on the first line of the address block, at the left margin.
    const double baseline = cm(t_.first_page_top_cm) + layouter_.ascent(FontStyle::Regular, t_.body_size_pt);
    for (auto& it : line_items(ref_text, plain(), margin_left(), baseline)) first_page_items_.push_back(std::move(it));
  }
  for (const auto& b : block) add(Paragraph::plain(b, from_left_cm(layout::to_cm(x))));
}

std::vector<layout::FrameItem> LetterBuilder::line_items(const std::string& text, ParagraphStyle st, double x,
                                                         double baseline, double width) {
  auto lines = layouter_.layout(Paragraph::plain(text, st), width > 0 ? width : column_width());
  std::vector<layout::FrameItem> out;
  double y = baseline;
  for (const auto& line : lines) {
    for (auto& it : layout::place_line(line, x, y)) out.push_back(std::move(it));
    y += line.height;
  }
  return out;
}

void LetterBuilder::place_emblem() {
  if (t_.emblem_height_cm <= 0) return;
  const double h = cm(t_.emblem_height_cm);
  if (l_.emblem.empty()) {
    const double x = t_.emblem_left_cm < 0 ? (cm(t_.page_width_cm) - h) / 2 : cm(t_.emblem_left_cm);
    for (auto& item : placeholder_emblem_paths(x, cm(t_.emblem_top_cm), h)) first_page_items_.push_back(std::move(item));
    return;
  }
  layout::ImageRef img = load_emblem(env_, l_.emblem);
  const double w = h * img->width_px / std::max(1, img->height_px);
  const double x = t_.emblem_left_cm < 0 ? (cm(t_.page_width_cm) - w) / 2 : cm(t_.emblem_left_cm);
  first_page_items_.push_back(layout::Image{img, x, cm(t_.emblem_top_cm), w, h});
}

void LetterBuilder::place_title(const std::string& text, double size, bool bold, double baseline_cm) {
  for (auto& it : line_items(text, centred(bold, size), margin_left(), cm(baseline_cm)))
    first_page_items_.push_back(std::move(it));
}

void LetterBuilder::place_urgency() {
  if (l_.urgency.empty()) return;
  ParagraphStyle st = plain();
  st.font_style = FontStyle::Bold;
  st.size = t_.urgency_size_pt;
  st.color = t_.mark_colour();
  for (auto& it : line_items(l_.urgency, st, margin_left(), cm(t_.urgency_baseline_cm)))
    first_page_items_.push_back(std::move(it));
}

std::string first_words(const std::string& line) {
  static thread_local const text::WordBreaker breaker;  // its ICU iterators are not shared across threads
  std::string s = line;
  const std::size_t start = s.find_first_not_of(" \t\n");
  if (start == std::string::npos) return {};
  s = s.substr(start);
  std::size_t sp = s.find_first_of(" \t\n");
  std::string chunk = s.substr(0, sp);
  // A long run of Thai without spaces: cut after the first word of at least a few letters.
  if (chunk.size() > 30) {
    for (const auto& o : breaker.opportunities(chunk))
      if (o.offset >= 12) {
        chunk = chunk.substr(0, o.offset);
        break;
      }
  }
  return chunk;
}


void LetterBuilder::put_at_anchor(const layout::Anchor& a, std::vector<layout::FrameItem>& out) const {
  switch (a.kind) {
    case layout::Anchor::Kind::Stamp: {
      // Rings centred on the office name's lines.
      const double lh = layouter_.line_height(FontStyle::Bold, t_.body_size_pt * 0.6);
      const double cy = a.y + lh * static_cast<double>(std::max<std::size_t>(1, stamp_lines_)) / 2;
      const double r = cm(t_.stamp_diameter_cm) / 2;
      out.push_back(circle(cm(t_.signature_centre_cm), cy, r, t_.mark_colour(), 1.6));
      out.push_back(circle(cm(t_.signature_centre_cm), cy, r - 3.5, t_.mark_colour(), 0.6));
      return;
    }
    case layout::Anchor::Kind::SignatureSpace: {
      // The field covers the space above the signer's name, as composed (tightening may have
      // narrowed it).
      const auto f = std::find_if(fields_.begin(), fields_.end(), [&](const PendingField& pf) { return pf.name == a.name; });
      const double space = f == fields_.end() ? cm(t_.signature_space_cm) : f->height;
      const double w = cm(t_.signature_field_width_cm);
      const double top = std::max(cm(t_.margin_top_cm) * 0.5, a.y - space);
      out.push_back(layout::SignatureField{a.name, cm(t_.signature_centre_cm) - w / 2, top, w, std::max(12.0, a.y - top)});
      return;
    }
    case layout::Anchor::Kind::Outline:
    case layout::Anchor::Kind::Destination:
      return;  // letters carry no outline and no links; the PDF stage would use them
  }
}

layout::DocumentFrame LetterBuilder::finish(const std::string& title) {
  layout::PageGeometry geo;
  geo.width = cm(t_.page_width_cm);
  geo.height = cm(t_.page_height_cm);
  geo.margin_left = cm(t_.margin_left_cm);
  geo.margin_right = cm(t_.margin_right_cm);
  geo.margin_top = cm(t_.margin_top_cm);
  geo.margin_bottom = cm(t_.margin_bottom_cm);
  layout::PageComposer composer(layouter_, geo);
  composer.set_first_page_top(cm(t_.first_page_top_cm));
  composer.set_decorator([this](const layout::PageInfo& page) {
    std::vector<layout::FrameItem> items;
    auto put = [&](std::vector<layout::FrameItem> v) {
      for (auto& it : v) items.push_back(std::move(it));
    };
    if (!l_.secrecy.empty()) {
      ParagraphStyle st = centred(true, t_.secrecy_size_pt);
      st.color = t_.mark_colour();
      // Marks and page numbers centre on the page, not on the text column.
      put(line_items(l_.secrecy, st, 0, cm(t_.secrecy_top_baseline_cm), cm(t_.page_width_cm)));
      put(line_items(l_.secrecy, st, 0, cm(t_.secrecy_bottom_baseline_cm), cm(t_.page_width_cm)));
    }
    if (page.index > 0)
      put(line_items("- " + number(page.index + 1) + " -", centred(), 0, cm(t_.page_number_baseline_cm),
                     cm(t_.page_width_cm)));
    if (page.index + 1 < page.count) {
      std::string words = first_words(page.next_page_first_text);
      if (!words.empty()) {
        ParagraphStyle st = plain();
        st.align = layout::Alignment::Right;
        put(line_items("/" + words + "…", st, margin_left(), cm(t_.cue_baseline_cm)));
      }
    }
    return items;
  });
  layout::DocumentInfo info;
  info.title = title;
  info.author = l_.office.name;
  info.created = env_.document_time();
  LetterFlow flow{&paragraphs_, body_paragraphs_, closing_start_, closing_end_, {}, {}};
  for (const auto& f : fields_) flow.signature_spaces.push_back(f.paragraph);
  if (stamp_index_) {
    // Tightening never draws the stamp's ring over the lines around it.
    flow.fixed_space[*stamp_index_] = stamp_ring_clearance_;
    flow.fixed_space[*stamp_index_ + 1] = stamp_after_;
  }
  PaginatedLetter paginated = paginate_letter(composer, flow, t_, info);
  layout::DocumentFrame doc = std::move(paginated.doc);
  // The signature field covers the space as composed (tightening may have narrowed it).
  for (std::size_t i = 0; i < fields_.size(); ++i) fields_[i].height = paginated.signature_spaces[i];

  // Page 1's letterhead first, so reading order starts with it.
  auto& p0 = doc.pages.front().items;
  p0.insert(p0.begin(), first_page_items_.begin(), first_page_items_.end());

  // The anchors this letter set become the stamp's rings and the signature fields.
  for (auto& page : doc.pages) {
    std::vector<layout::FrameItem> drawn;
    for (const auto& item : page.items)
      if (const auto* a = std::get_if<layout::Anchor>(&item)) put_at_anchor(*a, drawn);
    for (auto& it : drawn) page.items.push_back(std::move(it));
  }
  return doc;
}

}  // namespace saraban::documents
