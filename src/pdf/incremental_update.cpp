#include "pdf/incremental_update.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <string>

#include "base/error.h"

namespace saraban::pdf {

using namespace PoDoFo;

std::uint64_t last_startxref(std::span<const std::uint8_t> original) {
  static constexpr std::string_view key = "startxref";
  // Readers look for it near the end; 4 KB leaves room for trailing junk after %%EOF.
  const std::size_t from = original.size() > 4096 ? original.size() - 4096 : 0;
  auto tail = original.subspan(from);
  auto it = std::find_end(tail.begin(), tail.end(), key.begin(), key.end());
  if (it == tail.end()) throw Error(ErrorCode::PdfError, "cannot add to the PDF: no startxref at its end");
  auto p = it + static_cast<std::ptrdiff_t>(key.size());
  while (p != tail.end() && std::isspace(static_cast<unsigned char>(*p))) ++p;
  std::uint64_t offset = 0;
  bool digits = false;
  for (; p != tail.end() && std::isdigit(static_cast<unsigned char>(*p)); ++p, digits = true) {
    offset = offset * 10 + static_cast<std::uint64_t>(*p - '0');
    if (offset > original.size()) break;
  }
  if (!digits || offset >= original.size())
    throw Error(ErrorCode::PdfError, "cannot add to the PDF: its startxref does not point into the file");
  return offset;
}

namespace {

// One cross-reference line: exactly 20 bytes, as 7.5.4 requires.
std::string xref_line(std::uint64_t offset, int generation) {
  char line[24];
  std::snprintf(line, sizeof line, "%010llu %05d n\r\n", static_cast<unsigned long long>(offset), generation);
  return line;
}

// The trailer keys an update keeps from the original; everything else (/W, /Index, /Filter of
// an xref stream, an old /Prev or /XRefStm) belongs to the original's own section.
PdfDictionary update_trailer(const PdfDictionary& original, std::uint64_t size, std::uint64_t prev) {
  PdfDictionary out;
  out.AddKey("Size", PdfVariant(static_cast<pdf_int64>(size)));
  for (const char* key : {"Root", "Info", "ID", "Encrypt"}) {
    if (const PdfObject* v = original.GetKey(key)) out.AddKey(key, *v);
  }
  out.AddKey("Prev", PdfVariant(static_cast<pdf_int64>(prev)));
  return out;
}

}  // namespace

std::vector<std::uint8_t> append_update(std::span<const std::uint8_t> original, const PdfDictionary& trailer,
                                        const std::vector<const PdfObject*>& objects, std::uint64_t size,
                                        PdfEncrypt* encrypt) {
  const std::uint64_t prev = last_startxref(original);
  std::vector<const PdfObject*> sorted = objects;
  std::sort(sorted.begin(), sorted.end(),
            [](const PdfObject* x, const PdfObject* y) { return x->Reference().ObjectNumber() < y->Reference().ObjectNumber(); });

  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  // The update must start on a line of its own: "%%EOF1 0 obj" would hide the first object.
  const bool needs_eol = !original.empty() && original.back() != '\n' && original.back() != '\r';
  if (needs_eol) device.Print("\n");
  const std::uint64_t base = original.size();
  std::vector<std::uint64_t> offsets;
  for (const PdfObject* o : sorted) {
    offsets.push_back(base + device.Tell());
    o->WriteObject(&device, ePdfWriteMode_Compact, encrypt);
  }

  const std::uint64_t xref = base + device.Tell();
  std::string table = "xref\n";
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i + 1;  // one subsection per run of consecutive numbers
    while (j < sorted.size() && sorted[j]->Reference().ObjectNumber() == sorted[j - 1]->Reference().ObjectNumber() + 1) ++j;
    table += std::to_string(sorted[i]->Reference().ObjectNumber()) + " " + std::to_string(j - i) + "\n";
    for (std::size_t k = i; k < j; ++k) table += xref_line(offsets[k], sorted[k]->Reference().GenerationNumber());
    i = j;
  }
  table += "trailer\n";
  device.Write(table.data(), table.size());
  // The trailer is never encrypted (its /ID is what the key is derived from).
  PdfObject(update_trailer(trailer, size, prev)).WriteObject(&device, ePdfWriteMode_Compact, nullptr);
  const std::string tail = "\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  device.Write(tail.data(), tail.size());
  device.Flush();

  std::vector<std::uint8_t> out;
  out.reserve(original.size() + device.Tell());
  out.insert(out.end(), original.begin(), original.end());
  const auto* added = reinterpret_cast<const std::uint8_t*>(buffer.GetBuffer());
  out.insert(out.end(), added, added + device.Tell());
  return out;
}

}  // namespace saraban::pdf
