#pragma once
// The /ToUnicode CMap of one embedded font: CID -> the text that CID stands for.
#include <string>
#include <vector>

namespace saraban::pdf {

// cid_texts[cid] is UTF-8 (CID 0 is .notdef and never mapped). The text painter never shows a
// CID with empty text (MuPDF would extract U+FFFD for it); see text_painter.cpp.
std::string to_unicode_cmap(const std::vector<std::string>& cid_texts);

}  // namespace saraban::pdf
