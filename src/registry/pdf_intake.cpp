#include "registry/pdf_intake.h"

#include <podofo/podofo.h>

#include <cstring>

namespace saraban::registry {

std::string inspect_pdf(std::span<const std::uint8_t> bytes) {
  static const char magic[] = "%PDF-";
  // The header may follow a little junk (the PDF spec tolerates up to 1024 bytes).
  std::size_t window = std::min<std::size_t>(bytes.size(), 1024);
  bool has_header = false;
  for (std::size_t i = 0; i + 5 <= window && !has_header; ++i)
    has_header = std::memcmp(bytes.data() + i, magic, 5) == 0;
  if (!has_header) return "not-pdf";
  PoDoFo::PdfError::EnableLogging(false);
  PoDoFo::PdfError::EnableDebug(false);
  try {
    PoDoFo::PdfMemDocument doc;
    doc.LoadFromBuffer(reinterpret_cast<const char*>(bytes.data()), static_cast<long>(bytes.size()));
    if (doc.GetEncrypted()) return "encrypted";
    if (doc.GetPageCount() < 1) return "corrupt";
    return "ok";
  } catch (const PoDoFo::PdfError& e) {
    if (e.GetError() == PoDoFo::ePdfError_InvalidPassword) return "encrypted";
    return "corrupt";
  } catch (...) {
    return "corrupt";
  }
}

}  // namespace saraban::registry
