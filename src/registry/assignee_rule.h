#pragma once
// Who may hold a letter: the same rule for `assign` and for an imported register's assignee
// column, so an import cannot bring in a holder the register would refuse.
#include <string>

#include "base/error.h"
#include "registry/types.h"

namespace saraban::registry {

// Throws naming `where` unless `u` is cleared for `secrecy` and drafts replies (an officer, or
// an admin).
inline void require_assignable(const User& u, Secrecy secrecy, const std::string& where) {
  if (static_cast<int>(u.clearance) < static_cast<int>(secrecy))
    throw Error(ErrorCode::PermissionDenied, "user '" + u.name + "' is not cleared for this entry", where);
  if (u.role != Role::Officer && u.role != Role::Admin)
    throw Error(ErrorCode::InvalidInput,
                "user '" + u.name + "' is a " + role_name(u.role) +
                    "; a letter is assigned to an officer (or an admin), who drafts the reply",
                where);
}

}  // namespace saraban::registry
