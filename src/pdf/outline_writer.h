#pragma once
// Bookmarks as the /Outlines tree: items nested by level, all open, each jumping to the top of
// its target on its page.
#include <vector>

#include "layout/frame.h"

namespace PoDoFo {
class PdfObject;
class PdfVecObjects;
class PdfReference;
}  // namespace PoDoFo

namespace saraban::pdf {

struct OutlinePage {
  const PoDoFo::PdfReference* page;
  double height;
};

// Returns the /Outlines dictionary object, or nullptr when there are no bookmarks. Throws
// Error(InvalidInput) for a bookmark pointing at a page that does not exist.
PoDoFo::PdfObject* write_outlines(PoDoFo::PdfVecObjects& objects, const std::vector<layout::Bookmark>& bookmarks,
                                  const std::vector<OutlinePage>& pages);

}  // namespace saraban::pdf
