// SqlRegisterStore: replacing an attachment's note (a pending stamp resolved to its outcome),
// and finding the entries whose attachments carry a given note.
#include "base/error.h"
#include "registry/sql_store.h"

namespace saraban::registry {

void SqlRegisterStore::set_attachment_note(std::int64_t entry_id, const std::string& kind, const std::string& note) {
  require_write("set_attachment_note");
  auto a = conn_.prepare(
      "SELECT a.id, n.id FROM attachments a LEFT JOIN attachment_notes n ON n.attachment_id = a.id "
      "WHERE a.entry_id = :entry_id AND a.kind = :kind ORDER BY a.id DESC LIMIT 1");
  a.bind(":entry_id", entry_id).bind(":kind", kind);
  if (!a.step())
    throw Error(ErrorCode::Internal, "no " + kind + " attachment to note", "entry " + std::to_string(entry_id));
  const std::int64_t attachment_id = a.integer(0);
  const std::optional<std::int64_t> note_id = a.optional_integer(1);
  if (!note_id) {
    conn_.prepare("INSERT INTO attachment_notes(attachment_id, note) VALUES (:attachment_id, :note)")
        .bind(":attachment_id", attachment_id)
        .bind(":note", note)
        .run();
    audit("attachment_notes", conn_.last_insert_rowid(), "insert");
    return;
  }
  conn_.prepare("UPDATE attachment_notes SET note = :note WHERE id = :id").bind(":note", note).bind(":id", *note_id).run();
  audit("attachment_notes", *note_id, "update");
}

std::vector<std::int64_t> SqlRegisterStore::entries_with_note(const std::string& kind, const std::string& note) {
  auto s = conn_.prepare(
      "SELECT DISTINCT e.id, e.registered_at FROM attachment_notes n JOIN attachments a ON a.id = n.attachment_id "
      "JOIN entries e ON e.id = a.entry_id WHERE a.kind = :kind AND n.note = :note ORDER BY e.registered_at, e.id");
  s.bind(":kind", kind).bind(":note", note);
  std::vector<std::int64_t> ids;
  while (s.step()) ids.push_back(s.integer(0));
  return ids;
}

}  // namespace saraban::registry
