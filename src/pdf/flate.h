#pragma once
// Deflate for PDF streams. PoDoFo's FlateDecode filter opens a fresh zlib stream (and its
// quarter-megabyte of tables) for every PDF stream; a letter has twenty, so the writer
// compresses itself with one reusable stream per thread and hands PoDoFo finished bytes.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace PoDoFo {
class PdfObject;
}

namespace saraban::pdf {

// zlib-wrapped deflate of `in` (what /FlateDecode reads). Throws Error(PdfError) on failure.
std::vector<std::uint8_t> flate_compress(std::span<const std::uint8_t> in);
std::vector<std::uint8_t> flate_compress(std::string_view in);

// Image samples with a PNG "Up" predictor byte before each row: smooth artwork compresses to
// a fraction. Pair with /DecodeParms <</Predictor 15 /Colors c /Columns w>>.
std::vector<std::uint8_t> png_up_rows(std::span<const std::uint8_t> samples, int width, int channels);

// Samples deflated as they are or Up-predicted, whichever is smaller.
struct DeflatedSamples {
  std::vector<std::uint8_t> bytes;
  bool up_predicted = false;
};
DeflatedSamples deflate_samples(std::span<const std::uint8_t> samples, int width, int channels);

// Sets `object`'s stream to `bytes`, deflated (with /Filter /FlateDecode) when `compress`.
void set_stream(PoDoFo::PdfObject& object, std::string_view bytes, bool compress);
// Sets it to bytes that are already deflated.
void set_deflated_stream(PoDoFo::PdfObject& object, std::span<const std::uint8_t> deflated);

}  // namespace saraban::pdf
