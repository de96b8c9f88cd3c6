#include "registry/attachment_blob_chain.h"

#include <algorithm>

#include "base/error.h"
#include "registry/sha256_stream.h"

namespace saraban::registry {

std::vector<std::int64_t> blob_parts(sql::Connection& c, std::int64_t id, std::string& problem) {
  std::vector<std::int64_t> parts{id};
  auto& link = c.cached(
      "SELECT x.base_sha256, b.id FROM attachment_blob_bases x LEFT JOIN attachment_blobs b ON b.sha256 = x.base_sha256 "
      "WHERE x.blob_id = :id");
  for (std::int64_t at = id;;) {
    link.bind(":id", at);
    if (!link.step()) {
      link.reset();
      break;
    }
    const std::string base = link.text(0);
    const std::optional<std::int64_t> base_id = link.optional_integer(1);
    link.reset();
    if (!base_id) {
      problem = "its base " + base + " is not stored";
      return {};
    }
    // A base is always stored before the copy that extends it.
    if (*base_id >= at) {
      problem = "its base " + base + " is not older than the copy";
      return {};
    }
    parts.push_back(at = *base_id);
  }
  std::reverse(parts.begin(), parts.end());
  return parts;
}

namespace {

std::vector<std::uint8_t> blob_bytes(sql::Connection& c, std::int64_t id) {
  auto& s = c.cached("SELECT bytes FROM attachment_blobs WHERE id = :id");
  s.bind(":id", id);
  if (!s.step()) {
    s.reset();
    throw Error(ErrorCode::DatabaseError, "attachment blob vanished while being read", std::to_string(id));
  }
  std::vector<std::uint8_t> out = s.blob(0);
  s.reset();
  return out;
}

}  // namespace

std::vector<std::uint8_t> whole_blob(sql::Connection& c, const std::string& sha256) {
  auto s = c.prepare("SELECT id, size FROM attachment_blobs WHERE sha256 = :sha256");
  s.bind(":sha256", sha256);
  if (!s.step()) throw Error(ErrorCode::NotFound, "no stored attachment with this hash", sha256);
  std::string problem;
  const auto parts = blob_parts(c, s.integer(0), problem);
  if (parts.empty()) throw Error(ErrorCode::DatabaseError, "a stored attachment cannot be put together: " + problem, sha256);
  if (parts.size() == 1) return blob_bytes(c, parts.front());
  std::vector<std::uint8_t> out;
  out.reserve(static_cast<std::size_t>(std::max<std::int64_t>(s.integer(1), 0)));
  for (std::int64_t id : parts) {
    const auto piece = blob_bytes(c, id);
    out.insert(out.end(), piece.begin(), piece.end());
  }
  return out;
}

std::string whole_blob_sha256(sql::Connection& c, std::int64_t id, std::string& problem) {
  const auto parts = blob_parts(c, id, problem);
  if (parts.empty()) return {};
  Sha256Stream h;
  for (std::int64_t part : parts) h.update(blob_bytes(c, part));
  return h.hex();
}

}  // namespace saraban::registry
