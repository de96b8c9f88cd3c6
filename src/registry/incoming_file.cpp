#include "registry/incoming_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

#include "base/error.h"

namespace saraban::registry {
namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string mb_text(std::uint64_t bytes) {
  // One decimal place, rounded up, so a file just past the limit never reads as equal to it.
  std::uint64_t tenths = (bytes * 10 + kMiB - 1) / kMiB;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

}  // namespace

int parse_max_attachment_mb(const std::string& text) {
  int mb = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), mb);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || mb < 1 || mb > kLargestMaxAttachmentMb)
    throw Error(ErrorCode::InvalidInput,
                "must be a whole number of MB from 1 to " + std::to_string(kLargestMaxAttachmentMb) + ", not '" + text + "'",
                "--max-attachment-mb");
  return mb;
}

std::vector<std::uint8_t> read_incoming_file(const std::string& path, std::uint64_t max_bytes) {
  // O_NONBLOCK: opening a FIFO with no writer must not block before fstat can refuse it.
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
  if (fd.get() < 0) {
    int e = errno;
    throw Error(e == ENOENT ? ErrorCode::NotFound : ErrorCode::IoError, std::string("cannot open file: ") + std::strerror(e),
                path);
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) throw Error(ErrorCode::IoError, std::string("cannot stat file: ") + std::strerror(errno), path);
  if (S_ISDIR(st.st_mode)) throw Error(ErrorCode::IoError, "is a directory, not a file", path);
  if (!S_ISREG(st.st_mode))
    throw Error(ErrorCode::InvalidInput, "not a regular file (a device, pipe or socket): only a file is received", path);
  auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > max_bytes)
    throw Error(ErrorCode::InvalidInput,
                "the file is " + mb_text(size) + ", larger than the attachment limit of " + mb_text(max_bytes) +
                    " (office set --max-attachment-mb)",
                path);
  std::vector<std::uint8_t> out(static_cast<std::size_t>(size));
  std::size_t got = 0;
  // The file may change while read: never read past the size checked, and report a shrink.
  while (got < out.size()) {
    ssize_t n = ::read(fd.get(), out.data() + got, out.size() - got);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n < 0) throw Error(ErrorCode::IoError, std::string("cannot read file: ") + std::strerror(errno), path);
    if (n == 0) throw Error(ErrorCode::IoError, "the file got shorter while it was read", path);
    got += static_cast<std::size_t>(n);
  }
  return out;
}

}  // namespace saraban::registry
