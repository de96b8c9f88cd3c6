// SqlRegisterStore: attachment bytes kept as the suffix of another attachment
// (attachment_blob_bases), and read back whole.
#include "base/error.h"
#include "registry/attachment_blob_chain.h"
#include "registry/sha256_stream.h"
#include "registry/sql_store.h"
#include "registry/stamped_suffix.h"

namespace saraban::registry {

void SqlRegisterStore::add_attachment_extending(std::int64_t entry_id, std::span<const std::uint8_t> base,
                                                   std::span<const std::uint8_t> bytes, const std::string& name,
                                                   const std::string& kind, const std::string& pdf_status,
                                                   std::int64_t actor, std::int64_t at) {
  require_write("add_attachment_extending");
  if (!extends_original(base, bytes))
    throw Error(ErrorCode::Internal, "a copy stored as a suffix must begin with its base's bytes", name);
  // One pass gives both digests: the base's, then the whole copy's.
  Sha256Stream h;
  h.update(base);
  const std::string base_hash = h.hex();
  const std::span<const std::uint8_t> suffix = bytes.subspan(base.size());
  h.update(suffix);
  const std::string hash = h.hex();
  auto q = conn_.prepare("SELECT id FROM attachment_blobs WHERE sha256 = :sha256");
  q.bind(":sha256", hash);
  if (!q.step()) {
    auto b = conn_.prepare("SELECT id FROM attachment_blobs WHERE sha256 = :sha256");
    b.bind(":sha256", base_hash);
    if (!b.step()) throw Error(ErrorCode::Internal, "the base of a copy stored as a suffix is not stored", base_hash);
    conn_.prepare("INSERT INTO attachment_blobs(sha256, size, bytes) VALUES (:sha256, :size, :bytes)")
        .bind(":sha256", hash)
        .bind(":size", static_cast<std::int64_t>(bytes.size()))
        .bind(":bytes", suffix)
        .run();
    const std::int64_t blob_id = conn_.last_insert_rowid();
    audit("attachment_blobs", blob_id, "insert");
    conn_.prepare("INSERT INTO attachment_blob_bases(blob_id, base_sha256) VALUES (:blob_id, :base_sha256)")
        .bind(":blob_id", blob_id)
        .bind(":base_sha256", base_hash)
        .run();
    audit("attachment_blob_bases", blob_id, "insert");
  }
  insert_attachment_row(entry_id, hash, name, kind, pdf_status, actor, at);
}

std::vector<std::uint8_t> SqlRegisterStore::attachment_bytes(const std::string& sha256) {
  return whole_blob(conn_, sha256);
}

}  // namespace saraban::registry
