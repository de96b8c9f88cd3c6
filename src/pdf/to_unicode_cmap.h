#pragma once
// The /ToUnicode CMap of one embedded font: CID -> the text that CID stands for.
#include <string>
#include <vector>

namespace saraban::pdf {

// cid_texts[cid] is UTF-8 (CID 0 is .notdef and never mapped). An empty text is written as a
// mapping to U+200B? No: see the comment in the .cpp for what empty entries become.
std::string to_unicode_cmap(const std::vector<std::string>& cid_texts);

}  // namespace saraban::pdf
