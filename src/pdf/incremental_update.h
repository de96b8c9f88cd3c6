#pragma once
// An incremental update (ISO 32000-1 7.5.6): the original bytes unchanged, then the changed and
// new objects, a classic cross-reference section for just those objects and a trailer whose
// /Prev points at the original's last cross-reference section. A signature over the original
// still covers exactly the bytes it covered, and the update costs only what it adds.
#include <cstdint>
#include <span>
#include <vector>

namespace PoDoFo {
class PdfDictionary;
class PdfEncrypt;
class PdfObject;
}  // namespace PoDoFo

namespace saraban::pdf {

// The offset the original's last `startxref` gives; Error(PdfError) when there is none (the
// file then goes through qpdf's repair first).
std::uint64_t last_startxref(std::span<const std::uint8_t> original);

// `original` followed by an update holding `objects` (each written under its own reference,
// encrypted with `encrypt` when the original is encrypted) and a trailer keeping the
// original's /Root, /Info, /ID and /Encrypt. `size` is the new trailer /Size.
std::vector<std::uint8_t> append_update(std::span<const std::uint8_t> original, const PoDoFo::PdfDictionary& trailer,
                                        const std::vector<const PoDoFo::PdfObject*>& objects, std::uint64_t size,
                                        PoDoFo::PdfEncrypt* encrypt);

}  // namespace saraban::pdf
