#include "base/legacy_ciphers.h"

#include <openssl/provider.h>

namespace saraban {

bool enable_legacy_ciphers() {
  // Loading any provider explicitly stops OpenSSL from loading "default" on its own, so it is
  // loaded too. The providers stay loaded for the life of the process, as OpenSSL intends.
  static const bool loaded = [] {
    OSSL_PROVIDER_load(nullptr, "default");
    return OSSL_PROVIDER_load(nullptr, "legacy") != nullptr;
  }();
  return loaded;
}

}  // namespace saraban
