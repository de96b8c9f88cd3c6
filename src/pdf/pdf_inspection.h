#pragma once
// What an incoming file is, as a PDF reader sees it: the register stores every original byte for
// byte and records this as its flag (a corrupt or encrypted PDF is kept and flagged, never fatal).
#include <cstdint>
#include <span>

namespace saraban::pdf {

enum class IncomingPdfStatus {
  Ok,         // opens (a file with only an owner password opens without one, as in every viewer)
  Corrupt,    // has a PDF header but does not open, or has no page
  Encrypted,  // needs a password to open, or uses a cipher that cannot be read
  NotPdf,     // no "%PDF-" header in the first 1024 bytes
};

// "ok", "corrupt", "encrypted", "not-pdf": the register's attachments.pdf_status values.
const char* to_string(IncomingPdfStatus status);

IncomingPdfStatus inspect_incoming_pdf(std::span<const std::uint8_t> bytes);

}  // namespace saraban::pdf
