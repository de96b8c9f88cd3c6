// Reading the register and receiving into it: baskets, lists and search, a letter's page and
// its PDFs, possible duplicates, and the receive form's upload.
#include <mutex>
#include <nlohmann/json.hpp>

#include "base/parse.h"
#include "documents/letter_json.h"
#include "registry/calendar.h"
#include "registry/entry_json.h"
#include "server/api.h"
#include "server/baskets.h"
#include "server/http_reply.h"
#include "server/upload_folder.h"

namespace saraban::server {
namespace {

using json = nlohmann::ordered_json;
using registry::EntryFilter;

constexpr std::int64_t kPageMax = 500;

std::string today(const Environment& env) { return registry::iso(registry::local_date(env.now())); }

std::optional<std::string> param(const httplib::Request& req, const char* name) {
  if (!req.has_param(name)) return std::nullopt;
  std::string v = req.get_param_value(name);
  if (v.empty()) return std::nullopt;
  return v;
}

// "REGISTERED_AT:NUMBER:ID", the `next` of the page before (newest first only).
EntryFilter::Cursor parse_cursor(const std::string& v, const EntryFilter& f) {
  const auto a = v.find(':'), b = a == std::string::npos ? a : v.find(':', a + 1);
  if (b == std::string::npos || !f.newest_first)
    throw Error(ErrorCode::InvalidInput, "expected REGISTERED_AT:NUMBER:ID (the `next` of a page, newest first)", "before");
  return {parse_integer(v.substr(0, a), "before", 0, INT64_MAX), parse_integer(v.substr(a + 1, b - a - 1), "before", 0, INT64_MAX),
          parse_integer(v.substr(b + 1), "before", INT64_MIN, INT64_MAX)};
}

// The list filters, as the command line's list takes them (--register, --year, ...).
EntryFilter list_filter(const httplib::Request& req, Caller& c, const Environment& env) {
  EntryFilter f = basket_filter(param(req, "basket").value_or("all"), c.user, today(env));
  if (auto v = param(req, "register")) f.register_code = registry::parse_register(*v);
  if (auto v = param(req, "year")) f.year = registry::parse_year_be(*v, "year");
  if (auto v = param(req, "stage")) f.stage = registry::parse_stage(*v);
  if (auto v = param(req, "urgency")) f.urgency = registry::parse_urgency(*v);
  if (auto v = param(req, "from")) f.sender = *v;
  if (auto v = param(req, "since")) f.registered_from = registry::local_midnight(registry::parse_date(*v, "since"));
  if (auto v = param(req, "until"))
    f.registered_to = registry::local_midnight(registry::add_days(registry::parse_date(*v, "until"), 1));
  if (auto v = param(req, "assignee")) {
    std::optional<registry::User> u;
    c.reg.store.read([&] { u = c.reg.store.user_by_name(*v); });
    if (!u) throw Error(ErrorCode::NotFound, "unknown user", *v);
    f.assignee = u->id;
  }
  f.limit = static_cast<std::size_t>(parse_integer(param(req, "limit").value_or("50"), "limit", 1, kPageMax));
  f.offset = static_cast<std::size_t>(parse_integer(param(req, "offset").value_or("0"), "offset", 0, INT64_MAX / 2));
  f.newest_first = param(req, "order").value_or("newest") == "newest";
  if (auto v = param(req, "before")) f.before = parse_cursor(*v, f);
  return f;
}

void list_letters(const httplib::Request& req, httplib::Response& res, Caller& c, const Environment& env) {
  EntryFilter f = list_filter(req, c, env);
  std::int64_t total = 0;
  std::vector<registry::Entry> entries;
  if (auto q = param(req, "q")) {
    // A search answers newest first; its count is of this page's reach (limit + offset).
    entries = c.reg.registry.search(c.user, *q, f);
    total = static_cast<std::int64_t>(f.offset + entries.size());
  } else {
    entries = c.reg.registry.list(c.user, f, &total);
  }
  json arr = json::array();
  for (const auto& e : entries) arr.push_back(registry::entry_json(e, c.reg.registry));
  json answer = {{"count", total}, {"offset", f.offset}, {"entries", arr}};
  // The cursor of the next page (a full page may have one): pass it back as `before`.
  if (f.newest_first && !param(req, "q") && entries.size() == f.limit)
    answer["next"] = std::to_string(entries.back().registered_at) + ":" + std::to_string(entries.back().number) + ":" +
                     std::to_string(entries.back().id);
  reply_json(res, answer);
}

void basket_counts(httplib::Response& res, Caller& c, const Environment& env) {
  json arr = json::array();
  for (const auto& b : baskets_for(c.user.role)) {
    EntryFilter f = basket_filter(b.key, c.user, today(env));
    f.limit = 1;
    std::int64_t total = 0;
    c.reg.registry.list(c.user, f, &total);
    arr.push_back({{"key", b.key}, {"title", b.title}, {"count", total}});
  }
  reply_json(res, {{"baskets", arr}});
}

std::string form_field(const httplib::Request& req, const char* name) {
  return req.has_file(name) ? req.get_file_value(name).content : std::string();
}

void receive_letter(const httplib::Request& req, httplib::Response& res, Caller& c, const ApiContext& api) {
  if (!req.is_multipart_form_data())
    throw Error(ErrorCode::InvalidInput, "receive takes multipart/form-data (from, subject, ref, dated, to, urgency, secrecy, file)");
  registry::ReceiveRequest r;
  r.sender = form_field(req, "from");
  r.subject = form_field(req, "subject");
  r.ref = form_field(req, "ref");
  r.recipient = form_field(req, "to");
  r.remarks = form_field(req, "remarks");
  if (auto d = form_field(req, "dated"); !d.empty()) r.dated = d;
  if (auto u = form_field(req, "urgency"); !u.empty()) r.urgency = registry::parse_urgency(u);
  if (auto s = form_field(req, "secrecy"); !s.empty()) r.secrecy = registry::parse_secrecy(s);
  std::optional<UploadedFile> upload;
  if (req.has_file("file") && !req.get_file_value("file").content.empty()) {
    const auto& f = req.get_file_value("file");
    if (f.content.compare(0, 5, "%PDF-") != 0)
      throw Error(ErrorCode::InvalidInput, "the file is not a PDF (it does not begin with %PDF-)", clean_upload_name(f.filename));
    upload.emplace(api.options.data_dir, f.filename, f.content);
    r.file = upload->path();
  }
  // Receives with a file take turns in this process: the stamp shows a predicted number, and two
  // clerks stamping at once would predict the same one and stamp again (registry.cpp).
  static std::mutex stamping;
  std::unique_lock turn(stamping, std::defer_lock);
  if (r.file) turn.lock();
  const registry::Issued n = c.reg.registry.receive(c.user, r);
  reply_json(res, {{"register", n.register_code}, {"year", n.year}, {"number", n.number}, {"id", n.id}, {"warnings", n.warnings}},
             201);
}

// Letters already registered from the same sender with the same reference and date.
void possible_duplicates(const httplib::Request& req, httplib::Response& res, Caller& c) {
  const std::string from = param(req, "from").value_or(""), ref = param(req, "ref").value_or("");
  json arr = json::array();
  if (!from.empty() && !ref.empty()) {
    EntryFilter f;
    f.sender = from;
    f.limit = 200;
    f.newest_first = true;
    const auto dated = param(req, "dated");
    const std::optional<std::string> day = dated ? std::optional(registry::iso(registry::parse_date(*dated, "dated"))) : std::nullopt;
    for (const auto& e : c.reg.registry.list(c.user, f))
      if (e.sender == from && e.ref == ref && (!day || e.dated == day)) arr.push_back(registry::entry_json(e, c.reg.registry));
  }
  reply_json(res, {{"count", arr.size()}, {"entries", arr}});
}

std::int64_t id_of(const httplib::Request& req) { return parse_positive(req.matches[1].str(), "letter id"); }

void letter_file(const httplib::Request& req, httplib::Response& res, Caller& c) {
  const std::string kind = req.matches[2].str();
  if (kind == "reply") {  // the reply's letter, rendered from its stored draft
    const auto d = c.reg.registry.show(c.user, id_of(req), "web");
    if (!d.letter) throw Error(ErrorCode::NotFound, "this letter has no reply draft", std::to_string(id_of(req)));
    const auto pdf = c.reg.renderer.render_pdf(documents::parse_letter(d.letter->body, "draft", ".", nullptr));
    res.set_content(std::string(pdf.begin(), pdf.end()), "application/pdf");
    return;
  }
  auto [attachment, bytes] = c.reg.registry.attachment(c.user, id_of(req), kind);
  res.set_header("Content-Disposition", "inline; filename=\"" + kind + ".pdf\"");
  res.set_content(std::string(bytes.begin(), bytes.end()), "application/pdf");
}

// The letter as `--json show` gives it, with its access log (who read a secret letter, when).
json letter_page(Caller& c, std::int64_t id) {
  json j = registry::details_json(c.reg.registry.show(c.user, id, "web"), c.reg.registry);
  j["access_log"] = json::array();
  for (const auto& a : c.reg.registry.access_log(c.user, id))
    j["access_log"].push_back({{"at", registry::be_datetime(a.at)}, {"user", a.user}, {"command", a.command}});
  return j;
}

json users_json(Caller& c) {
  json arr = json::array();
  c.reg.store.read([&] {
    for (const auto& name : c.reg.store.user_names())
      if (auto u = c.reg.store.user_by_name(name))
        arr.push_back({{"user", u->name}, {"role", registry::role_name(u->role)},
                       {"clearance", registry::secrecy_name(u->clearance)}});
  });
  return arr;
}

}  // namespace

void add_letter_routes(httplib::Server& server, ApiContext& api) {
  const Environment& env = api.env;
  server.Get("/api/baskets", with_caller(api, [&env](const httplib::Request&, httplib::Response& res, Caller& c) { basket_counts(res, c, env); }));
  server.Get("/api/letters", with_caller(api, [&env](const httplib::Request& req, httplib::Response& res, Caller& c) { list_letters(req, res, c, env); }));
  server.Post("/api/letters", with_caller(api, [&api](const httplib::Request& req, httplib::Response& res, Caller& c) { receive_letter(req, res, c, api); }));
  server.Get("/api/duplicates", with_caller(api, [](const httplib::Request& req, httplib::Response& res, Caller& c) { possible_duplicates(req, res, c); }));
  server.Get(R"(/api/letters/(\d+))", with_caller(api, [](const httplib::Request& req, httplib::Response& res, Caller& c) {
               reply_json(res, letter_page(c, id_of(req)));
             }));
  server.Get(R"(/api/letters/(\d+)/files/(original|stamped|reply))",
             with_caller(api, [](const httplib::Request& req, httplib::Response& res, Caller& c) { letter_file(req, res, c); }));
  server.Get("/api/users", with_caller(api, [](const httplib::Request&, httplib::Response& res, Caller& c) { reply_json(res, {{"users", users_json(c)}}); }));
}

}  // namespace saraban::server
