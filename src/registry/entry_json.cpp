#include "registry/entry_json.h"

#include <algorithm>

#include "base/error.h"
#include "base/json_depth.h"
#include "registry/calendar.h"
#include "registry/entry_ref.h"
#include "registry/stamp_notes.h"
#include "text/typed_dates.h"

namespace saraban::registry {

using json = nlohmann::ordered_json;

std::string be_datetime(std::int64_t t) {
  Date d = local_date(t);
  return std::to_string(d.day) + "/" + std::to_string(d.month) + "/" + std::to_string(d.year + text::kBuddhistEraOffset) + " " +
         local_time_hhmm(t);
}

json entry_json(const Entry& e, Registry& r) {
  json j = {{"id", e.id},
            {"address", entry_address(e)},
            {"register", e.register_code},
            {"year", e.year},
            {"number", e.number},
            {"registered", be_datetime(e.registered_at)},
            {"ref", e.ref},
            {"dated", e.dated ? json(be_iso(*e.dated)) : json(nullptr)},
            {"from", e.sender},
            {"to", e.recipient},
            {"subject", e.subject},
            {"urgency", urgency_name(e.urgency)},
            {"secrecy", secrecy_name(e.secrecy)},
            {"stage", stage_name(e.stage)},
            {"cancelled", e.cancelled},
            {"due", e.due ? json(be_iso(*e.due)) : json(nullptr)},
            {"assignee", e.assignee ? json(r.user_name(*e.assignee)) : json(nullptr)}};
  if (!e.via.empty()) j["via"] = e.via;
  if (!e.remarks.empty()) j["remarks"] = e.remarks;
  if (e.origin_id) j["origin_id"] = *e.origin_id;
  if (e.reply_id) j["reply_id"] = *e.reply_id;
  if (e.keep_until) j["keep_until"] = *e.keep_until;
  return j;
}

json stored_letter(const std::string& body) {
  try {
    check_json_depth(body, "draft");
  } catch (const Error&) {
    return body;
  }
  return json::parse(body, nullptr, false);
}

json event_json(const StageEvent& ev) {
  return {{"action", ev.action}, {"from", ev.from ? stage_name(*ev.from) : ""}, {"stage", stage_name(ev.to)},
          {"by", ev.actor_name}, {"at", be_datetime(ev.at)}, {"comment", ev.comment}};
}

json details_json(const EntryDetails& d, Registry& r) {
  json j = entry_json(d.entry, r);
  j["history"] = json::array();
  for (const auto& ev : d.events) j["history"].push_back(event_json(ev));
  j["attachments"] = json::array();
  for (const auto& at : d.attachments)
    j["attachments"].push_back({{"name", at.name}, {"sha256", at.sha256}, {"kind", at.kind},
                                {"pdf", at.pdf_status}, {"size", at.size}, {"note", at.note}});
  j["stamp_pending"] = std::any_of(d.attachments.begin(), d.attachments.end(), stamp_pending);
  if (d.letter) j["letter"] = {{"version", d.letter->version}, {"body", stored_letter(d.letter->body)}};
  return j;
}

}  // namespace saraban::registry
