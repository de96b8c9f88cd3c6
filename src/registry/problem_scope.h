#pragma once
// Which entry a verify problem is about, and how secret it is, so that Registry::verify shows
// each reader exactly the problems their clearance covers (types.h ProblemScope).
#include <cstdint>
#include <string>

#include "registry/sqlite.h"
#include "registry/types.h"

namespace saraban::registry {

// The scope of a problem found in canonical row `row_id` of `tbl` whose content (current or as
// the audit log recorded it) is `row_data`: an entries row is its own entry; a row with an
// entry_id belongs to that entry; an attachment blob to every entry that attaches it (the
// most secret one wins); other tables name no entry. An entry's secrecy is the highest of its
// current level, the level in `row_data` and the last level the audit log recorded, so that
// lowering a level in the file (or deleting the entry) does not expose it.
ProblemScope problem_scope(sql::Connection& conn, const std::string& tbl, std::int64_t row_id,
                           const std::string& row_data);

}  // namespace saraban::registry
