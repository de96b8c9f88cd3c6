// The store's part of CSV import: finding rows already imported, and reply links of imported entries. Kept out of
// sql_store.cpp so the import's bookkeeping is one concept in one file.
#include "base/error.h"
#include "registry/sql_store.h"

namespace saraban::registry {

std::vector<ImportEvent> SqlRegisterStore::import_events(std::int64_t after_event_id) {
  // A range of the primary key: after the first read, an import only reads what is new.
  auto& s = conn_.cached(
      "SELECT id, entry_id, comment FROM stage_events WHERE id > :after AND action = 'import' ORDER BY id");
  s.bind(":after", after_event_id);
  std::vector<ImportEvent> out;
  while (s.step()) out.push_back(ImportEvent{s.integer(0), s.integer(1), s.text(2)});
  s.reset();
  return out;
}

std::optional<Entry> SqlRegisterStore::entry_at(const std::string& code, int year, std::int64_t number) {
  auto& s = conn_.cached("SELECT id FROM entries WHERE register = :register AND year = :year AND number = :number");
  s.bind(":register", code).bind(":year", year).bind(":number", number);
  std::optional<std::int64_t> id;
  if (s.step()) id = s.integer(0);
  s.reset();
  if (!id) return std::nullopt;
  return entry(*id);
}

void SqlRegisterStore::set_entry_links(std::int64_t id, std::optional<std::int64_t> origin_id,
                                          std::optional<std::int64_t> reply_id) {
  require_write("set_entry_links");
  auto& s = conn_.cached("UPDATE entries SET origin_id = :origin_id, reply_id = :reply_id WHERE id = :id");
  s.bind(":origin_id", origin_id).bind(":reply_id", reply_id).bind(":id", id);
  s.run();
  audit("entries", id, "update");
}

}  // namespace saraban::registry
