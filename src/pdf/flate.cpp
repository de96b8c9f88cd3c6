#include "pdf/flate.h"

#include <libdeflate.h>

#include <memory>

#include <podofo/podofo.h>

#include "base/error.h"

namespace saraban::pdf {

namespace {

// One libdeflate compressor per thread: it compresses whole buffers (every PDF stream is one),
// smaller than zlib at its default level and in less time.
constexpr int kDeflateLevel = 6;

struct CompressorFree {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

class Deflater {
 public:
  Deflater() : c_(libdeflate_alloc_compressor(kDeflateLevel)) {
    if (!c_) throw Error(ErrorCode::PdfError, "cannot start libdeflate");
  }

  std::vector<std::uint8_t> run(std::span<const std::uint8_t> in) {
    std::vector<std::uint8_t> out(libdeflate_zlib_compress_bound(c_.get(), in.size()));
    const std::size_t n = libdeflate_zlib_compress(c_.get(), in.data(), in.size(), out.data(), out.size());
    if (n == 0) throw Error(ErrorCode::PdfError, "libdeflate could not compress a stream");
    out.resize(n);
    return out;
  }

 private:
  std::unique_ptr<libdeflate_compressor, CompressorFree> c_;
};

}  // namespace

std::vector<std::uint8_t> flate_compress(std::span<const std::uint8_t> in) {
  thread_local Deflater deflater;
  return deflater.run(in);
}

std::vector<std::uint8_t> flate_compress(std::string_view in) {
  return flate_compress(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(in.data()), in.size()));
}

std::vector<std::uint8_t> png_up_rows(std::span<const std::uint8_t> samples, int width, int channels) {
  const std::size_t row = static_cast<std::size_t>(width) * static_cast<std::size_t>(channels);
  if (row == 0 || samples.size() % row != 0) throw Error(ErrorCode::InvalidInput, "image rows do not match its width");
  const std::size_t rows = samples.size() / row;
  std::vector<std::uint8_t> out;
  out.reserve(rows * (row + 1));
  for (std::size_t y = 0; y < rows; ++y) {
    out.push_back(2);  // PNG filter type Up
    for (std::size_t x = 0; x < row; ++x) {
      std::uint8_t above = y ? samples[(y - 1) * row + x] : 0;
      out.push_back(static_cast<std::uint8_t>(samples[y * row + x] - above));
    }
  }
  return out;
}

DeflatedSamples deflate_samples(std::span<const std::uint8_t> samples, int width, int channels) {
  DeflatedSamples plain{flate_compress(samples), false};
  DeflatedSamples up{flate_compress(png_up_rows(samples, width, channels)), true};
  return up.bytes.size() < plain.bytes.size() ? up : plain;
}

void set_stream(PoDoFo::PdfObject& object, std::string_view bytes, bool compress) {
  if (!compress) {
    object.GetStream()->Set(bytes.data(), static_cast<PoDoFo::pdf_long>(bytes.size()), PoDoFo::TVecFilters{});
    return;
  }
  set_deflated_stream(object, flate_compress(bytes));
}

void set_deflated_stream(PoDoFo::PdfObject& object, std::span<const std::uint8_t> deflated) {
  object.GetStream()->Set(reinterpret_cast<const char*>(deflated.data()), static_cast<PoDoFo::pdf_long>(deflated.size()),
                          PoDoFo::TVecFilters{});
  // PoDoFo drops /Filter when given no filters, so it goes in after the bytes.
  object.GetDictionary().AddKey("Filter", PoDoFo::PdfName("FlateDecode"));
}

}  // namespace saraban::pdf
