#pragma once
// The contents of templates/words/th-keep.txt, compiled into the library at build time.
#include <string_view>

namespace saraban::text {

std::string_view builtin_keep_words_text();

}  // namespace saraban::text
