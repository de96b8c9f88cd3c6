// What the yearly reports read from the register, in one snapshot.
#include "registry/registry.h"

namespace saraban::registry {

YearRecords Registry::year_records(const User& actor, int year, bool with_previous) {
  YearRecords r;
  r.year = year;
  store_.read([&] {
    r.office = store_.office();
    EntryFilter f;
    f.year = year;
    r.entries = store_.list(f, actor.clearance);
    r.events = store_.stage_events_of(f, actor.clearance);
    if (with_previous) {
      f.year = year - 1;
      r.previous = store_.list(f, actor.clearance);
    }
    for (const auto& name : store_.user_names())
      if (auto u = store_.user_by_name(name)) r.user_names[u->id] = u->name;
    for (std::string_view code : kRegisters) r.year_start_month[std::string(code)] = store_.year_start_month(std::string(code));
  });
  log_reads(actor, r.entries, "report");
  return r;
}

}  // namespace saraban::registry
