#pragma once
// The caller's PDF bytes as a PoDoFo input device, without a copy: PoDoFo's own buffer device
// copies the input twice (a std::string and an istringstream), which for a 38 MB scan is 76 MB
// more memory just to read page 1. The bytes must outlive every object parsed through it.
#include <cstdint>
#include <istream>
#include <span>
#include <streambuf>

#include <podofo/podofo.h>

namespace saraban::pdf {

// A read-only, seekable stream buffer over bytes someone else owns.
class SpanStreamBuf : public std::streambuf {
 public:
  explicit SpanStreamBuf(std::span<const std::uint8_t> bytes);

 protected:
  pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode which) override;
  pos_type seekpos(pos_type pos, std::ios_base::openmode which) override;

 private:
  char* begin_;
  char* end_;
};

// Owns the stream the device reads; PoDoFo's device only borrows it.
class SpanInput {
 public:
  explicit SpanInput(std::span<const std::uint8_t> bytes);
  SpanInput(const SpanInput&) = delete;
  SpanInput& operator=(const SpanInput&) = delete;
  const PoDoFo::PdfRefCountedInputDevice& device() const { return device_; }

 private:
  SpanStreamBuf buffer_;
  std::istream stream_;
  PoDoFo::PdfRefCountedInputDevice device_;
};

}  // namespace saraban::pdf
