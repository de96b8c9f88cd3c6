// Memos (บันทึกข้อความ): small emblem at the top left, the bold title, then labelled lines
// with dotted leaders (ส่วนราชการ; ที่ and วันที่ on one line; เรื่อง), เรียน, body, signature.
#include "documents/letter_layouts.h"
#include "layout/units.h"

namespace saraban::documents {

using layout::cm;
using layout::FontStyle;
using layout::Paragraph;
using layout::ParagraphStyle;
using layout::TabStop;
using layout::TextSpan;

namespace {

// "label  text ......" : bold label, the text, dots to the given stops.
Paragraph dotted(LetterBuilder& b, std::vector<std::pair<std::string, std::string>> parts, std::vector<TabStop> stops,
                 bool space_before) {
  ParagraphStyle st = b.plain();
  st.tabs = std::move(stops);
  if (space_before) st.space_before = b.tpl().space_before_pt;
  Paragraph p;
  p.style = st;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    p.spans.push_back(TextSpan{parts[i].first, FontStyle::Bold, {}, {}});
    p.spans.push_back(TextSpan{"  " + parts[i].second + "\t", FontStyle::Regular, {}, {}});
  }
  return p;
}

}  // namespace

void layout_memo(LetterBuilder& b) {
  const auto& t = b.tpl();
  const auto& l = b.letter();
  b.place_emblem();
  b.place_title("บันทึกข้อความ", t.title_size_pt, true, t.title_baseline_cm);
  b.place_urgency();

  const double right = b.column_width();
  const TabStop to_end{right, TabStop::Kind::Right, true};

  // ส่วนราชการ: the owning unit, the office when the letter names it, and how to reach them.
  std::string unit = l.contact.unit;
  auto append = [&](const std::string& s) {
    if (s.empty()) return;
    if (!unit.empty()) unit += " ";
    unit += s;
  };
  if (unit.empty() || l.office.address_from_letter) append(l.office.name);
  if (l.office.address_from_letter)
    for (const auto& a : l.office.address) append(a);
  if (!l.contact.phone.empty()) append("โทร. " + l.contact.phone);
  if (!l.contact.fax.empty()) append("โทรสาร " + l.contact.fax);
  if (!l.contact.email.empty()) append("ไปรษณีย์อิเล็กทรอนิกส์ " + l.contact.email);
  b.add(dotted(b, {{"ส่วนราชการ", unit}}, {to_end}, false));

  const double date_at = cm(t.memo_date_left_cm) - b.margin_left();
  b.add(dotted(b, {{"ที่", l.ref}, {"วันที่", b.date_full()}}, {TabStop{date_at, TabStop::Kind::Left, true}, to_end},
               false));
  b.add(dotted(b, {{"เรื่อง", l.subject}}, {to_end}, false));

  b.add_labelled("เรียน", l.to);
  b.add_labelled_list("อ้างถึง", l.references);
  b.add_labelled_list("สิ่งที่ส่งมาด้วย", l.enclosures);
  b.add_body(l.body);
  for (std::size_t i = 0; i < l.signers.size(); ++i)
    b.add_signature(l.signers[i], i == 0 ? l.closing : std::string(), t.closing_left_cm, static_cast<int>(i));
  b.add_copies();
}

}  // namespace saraban::documents
