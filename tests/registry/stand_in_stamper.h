#pragma once
// In place of the CLI's adapter (src/cli/incoming_pdf_adapter.h): the PDF stage's real
// inspection, and a stamped copy the test draws itself.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "pdf/pdf_inspection.h"
#include "registry/incoming_pdf_handler.h"

namespace saraban::registry::testing {

class StandInStamper : public IncomingPdfHandler {
 public:
  std::string inspect(std::span<const std::uint8_t> bytes) override {
    return pdf::to_string(pdf::inspect_incoming_pdf(bytes));
  }
  StampedCopy stamp(const std::vector<std::uint8_t>& original, const ReceiveStampText& text) final {
    return {draw(original, text), false};
  }
  virtual std::vector<std::uint8_t> draw(const std::vector<std::uint8_t>& original, const ReceiveStampText& text) = 0;
};

}  // namespace saraban::registry::testing
