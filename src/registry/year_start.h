#pragma once
// When an office may move the start of its numbering year (calendar year <-> fiscal year).
#include <cstdint>

#include "registry/register_store.h"

namespace saraban::registry {

// Refuses (InvalidInput, naming the register and years) a change of the year's first month
// that would move today into another numbering year while the current one already has
// numbers: letters would be numbered 2570/1, 2569/2, 2570/2. A change that leaves today in the
// same numbering year is allowed and takes effect at the next year boundary by itself.
// Runs inside the write transaction that makes the change. The secret register is named only
// to a reader cleared for secrets.
void check_year_start_change(RegisterStore& store, int new_start_month, std::int64_t now, Secrecy reader);

}  // namespace saraban::registry
