#pragma once
// What the register needs from a PDF reader for an incoming letter's file: what the file is,
// and a copy with the receive stamp (office, เลขรับ, date, time at the top right of page 1).
// The register reads no PDF itself; the CLI wires a reader in (src/cli/incoming_pdf_adapter.h).
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace saraban::registry {

struct ReceiveStampText {
  std::string office;       // สำนักงาน...
  std::string number;       // เลขรับ, in Thai digits
  std::string date;         // วันที่, Buddhist era
  std::string time;         // เวลา, HH:MM
};

// A stamped copy, and whether it was drawn on a repaired copy of a damaged original.
struct StampedCopy {
  std::vector<std::uint8_t> bytes;
  bool repaired = false;
};

class IncomingPdfHandler {
 public:
  virtual ~IncomingPdfHandler() = default;
  // "ok", "corrupt", "encrypted" (needs a password to open, or uses a cipher that cannot be
  // read) or "not-pdf": the attachment's pdf_status.
  virtual std::string inspect(std::span<const std::uint8_t> bytes) = 0;
  // A copy of `original_pdf` with the stamp drawn; throws saraban::Error(PdfError) if it cannot.
  virtual StampedCopy stamp(const std::vector<std::uint8_t>& original_pdf, const ReceiveStampText& text) = 0;
};

}  // namespace saraban::registry
