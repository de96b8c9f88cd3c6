#include "registry/sha256_stream.h"

#include "base/error.h"

namespace saraban::registry {

Sha256Stream::Sha256Stream() : ctx_(EVP_MD_CTX_new()) {
  if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1)
    throw Error(ErrorCode::Internal, "SHA-256 could not be started (OpenSSL)");
}

void Sha256Stream::update(std::span<const std::uint8_t> bytes) {
  if (!bytes.empty() && EVP_DigestUpdate(ctx_.get(), bytes.data(), bytes.size()) != 1)
    throw Error(ErrorCode::Internal, "SHA-256 could not be fed (OpenSSL)");
}

std::string Sha256Stream::hex() const {
  // A copy is finished, so the stream itself can go on.
  std::unique_ptr<EVP_MD_CTX, Free> copy(EVP_MD_CTX_new());
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!copy || EVP_MD_CTX_copy_ex(copy.get(), ctx_.get()) != 1 || EVP_DigestFinal_ex(copy.get(), md, &len) != 1)
    throw Error(ErrorCode::Internal, "SHA-256 could not be finished (OpenSSL)");
  static const char* hex = "0123456789abcdef";
  std::string out(2 * len, '0');
  for (unsigned int i = 0; i < len; ++i) {
    out[2 * i] = hex[md[i] >> 4];
    out[2 * i + 1] = hex[md[i] & 15];
  }
  return out;
}

}  // namespace saraban::registry
