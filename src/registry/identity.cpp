#include "registry/identity.h"

#include "registry/password.h"

namespace saraban::registry {
namespace {

std::string account(const IdentityQuery& q) {
  return q.caller_login.empty() ? "uid " + std::to_string(q.caller_uid) : "'" + q.caller_login + "'";
}

Identity as_owner(const IdentityQuery& q, const IdentityFacts& f) {
  if (q.requested) {
    if (!f.requested)
      throw Error(ErrorCode::NotFound, "unknown user (an admin adds users with: saraban user add NAME --role ROLE)",
                  *q.requested);
    return {*f.requested, Proof::FileOwner};
  }
  if (f.mapped) return {*f.mapped, Proof::FileOwner};
  throw Error(ErrorCode::InvalidInput, "no acting user: pass --as USER (or set SARABAN_USER)");
}

// A password someone gives is checked even where none is needed: a wrong one is never let by.
Identity checked_password(const IdentityQuery& q, const IdentityFacts& f, const Identity& who) {
  if (!q.password || !q.requested || who.user.name != *q.requested) return who;
  const auto& hash = f.requested_credentials.password_hash;
  if (hash && password_matches(*hash, *q.password)) return who;
  throw Error(ErrorCode::PermissionDenied, kWrongPasswordOrUser, *q.requested);
}

}  // namespace

std::optional<Identity> decide_identity(const IdentityQuery& q, const IdentityFacts& f) {
  if (q.caller_uid == q.file_owner_uid) return checked_password(q, f, as_owner(q, f));
  if (f.mapped && (!q.requested || *q.requested == f.mapped->name))
    return checked_password(q, f, Identity{*f.mapped, Proof::MappedLogin});
  if (!q.requested)
    throw Error(ErrorCode::PermissionDenied,
                "OS account " + account(q) +
                    " does not own the register and is mapped to no user: pass --as USER with that user's "
                    "password, or have an admin map it (saraban user login NAME " +
                    (q.caller_login.empty() ? std::string("LOGIN") : q.caller_login) + ")");
  if (!q.password) return std::nullopt;
  const auto& hash = f.requested_credentials.password_hash;
  if (f.requested && hash) {
    if (password_matches(*hash, *q.password)) return Identity{*f.requested, Proof::Password};
  } else {
    spend_password_check_time(*q.password);  // as long as a wrong password takes
  }
  throw Error(ErrorCode::PermissionDenied, kWrongPasswordOrUser, *q.requested);
}

Error password_needed(const IdentityQuery& q, const IdentityFacts& f) {
  std::string only = f.mapped ? " may act only as '" + f.mapped->name + "' without a password" : " is mapped to no user";
  return Error(ErrorCode::PermissionDenied,
               "OS account " + account(q) + " does not own the register and" + only + "; to act as '" +
                   q.requested.value_or("") +
                   "' give that user's password (typed on a terminal, or saraban --password-file FILE)",
               q.requested.value_or(""));
}

IdentityFacts identity_facts(RegisterStore& store, const IdentityQuery& q) {
  IdentityFacts f;
  store.read([&] {
    if (q.requested) {
      f.requested = store.user_by_name(*q.requested);
      if (f.requested) f.requested_credentials = store.credentials(f.requested->id);
    }
    // An account without a name maps to nobody (no row has an empty login).
    if (!q.caller_login.empty()) f.mapped = store.user_by_login(q.caller_login);
  });
  return f;
}

}  // namespace saraban::registry
