// SqlRegisterStore: the office's attachment size limit (office_limits, one row at most).
#include "registry/sql_store.h"

namespace saraban::registry {

std::optional<int> SqlRegisterStore::max_attachment_mb() {
  auto s = conn_.prepare("SELECT max_attachment_mb FROM office_limits WHERE id = 1");
  std::optional<int> mb;
  if (s.step()) mb = static_cast<int>(s.integer(0));
  return mb;
}

void SqlRegisterStore::set_max_attachment_mb(int mb) {
  require_write("set_max_attachment_mb");
  bool update = max_attachment_mb().has_value();
  auto s = conn_.prepare(update ? "UPDATE office_limits SET max_attachment_mb = :mb WHERE id = 1"
                                : "INSERT INTO office_limits(id, max_attachment_mb) VALUES (1, :mb)");
  s.bind(":mb", mb);
  s.run();
  audit("office_limits", 1, update ? "update" : "insert");
}

}  // namespace saraban::registry
