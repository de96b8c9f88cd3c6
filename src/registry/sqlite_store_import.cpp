// The store's part of CSV import: import keys and reply links of imported entries. Kept out of
// sqlite_store.cpp so the import's bookkeeping is one concept in one file.
#include "base/error.h"
#include "registry/sqlite_store.h"

namespace saraban::registry {

std::optional<std::int64_t> SqliteRegisterStore::import_key_entry(const std::string& key) {
  auto& s = conn_.cached("SELECT entry_id FROM import_keys WHERE key = :key");
  s.bind(1, key);
  std::optional<std::int64_t> id;
  if (s.step()) id = s.integer(0);
  s.reset();
  return id;
}

void SqliteRegisterStore::add_import_key(const std::string& key, std::int64_t entry_id) {
  require_write("add_import_key");
  auto& s = conn_.cached("INSERT INTO import_keys(key, entry_id) VALUES (:key, :entry_id)");
  s.bind(1, key).bind(2, entry_id);
  s.run();
  audit("import_keys", conn_.last_insert_rowid(), "insert");
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
