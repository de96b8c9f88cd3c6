// The steps a letter takes, one route each, every one through the register's own operation (so
// roles, stages, numbering, the audit chain and the access log are the command line's): assign,
// draft (with a live preview), review, sign, dispatch, file, close, cancel.
#include <nlohmann/json.hpp>

#include "base/parse.h"
#include "documents/letter_json.h"
#include "registry/calendar.h"
#include "registry/entry_json.h"
#include "registry/entry_ref.h"
#include "server/api.h"
#include "server/http_reply.h"

namespace saraban::server {
namespace {

using json = nlohmann::ordered_json;

std::int64_t id_of(const httplib::Request& req) { return parse_positive(req.matches[1].str(), "letter id"); }

std::string text_field(const nlohmann::json& body, const char* name, bool required = false) {
  if (!body.contains(name) || body[name].is_null()) {
    if (required) throw Error(ErrorCode::InvalidInput, "missing field", name);
    return "";
  }
  if (!body[name].is_string()) throw Error(ErrorCode::InvalidInput, "must be a string", name);
  return body[name].get<std::string>();
}

void done(httplib::Response& res, Caller& c, std::int64_t id, const char* action, json extra = json::object()) {
  const auto d = c.reg.registry.show(c.user, id, "web");
  json j = {{"id", id}, {"address", registry::entry_address(d.entry)}, {"action", action},
            {"stage", registry::stage_name(d.entry.stage)}};
  j.update(extra);
  reply_json(res, j);
}

// The letter of a draft or a preview: {"letter": {...}} as the register's draft takes it.
std::string letter_text(const nlohmann::json& body) {
  if (!body.contains("letter") || !body["letter"].is_object())
    throw Error(ErrorCode::InvalidInput, "needs {\"letter\": {...}} (the reply's fields)", "letter");
  return body["letter"].dump();
}

// A reply to start from: a memo to the sender on the letter's subject, from the office.
json reply_template(Caller& c, std::int64_t id, const Environment& env) {
  const auto d = c.reg.registry.show(c.user, id, "web");
  if (d.letter) return {{"letter", registry::stored_letter(d.letter->body)}};
  const registry::Office office = c.reg.registry.office();
  const registry::Entry& e = d.entry;
  std::string opening = "ตามหนังสือ" + e.sender;
  if (!e.ref.empty()) opening += " ที่ " + e.ref;
  if (e.dated) opening += " ลงวันที่ " + registry::thai_date(*e.dated, true);
  opening += " เรื่อง " + e.subject + " ความละเอียดแจ้งแล้ว นั้น";
  json letter = {{"kind", "memo"},
                 {"ref", office.prefix.empty() ? std::string("ที่") : office.prefix},
                 {"office", {{"name", office.name.empty() ? std::string("สำนักงาน") : office.name}}},
                 {"date", registry::iso(registry::local_date(env.now()))},
                 {"subject", e.subject},
                 {"to", e.sender},
                 {"body", json::array({opening, office.name + " ได้ดำเนินการตามที่แจ้งเรียบร้อยแล้ว", "จึงเรียนมาเพื่อโปรดทราบ"})},
                 {"signer", {{"name", "(ชื่อผู้ลงนาม)"}, {"position", json::array({"ผู้อำนวยการ" + office.name})}}}};
  if (e.urgency != registry::Urgency::Normal) letter["urgency"] = registry::urgency_name(e.urgency);
  if (e.secrecy != registry::Secrecy::None) letter["secrecy"] = registry::secrecy_name(e.secrecy);
  return {{"letter", letter}};
}

void preview(const httplib::Request& req, httplib::Response& res, Caller& c) {
  const std::string text = letter_text(json_body(req));
  const auto pdf = c.reg.renderer.render_pdf(documents::parse_letter(text, "letter", ".", nullptr));
  res.set_content(std::string(pdf.begin(), pdf.end()), "application/pdf");
}

}  // namespace

void add_action_routes(httplib::Server& server, ApiContext& api) {
  const Environment& env = api.env;
  auto post = [&](const char* action, CallerHandler h) {
    server.Post(std::string(R"(/api/letters/(\d+)/)") + action, with_caller(api, std::move(h)));
  };
  post("assign", [](const httplib::Request& req, httplib::Response& res, Caller& c) {
    const auto b = json_body(req);
    const std::string due = text_field(b, "due");
    c.reg.registry.assign(c.user, id_of(req), text_field(b, "to", true), due.empty() ? std::nullopt : std::optional(due),
                          text_field(b, "note"));
    done(res, c, id_of(req), "assign");
  });
  post("draft", [](const httplib::Request& req, httplib::Response& res, Caller& c) {
    const int version = c.reg.registry.draft(c.user, id_of(req), letter_text(json_body(req)));
    done(res, c, id_of(req), "draft", {{"version", version}});
  });
  post("review", [](const httplib::Request& req, httplib::Response& res, Caller& c) {
    const auto b = json_body(req);
    if (!b.contains("approve") || !b["approve"].is_boolean())
      throw Error(ErrorCode::InvalidInput, "needs \"approve\": true or false", "approve");
    c.reg.registry.review(c.user, id_of(req), b["approve"].get<bool>(), text_field(b, "note"));
    done(res, c, id_of(req), b["approve"].get<bool>() ? "approve" : "return");
  });
  // A typed-name signature (amendment No. 4 of the regulation: a system that verifies who signs
  // may record it): the signer's session proves who; the typed name is recorded with the step.
  post("sign", [](const httplib::Request& req, httplib::Response& res, Caller& c) {
    const auto b = json_body(req);
    const std::string typed = text_field(b, "typed_name", true);
    if (typed.find_first_not_of(' ') == std::string::npos)
      throw Error(ErrorCode::InvalidInput, "type the signer's name to sign", "typed_name");
    std::string note = "ลงนามด้วยชื่อที่พิมพ์: " + typed + " (ยืนยันตัวตนผู้ใช้ " + c.user.name + ")";
    if (auto extra = text_field(b, "note"); !extra.empty()) note += " " + extra;
    c.reg.registry.sign(c.user, id_of(req), note);
    done(res, c, id_of(req), "sign");
  });
  post("dispatch", [](const httplib::Request& req, httplib::Response& res, Caller& c) {
    const registry::Issued n = c.reg.registry.dispatch(c.user, id_of(req), text_field(json_body(req), "via"));
    done(res, c, id_of(req), "dispatch",
         {{"register", n.register_code}, {"year", n.year}, {"number", n.number}, {"ref", n.ref}, {"send_id", n.id}});
  });
  post("file", [](const httplib::Request& req, httplib::Response& res, Caller& c) {
    const auto b = json_body(req);
    int keep = 10;
    if (b.contains("keep_years")) {
      if (!b["keep_years"].is_number_integer()) throw Error(ErrorCode::InvalidInput, "must be a whole number", "keep_years");
      keep = b["keep_years"].get<int>();
      if (keep < 1 || keep > 100) throw Error(ErrorCode::InvalidInput, "must be 1 to 100", "keep_years");
    }
    c.reg.registry.file(c.user, id_of(req), keep);
    done(res, c, id_of(req), "file", {{"keep_years", keep}});
  });
  post("close", [](const httplib::Request& req, httplib::Response& res, Caller& c) {
    c.reg.registry.close(c.user, id_of(req), text_field(json_body(req), "note"));
    done(res, c, id_of(req), "close");
  });
  post("cancel", [](const httplib::Request& req, httplib::Response& res, Caller& c) {
    c.reg.registry.cancel(c.user, id_of(req), text_field(json_body(req), "note", true));
    done(res, c, id_of(req), "cancel");
  });
  server.Get(R"(/api/letters/(\d+)/reply-template)", with_caller(api, [&env](const httplib::Request& req, httplib::Response& res, Caller& c) {
               reply_json(res, reply_template(c, id_of(req), env));
             }));
  server.Post("/api/preview", with_caller(api, [](const httplib::Request& req, httplib::Response& res, Caller& c) { preview(req, res, c); }));
}

}  // namespace saraban::server
