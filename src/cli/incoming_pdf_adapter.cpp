#include "cli/incoming_pdf_adapter.h"

#include "pdf/pdf_inspection.h"

namespace saraban::cli {

IncomingPdfAdapter::IncomingPdfAdapter(const Environment& env) : stamper_(env) {}

std::string IncomingPdfAdapter::inspect(std::span<const std::uint8_t> bytes) {
  return pdf::to_string(pdf::inspect_incoming_pdf(bytes));
}

registry::StampedCopy IncomingPdfAdapter::stamp(const std::vector<std::uint8_t>& original_pdf,
                                                const registry::ReceiveStampText& text) {
  documents::StampedPdf copy = stamper_.stamp(original_pdf, {text.office, text.number, text.date, text.time});
  return {std::move(copy.bytes), copy.repaired};
}

}  // namespace saraban::cli
