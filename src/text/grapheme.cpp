#include <unicode/brkiter.h>
#include <unicode/locid.h>

#include "text/icu_handles.h"
#include "text/word_breaker.h"

namespace saraban::text {

std::vector<std::size_t> grapheme_boundaries(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  // Building an iterator loads ICU's rules; one per thread is reused for every paragraph.
  thread_local BreakIteratorPtr chars = [] {
    UErrorCode s = U_ZERO_ERROR;
    BreakIteratorPtr it(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), s));
    check_icu(s, "ICU character break iterator unavailable");
    return it;
  }();
  UTextPtr text = open_utf8_text(utf8);
  chars->setText(text.get(), status);
  check_icu(status, "ICU cannot iterate the text");
  std::vector<std::size_t> out;
  for (int32_t b = chars->first(); b != icu::BreakIterator::DONE; b = chars->next()) {
    out.push_back(static_cast<std::size_t>(b));
  }
  return out;
}

}  // namespace saraban::text
