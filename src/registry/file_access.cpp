#include "registry/file_access.h"

#include <fcntl.h>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "base/error.h"

namespace saraban::registry {

FileAccess file_access_for(const std::optional<std::string>& group_name) {
  if (!group_name) return {};
  std::vector<char> buf(16384);
  group g{};
  group* found = nullptr;
  if (::getgrnam_r(group_name->c_str(), &g, buf.data(), buf.size(), &found) != 0 || !found)
    throw Error(ErrorCode::NotFound, "no such OS group (the office's file group)", *group_name);
  return FileAccess{found->gr_gid};
}

PrivateUmask::PrivateUmask() : saved_(::umask(077)) {}
PrivateUmask::~PrivateUmask() { ::umask(saved_); }

namespace {

[[noreturn]] void io_fail(const char* what, const std::string& path) {
  int e = errno;
  throw Error(ErrorCode::IoError, std::string(what) + std::strerror(e), path);
}

void give_access(int fd, const FileAccess& access, const std::string& path) {
  if (access.group && ::fchown(fd, static_cast<uid_t>(-1), *access.group) != 0)
    io_fail("cannot give the file to the office's group: ", path);
  if (::fchmod(fd, access.mode()) != 0) io_fail("cannot set permissions: ", path);
}

}  // namespace

void apply_file_access(const std::string& path, const FileAccess& access) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) io_fail("cannot open: ", path);
  try {
    give_access(fd, access, path);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
}

void write_register_output(const std::string& path, std::span<const std::uint8_t> bytes, const FileAccess& access) {
  std::string tmp = path + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmp.data());  // 0600 from the start
  if (fd < 0) io_fail("cannot create output file: ", path);
  auto fail = [&](const char* what) {
    int e = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    errno = e;
    io_fail(what, path);
  };
  try {
    give_access(fd, access, path);
  } catch (...) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  const std::uint8_t* p = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write output file: ");
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) fail("cannot flush output file: ");
  if (::close(fd) != 0) {
    int e = errno;
    ::unlink(tmp.c_str());
    errno = e;
    io_fail("cannot close output file: ", path);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int e = errno;
    ::unlink(tmp.c_str());
    errno = e;
    io_fail("cannot move output into place: ", path);
  }
}

}  // namespace saraban::registry
