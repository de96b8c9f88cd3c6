#pragma once
// Who is acting, proved rather than claimed. The OS account that owns the register file may
// act as any user (it can read and write the file anyway; PostgreSQL's peer authentication for
// its owner). Any other OS account acts as the user mapped to its login (`user login`), or as
// the user whose password it gives (Argon2id). The decision is a pure function of what the CLI
// measured (stat of the file, geteuid, getpwuid) so every branch is testable without root.
#include <cstdint>
#include <optional>
#include <string>

#include "base/error.h"
#include "registry/register_store.h"
#include "registry/types.h"

namespace saraban::registry {

struct IdentityQuery {
  std::int64_t file_owner_uid = 0;        // owner of the register file
  std::int64_t caller_uid = 0;            // effective uid of the process
  std::string caller_login;               // its account name; "" when it has none
  std::optional<std::string> requested;   // --as NAME or SARABAN_USER
  std::optional<std::string> password;    // from --password-file or the terminal
};

// What the register knows about the names in a query.
struct IdentityFacts {
  std::optional<User> requested;            // the user --as names, when there is one
  UserCredentials requested_credentials;    // its login and password hash
  std::optional<User> mapped;               // the user mapped to the caller's login
};

enum class Proof { FileOwner, MappedLogin, Password };

struct Identity {
  User user;
  Proof proof = Proof::FileOwner;
};

// The one answer to a wrong password and to an unknown user, so that neither tells which.
inline constexpr const char* kWrongPasswordOrUser = "wrong password or no such user";

// Decides who acts. Returns nullopt when only a password can prove it and none was given (the
// CLI may then ask on the terminal and decide again). A password given is checked even where
// none is needed (the owner, a mapped login). Throws PermissionDenied (not proved),
// NotFound (the owner named an unknown user) or InvalidInput (no user named at all).
std::optional<Identity> decide_identity(const IdentityQuery& q, const IdentityFacts& f);
// The refusal when a password is needed and none can be had (no terminal, no --password-file).
Error password_needed(const IdentityQuery& q, const IdentityFacts& f);
// Reads the facts for `q` from the register.
IdentityFacts identity_facts(RegisterStore& store, const IdentityQuery& q);

}  // namespace saraban::registry
