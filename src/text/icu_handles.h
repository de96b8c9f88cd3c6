#pragma once
// RAII for the ICU handles the text stage uses.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <string_view>

#include "base/error.h"

namespace saraban::text {

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;
using BreakIteratorPtr = std::unique_ptr<icu::BreakIterator>;

// A UText over UTF-8 so break iterators report byte offsets directly (no UTF-16 mapping).
inline UTextPtr open_utf8_text(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  UTextPtr text(utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status));
  if (U_FAILURE(status)) {
    throw Error(ErrorCode::Internal, "ICU cannot open UTF-8 text", u_errorName(status));
  }
  return text;
}

inline void check_icu(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw Error(ErrorCode::Internal, what, u_errorName(status));
}

}  // namespace saraban::text
