#include "base/environment.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/error.h"

namespace saraban {

std::int64_t Environment::document_time() const {
  if (auto fixed = variable("SOURCE_DATE_EPOCH")) {
    errno = 0;
    char* end = nullptr;
    long long v = std::strtoll(fixed->c_str(), &end, 10);
    if (errno == 0 && end && *end == '\0' && !fixed->empty() && v >= 0) return v;
    throw Error(ErrorCode::InvalidInput, "SOURCE_DATE_EPOCH must be a whole number of seconds", *fixed);
  }
  return now();
}

std::int64_t SystemEnvironment::now() const { return static_cast<std::int64_t>(std::time(nullptr)); }

std::optional<std::string> SystemEnvironment::variable(std::string_view name) const {
  const char* v = std::getenv(std::string(name).c_str());
  if (!v) return std::nullopt;
  return std::string(v);
}

std::vector<std::uint8_t> SystemEnvironment::read_file(const std::string& path) const {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    throw Error(e == ENOENT ? ErrorCode::NotFound : ErrorCode::IoError,
                std::string("cannot open file: ") + std::strerror(e), path);
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw Error(ErrorCode::IoError, "is a directory, not a file", path);
  }
  std::vector<std::uint8_t> out;
  std::uint8_t buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::close(fd);
      throw Error(ErrorCode::IoError, std::string("cannot read file: ") + std::strerror(e), path);
    }
    if (n == 0) break;
    out.insert(out.end(), buf, buf + n);
  }
  ::close(fd);
  return out;
}

void SystemEnvironment::write_file_atomic(const std::string& path,
                                          std::span<const std::uint8_t> bytes) const {
  std::string tmp = path + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    int e = errno;
    throw Error(ErrorCode::IoError, std::string("cannot create output file: ") + std::strerror(e), path);
  }
  auto fail = [&](const char* what) {
    int e = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    throw Error(ErrorCode::IoError, std::string(what) + std::strerror(e), path);
  };
  const std::uint8_t* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write output file: ");
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0) fail("cannot set permissions: ");
  if (::fsync(fd) != 0) fail("cannot flush output file: ");
  if (::close(fd) != 0) {
    int e = errno;
    ::unlink(tmp.c_str());
    throw Error(ErrorCode::IoError, std::string("cannot close output file: ") + std::strerror(e), path);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int e = errno;
    ::unlink(tmp.c_str());
    throw Error(ErrorCode::IoError, std::string("cannot move output into place: ") + std::strerror(e), path);
  }
}

const Environment& system_environment() {
  static const SystemEnvironment env;
  return env;
}

std::string read_text_file(const Environment& env, const std::string& path) {
  auto bytes = env.read_file(path);
  return std::string(bytes.begin(), bytes.end());
}

}  // namespace saraban
