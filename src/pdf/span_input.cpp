#include "pdf/span_input.h"

namespace saraban::pdf {

SpanStreamBuf::SpanStreamBuf(std::span<const std::uint8_t> bytes)
    // std::streambuf wants char*, but nothing here ever writes through it (no put area).
    : begin_(const_cast<char*>(reinterpret_cast<const char*>(bytes.data()))), end_(begin_ + bytes.size()) {
  setg(begin_, begin_, end_);
}

SpanStreamBuf::pos_type SpanStreamBuf::seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode which) {
  if (!(which & std::ios_base::in)) return pos_type(off_type(-1));
  off_type base = 0;
  if (dir == std::ios_base::cur) base = gptr() - begin_;
  else if (dir == std::ios_base::end) base = end_ - begin_;
  const off_type target = base + off;
  if (target < 0 || target > end_ - begin_) return pos_type(off_type(-1));
  setg(begin_, begin_ + target, end_);
  return pos_type(target);
}

SpanStreamBuf::pos_type SpanStreamBuf::seekpos(pos_type pos, std::ios_base::openmode which) {
  return seekoff(off_type(pos), std::ios_base::beg, which);
}

SpanInput::SpanInput(std::span<const std::uint8_t> bytes)
    : buffer_(bytes), stream_(&buffer_), device_(new PoDoFo::PdfInputDevice(&stream_)) {}

}  // namespace saraban::pdf
