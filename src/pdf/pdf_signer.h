#pragma once
// Signs a PDF's empty signature field in an incremental update: a detached CMS signature
// (SHA-256, OpenSSL) over the file's byte ranges, as /adbe.pkcs7.detached. Earlier revisions
// are left byte for byte, so an earlier signature stays valid.
#include <cstdint>
#include <string>
#include <vector>

#include "base/environment.h"

namespace saraban::pdf {

struct SignRequest {
  std::vector<std::uint8_t> pkcs12;  // the signer's key and certificate (.p12)
  std::string password;
  std::string source;                // the .p12's path, for messages
  std::string reason;                // optional /Reason
  std::string field;                 // the field to sign; empty: the first unsigned one
  std::int64_t time = 0;             // /M (seconds since the epoch)
};

// Returns the signed file. Throws Error(InvalidInput) for a wrong password, a PDF without an
// unsigned signature field, or a PDF this signer cannot update (cross-reference streams).
std::vector<std::uint8_t> sign_pdf(const std::vector<std::uint8_t>& pdf, const SignRequest& request);

}  // namespace saraban::pdf
