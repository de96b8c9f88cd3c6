#pragma once
// Incoming PDFs: the original is stored byte for byte and never altered; what PoDoFo makes of
// it is recorded as a flag (a corrupt or encrypted PDF is kept and flagged, never fatal).
// The receive stamp (office, เลขรับ, date, time at the top right of page 1) is drawn by the
// typesetting engine through ReceiveStamper; the register calls it when one is provided.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace saraban::registry {

// "ok", "corrupt", "encrypted" (needs a password to open, or uses a cipher that cannot be
// read) or "not-pdf". A file with only an owner password opens without one: "ok", and stamped.
std::string inspect_pdf(std::span<const std::uint8_t> bytes);

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

class ReceiveStamper {
 public:
  virtual ~ReceiveStamper() = default;
  // A copy of `original_pdf` with the stamp drawn; throws saraban::Error(PdfError) if it cannot.
  virtual std::vector<std::uint8_t> stamp(const std::vector<std::uint8_t>& original_pdf,
                                          const ReceiveStampText& text) = 0;
  // The same, saying whether the original had to be repaired first (stampers that never
  // repair keep this default).
  virtual StampedCopy stamp_checked(const std::vector<std::uint8_t>& original_pdf, const ReceiveStampText& text) {
    return {stamp(original_pdf, text), false};
  }
};

}  // namespace saraban::registry
