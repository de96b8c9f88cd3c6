#pragma once
// Damaged but readable incoming PDFs (a wrong stream /Length, a broken or missing xref, junk
// before the header, no %%EOF): libqpdf reads them the way viewers do and writes a sound copy,
// so the stamp is drawn on what every reader shows. The original bytes are never changed.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace saraban::pdf {

// A repaired copy when qpdf had to recover anything while reading `bytes` (or `force`, for a
// file PoDoFo cannot open); nullopt when qpdf reads it cleanly or cannot read it at all (then
// the caller's own reader reports the error). Keeps the input's PDF version. The check reads
// every object and stream's raw data into a discarding pipeline (no copy, no decoding), so a
// sound file costs neither memory nor time; only a damaged one is written out.
std::optional<std::vector<std::uint8_t>> repaired_pdf(std::span<const std::uint8_t> bytes, bool force = false);

}  // namespace saraban::pdf
