#pragma once
// The register's PDF reader for incoming files (registry::IncomingPdfHandler), made of the PDF
// stage's inspection and the documents stage's receive stamp: the one place the two meet.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "base/environment.h"
#include "documents/receive_stamp.h"
#include "registry/incoming_pdf_handler.h"

namespace saraban::cli {

class IncomingPdfAdapter final : public registry::IncomingPdfHandler {
 public:
  // Fonts and the stamp's template load on the first stamp only.
  explicit IncomingPdfAdapter(const Environment& env);
  std::string inspect(std::span<const std::uint8_t> bytes) override;
  registry::StampedCopy stamp(const std::vector<std::uint8_t>& original_pdf,
                              const registry::ReceiveStampText& text) override;

 private:
  documents::ReceiveStamper stamper_;
};

}  // namespace saraban::cli
