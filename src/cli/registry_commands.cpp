// The correspondence register's subcommands: init, user, office, receive, assign, draft,
// review, sign, dispatch, file, close, cancel, show, list, search, history, verify, export,
// import, backup, reindex, access-log, attachment, restamp, letter. The rules live in
// src/registry; this file parses arguments and prints (text, or JSON with --json).
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/environment.h"
#include "base/error.h"
#include "cli/acting_user.h"
#include "base/field_text.h"
#include "base/json_depth.h"
#include "cli/command.h"
#include "cli/session.h"
#include "cli/incoming_pdf_adapter.h"
#include "documents/letter_json.h"
#include "documents/letter_renderer.h"
#include "registry/calendar.h"
#include "registry/entry_json.h"
#include "registry/file_access.h"
#include "registry/register_files.h"
#include "registry/registry.h"
#include "registry/sql_store.h"
#include "registry/stamp_notes.h"

namespace saraban::cli {
namespace {

using json = nlohmann::ordered_json;
using namespace saraban::registry;

void print_json(const json& j) { std::cout << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n"; }

// Stored text is printed escaped (shown()): a newline or an escape sequence in a field, from a
// register written before fields were checked or edited outside Saraban, cannot forge a line.
std::string shown(const std::string& v) { return escape_for_terminal(v); }

void print_entry_line(const Entry& e) {
  std::printf("%-22s  %-10s %s%s  %s\n", entry_address(e).c_str(), stage_name(e.stage),
              e.cancelled ? "[ยกเลิก] " : "", shown(e.sender).c_str(), shown(e.subject).c_str());
}

// --limit: enough for any register, small enough that no count overflows on its way to SQL.
constexpr std::int64_t kMaxLimit = 1000000000;

// Filters shared by list, search and export. Returns false for an option it does not know.
bool read_filter(ArgReader& a, const std::string& opt, EntryFilter& f, Session& s) {
  if (opt == "--register") f.register_code = parse_register(a.value_of(opt));
  else if (opt == "--year") f.year = parse_year_be(a.value_of(opt), opt);
  else if (opt == "--number-from") f.number_from = parse_positive(a.value_of(opt), opt);
  else if (opt == "--number-to") f.number_to = parse_positive(a.value_of(opt), opt);
  else if (opt == "--since") f.registered_from = local_midnight(parse_date(a.value_of(opt), opt));
  else if (opt == "--until") f.registered_to = local_midnight(add_days(parse_date(a.value_of(opt), opt), 1));
  else if (opt == "--sender") f.sender = a.value_of(opt);
  else if (opt == "--stage") f.stage = parse_stage(a.value_of(opt));
  else if (opt == "--urgency") f.urgency = parse_urgency(a.value_of(opt));
  else if (opt == "--limit") f.limit = static_cast<std::size_t>(parse_integer(a.value_of(opt), opt, 1, kMaxLimit));
  else if (opt == "--assignee") {
    std::string name = a.value_of(opt);
    std::optional<User> u;
    s.store->read([&] { u = s.store->user_by_name(name); });
    if (!u) throw Error(ErrorCode::NotFound, "unknown user", name);
    f.assignee = u->id;
  } else {
    return false;
  }
  return true;
}

[[noreturn]] void unknown_option(const std::string& opt) {
  throw Error(ErrorCode::InvalidInput, "unknown option (see saraban --help)", opt);
}

// ------------------------------------------------------------------ commands

int cmd_init(const GlobalOptions& g, const std::vector<std::string>& args) {
  if (!args.empty()) unknown_option(args[0]);
  // The key beside an SQLite register; a PostgreSQL register's on this machine (SARABAN_KEY_DIR).
  const bool shared = is_postgres_url(g.db);
  const std::string key = shared ? postgres_local_files(g.db, system_environment()).key : g.db + ".key";
  auto slash = key.find_last_of('/');
  if (slash != std::string::npos && slash > 0) ::mkdir(key.substr(0, slash).c_str(), 0775);  // var/
  SqlRegisterStore::create(g.db, system_environment());
  if (g.json) print_json({{"db", g.db}, {"key", key}, {"user", "admin"}});
  else std::printf("created the register %s; its first user is 'admin'; keep a copy of its key %s elsewhere%s\n",
                   g.db.c_str(), key.c_str(), shared ? " (and on every machine that writes the register)" : "");
  return 0;
}

const char* const kUserUsage =
    "expected: user add NAME --role ROLE [--clearance LEVEL] [--login OSNAME] | user login NAME OSNAME|--none | "
    "user passwd NAME [--password-file FILE]";

int cmd_user_login(const GlobalOptions& g, ArgReader& a) {
  std::string name = a.next();
  std::string os = a.next();
  if (!a.done()) unknown_option(a.peek());
  std::optional<std::string> login;
  if (os != "--none") login = os;
  Session s = open_session(g);
  s.registry->set_login(s.actor, name, login);
  if (g.json) print_json({{"user", name}, {"login", login ? json(*login) : json(nullptr)}});
  else if (login) std::printf("OS account %s acts as %s\n", login->c_str(), name.c_str());
  else std::printf("user %s has no OS account now\n", name.c_str());
  return 0;
}

// The new password from FILE (first line), or typed twice on the terminal.
std::string new_password(const std::optional<std::string>& file) {
  if (file) return read_password_file(*file);
  auto first = ask_password("new password: ");
  if (!first) throw Error(ErrorCode::InvalidInput, "needs --password-file FILE (no terminal to ask on)", "user passwd");
  auto again = ask_password("again: ");
  if (!again || *again != *first) throw Error(ErrorCode::InvalidInput, "the two passwords differ", "user passwd");
  return *first;
}

int cmd_user_passwd(const GlobalOptions& g, ArgReader& a) {
  std::string name = a.next();
  std::optional<std::string> file;
  while (!a.done()) {
    std::string o = a.next();
    if (o == "--password-file") file = a.value_of(o);
    else unknown_option(o);
  }
  Session s = open_session(g);  // proved first: the new password is asked only of someone allowed
  s.registry->set_password(s.actor, name, new_password(file));
  if (g.json) print_json({{"user", name}, {"password", "set"}});
  else std::printf("password of %s set\n", name.c_str());
  return 0;
}

int cmd_user(const GlobalOptions& g, const std::vector<std::string>& args) {
  ArgReader a(args);
  std::string sub = a.next();
  if (sub == "login") return cmd_user_login(g, a);
  if (sub == "passwd") return cmd_user_passwd(g, a);
  if (sub != "add") throw Error(ErrorCode::InvalidInput, kUserUsage, sub);
  std::string name = a.next();
  std::optional<Role> role;
  Secrecy clearance = Secrecy::None;
  std::optional<std::string> login;
  while (!a.done()) {
    std::string o = a.next();
    if (o == "--role") role = parse_role(a.value_of(o));
    else if (o == "--clearance") clearance = parse_secrecy(a.value_of(o));
    else if (o == "--login") login = a.value_of(o);
    else unknown_option(o);
  }
  if (!role) throw Error(ErrorCode::InvalidInput, "needs --role (clerk, director, officer, signer, admin)", "user add");
  Session s = open_session(g);
  s.registry->add_user(s.actor, name, *role, clearance, login);
  if (g.json) print_json({{"user", name}, {"role", role_name(*role)}, {"clearance", secrecy_name(clearance)}});
  else std::printf("added user %s (%s, clearance %s)\n", name.c_str(), role_name(*role), secrecy_name(clearance));
  return 0;
}

// `office set --group G|none`: stored, then given to the register and its companions, so the
// group can read what Saraban writes from now on.
void set_register_group(const GlobalOptions& g, Session& s, const std::string& group) {
  std::optional<std::string> name;
  if (group != "none") name = group;
  s.registry->set_file_group(s.actor, name);
  FileAccess access = file_access_for(name);
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::string path = g.db + suffix;
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) apply_file_access(path, access);
  }
}

int cmd_office(const GlobalOptions& g, const std::vector<std::string>& args) {
  ArgReader a(args);
  std::string sub = a.next();
  if (sub != "set" && sub != "show")
    throw Error(ErrorCode::InvalidInput, "expected: office set [--name TEXT] [--prefix TEXT] [--year-start 1|10]", sub);
  std::optional<std::string> name, prefix, group;
  std::optional<int> start, max_mb;
  while (!a.done()) {
    std::string o = a.next();
    if (o == "--name") name = a.value_of(o);
    else if (o == "--max-attachment-mb") max_mb = parse_max_attachment_mb(a.value_of(o));
    else if (o == "--prefix") prefix = a.value_of(o);
    else if (o == "--group") group = a.value_of(o);
    else if (o == "--year-start") {
      std::string v = a.value_of(o);
      if (v == "january" || v == "calendar") start = 1;
      else if (v == "october" || v == "fiscal") start = 10;
      else start = parse_int(v, o, 1, 12);
    } else unknown_option(o);
  }
  if (group && *group != "none") file_access_for(*group);  // an unknown group changes nothing
  Session s = open_session(g);
  if (sub == "set") s.registry->set_office(s.actor, name, prefix, start);
  if (sub == "set" && group) set_register_group(g, s, *group);
  if (sub == "set" && max_mb) s.registry->set_max_attachment_mb(s.actor, *max_mb);
  Office o = s.registry->office();
  const auto limit_mb = static_cast<long long>(s.registry->max_attachment_bytes() / (1024 * 1024));
  if (g.json)
    print_json({{"name", o.name}, {"prefix", o.prefix}, {"year_start_month", o.year_start_month},
                {"max_attachment_mb", limit_mb}});
  else std::printf("%s  prefix '%s'  year starts in month %d  attachments up to %lld MB\n", shown(o.name).c_str(),
                   shown(o.prefix).c_str(), o.year_start_month, limit_mb);
  return 0;
}

int cmd_receive(const GlobalOptions& g, const std::vector<std::string>& args) {
  ReceiveRequest r;
  ArgReader a(args);
  while (!a.done()) {
    std::string o = a.next();
    if (o == "--from") r.sender = a.value_of(o);
    else if (o == "--subject") r.subject = a.value_of(o);
    else if (o == "--ref") r.ref = a.value_of(o);
    else if (o == "--dated") r.dated = a.value_of(o);
    else if (o == "--to") r.recipient = a.value_of(o);
    else if (o == "--file") r.file = a.value_of(o);
    else if (o == "--urgency") r.urgency = parse_urgency(a.value_of(o));
    else if (o == "--secrecy") r.secrecy = parse_secrecy(a.value_of(o));
    else if (o == "--remarks") r.remarks = a.value_of(o);
    else unknown_option(o);
  }
  if (r.sender.empty()) throw Error(ErrorCode::InvalidInput, "needs --from TEXT", "receive");
  if (r.subject.empty()) throw Error(ErrorCode::InvalidInput, "needs --subject TEXT", "receive");
  if (r.dated) parse_date(*r.dated, "--dated");  // refuse before opening anything
  Session s = open_session(g);
  Issued n = s.registry->receive(s.actor, r);
  const std::string address = n.register_code + "/" + std::to_string(n.year) + "/" + std::to_string(n.number);
  // The letter is registered (exit 0); what went wrong with its file is said on stderr.
  for (const auto& w : n.warnings) std::fprintf(stderr, "saraban: warning: %s: %s\n", address.c_str(), shown(w).c_str());
  if (g.json)
    print_json({{"register", n.register_code}, {"year", n.year}, {"number", n.number}, {"id", n.id}, {"address", address}});
  else std::printf("%s %d/%lld (address %s, id %lld)\n", n.register_code.c_str(), n.year, static_cast<long long>(n.number),
                   address.c_str(), static_cast<long long>(n.id));
  return 0;
}

// assign / draft / review / sign / dispatch / file / close / cancel share this shape.
int print_done(const GlobalOptions& g, Session& s, std::int64_t id, const char* action, json extra = json::object()) {
  Entry e = s.registry->show(s.actor, id, action).entry;
  if (g.json) {
    json j = {{"id", id}, {"address", entry_address(e)}, {"action", action}, {"stage", stage_name(e.stage)}};
    j.update(extra);
    print_json(j);
  } else {
    std::printf("entry %s: %s -> %s", entry_address(e).c_str(), action, stage_name(e.stage));
    for (auto it = extra.begin(); it != extra.end(); ++it)
      std::printf("  %s %s", it.key().c_str(), it.value().is_string() ? it.value().get<std::string>().c_str() : it.value().dump().c_str());
    std::printf("\n");
  }
  return 0;
}

int cmd_assign(const GlobalOptions& g, const std::vector<std::string>& args) {
  ArgReader a(args);
  EntryRef ref = parse_entry_ref(a.next());
  std::string to, note;
  std::optional<std::string> due;
  while (!a.done()) {
    std::string o = a.next();
    if (o == "--to") to = a.value_of(o);
    else if (o == "--due") due = a.value_of(o);
    else if (o == "--note") note = a.value_of(o);
    else unknown_option(o);
  }
  if (to.empty()) throw Error(ErrorCode::InvalidInput, "needs --to USER", "assign");
  if (due) parse_date(*due, "--due");
  Session s = open_session(g);
  std::int64_t id = s.registry->resolve(s.actor, ref);
  s.registry->assign(s.actor, id, to, due, note);
  return print_done(g, s, id, "assign", {{"assignee", to}});
}

int cmd_draft(const GlobalOptions& g, const std::vector<std::string>& args) {
  ArgReader a(args);
  EntryRef ref = parse_entry_ref(a.next());
  std::optional<std::string> path;
  while (!a.done()) {
    std::string o = a.next();
    if (o == "--letter") path = a.value_of(o);
    else unknown_option(o);
  }
  if (!path) throw Error(ErrorCode::InvalidInput, "needs --letter LETTER.json", "draft");
  std::string text = read_text_file(system_environment(), *path);
  Session s = open_session(g);
  std::int64_t id = s.registry->resolve(s.actor, ref);
  int v = s.registry->draft(s.actor, id, text);
  return print_done(g, s, id, "draft", {{"version", v}});
}

int cmd_review(const GlobalOptions& g, const std::vector<std::string>& args) {
  ArgReader a(args);
  EntryRef ref = parse_entry_ref(a.next());
  std::optional<bool> approve;
  std::string note;
  while (!a.done()) {
    std::string o = a.next();
    if (o == "--approve" || o == "--return") {
      if (approve && *approve != (o == "--approve"))
        throw Error(ErrorCode::InvalidInput, "give --approve or --return, not both", "review");
      approve = o == "--approve";
    }
    else if (o == "--note") note = a.value_of(o);
    else unknown_option(o);
  }
  if (!approve) throw Error(ErrorCode::InvalidInput, "needs --approve or --return", "review");
  Session s = open_session(g);
  std::int64_t id = s.registry->resolve(s.actor, ref);
  s.registry->review(s.actor, id, *approve, note);
  return print_done(g, s, id, *approve ? "approve" : "return");
}

int simple_note_command(const GlobalOptions& g, const std::vector<std::string>& args, const char* name, bool note_required,
                        void (Registry::*fn)(const User&, std::int64_t, const std::string&)) {
  ArgReader a(args);
  EntryRef ref = parse_entry_ref(a.next());
  std::string note;
  while (!a.done()) {
    std::string o = a.next();
    if (o == "--note") note = a.value_of(o);
    else unknown_option(o);
  }
  if (note_required && note.empty()) throw Error(ErrorCode::InvalidInput, "needs --note TEXT", name);
  Session s = open_session(g);
  std::int64_t id = s.registry->resolve(s.actor, ref);
  (s.registry.get()->*fn)(s.actor, id, note);
  return print_done(g, s, id, name);
}

int cmd_close(const GlobalOptions& g, const std::vector<std::string>& a) { return simple_note_command(g, a, "close", true, &Registry::close); }
int cmd_cancel(const GlobalOptions& g, const std::vector<std::string>& a) { return simple_note_command(g, a, "cancel", true, &Registry::cancel); }

int cmd_dispatch(const GlobalOptions& g, const std::vector<std::string>& args) {
  ArgReader a(args);
  EntryRef ref = parse_entry_ref(a.next());
  std::string via;
  while (!a.done()) {
    std::string o = a.next();
    if (o == "--via") via = a.value_of(o);
    else unknown_option(o);
  }
  Session s = open_session(g);
  std::int64_t id = s.registry->resolve(s.actor, ref);
  Issued n = s.registry->dispatch(s.actor, id, via);
  return print_done(g, s, id, "dispatch",
                    {{"register", n.register_code}, {"year", n.year}, {"number", n.number}, {"send_id", n.id},
                     {"send_address", n.register_code + "/" + std::to_string(n.year) + "/" + std::to_string(n.number)},
                     {"ref", n.ref}});
}

int cmd_file(const GlobalOptions& g, const std::vector<std::string>& args) {
  ArgReader a(args);
  EntryRef ref = parse_entry_ref(a.next());
  int keep = 10;
  while (!a.done()) {
    std::string o = a.next();
    if (o == "--keep-years") keep = parse_int(a.value_of(o), o, 1, 100);
    else unknown_option(o);
  }
  Session s = open_session(g);
  std::int64_t id = s.registry->resolve(s.actor, ref);
  s.registry->file(s.actor, id, keep);
  return print_done(g, s, id, "file", {{"keep_years", keep}});
}

int cmd_show(const GlobalOptions& g, const std::vector<std::string>& args) {
  ArgReader a(args);
  EntryRef ref = parse_entry_ref(a.next());
  if (!a.done()) unknown_option(a.peek());
  Session s = open_session(g);
  std::int64_t id = s.registry->resolve(s.actor, ref);
  EntryDetails d = s.registry->show(s.actor, id);
  json j = details_json(d, *s.registry);
  const bool pending = j["stamp_pending"].get<bool>();
  if (g.json) {
    print_json(j);
    return 0;
  }
  const Entry& e = d.entry;
  std::printf("%s %d/%lld%s  (id %lld)\n", e.register_code.c_str(), e.year, static_cast<long long>(e.number),
              e.cancelled ? "  [ยกเลิก]" : "", static_cast<long long>(e.id));
  std::printf("  เรื่อง    %s\n  จาก      %s\n  ถึง      %s\n  ที่       %s\n  ลงวันที่   %s\n", shown(e.subject).c_str(),
              shown(e.sender).c_str(), shown(e.recipient).c_str(), shown(e.ref).c_str(),
              e.dated ? thai_date(*e.dated, false).c_str() : "");
  std::printf("  รับเมื่อ   %s\n  ชั้นความเร็ว %s  ชั้นความลับ %s\n  stage    %s\n", be_datetime(e.registered_at).c_str(),
              urgency_name(e.urgency), secrecy_name(e.secrecy), stage_name(e.stage));
  if (!d.assignee_name.empty()) std::printf("  ผู้รับผิดชอบ %s\n", shown(d.assignee_name).c_str());
  if (!e.via.empty()) std::printf("  ส่งทาง    %s\n", shown(e.via).c_str());
  if (!e.remarks.empty()) std::printf("  หมายเหตุ  %s\n", shown(e.remarks).c_str());
  if (e.due) std::printf("  กำหนด    %s\n", thai_date(*e.due, false).c_str());
  for (const auto& at : d.attachments)
    std::printf("  แนบ      %s  %s  %s (%s)%s%s\n", shown(at.name).c_str(), at.sha256.substr(0, 16).c_str(), at.kind.c_str(),
                at.pdf_status.c_str(), at.note.empty() ? "" : "  ", shown(at.note).c_str());
  if (pending) std::printf("           (saraban restamp %s draws the missing stamped copy)\n", entry_address(e).c_str());
  for (const auto& ev : d.events)
    std::printf("  %s  %-9s %-10s %s  %s\n", be_datetime(ev.at).c_str(), ev.action.c_str(), stage_name(ev.to),
                shown(ev.actor_name).c_str(), shown(ev.comment).c_str());
  return 0;
}

int cmd_history(const GlobalOptions& g, const std::vector<std::string>& args) {
  ArgReader a(args);
  EntryRef ref = parse_entry_ref(a.next());
  if (!a.done()) unknown_option(a.peek());
  Session s = open_session(g);
  std::int64_t id = s.registry->resolve(s.actor, ref);
  auto events = s.registry->history(s.actor, id);
  json arr = json::array();
  for (const auto& ev : events) {
    if (g.json)
      arr.push_back(event_json(ev));
    else
      std::printf("%s  %-9s %-10s -> %-10s %s  %s\n", be_datetime(ev.at).c_str(), ev.action.c_str(),
                  ev.from ? stage_name(*ev.from) : "", stage_name(ev.to), shown(ev.actor_name).c_str(),
                  shown(ev.comment).c_str());
  }
  if (g.json) print_json(arr);
  return 0;
}

int cmd_list(const GlobalOptions& g, const std::vector<std::string>& args) {
  ArgReader a(args);
  Session s = open_session(g);
  EntryFilter f;
  while (!a.done()) {
    std::string o = a.next();
    if (!read_filter(a, o, f, s)) unknown_option(o);
  }
  std::int64_t total = 0;
  auto entries = s.registry->list(s.actor, f, &total);
  if (g.json) {
    json arr = json::array();
    for (const auto& e : entries) arr.push_back(entry_json(e, *s.registry));
    print_json({{"count", total}, {"entries", arr}});
  } else {
    for (const auto& e : entries) print_entry_line(e);
    std::printf("%lld entries\n", static_cast<long long>(total));
  }
  return 0;
}

int cmd_search(const GlobalOptions& g, const std::vector<std::string>& args) {
  ArgReader a(args);
  Session s = open_session(g);
  EntryFilter f;
  f.limit = 50;
  std::string query;
  while (!a.done()) {
    std::string o = a.next();
    if (o.rfind("--", 0) == 0) {
      if (!read_filter(a, o, f, s)) unknown_option(o);
    } else {
      query += (query.empty() ? "" : " ") + o;
    }
  }
  if (query.empty()) throw Error(ErrorCode::InvalidInput, "needs a QUERY", "search");
  auto entries = s.registry->search(s.actor, query, f);
  if (g.json) {
    json arr = json::array();
    for (const auto& e : entries) arr.push_back(entry_json(e, *s.registry));
    print_json({{"query", query}, {"count", arr.size()}, {"entries", arr}});
  } else {
    for (const auto& e : entries) print_entry_line(e);
    std::printf("%zu found\n", entries.size());
  }
  return 0;
}

int cmd_verify(const GlobalOptions& g, const std::vector<std::string>& args) {
  bool reanchor = !args.empty() && args[0] == "--reanchor";
  if (args.size() > (reanchor ? 1u : 0u)) unknown_option(args[reanchor ? 1 : 0]);
  Session s = open_session(g);
  if (reanchor) {
    std::int64_t head = s.registry->reanchor(s.actor);
    if (g.json) print_json({{"anchored", head}});
    else std::printf("the anchor names audit log entry #%lld again\n", static_cast<long long>(head));
    return 0;
  }
  VerifyReport r = s.registry->verify(s.actor);
  if (g.json) {
    print_json({{"ok", r.ok}, {"audit_rows", r.audit_rows}, {"rows_checked", r.rows_checked},
                {"attachments_checked", r.attachments_checked}, {"problems", r.problems}, {"notes", r.notes}});
  } else if (r.ok && r.audit_rows == 0) {
    std::printf("verified: the chain and every hash match\n");
  } else if (r.ok) {
    std::printf("verified: %lld audit log entries, %lld rows, %lld attachments; the chain and every hash match\n",
                static_cast<long long>(r.audit_rows), static_cast<long long>(r.rows_checked),
                static_cast<long long>(r.attachments_checked));
  } else {
    for (const auto& p : r.problems) std::printf("MISMATCH: %s\n", p.c_str());
  }
  if (!g.json)
    for (const auto& n : r.notes) std::printf("note: %s\n", n.c_str());
  if (!r.ok) {
    std::fprintf(stderr, "saraban: verify failed: %s\n", r.problems.front().c_str());
    return exit_status(ErrorCode::DatabaseError);
  }
  return 0;
}

int cmd_export(const GlobalOptions& g, const std::vector<std::string>& args) {
  ArgReader a(args);
  Session s = open_session(g);
  EntryFilter f;
  std::optional<std::string> out;
  while (!a.done()) {
    std::string o = a.next();
    if (o == "--csv") out = a.value_of(o);
    else if (!read_filter(a, o, f, s)) unknown_option(o);
  }
  if (!out) throw Error(ErrorCode::InvalidInput, "needs --csv FILE", "export");
  refuse_register_path(*out, g.db);
  std::string text = s.registry->export_csv(s.actor, f);
  write_output(s, *out, std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
  if (g.json) print_json({{"csv", *out}});
  else std::printf("exported to %s\n", out->c_str());
  return 0;
}

int cmd_import(const GlobalOptions& g, const std::vector<std::string>& args) {
  ArgReader a(args);
  std::optional<std::string> in;
  std::size_t chunk = 1000;
  while (!a.done()) {
    std::string o = a.next();
    if (o == "--csv") in = a.value_of(o);
    else if (o == "--chunk") chunk = static_cast<std::size_t>(parse_integer(a.value_of(o), o, 1, 1000000));
    else unknown_option(o);
  }
  if (!in) throw Error(ErrorCode::InvalidInput, "needs --csv FILE", "import");
  std::string text = read_text_file(system_environment(), *in);
  Session s = open_session(g);
  ImportResult r = s.registry->import_csv(s.actor, text, chunk);
  if (g.json) print_json({{"imported", r.imported}, {"skipped", r.skipped}, {"last_id", r.last_id}});
  else if (r.skipped)
    std::printf("imported %lld entries; skipped %lld already brought in by an earlier run of this file\n",
                static_cast<long long>(r.imported), static_cast<long long>(r.skipped));
  else std::printf("imported %lld entries\n", static_cast<long long>(r.imported));
  return 0;
}

int cmd_backup(const GlobalOptions& g, const std::vector<std::string>& args) {
  ArgReader a(args);
  std::string dest = a.next();
  if (!a.done()) unknown_option(a.peek());
  refuse_register_path(dest, g.db);
  Session s = open_session(g);
  s.registry->backup(s.actor, dest);
  if (g.json) print_json({{"backup", dest}});
  else std::printf("backed up to %s\n", dest.c_str());
  return 0;
}

int cmd_reindex(const GlobalOptions& g, const std::vector<std::string>& args) {
  if (!args.empty()) unknown_option(args[0]);
  Session s = open_session(g);
  s.registry->reindex(s.actor);
  if (g.json) print_json({{"reindexed", true}});
  else std::printf("search index rebuilt\n");
  return 0;
}

int cmd_access_log(const GlobalOptions& g, const std::vector<std::string>& args) {
  ArgReader a(args);
  std::optional<EntryRef> ref;
  if (!a.done()) ref = parse_entry_ref(a.next());
  Session s = open_session(g);
  std::optional<std::int64_t> id;
  if (ref) id = s.registry->resolve(s.actor, *ref);
  auto log = s.registry->access_log(s.actor, id);
  json arr = json::array();
  for (const auto& r : log) {
    if (g.json) arr.push_back({{"at", be_datetime(r.at)}, {"user", r.user}, {"entry", r.entry_id}, {"command", r.command}});
    else std::printf("%s  %-12s entry %lld  %s\n", be_datetime(r.at).c_str(), shown(r.user).c_str(),
                     static_cast<long long>(r.entry_id), r.command.c_str());
  }
  if (g.json) print_json(arr);
  return 0;
}

// saraban attachment ID [--stamped] -o FILE: the stored original, or the copy with the receive stamp.
int cmd_attachment(const GlobalOptions& g, const std::vector<std::string>& args) {
  ArgReader a(args);
  EntryRef ref = parse_entry_ref(a.next());
  std::string kind = "original", out;
  while (!a.done()) {
    std::string o = a.next();
    if (o == "--stamped") kind = "stamped";
    else if (o == "--original") kind = "original";
    else if (o == "-o") out = a.value_of(o);
    else unknown_option(o);
  }
  if (out.empty()) throw Error(ErrorCode::InvalidInput, "missing -o FILE", "attachment");
  refuse_register_path(out, g.db);
  Session s = open_session(g);
  std::int64_t id = s.registry->resolve(s.actor, ref);
  auto [att, bytes] = s.registry->attachment(s.actor, id, kind);
  write_output(s, out, bytes);
  if (g.json) print_json(json{{"id", id}, {"kind", kind}, {"sha256", att.sha256}, {"size", att.size}, {"file", out}});
  else std::printf("%s (%s, %lld bytes, sha256 %s)\n", out.c_str(), kind.c_str(), static_cast<long long>(att.size),
                   att.sha256.c_str());
  return 0;
}

// saraban restamp ENTRY: the stamped copy an original is missing, drawn with the entry's number.
int cmd_restamp(const GlobalOptions& g, const std::vector<std::string>& args) {
  ArgReader a(args);
  EntryRef ref = parse_entry_ref(a.next());
  if (!a.done()) unknown_option(a.peek());
  Session s = open_session(g);
  std::int64_t id = s.registry->resolve(s.actor, ref);
  Restamped r = s.registry->restamp(s.actor, id);  // logs a secret entry's read itself
  const std::string address = entry_address(r.entry);
  if (g.json)
    print_json({{"id", id}, {"address", address}, {"kind", r.stamped.kind}, {"sha256", r.stamped.sha256},
                {"size", r.stamped.size}, {"note", r.original_note}});
  else
    std::printf("entry %s: stamped copy stored (%lld bytes, sha256 %s)\n", address.c_str(),
                static_cast<long long>(r.stamped.size), r.stamped.sha256.c_str());
  return 0;
}

// saraban letter ID -o OUT.pdf: the entry's latest reply draft, rendered on demand.
int cmd_letter(const GlobalOptions& g, const std::vector<std::string>& args) {
  ArgReader a(args);
  EntryRef ref = parse_entry_ref(a.next());
  std::string out;
  while (!a.done()) {
    std::string o = a.next();
    if (o == "-o") out = a.value_of(o);
    else unknown_option(o);
  }
  if (out.empty()) throw Error(ErrorCode::InvalidInput, "missing -o OUT.pdf", "letter");
  refuse_register_path(out, g.db);
  Session s = open_session(g);
  std::int64_t id = s.registry->resolve(s.actor, ref);
  EntryDetails d = s.registry->show(s.actor, id, "letter");
  if (!d.letter) throw Error(ErrorCode::NotFound, "entry " + std::to_string(id) + " has no reply draft yet");
  const Environment& env = system_environment();
  auto letter = documents::parse_letter(d.letter->body, "entry " + std::to_string(id) + " draft", ".", nullptr);
  documents::LetterRenderer renderer(env);
  write_output(s, out, renderer.render_pdf(letter));
  if (g.json) print_json(json{{"id", id}, {"version", d.letter->version}, {"file", out}});
  else std::printf("%s (draft version %d)\n", out.c_str(), d.letter->version);
  return 0;
}

const std::string kFilters = "[--register R] [--year Y] [--stage S] [--sender T] [--assignee U] [--urgency U] "
                             "[--number-from N] [--number-to N] [--since DATE] [--until DATE] [--limit N]";

const bool registered = [] {
  register_command({"init", "init", "create the register and its first user, admin", cmd_init});
  register_command({"user", "user add NAME --role ROLE [--clearance LEVEL] [--login OSNAME]",
                    "add a user (admin); OSNAME then acts as NAME without a password", cmd_user});
  register_command({"user", "user login NAME OSNAME|--none", "map an OS account to a user (admin)", cmd_user});
  register_command({"user", "user passwd NAME [--password-file FILE]",
                    "set a password (admin, or the user themselves); asked on the terminal without FILE", cmd_user});
  register_command({"office", "office set [--name T] [--prefix T] [--year-start 1|10] [--group GROUP|none] [--max-attachment-mb N]",
                    "the office, its numbering year, and the OS group that may read its files", cmd_office});
  register_command({"receive",
                    "receive --from T --subject T [--ref T] [--dated DATE] [--to T] [--file PDF] [--urgency U] [--secrecy S]",
                    "register an incoming letter; prints its receive number", cmd_receive});
  register_command({"assign", "assign ENTRY --to USER [--due DATE] [--note T]", "assign a letter to an officer (director)", cmd_assign});
  register_command({"draft", "draft ENTRY --letter LETTER.json", "store the reply draft (officer)", cmd_draft});
  register_command({"review", "review ENTRY --approve|--return --note T", "approve or return the draft (director)", cmd_review});
  register_command({"dispatch", "dispatch ENTRY [--via T]", "issue the send number and send (clerk)", cmd_dispatch});
  register_command({"file", "file ENTRY [--keep-years N]", "file the letter with its retention (clerk)", cmd_file});
  register_command({"close", "close ENTRY --note T", "close without reply (director)", cmd_close});
  register_command({"cancel", "cancel ENTRY --note T", "cancel an entry; its number stays, marked cancelled", cmd_cancel});
  register_command({"show", "show ENTRY", "one entry with its journey and attachments (ENTRY: register/year/number as receive/2569/12, or its id)", cmd_show});
  register_command({"list", "list " + kFilters, "entries of a register", cmd_list});
  register_command({"search", "search QUERY " + kFilters, "Thai full-text search", cmd_search});
  register_command({"history", "history ENTRY", "the stage changes of an entry", cmd_history});
  register_command({"verify", "verify [--reanchor]",
                    "recompute the audit chain and attachment hashes (--reanchor: an admin re-anchors a register "
                    "whose only fault is its anchor)",
                    cmd_verify});
  register_command({"export", "export --register R --year Y --csv FILE", "write a register to CSV", cmd_export});
  register_command({"import", "import --csv FILE [--chunk N]",
                    "bring an existing register in from CSV (a re-run skips the rows already in)", cmd_import});
  register_command({"backup", "backup FILE", "copy the register with SQLite's online backup (admin)", cmd_backup});
  register_command({"reindex", "reindex", "rebuild the search index (admin)", cmd_reindex});
  register_command({"attachment", "attachment ENTRY [--stamped] -o FILE",
                    "write an entry's stored PDF (the original, or the copy with the receive stamp)", cmd_attachment});
  register_command({"restamp", "restamp ENTRY",
                    "draw the receive stamp an entry's original is missing, with its issued number (clerk)", cmd_restamp});
  register_command({"letter", "letter ENTRY -o OUT.pdf", "render an entry's latest reply draft as PDF", cmd_letter});
  register_command({"access-log", "access-log [ENTRY]", "who read which secret entry", cmd_access_log});
  return true;
}();

}  // namespace

// The register's sign step; `sign` itself (sign_command.cpp) also signs PDF files.
int sign_entry_command(const GlobalOptions& g, const std::vector<std::string>& a) {
  return simple_note_command(g, a, "sign", false, &Registry::sign);
}

}  // namespace saraban::cli
