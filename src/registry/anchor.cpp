#include "registry/anchor.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <sstream>

#include "base/error.h"
#include "registry/register_files.h"

namespace saraban::registry {
namespace {

constexpr const char* kMagic = "saraban anchor 1";

std::string body_of(const Anchor& a) {
  return std::string(kMagic) + "\nseq " + std::to_string(a.seq) + "\nhash " + a.hash + "\nat " + std::to_string(a.at) +
         "\n";
}

std::string signed_text(const Anchor& a, const ChainKey& key) {
  std::string body = body_of(a);
  return body + "mac " + key.mac(body) + "\n";
}

std::optional<std::string> read_small_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::nullopt;
    throw Error(ErrorCode::IoError, "cannot read the register's anchor", path);
  }
  std::string out;
  char buf[1024];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0 && out.size() < 4096) out.append(buf, static_cast<std::size_t>(n));
  ::close(fd);
  if (n < 0) throw Error(ErrorCode::IoError, "cannot read the register's anchor", path);
  return out;
}

// Closes the descriptor (and so drops its lock) on every path out.
struct FileLock {
  int fd;
  ~FileLock() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::optional<std::string> read_anchor_text(const std::string& path) { return read_small_file(path); }

std::optional<Anchor> read_anchor(const std::string& path, const ChainKey& key) {
  auto text = read_small_file(path);
  if (!text) return std::nullopt;
  return parse_anchor(*text, path, key);
}

Anchor parse_anchor(const std::string& text, const std::string& path, const ChainKey& key) {
  std::istringstream in(text);
  std::string magic, w1, w2, w3, w4, mac;
  Anchor a;
  std::getline(in, magic);
  in >> w1 >> a.seq >> w2 >> a.hash >> w3 >> a.at >> w4 >> mac;
  if (!in || magic != kMagic || w1 != "seq" || w2 != "hash" || w3 != "at" || w4 != "mac")
    throw Error(ErrorCode::DatabaseError, "the register's anchor file is damaged or is not an anchor", path);
  if (key.mac(body_of(a)) != mac)
    throw Error(ErrorCode::DatabaseError,
                "the register's anchor file was altered (its MAC does not match the register's key)", path);
  return a;
}

void write_anchor(const std::string& path, const std::string& key_path, const ChainKey& key, const Anchor& a) {
  FileLock lock{::open(key_path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (lock.fd < 0) throw Error(ErrorCode::IoError, "cannot open the register's key to lock the anchor", key_path);
  while (::flock(lock.fd, LOCK_EX) != 0)
    if (errno != EINTR) throw Error(ErrorCode::IoError, "cannot lock the register's key", key_path);
  try {
    if (auto current = read_anchor(path, key); current && current->seq >= a.seq) return;
  } catch (const Error& e) {
    if (e.code() != ErrorCode::DatabaseError) throw;  // a damaged anchor is replaced by a good one
  }
  // The rename is not flushed: after a power cut the older anchor may come back, which only
  // names an earlier head of the same chain; a torn file cannot, since the content is flushed.
  write_private_file(path, signed_text(a, key));
}

void replace_anchor(const std::string& path, const ChainKey& key, const Anchor& a) {
  write_private_file(path, signed_text(a, key));
  sync_directory_of(path);
}

}  // namespace saraban::registry
