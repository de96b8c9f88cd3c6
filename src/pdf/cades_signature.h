#pragma once
// The CMS of a PAdES baseline signature (ETSI EN 319 142-1): detached SignedData, SHA-256,
// with content-type, message-digest and signing-certificate-v2 signed attributes and no
// signing-time (PAdES puts the time in the signature dictionary's /M). B-B; B-T when a
// time-stamp authority is given: its RFC 3161 token over the signature value is added as the
// signature-time-stamp unsigned attribute.
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <string>
#include <string_view>
#include <vector>

#include "pdf/timestamp_token.h"

namespace saraban::pdf {

struct CadesSigner {
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  STACK_OF(X509)* chain = nullptr;  // further certificates to carry (may be null)
  std::string source;               // the key's file, for messages
  std::string tsa_url;              // empty: B-B, no time-stamp
  TimestampPost tsa_post;           // required when tsa_url is set
};

// The DER ContentInfo signing the concatenation of `parts`. Throws saraban::Error.
Bytes cades_detached_signature(const std::vector<std::string_view>& parts, const CadesSigner& signer);

}  // namespace saraban::pdf
