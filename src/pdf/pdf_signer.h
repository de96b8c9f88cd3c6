#pragma once
// Signs a PDF's empty signature field in an incremental update: a PAdES baseline signature
// (/ETSI.CAdES.detached, SHA-256, OpenSSL) over the file's byte ranges, B-B, or B-T with a
// time-stamp authority. Earlier revisions are left byte for byte, so an earlier signature stays
// valid.
#include <cstdint>
#include <string>
#include <vector>

#include "base/environment.h"
#include "pdf/timestamp_token.h"

namespace saraban::pdf {

struct SignRequest {
  std::vector<std::uint8_t> pkcs12;  // the signer's key and certificate (.p12)
  std::string password;
  std::string source;                // the .p12's path, for messages
  std::string reason;                // optional /Reason
  std::string field;                 // the field to sign; empty: the first unsigned one
  std::int64_t time = 0;             // /M (seconds since the epoch)
  std::string tsa_url;               // RFC 3161 authority for B-T; empty: B-B
  TimestampPost tsa_post;            // how a query reaches tsa_url
};

// Returns the signed file. Throws Error(InvalidInput) for a wrong password, a PDF without an
// unsigned signature field, or a PDF this signer cannot update (cross-reference streams);
// Error(IoError/InvalidInput) naming the authority's URL when the time-stamp fails.
std::vector<std::uint8_t> sign_pdf(const std::vector<std::uint8_t>& pdf, const SignRequest& request);

}  // namespace saraban::pdf
