#include "registry/year_start.h"

#include <string>

#include "base/error.h"
#include "registry/calendar.h"

namespace saraban::registry {

void check_year_start_change(RegisterStore& store, int new_start_month, std::int64_t now, Secrecy reader) {
  for (auto code : kRegisters) {
    const std::string reg(code);
    const int old_start = store.year_start_month(reg);
    const int current = numbering_year(now, old_start);
    const int next = numbering_year(now, new_start_month);
    if (current == next || store.last_number(reg, current) == 0) continue;
    const std::string which = reg == "secret" && reader == Secrecy::None ? "a" : "the " + reg;
    throw Error(ErrorCode::InvalidInput,
                "the numbering year cannot change in the middle of a year: " + which + " register has issued numbers for " +
                    std::to_string(current) + " (year starting in month " + std::to_string(old_start) +
                    "), and with the year starting in month " + std::to_string(new_start_month) +
                    " today would be numbered in " + std::to_string(next) +
                    "; change it on a day both starts place in the same year (for 1 and 10: January to September)",
                "--year-start");
  }
}

}  // namespace saraban::registry
