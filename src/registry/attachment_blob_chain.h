#pragma once
// A stored attachment's whole content. A blob listed in attachment_blob_bases holds only the
// bytes that follow its base (a stamped copy stored as the suffix of its original): its whole
// content is the base's whole content, then its own bytes.
#include <cstdint>
#include <string>
#include <vector>

#include "registry/sqlite.h"

namespace saraban::registry {

// The blob ids whose bytes, joined in this order, are blob `id`'s whole content (a blob stored
// whole first). On a broken link (a base that is missing, or not older than the copy, which
// also rules out loops) returns nothing and says why in `problem`.
std::vector<std::int64_t> blob_parts(sql::Connection& c, std::int64_t id, std::string& problem);

// The whole content of the blob addressed by `sha256`: NotFound when absent, DatabaseError
// naming the blob when its base is broken.
std::vector<std::uint8_t> whole_blob(sql::Connection& c, const std::string& sha256);

// The SHA-256 of blob `id`'s whole content, or "" with `problem` set on a broken link.
std::string whole_blob_sha256(sql::Connection& c, std::int64_t id, std::string& problem);

}  // namespace saraban::registry
