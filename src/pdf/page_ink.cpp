// PLACEHOLDER for the parallel branches only (helper "ink" replaces this file): never on main.
#include "pdf/page_ink.h"
namespace saraban::pdf {
std::vector<InkBox> page_ink(PoDoFo::PdfVecObjects&, PoDoFo::PdfObject*) { return {}; }
}  // namespace saraban::pdf
