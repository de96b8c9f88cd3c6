#pragma once
// Posts an RFC 3161 time-stamp query to an authority over HTTP(S) (RFC 3161 §3.4:
// application/timestamp-query in, application/timestamp-reply out).
#include "pdf/timestamp_token.h"

namespace saraban::cli {

// Throws Error(InvalidInput) for a URL that is not http:// or https://, Error(IoError) naming
// the URL when the authority cannot be reached or answers other than 200.
pdf::Bytes post_timestamp_query(const std::string& url, const pdf::Bytes& query);

}  // namespace saraban::cli
