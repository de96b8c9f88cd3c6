#pragma once
// How a letter's flowed paragraphs become pages, as a typist breaks them: a letter that barely
// overflows is first tightened (the spacing between parts shrinks within the template's bounds)
// to fit on one page fewer; then the closing block never starts a page without at least
// `closing_min_body_lines` lines of the body above it (lines are carried over to it), and the
// block itself (closing, signature space, name, position) is never split over two pages.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "documents/letter_template.h"
#include "layout/frame.h"
#include "layout/page_composer.h"
#include "layout/paragraph.h"

namespace saraban::documents {

// Which paragraphs are what, as the builder added them.
struct LetterFlow {
  const std::vector<layout::Paragraph>* paragraphs = nullptr;
  std::vector<std::size_t> body;               // indices of body paragraphs, in order
  std::optional<std::size_t> closing_start;    // first paragraph of the closing/signature block
  std::size_t closing_end = 0;                 // one past its last paragraph (the first signer's)
  std::vector<std::size_t> signature_spaces;   // paragraphs whose space_before is a signature space
  std::map<std::size_t, double> fixed_space;  // the part of space_before that never shrinks (the stamp's ring)
};

struct PaginatedLetter {
  layout::DocumentFrame doc;
  std::vector<double> signature_spaces;  // as composed, one per LetterFlow::signature_spaces (pt)
  double spacing_scale = 1;              // 1: as the template sets it
};

PaginatedLetter paginate_letter(layout::PageComposer& composer, const LetterFlow& flow, const LetterTemplate& t,
                                const layout::DocumentInfo& info);

// Range checks of the pagination keys; appends "\n  $.key: ..." lines to `problems`.
void check_pagination_keys(const LetterTemplate& t, std::string& problems);

}  // namespace saraban::documents
