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

std::uint64_t max_attachment_bytes(const Environment& env) {
  auto v = env.variable("SARABAN_MAX_ATTACHMENT_MB");
  if (!v || v->empty()) return kDefaultMaxAttachmentMb * kMiB;
  std::uint64_t mb = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), mb);
  if (ec != std::errc() || end != v->data() + v->size() || mb < 1 || mb > 1024 * 1024)
    throw Error(ErrorCode::InvalidInput, "must be a whole number of MB from 1 to 1048576, not '" + *v + "'",
                "SARABAN_MAX_ATTACHMENT_MB");
  return mb * kMiB;
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
  if (!S_ISREG(st.st_mode))
    throw Error(ErrorCode::InvalidInput, "not a regular file (a device, pipe, socket or directory): only a file is received",
                path);
  auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > max_bytes)
    throw Error(ErrorCode::InvalidInput,
                "the file is " + mb_text(size) + ", larger than the attachment limit of " + mb_text(max_bytes) +
                    " (SARABAN_MAX_ATTACHMENT_MB)",
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
