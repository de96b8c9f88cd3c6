// Only std::shared_ptr is used, never qpdf's old PointerHolder (its header warns otherwise).
#define POINTERHOLDER_TRANSITION 4
#include "pdf/pdf_repair.h"
#include "pdf/truncated_pdf.h"

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Discard.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <memory>

namespace saraban::pdf {

namespace {

// Reads every object and every stream's raw data once and keeps nothing: a wrong /Length or a
// broken xref shows up as a warning without a second copy of the file in memory, and without
// the time a writer spends compressing (a 38 MB scan: 2.7 s and 90 MB through QPDFWriter).
// Returns false when the objects cannot even be listed or a stream's data throws (damage that
// qpdf reports by an exception rather than a warning).
bool read_everything(QPDF& q) {
  Pl_Discard discard;
  std::vector<QPDFObjectHandle> objects;
  try {
    objects = q.getAllObjects();
  } catch (const std::exception&) {
    return false;  // e.g. a truncated file: qpdf's writer still recovers what the trailer reaches
  }
  bool readable = true;
  for (QPDFObjectHandle& o : objects) {
    try {
      // The result is not consulted: qpdf warns about what it had to recover while reading.
      if (o.isStream()) o.pipeStreamData(&discard, 0, qpdf_dl_none);
    } catch (const std::exception&) {
      readable = false;
    }
  }
  return readable;
}

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
  auto open = [&](QPDF& q) {
    q.setSuppressWarnings(true);
    q.setAttemptRecovery(true);
    q.processMemoryFile("incoming PDF", reinterpret_cast<const char*>(bytes.data()), bytes.size());
  };
  if (!force) {
    QPDF check;
    open(check);
    // Stream lengths are checked only when the data is read: walk every object once so a
    // wrong /Length shows up as a warning before deciding.
    const bool readable = read_everything(check);
    if (readable && !check.anyWarnings()) return std::nullopt;
  }
  // A fresh reading for the copy: a failed walk can leave the first one half-resolved.
  QPDF q;
  open(q);
  return write_copy(q);
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
