#include "pdf/pdf_inspection.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <cstring>
#include <string_view>

#include "base/legacy_ciphers.h"
#include "pdf/span_input.h"

namespace saraban::pdf {

const char* to_string(IncomingPdfStatus status) {
  switch (status) {
    case IncomingPdfStatus::Ok: return "ok";
    case IncomingPdfStatus::Corrupt: return "corrupt";
    case IncomingPdfStatus::Encrypted: return "encrypted";
    case IncomingPdfStatus::NotPdf: return "not-pdf";
  }
  return "corrupt";
}

IncomingPdfStatus inspect_incoming_pdf(std::span<const std::uint8_t> bytes) {
  static const char magic[] = "%PDF-";
  // The header may follow a little junk (the PDF spec tolerates up to 1024 bytes).
  std::size_t window = std::min<std::size_t>(bytes.size(), 1024);
  bool has_header = false;
  for (std::size_t i = 0; i + 5 <= window && !has_header; ++i)
    has_header = std::memcmp(bytes.data() + i, magic, 5) == 0;
  if (!has_header) return IncomingPdfStatus::NotPdf;
  PoDoFo::PdfError::EnableLogging(false);
  PoDoFo::PdfError::EnableDebug(false);
  enable_legacy_ciphers();
  // A failure in a file that declares encryption is the encryption's, not corruption.
  static const std::string_view encrypt_key = "/Encrypt";
  const bool declares_encryption =
      std::search(bytes.begin(), bytes.end(), encrypt_key.begin(), encrypt_key.end()) != bytes.end();
  try {
    // Read in place: LoadFromBuffer would copy the file twice (a 38 MB scan: 76 MB more).
    SpanInput input(bytes);
    PoDoFo::PdfMemDocument doc;
    // A file with only an owner password opens with the empty one, as in every viewer: "ok".
    doc.LoadFromDevice(input.device());
    if (doc.GetPageCount() < 1) return IncomingPdfStatus::Corrupt;
    return IncomingPdfStatus::Ok;
  } catch (const PoDoFo::PdfError& e) {
    if (e.GetError() == PoDoFo::ePdfError_InvalidPassword || declares_encryption) return IncomingPdfStatus::Encrypted;
    return IncomingPdfStatus::Corrupt;
  } catch (...) {
    return declares_encryption ? IncomingPdfStatus::Encrypted : IncomingPdfStatus::Corrupt;
  }
}

}  // namespace saraban::pdf
