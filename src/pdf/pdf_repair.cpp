// Only std::shared_ptr is used, never qpdf's old PointerHolder (its header warns otherwise).
#define POINTERHOLDER_TRANSITION 4
#include "pdf/pdf_repair.h"
#include "pdf/truncated_pdf.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <memory>

namespace saraban::pdf {

namespace {

std::vector<std::uint8_t> write_copy(QPDF& q) {
  QPDFWriter w(q);
  w.setOutputMemory();
  w.setMinimumPDFVersion(q.getPDFVersion(), q.getExtensionLevel());
  w.setObjectStreamMode(qpdf_o_preserve);
  // Same input, same bytes; an encrypted file keeps its own /ID (its key depends on it).
  if (!q.isEncrypted()) w.setDeterministicID(true);
  w.write();
  std::shared_ptr<Buffer> out = w.getBufferSharedPointer();
  const std::uint8_t* p = out->getBuffer();
  return {p, p + out->getSize()};
}

// qpdf's sound copy when it had to recover anything (or `force`); nullopt when the file reads
// cleanly. Throws what qpdf throws for a file it cannot read.
std::optional<std::vector<std::uint8_t>> repaired_as_read(std::span<const std::uint8_t> bytes, bool force) {
  QPDF q;
  q.setSuppressWarnings(true);
  q.setAttemptRecovery(true);
  q.processMemoryFile("incoming PDF", reinterpret_cast<const char*>(bytes.data()), bytes.size());
  // Stream lengths are checked only when the data is read: walk every object once so a
  // wrong /Length shows up as a warning before deciding.
  std::vector<std::uint8_t> copy = write_copy(q);
  if (!force && !q.anyWarnings()) return std::nullopt;
  return copy;
}

}  // namespace

std::optional<std::vector<std::uint8_t>> repaired_pdf(std::span<const std::uint8_t> bytes, bool force) {
  try {
    return repaired_as_read(bytes, force);
  } catch (const std::exception&) {
  }
  // Cut off before its trailer, a file names no catalog and qpdf gives up: name it and retry.
  if (auto extended = with_trailer_for_catalog(bytes)) {
    try {
      return repaired_as_read(*extended, true);
    } catch (const std::exception&) {
    }
  }
  // Unreadable even for qpdf (or needs a password): PoDoFo's error says what is wrong.
  return std::nullopt;
}

}  // namespace saraban::pdf
