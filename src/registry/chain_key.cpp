#include "registry/chain_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sstream>

#include "base/error.h"
#include "registry/register_files.h"

namespace saraban::registry {
namespace {

constexpr std::string_view kMagic = "saraban audit chain key 1";

void init_sodium() {
  if (sodium_init() < 0) throw Error(ErrorCode::Internal, "libsodium cannot start");
}

std::string hex(const unsigned char* p, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

}  // namespace

ChainKey ChainKey::generate(std::int64_t keyed_from) {
  init_sodium();
  ChainKey k;
  crypto_generichash_keygen(k.bytes_.data());
  k.keyed_from_ = keyed_from;
  return k;
}

std::optional<ChainKey> ChainKey::load(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::nullopt;
    int e = errno;
    throw Error(ErrorCode::IoError,
                std::string("cannot read the register's key (") + std::strerror(e) +
                    "): adding to the register needs the key as much as the register itself",
                path);
  }
  char buf[512];
  ssize_t n = ::read(fd, buf, sizeof buf);
  ::close(fd);
  if (n < 0) throw Error(ErrorCode::IoError, "cannot read the register's key", path);
  std::istringstream in(std::string(buf, static_cast<std::size_t>(n)));
  std::string magic, key_hex, from_word;
  std::int64_t from = 0;
  std::getline(in, magic);
  in >> key_hex >> from_word >> from;
  init_sodium();
  ChainKey k;
  std::size_t got = 0;
  if (magic != kMagic || from_word != "keyed-from" || from < 1 || key_hex.size() != 64 ||
      sodium_hex2bin(k.bytes_.data(), k.bytes_.size(), key_hex.data(), key_hex.size(), nullptr, &got, nullptr) != 0 ||
      got != k.bytes_.size())
    throw Error(ErrorCode::DatabaseError, "the register's key file is damaged (restore it from where you keep its copy)",
                path);
  sodium_memzero(key_hex.data(), key_hex.size());
  k.keyed_from_ = from;
  return k;
}

ChainKey::~ChainKey() { sodium_memzero(bytes_.data(), bytes_.size()); }

void ChainKey::save_new(const std::string& path) const {
  std::string text = std::string(kMagic) + "\n" + hex(bytes_.data(), bytes_.size()) + "\nkeyed-from " +
                     std::to_string(keyed_from_) + "\n";
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    int e = errno;
    throw Error(ErrorCode::IoError, std::string("cannot create the register's key: ") + std::strerror(e), path);
  }
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ok = (::close(fd) == 0) && ok;
  sodium_memzero(text.data(), text.size());
  if (!ok) {
    ::unlink(path.c_str());
    throw Error(ErrorCode::IoError, "cannot write the register's key", path);
  }
  sync_directory_of(path);
}

std::string ChainKey::mac(std::string_view message) const {
  unsigned char out[crypto_generichash_BYTES];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                     bytes_.data(), bytes_.size());
  return hex(out, sizeof out);
}

std::string ChainKey::id() const { return mac("saraban audit chain key id").substr(0, 16); }

}  // namespace saraban::registry
