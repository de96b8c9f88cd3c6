// External letters (หนังสือภายนอก) and stamped letters (หนังสือประทับตรา): Garuda centred,
// ที่ at the left and the office at the right, the date from the page centre, เรื่อง, เรียน or
// ถึง, อ้างถึง, สิ่งที่ส่งมาด้วย, body, then the signature (or the red office stamp), the
// owning unit's contact block at the left, สำเนาส่ง.
#include "documents/letter_layouts.h"
#include "layout/units.h"

namespace saraban::documents {

using layout::cm;

void layout_external(LetterBuilder& b) {
  const auto& t = b.tpl();
  const auto& l = b.letter();
  const bool stamped = l.kind == LetterKind::Stamped;
  b.place_emblem();
  b.place_urgency();
  if (stamped) {
    // The office's address only when the letter itself gives one.
    b.add_ref_and_address(l.office.address_from_letter);
    b.add_labelled("ถึง", l.to);
    if (!l.subject.empty()) b.add_labelled("เรื่อง", l.subject);
  } else {
    b.add_ref_and_address(true);
    layout::ParagraphStyle date = b.from_left_cm(t.date_left_cm);
    date.space_before = t.space_before_pt;
    b.add(layout::Paragraph::plain(b.date_full(), date));
    b.add_labelled("เรื่อง", l.subject);
    b.add_labelled("เรียน", l.to);
  }
  b.add_labelled_list("อ้างถึง", l.references);
  b.add_labelled_list("สิ่งที่ส่งมาด้วย", l.enclosures);
  b.add_body(l.body);
  if (stamped) {
    layout::ParagraphStyle name = b.centred();
    name.space_before = t.space_before_pt * 2;
    name.keep_with_next = true;
    b.add(layout::Paragraph::plain(l.office.name, name));
    b.add_stamp();
    layout::ParagraphStyle date = b.from_left_cm(t.date_left_cm);
    date.space_before = b.stamp_clearance() + t.space_before_pt * 2;
    b.add(layout::Paragraph::plain(b.date_full(), date));
  } else {
    for (std::size_t i = 0; i < l.signers.size(); ++i)
      b.add_signature(l.signers[i], i == 0 ? l.closing : std::string(), t.closing_left_cm, static_cast<int>(i));
  }
  b.add_contact();
  b.add_copies();
}

}  // namespace saraban::documents
