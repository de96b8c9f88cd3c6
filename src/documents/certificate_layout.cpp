// Certificates (หนังสือรับรอง): Garuda centred, ที่ at the left and the office at the right,
// the bold title, "หนังสือฉบับนี้ให้ไว้เพื่อรับรองว่า" with the person and the statement,
// "ให้ไว้ ณ วันที่ …" from the centre, and the signature.
#include "documents/letter_layouts.h"

namespace saraban::documents {

using layout::Paragraph;

void layout_certificate(LetterBuilder& b) {
  const auto& t = b.tpl();
  const auto& l = b.letter();
  b.place_emblem();
  b.add_ref_and_address(true);
  layout::ParagraphStyle title = b.centred(true, t.title_size_pt);
  title.space_before = t.space_before_pt * 2;
  b.add(Paragraph::plain("หนังสือรับรอง", title));
  b.add(Paragraph::plain("หนังสือฉบับนี้ให้ไว้เพื่อรับรองว่า " + l.person + " " + l.statement, b.body()));
  b.add_body(l.body);
  b.add_dated_signatures("ให้ไว้");
  b.add_contact();
}

}  // namespace saraban::documents
