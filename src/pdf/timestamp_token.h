#pragma once
// RFC 3161 time-stamps for PAdES B-T: the query over a signature value, and the token taken
// from the authority's reply once it is checked to answer that query.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace saraban::pdf {

using Bytes = std::vector<std::uint8_t>;

// Sends a DER TimeStampReq to the authority at `url` and returns its raw reply (the transport:
// HTTP in the command, anything in tests). Throws Error(IoError) naming the URL when it fails.
using TimestampPost = std::function<Bytes(const std::string& url, const Bytes& query)>;

struct TimestampQuery {
  Bytes der;    // the TimeStampReq
  Bytes nonce;  // its nonce, which the reply must repeat
  Bytes digest; // SHA-256 of the time-stamped bytes
};

// A query for a SHA-256 imprint of `data`, asking for the authority's certificate.
TimestampQuery make_timestamp_query(const Bytes& data);

// The TimeStampToken (DER ContentInfo) from `reply`. Throws Error(InvalidInput, url) when the
// reply is not a time-stamp response, is refused, or stamps another imprint or nonce.
Bytes timestamp_token_from_reply(const Bytes& reply, const TimestampQuery& query, const std::string& url);

}  // namespace saraban::pdf
