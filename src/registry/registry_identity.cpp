// Registry: the rules around identity (logins, passwords), the office's file group, and what
// `backup` demands of whoever copies the whole register.
#include "base/error.h"
#include "registry/password.h"
#include "registry/registry.h"
#include "registry/user_name.h"

namespace saraban::registry {
namespace {

User existing_user(RegisterStore& store, const std::string& name) {
  auto u = store.user_by_name(name);
  if (!u) throw Error(ErrorCode::NotFound, "unknown user", name);
  return *u;
}

}  // namespace

void Registry::set_login(const User& actor, const std::string& name, const std::optional<std::string>& login) {
  if (actor.role != Role::Admin)
    throw Error(ErrorCode::PermissionDenied, "user '" + actor.name + "' is not an admin; user login needs an admin",
                "user login");
  if (login) check_login_name(*login);
  store_.write(actor.id, [&] { store_.set_login(existing_user(store_, name).id, login); });
}

void Registry::set_password(const User& actor, const std::string& name, const std::string& password) {
  if (actor.role != Role::Admin && actor.name != name)
    throw Error(ErrorCode::PermissionDenied,
                "user '" + actor.name + "' may set only their own password; setting another's needs an admin",
                "user passwd");
  std::string hash = hash_password(password);  // refuses an empty one; slow, so outside the lock
  store_.write(actor.id, [&] { store_.set_password_hash(existing_user(store_, name).id, hash); });
}

void Registry::set_file_group(const User& actor, const std::optional<std::string>& group) {
  require_role(actor, "office set --group", {Role::Admin});
  file_access_for(group);  // refuses a group the system does not know
  store_.write(actor.id, [&] { store_.set_file_group(group); });
}

std::optional<std::string> Registry::file_group() {
  std::optional<std::string> g;
  store_.read([&] { g = store_.file_group(); });
  return g;
}

FileAccess Registry::file_access() { return file_access_for(file_group()); }

// A backup is every entry in one file: whoever makes it reads them all, so they must be
// cleared for all, and each secret entry's read is logged like any other read.
void Registry::require_backup_clearance(const User& actor) {
  Secrecy highest = Secrecy::None;
  store_.read([&] { highest = store_.highest_secrecy(); });
  if (static_cast<int>(highest) > static_cast<int>(actor.clearance))
    throw Error(ErrorCode::PermissionDenied,
                "user '" + actor.name +
                    "' is not cleared for every entry in the register; backup needs an admin cleared for the "
                    "highest secrecy level present",
                "backup");
}

void Registry::log_backup(const User& actor) {
  store_.write(actor.id, [&] {
    std::int64_t now = env_.now();
    for (std::int64_t id : store_.secret_entry_ids()) store_.log_access(actor.id, id, "backup", now);
  });
}

}  // namespace saraban::registry
