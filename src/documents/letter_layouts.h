#pragma once
// One layout per family of kinds; each fills a LetterBuilder in the order the practice sets.
#include "documents/letter_builder.h"

namespace saraban::documents {

void layout_external(LetterBuilder& b);     // external, stamped
void layout_memo(LetterBuilder& b);         // memo
void layout_directive(LetterBuilder& b);    // order, announcement, regulation
void layout_certificate(LetterBuilder& b);  // certificate
void layout_minutes(LetterBuilder& b);      // minutes

}  // namespace saraban::documents
