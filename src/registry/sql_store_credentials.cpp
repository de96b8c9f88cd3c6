// SqlRegisterStore: the rows behind identity and file access (user_credentials,
// office_files), and the two questions `backup` asks of the entries. Kept apart from
// sql_store.cpp so each file keeps one concern.
#include "base/error.h"
#include "registry/sql_store.h"

namespace saraban::registry {
UserCredentials SqlRegisterStore::credentials(std::int64_t user_id) {
  auto& s = conn_.cached("SELECT login, password_hash FROM user_credentials WHERE id = :id");
  s.bind(":id", user_id);
  UserCredentials c;
  if (s.step()) {
    c.login = s.optional_text(0);
    c.password_hash = s.optional_text(1);
  }
  s.reset();
  return c;
}

std::optional<User> SqlRegisterStore::user_by_login(const std::string& login) {
  auto& s = conn_.cached(
      "SELECT u.id, u.name, u.role, u.clearance FROM user_credentials c JOIN users u ON u.id = c.id "
      "WHERE c.login = :login");
  s.bind(":login", login);
  std::optional<User> u;
  if (s.step()) u = User{s.integer(0), s.text(1), parse_role(s.text(2)), static_cast<Secrecy>(s.integer(3))};
  s.reset();
  return u;
}

std::vector<std::string> SqlRegisterStore::user_names() {
  auto s = conn_.prepare("SELECT name FROM users ORDER BY id");
  std::vector<std::string> names;
  while (s.step()) names.push_back(s.text(0));
  return names;
}

namespace {

// Inserts or updates one user's credentials row; returns the audit action.
const char* upsert_credentials(sql::Connection& c, std::int64_t user_id, const char* column,
                               const std::optional<std::string>& value) {
  auto exists = c.prepare("SELECT 1 FROM user_credentials WHERE id = :id");
  exists.bind(":id", user_id);
  bool update = exists.step();
  // `column` is one of two fixed names chosen by the caller, never input.
  std::string q = update ? std::string("UPDATE user_credentials SET ") + column + " = :value WHERE id = :id"
                         : std::string("INSERT INTO user_credentials(id, ") + column + ") VALUES (:id, :value)";
  auto s = c.prepare(q);
  s.bind(":id", user_id).bind(":value", value);
  s.run();
  return update ? "update" : "insert";
}

}  // namespace

void SqlRegisterStore::set_login(std::int64_t user_id, const std::optional<std::string>& login) {
  require_write("set_login");
  if (login) {
    if (auto holder = user_by_login(*login); holder && holder->id != user_id)
      throw Error(ErrorCode::InvalidInput, "the OS account is already mapped to user '" + holder->name + "'", *login);
  }
  audit("user_credentials", user_id, upsert_credentials(conn_, user_id, "login", login));
}

void SqlRegisterStore::set_password_hash(std::int64_t user_id, const std::string& hash) {
  require_write("set_password_hash");
  audit("user_credentials", user_id, upsert_credentials(conn_, user_id, "password_hash", hash));
}

std::optional<std::string> SqlRegisterStore::file_group() {
  auto& s = conn_.cached("SELECT file_group FROM office_files WHERE id = 1");
  std::optional<std::string> g;
  if (s.step()) g = s.optional_text(0);
  s.reset();
  return g;
}

void SqlRegisterStore::set_file_group(const std::optional<std::string>& group) {
  require_write("set_file_group");
  auto exists = conn_.prepare("SELECT 1 FROM office_files WHERE id = 1");
  bool update = exists.step();
  auto s = conn_.prepare(update ? "UPDATE office_files SET file_group = :group WHERE id = 1"
                                : "INSERT INTO office_files(id, file_group) VALUES (1, :group)");
  s.bind(":group", group);
  s.run();
  audit("office_files", 1, update ? "update" : "insert");
}

Secrecy SqlRegisterStore::highest_secrecy() {
  auto& s = conn_.cached("SELECT COALESCE(MAX(secrecy), 0) FROM entries");
  s.step();
  auto level = static_cast<Secrecy>(s.integer(0));
  s.reset();
  return level;
}

std::vector<std::int64_t> SqlRegisterStore::secret_entry_ids() {
  auto s = conn_.prepare("SELECT id FROM entries WHERE secrecy > 0 ORDER BY id");
  std::vector<std::int64_t> ids;
  while (s.step()) ids.push_back(s.integer(0));
  return ids;
}

}  // namespace saraban::registry
