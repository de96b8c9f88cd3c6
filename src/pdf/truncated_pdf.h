#pragma once
// A PDF cut off before its xref and trailer (a download stopped at 97 %): without a trailer
// qpdf cannot tell which object is the document catalog and gives up, though MuPDF shows the
// pages it can find. Naming the catalog in a trailer added after the cut lets qpdf rebuild
// the rest the usual way; the original bytes are never changed, only a copy is extended.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace saraban::pdf {

// `bytes` followed by "trailer << /Root N G R /Size S >>" naming the last object whose
// dictionary says /Type /Catalog; nullopt when there is no such object.
std::optional<std::vector<std::uint8_t>> with_trailer_for_catalog(std::span<const std::uint8_t> bytes);

}  // namespace saraban::pdf
