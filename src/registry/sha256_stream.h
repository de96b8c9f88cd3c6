#pragma once
// SHA-256 fed in pieces: a stamped copy stored as its original plus a suffix is hashed without
// joining the two (and the original's digest is read off on the way).
#include <openssl/evp.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace saraban::registry {

class Sha256Stream {
 public:
  Sha256Stream();
  void update(std::span<const std::uint8_t> bytes);
  // The lowercase hex digest of everything fed so far; more may be fed afterwards.
  std::string hex() const;

 private:
  struct Free {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
  };
  std::unique_ptr<EVP_MD_CTX, Free> ctx_;
};

}  // namespace saraban::registry
