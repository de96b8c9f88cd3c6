#pragma once
// Small encoders the writer shares: numbers for content streams, UTF-8 to UTF-16BE hex,
// PDF and XMP dates. All locale-independent so output bytes never depend on the machine.
#include <cstdint>
#include <string>
#include <string_view>

namespace saraban::pdf {

// Shortest fixed form with at most 4 decimals: "12.5", "0", "-3.1416".
std::string format_number(double value);

// UTF-8 to upper-case hex of UTF-16BE code units, no BOM: "0E19". Throws InvalidInput on bad UTF-8.
std::string utf8_to_utf16be_hex(std::string_view utf8);
// The same as raw bytes, with the FEFF byte-order mark that PDF text strings need.
std::string utf8_to_utf16be_with_bom(std::string_view utf8);

// D:YYYYMMDDHHmmSSZ (PDF date, UTC).
std::string pdf_date(std::int64_t epoch_seconds);
// YYYY-MM-DDTHH:mm:SSZ (XMP date, UTC).
std::string xmp_date(std::int64_t epoch_seconds);

std::string hex_upper(std::string_view bytes);

}  // namespace saraban::pdf
