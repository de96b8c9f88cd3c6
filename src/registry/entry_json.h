#pragma once
// The register's entries as JSON: one shape for `--json` on the command line and for the web
// API, so a script and the browser read the same fields.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "registry/registry.h"

namespace saraban::registry {

// "7/12/2569 09:30": a moment as the office reads it (local time, Buddhist era).
std::string be_datetime(std::int64_t t);
// id, address, register, year, number, registered, ref, dated, from, to, subject, urgency,
// secrecy, stage, cancelled, due, assignee (and via, remarks, origin_id, reply_id, keep_until).
nlohmann::ordered_json entry_json(const Entry& e, Registry& r);
// A stored draft as JSON; one too deep to copy safely (stored before drafts were checked) is
// given as its text.
nlohmann::ordered_json stored_letter(const std::string& body);
// entry_json with history, attachments, stamp_pending and the stored draft (`letter`).
nlohmann::ordered_json details_json(const EntryDetails& d, Registry& r);
nlohmann::ordered_json event_json(const StageEvent& ev);

}  // namespace saraban::registry
