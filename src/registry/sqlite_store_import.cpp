// The store's part of CSV import: finding rows already imported, and reply links of imported entries. Kept out of
// sqlite_store.cpp so the import's bookkeeping is one concept in one file.
#include "base/error.h"
#include "registry/sqlite_store.h"

namespace saraban::registry {

std::optional<std::int64_t> SqliteRegisterStore::imported_entry(const std::string& import_comment) {
  // Served by the partial index stage_events_import.
  auto& s = conn_.cached("SELECT entry_id FROM stage_events WHERE action = 'import' AND comment = :comment LIMIT 1");
  s.bind(1, import_comment);
  std::optional<std::int64_t> id;
  if (s.step()) id = s.integer(0);
  s.reset();
  return id;
}

std::optional<Entry> SqliteRegisterStore::entry_at(const std::string& code, int year, std::int64_t number) {
  auto& s = conn_.cached("SELECT id FROM entries WHERE register = :register AND year = :year AND number = :number");
  s.bind(1, code).bind(2, year).bind(3, number);
  std::optional<std::int64_t> id;
  if (s.step()) id = s.integer(0);
  s.reset();
  if (!id) return std::nullopt;
  return entry(*id);
}

void SqliteRegisterStore::set_entry_links(std::int64_t id, std::optional<std::int64_t> origin_id,
                                          std::optional<std::int64_t> reply_id) {
  require_write("set_entry_links");
  auto& s = conn_.cached("UPDATE entries SET origin_id = :origin_id, reply_id = :reply_id WHERE id = :id");
  s.bind(1, origin_id).bind(2, reply_id).bind(3, id);
  s.run();
  audit("entries", id, "update");
}

}  // namespace saraban::registry
