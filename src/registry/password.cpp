#include "registry/password.h"

#include <sodium.h>

#include "base/error.h"

namespace saraban::registry {
namespace {

void ensure_sodium() {
  static const int rc = sodium_init();  // 0 first time, 1 when already initialised
  if (rc < 0) throw Error(ErrorCode::Internal, "libsodium failed to initialise");
}

}  // namespace

void check_new_password(std::string_view password) {
  if (password.find_first_not_of(" \t") == std::string_view::npos)
    throw Error(ErrorCode::InvalidInput, "a password must not be empty", "password");
}

std::string hash_password(std::string_view password) {
  check_new_password(password);
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw Error(ErrorCode::Internal, "not enough memory to hash the password (Argon2id needs 64 MiB)");
  return out;
}

bool password_matches(const std::string& hash, std::string_view password) {
  ensure_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void spend_password_check_time(std::string_view password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  // The result is thrown away: only the time it takes matters.
  [[maybe_unused]] int rc = crypto_pwhash_str(out, password.data(), password.size(),
                                              crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

}  // namespace saraban::registry
