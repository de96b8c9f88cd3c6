// Minutes (รายงานการประชุม): the title with the meeting, its date and place, those present
// and absent, the start time, each agenda item with its text, the end time, then the
// recorder (and the reviewer, when given).
#include "documents/letter_layouts.h"
#include "layout/units.h"

namespace saraban::documents {

using layout::cm;
using layout::FontStyle;
using layout::Paragraph;

namespace {

void people(LetterBuilder& b, const std::string& heading, const std::vector<Attendee>& list) {
  if (list.empty()) return;
  layout::ParagraphStyle h = b.plain();
  h.font_style = FontStyle::Bold;
  h.space_before = b.tpl().space_before_pt * 2;
  h.keep_with_next = true;
  b.add(Paragraph::plain(heading, h));
  for (std::size_t i = 0; i < list.size(); ++i) {
    layout::ParagraphStyle st = b.plain();
    st.left_indent = cm(1.0);
    st.tabs.push_back(layout::TabStop{cm(7.5), layout::TabStop::Kind::Left, false});
    std::string line = b.number(static_cast<long long>(i + 1)) + ". " + list[i].name;
    if (!list[i].position.empty()) line += "\t" + list[i].position;
    b.add(Paragraph::plain(line, st));
  }
}

}  // namespace

void layout_minutes(LetterBuilder& b) {
  const auto& t = b.tpl();
  const auto& l = b.letter();
  b.place_emblem();
  b.add(Paragraph::plain("รายงานการประชุม" + l.meeting, b.centred(true)));
  b.add(Paragraph::plain("เมื่อวันที่ " + b.date_with_era(), b.centred()));
  if (!l.place.empty()) b.add(Paragraph::plain("ณ " + l.place, b.centred()));
  b.add(Paragraph::plain("-------------------------", b.centred()));
  people(b, "ผู้มาประชุม", l.attendees);
  people(b, "ผู้ไม่มาประชุม", l.absentees);
  if (!l.start_time.empty()) {
    layout::ParagraphStyle st = b.plain();
    st.space_before = t.space_before_pt * 2;
    b.add(Paragraph::plain("เริ่มประชุมเวลา " + l.start_time, st));
  }
  for (std::size_t i = 0; i < l.agenda.size(); ++i) {
    layout::ParagraphStyle h = b.plain();
    h.font_style = FontStyle::Bold;
    h.space_before = t.space_before_pt * 2;
    h.keep_with_next = true;
    b.add(Paragraph::plain("ระเบียบวาระที่ " + b.number(static_cast<long long>(i + 1)) + "  " + l.agenda[i].title, h));
    b.add_body(l.agenda[i].body);
  }
  b.add_body(l.body);
  if (!l.end_time.empty()) {
    layout::ParagraphStyle st = b.plain();
    st.space_before = t.space_before_pt * 2;
    b.add(Paragraph::plain("เลิกประชุมเวลา " + l.end_time, st));
  }
  for (std::size_t i = 0; i < l.signers.size(); ++i)
    b.add_signature(l.signers[i], std::string(), t.closing_left_cm, static_cast<int>(i));
}

}  // namespace saraban::documents
