// Orders (คำสั่ง), announcements (ประกาศ) and regulations (ระเบียบ, ข้อบังคับ): Garuda centred,
// "คำสั่ง[office]" centred and bold, ที่ n/year, เรื่อง, a short rule, body, then
// "สั่ง ณ วันที่ …" / "ประกาศ ณ วันที่ …" and the signature.
#include "documents/letter_layouts.h"
#include "layout/units.h"

namespace saraban::documents {

using layout::cm;
using layout::Paragraph;

void layout_directive(LetterBuilder& b) {
  const auto& l = b.letter();
  b.place_emblem();
  b.place_urgency();
  const bool regulation = l.kind == LetterKind::Regulation;
  b.add(Paragraph::plain(l.heading + l.office.name, b.centred(true)));
  if (!l.ref.empty()) b.add(Paragraph::plain("ที่ " + l.ref, b.centred()));
  if (regulation) {
    const std::string subject = l.subject.rfind("ว่าด้วย", 0) == 0 ? l.subject : "ว่าด้วย" + l.subject;
    b.add(Paragraph::plain(subject, b.centred(true)));
    b.add(Paragraph::plain("พ.ศ. " + b.number(text::buddhist_year(l.date.year)), b.centred(true)));
  } else {
    b.add(Paragraph::plain("เรื่อง " + l.subject, b.centred()));
  }
  // A short centred rule under the heading.
  layout::ParagraphStyle rule = b.centred();
  rule.space_before = 0;
  b.add(Paragraph::plain("-------------------------", rule));

  if (regulation) {
    for (std::size_t i = 0; i < l.body.size(); ++i)
      b.add(Paragraph::plain("ข้อ " + b.number(static_cast<long long>(i + 1)) + "  " + l.body[i], b.body()));
  } else {
    b.add_body(l.body);
  }
  b.add_dated_signatures(l.kind == LetterKind::Order ? "สั่ง" : "ประกาศ");
  b.add_copies();
}

}  // namespace saraban::documents
