#include "registry/registry.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "base/error.h"
#include "base/field_text.h"
#include "base/json_depth.h"
#include "registry/assignee_rule.h"
#include "registry/calendar.h"
#include "registry/stamp_notes.h"
#include "registry/stamped_suffix.h"
#include "registry/thai_tokenizer.h"
#include "registry/user_name.h"
#include "registry/year_start.h"

namespace saraban::registry {
namespace {

std::string roles_text(std::initializer_list<Role> roles) {
  std::string s;
  for (Role r : roles) s += (s.empty() ? "" : " or ") + std::string(role_name(r));
  return s;
}

std::string stages_text(std::initializer_list<Stage> stages) {
  std::string s;
  for (Stage st : stages) s += (s.empty() ? "" : ", ") + std::string(stage_name(st));
  return s;
}

std::string entry_label(const Entry& e) {
  return "entry " + std::to_string(e.id) + " (" + e.register_code + " " + std::to_string(e.year) + "/" +
         std::to_string(e.number) + ")";
}

std::string base_name(const std::string& path) {
  auto p = path.find_last_of('/');
  return p == std::string::npos ? path : path.substr(p + 1);
}

// Required fields must say something; every field is valid UTF-8 without control characters.
void require_text(const std::string& v, const char* option) { check_field_text(v, option, true); }
void check_text(const std::string& v, const char* option) { check_field_text(v, option, false); }

bool above(Secrecy level, Secrecy clearance) { return static_cast<int>(level) > static_cast<int>(clearance); }

// A letter's secrecy ("secrecy": ลับ, ลับมาก, ลับที่สุด; absent or "" for none) decides the
// register its dispatch goes to.
Secrecy letter_secrecy(const nlohmann::json& letter) {
  if (!letter.is_object() || !letter.contains("secrecy")) return Secrecy::None;
  const auto& v = letter["secrecy"];
  if (!v.is_string())
    throw Error(ErrorCode::InvalidInput, "the letter's secrecy must be ลับ, ลับมาก or ลับที่สุด", "$.secrecy");
  return v.get<std::string>().empty() ? Secrecy::None : parse_secrecy(v.get<std::string>());
}

}  // namespace

Registry::Registry(RegisterStore& store, const Environment& env, IncomingPdfHandler* pdfs)
    : store_(store), env_(env), pdfs_(pdfs) {}

User Registry::acting_user(const std::string& name) {
  std::optional<User> u;
  store_.read([&] { u = store_.user_by_name(name); });
  if (!u) throw Error(ErrorCode::NotFound, "unknown user (an admin adds users with: saraban user add NAME --role ROLE)", name);
  return *u;
}

std::string Registry::user_name(std::int64_t id) {
  std::string n;
  store_.read([&] {
    if (auto u = store_.user_by_id(id)) n = u->name;
  });
  return n;
}

void Registry::require_role(const User& actor, const char* action, std::initializer_list<Role> roles) {
  if (actor.role == Role::Admin) return;
  if (std::find(roles.begin(), roles.end(), actor.role) != roles.end()) return;
  throw Error(ErrorCode::PermissionDenied,
              "user '" + actor.name + "' is a " + role_name(actor.role) + "; " + action + " needs a " +
                  roles_text(roles) + " (or admin)",
              action);
}

void Registry::require_stage(const Entry& e, const char* action, std::initializer_list<Stage> stages) {
  if (e.cancelled)
    throw Error(ErrorCode::WrongStage, entry_label(e) + " is cancelled; nothing more can be done with it", action);
  if (std::find(stages.begin(), stages.end(), e.stage) != stages.end()) return;
  throw Error(ErrorCode::WrongStage,
              entry_label(e) + " is at stage '" + stage_name(e.stage) + "'; " + action + " needs it to be " +
                  stages_text(stages),
              action);
}

// A secret entry above the actor's clearance is answered exactly like an id that does not
// exist: no trace, not "permission denied".
Entry Registry::visible_entry(const User& actor, std::int64_t id) {
  auto e = store_.entry(id);
  if (!e || static_cast<int>(e->secrecy) > static_cast<int>(actor.clearance))
    throw Error(ErrorCode::NotFound, "no such entry", "entry " + std::to_string(id));
  return *e;
}

void Registry::record(const User& actor, Entry& e, const char* action, Stage to, const std::string& comment) {
  StageEvent ev;
  ev.entry_id = e.id;
  ev.action = action;
  ev.from = e.stage;
  ev.to = to;
  ev.actor = actor.id;
  ev.at = env_.now();
  ev.comment = comment;
  e.stage = to;
  store_.update_entry(e);
  store_.add_stage_event(ev);
}

void Registry::log_reads(const User& actor, const std::vector<Entry>& entries, const char* command) {
  bool any = std::any_of(entries.begin(), entries.end(), [](const Entry& e) { return e.secrecy != Secrecy::None; });
  if (!any) return;
  store_.write(actor.id, [&] {
    std::int64_t now = env_.now();
    for (const auto& e : entries)
      if (e.secrecy != Secrecy::None) store_.log_access(actor.id, e.id, command, now);
  });
}

// ------------------------------------------------------------------ administration

void Registry::add_user(const User& actor, const std::string& name, Role role, Secrecy clearance,
                        const std::optional<std::string>& login) {
  require_role(actor, "user add", {Role::Admin});
  check_user_name(name);
  if (login) check_login_name(*login);
  store_.write(actor.id, [&] {
    check_not_confusable(name, store_.user_names());
    User u = store_.add_user(name, role, clearance, env_.now());
    if (login) store_.set_login(u.id, login);
  });
}

void Registry::set_office(const User& actor, const std::optional<std::string>& name,
                          const std::optional<std::string>& prefix, std::optional<int> year_start_month) {
  require_role(actor, "office set", {Role::Admin});
  if (name) require_text(*name, "--name");
  if (prefix) check_text(*prefix, "--prefix");
  if (year_start_month && (*year_start_month < 1 || *year_start_month > 12))
    throw Error(ErrorCode::InvalidInput, "the year starts in a month 1..12 (1 = January, 10 = fiscal year)",
                "--year-start");
  store_.write(actor.id, [&] {
    Office o = store_.office();
    if (name) o.name = *name;
    if (prefix) o.prefix = *prefix;
    if (year_start_month) {
      check_year_start_change(store_, *year_start_month, env_.now(), actor.clearance);
      o.year_start_month = *year_start_month;
    }
    store_.set_office(o);
  });
}

Office Registry::office() {
  Office o;
  store_.read([&] { o = store_.office(); });
  return o;
}

// ------------------------------------------------------------------ receiving

Entry Registry::make_received(const User& actor, const ReceiveRequest& r, std::int64_t now) {
  Entry e;
  e.register_code = r.secrecy != Secrecy::None ? "secret" : "receive";
  e.registered_at = now;
  e.ref = r.ref;
  if (r.dated) e.dated = iso(parse_date(*r.dated, "--dated"));
  e.sender = r.sender;
  e.recipient = r.recipient;
  e.subject = r.subject;
  e.urgency = r.urgency;
  e.secrecy = r.secrecy;
  e.stage = Stage::Received;
  e.remarks = r.remarks;
  e.created_by = actor.id;
  return e;
}

// The number and year are those `e` will be (or was) issued; `office` the office's name.
void Registry::stamp_copy(IncomingFile& f, const Entry& e, const std::string& office) {
  f.stamped.reset();
  f.stamp_problem.clear();
  // A "corrupt" file may be damaged but readable: the stamper repairs it or says why not.
  if (!pdfs_ || (f.status != "ok" && f.status != "corrupt")) return;
  ReceiveStampText t;
  t.office = office;
  t.number = text::convert_digits(std::to_string(e.number), text::DigitStyle::Thai);
  t.date = thai_date(iso(local_date(e.registered_at)), true);
  t.time = text::convert_digits(local_time_hhmm(e.registered_at), text::DigitStyle::Thai);
  // A stamp that cannot be drawn must not refuse the letter: the original is kept, and why
  // there is no stamped copy is noted on it and reported.
  try {
    StampedCopy copy = pdfs_->stamp(f.bytes, t);
    f.stamped = std::move(copy.bytes);
    f.stamped_repaired = copy.repaired;
    f.stamped_status = pdfs_->inspect(*f.stamped);
    f.stamped_number = e.number;
    f.stamped_year = e.year;
  } catch (const Error& err) {
    f.stamp_problem = err.context().empty() ? err.message() : err.message() + " (" + err.context() + ")";
  } catch (const std::exception& err) {
    f.stamp_problem = std::string("the stamp could not be drawn: ") + err.what();
  }
}

// Storing only: the file was read, checked and stamped before the transaction.
void Registry::attach_file(const User& actor, const Entry& e, const IncomingFile& f, std::int64_t now) {
  store_.add_attachment(e.id, f.bytes, f.name, "original", f.status, actor.id, now);
  if (f.bytes.empty()) store_.add_attachment_note(e.id, "original", "empty file");
  else if (!f.stamp_problem.empty()) store_.add_attachment_note(e.id, "original", no_stamped_copy_note(f.stamp_problem));
  if (f.stamped) store_stamped(actor, e, f, now);
  if (f.stamped && f.stamped_repaired)
    store_.add_attachment_note(e.id, "stamped", kRepairedNote);
}

// A stamped copy that begins with the original's bytes (drawn as an incremental update) costs
// only what it adds; any other copy is stored whole.
void Registry::store_stamped(const User& actor, const Entry& e, const IncomingFile& f, std::int64_t now) {
  if (extends_original(f.bytes, *f.stamped))
    store_.add_attachment_extending(e.id, f.bytes, *f.stamped, f.name, "stamped", f.stamped_status, actor.id, now);
  else
    store_.add_attachment(e.id, *f.stamped, f.name, "stamped", f.stamped_status, actor.id, now);
}

// The year and number each entry will be issued if no other clerk registers first.
std::vector<Entry> Registry::predict_numbers(std::vector<Entry> entries, std::int64_t now, std::string& office) {
  store_.read([&] {
    office = store_.office().name;
    std::map<std::pair<std::string, int>, std::int64_t> last;
    for (Entry& e : entries) {
      e.year = numbering_year(now, store_.year_start_month(e.register_code));
      auto key = std::make_pair(e.register_code, e.year);
      auto it = last.find(key);
      if (it == last.end()) it = last.emplace(key, store_.last_number(e.register_code, e.year)).first;
      e.number = ++it->second;
    }
  });
  return entries;
}

namespace {
// Another clerk took a predicted number while the copies were stamped: roll back and retry.
struct StalePrediction {};

std::vector<std::string> intake_warnings(const IncomingFile& f) {
  std::vector<std::string> w;
  if (f.bytes.empty()) w.push_back("the file '" + f.name + "' is empty: it is kept and flagged \"empty file\"");
  if (!f.stamp_problem.empty()) w.push_back("no stamped copy of '" + f.name + "': " + f.stamp_problem);
  return w;
}
}  // namespace

std::vector<Issued> Registry::receive_batch(const User& actor, const std::vector<ReceiveRequest>& rs) {
  require_role(actor, "receive", {Role::Clerk});
  // Everything that can be wrong with the input is found before the transaction starts.
  std::int64_t now = env_.now();
  std::vector<Entry> entries;
  std::vector<IncomingFile> files(rs.size());
  entries.reserve(rs.size());
  const bool any_file = std::any_of(rs.begin(), rs.end(), [](const ReceiveRequest& r) { return r.file.has_value(); });
  const std::uint64_t max_bytes = any_file ? max_attachment_bytes() : 0;
  for (std::size_t i = 0; i < rs.size(); ++i) {
    const auto& r = rs[i];
    require_text(r.subject, "--subject");
    require_text(r.sender, "--from");
    check_text(r.ref, "--ref");
    check_text(r.recipient, "--to");
    check_text(r.remarks, "--remarks");
    if (static_cast<int>(r.secrecy) > static_cast<int>(actor.clearance))
      throw Error(ErrorCode::PermissionDenied,
                  "user '" + actor.name + "' is not cleared for " + secrecy_name(r.secrecy) +
                      " and cannot register a letter at that level",
                  "--secrecy");
    if (r.file) {
      // Only a PDF reader can say what a file is; a register opened without one takes none.
      if (!pdfs_)
        throw Error(ErrorCode::Internal, "this register was opened without a PDF reader: it cannot receive files",
                    "--file");
      files[i].name = base_name(*r.file);
      check_text(files[i].name, "--file");  // the name is stored with the attachment
      files[i].bytes = read_incoming_file(*r.file, max_bytes);
      files[i].status = pdfs_->inspect(files[i].bytes);
    }
    entries.push_back(make_received(actor, r, now));
  }
  // The stamp shows the receive number, issued only inside the write transaction, and drawing
  // it must not hold the register's write lock. So the numbers are predicted in a read, the
  // copies stamped outside any transaction, and the write transaction only stores. If another
  // clerk took a predicted number meanwhile, the transaction rolls back (no number is used:
  // numbering stays gapless, and the letter is registered all or nothing) and the copies are
  // stamped again. On the last try, a stale copy is dropped: the letter is stored with its
  // original, then stamped with the issued number and the copy stored in a second short
  // transaction (stamp_late), so busy registers never make a clerk wait on a stamp.
  constexpr int kTries = 3;
  std::vector<Issued> out;
  std::vector<std::pair<std::size_t, Entry>> late;
  for (int attempt = 1;; ++attempt) {
    std::string office;
    std::vector<Entry> predicted = predict_numbers(entries, now, office);
    for (std::size_t i = 0; i < rs.size(); ++i)
      if (rs[i].file) stamp_copy(files[i], predicted[i], office);
    try {
      store_.write(actor.id, [&] {
        out.clear();
        late.clear();
        std::map<std::string, int> years;
        for (std::size_t i = 0; i < entries.size(); ++i) {
          Entry e = entries[i];
          auto y = years.find(e.register_code);
          if (y == years.end()) y = years.emplace(e.register_code, numbering_year(now, store_.year_start_month(e.register_code))).first;
          e.year = y->second;
          if (int days = store_.urgency_due_days(e.urgency); days > 0) e.due = iso(add_days(local_date(now), days));
          Entry stored = store_.insert_entry(e);
          StageEvent ev;
          ev.entry_id = stored.id;
          ev.action = "receive";
          ev.to = Stage::Received;
          ev.actor = actor.id;
          ev.at = now;
          store_.add_stage_event(ev);
          if (rs[i].file) {
            IncomingFile& f = files[i];
            const bool stale = f.stamped && (f.stamped_number != stored.number || f.stamped_year != stored.year);
            if (stale && attempt < kTries) throw StalePrediction{};
            if (stale) {
              f.stamped.reset();
              late.emplace_back(i, stored);
            }
            attach_file(actor, stored, f, now);
            // Noted with the letter, so a process that dies before stamp_late stores the copy
            // leaves the missing stamp said in the register (restamp draws it).
            if (stale) store_.add_attachment_note(stored.id, "original", kStampPendingNote);
          }
          out.push_back(Issued{stored.register_code, stored.year, stored.number, stored.id, {},
                               rs[i].file ? intake_warnings(files[i]) : std::vector<std::string>{}});
        }
      });
      if (!late.empty()) stamp_late(actor, late, files, out, now);
      return out;
    } catch (const StalePrediction&) {
      continue;
    }
  }
}

// Stamps letters already registered with the numbers they were issued, outside any transaction,
// then stores the copies (or why there is none) in a second short one, resolving each original's
// pending note there. The letters stay registered whatever happens here; what fails is reported
// as a warning, and the note stays pending for `restamp`.
void Registry::stamp_late(const User& actor, const std::vector<std::pair<std::size_t, Entry>>& late,
                          std::vector<IncomingFile>& files, std::vector<Issued>& out, std::int64_t now) {
  const std::string office_name = office().name;
  for (const auto& [i, e] : late) stamp_copy(files[i], e, office_name);
  try {
    store_.write(actor.id, [&] {
      for (const auto& [i, e] : late) {
        const IncomingFile& f = files[i];
        // Another clerk's restamp, seeing the pending note, may have stored a copy meanwhile.
        const auto stored = store_.attachments(e.id);
        if (std::any_of(stored.begin(), stored.end(), [](const Attachment& a) { return a.kind == "stamped"; })) continue;
        if (f.stamped) {
          store_stamped(actor, e, f, now);
          store_.set_attachment_note(e.id, "original", kStampedLateNote);
        } else if (!f.stamp_problem.empty()) {
          store_.set_attachment_note(e.id, "original", no_stamped_copy_note(f.stamp_problem));
        }
        if (f.stamped && f.stamped_repaired) store_.add_attachment_note(e.id, "stamped", kRepairedNote);
      }
    });
  } catch (const Error& err) {
    for (const auto& [i, e] : late)
      out[i].warnings.push_back("the stamped copy of '" + files[i].name + "' was not stored (" + err.message() +
                                "); the original is noted \"" + kStampPendingNote + "\" until saraban restamp " +
                                entry_address(e) + " draws it");
    return;
  }
  for (const auto& [i, e] : late)
    if (!files[i].stamp_problem.empty())
      out[i].warnings.push_back("no stamped copy of '" + files[i].name + "': " + files[i].stamp_problem);
}

Issued Registry::receive(const User& actor, const ReceiveRequest& r) { return receive_batch(actor, {r}).front(); }

// ------------------------------------------------------------------ the journey

void Registry::assign(const User& actor, std::int64_t id, const std::string& assignee,
                      const std::optional<std::string>& due, const std::string& note) {
  std::optional<std::string> due_iso;
  if (due) due_iso = iso(parse_date(*due, "--due"));
  check_text(note, "--note");
  store_.write(actor.id, [&] {
    Entry e = visible_entry(actor, id);
    require_role(actor, "assign", {Role::Director});
    require_stage(e, "assign", {Stage::Received, Stage::Assigned});
    auto u = store_.user_by_name(assignee);
    if (!u) throw Error(ErrorCode::NotFound, "unknown user", assignee);
    require_assignable(*u, e.secrecy, "--to");
    e.assignee = u->id;
    if (due_iso) e.due = due_iso;
    record(actor, e, "assign", Stage::Assigned, note.empty() ? "to " + assignee : "to " + assignee + ": " + note);
  });
}

int Registry::draft(const User& actor, std::int64_t id, const std::string& letter_json) {
  check_json_depth(letter_json, "--letter");
  auto j = nlohmann::json::parse(letter_json, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    throw Error(ErrorCode::InvalidInput, "the letter is not a JSON object", "--letter");
  const Secrecy level = letter_secrecy(j);
  if (above(level, actor.clearance))
    throw Error(ErrorCode::PermissionDenied,
                "user '" + actor.name + "' is not cleared for " + secrecy_name(level) +
                    " and cannot draft a letter at that level",
                "--letter");
  // A draft that could never be rendered is refused now, not at sign or dispatch.
  if (letter_validator_) letter_validator_(letter_json);
  int version = 0;
  store_.write(actor.id, [&] {
    Entry e = visible_entry(actor, id);
    require_role(actor, "draft", {Role::Officer});
    require_stage(e, "draft", {Stage::Assigned, Stage::Drafted, Stage::Returned});
    if (actor.role == Role::Officer && e.assignee && *e.assignee != actor.id)
      throw Error(ErrorCode::PermissionDenied, "entry " + std::to_string(id) + " is assigned to '" +
                                                   user_name(*e.assignee) + "', not to '" + actor.name + "'",
                  "draft");
    // A secret reply makes its thread secret: the entry is raised to the letter's level.
    if (above(level, e.secrecy)) e.secrecy = level;
    version = store_.add_letter(e.id, j.dump(), actor.id, env_.now());
    record(actor, e, "draft", Stage::Drafted, "version " + std::to_string(version));
  });
  return version;
}

void Registry::review(const User& actor, std::int64_t id, bool approve, const std::string& note) {
  store_.write(actor.id, [&] {
    Entry e = visible_entry(actor, id);
    require_role(actor, "review", {Role::Director});
    require_stage(e, "review", {Stage::Drafted});
    if (!approve && note.empty()) throw Error(ErrorCode::InvalidInput, "a returned draft needs a note saying why", "--note");
    check_text(note, "--note");
    record(actor, e, approve ? "approve" : "return", approve ? Stage::Approved : Stage::Returned, note);
  });
}

void Registry::sign(const User& actor, std::int64_t id, const std::string& note) {
  store_.write(actor.id, [&] {
    Entry e = visible_entry(actor, id);
    require_role(actor, "sign", {Role::Signer});
    require_stage(e, "sign", {Stage::Approved});
    check_text(note, "--note");
    record(actor, e, "sign", Stage::Signed, note);
  });
}

Issued Registry::dispatch(const User& actor, std::int64_t id, const std::string& via) {
  check_text(via, "--via");
  Issued out;
  store_.write(actor.id, [&] {
    Entry e = visible_entry(actor, id);
    require_role(actor, "dispatch", {Role::Clerk});
    require_stage(e, "dispatch", {Stage::Signed});
    std::int64_t now = env_.now();
    Office office = store_.office();
    auto letter = store_.latest_letter(e.id);
    if (letter) check_json_depth(letter->body, "the reply draft of " + entry_label(e));
    nlohmann::json body = letter ? nlohmann::json::parse(letter->body, nullptr, false) : nlohmann::json::object();
    if (body.is_discarded() || !body.is_object()) body = nlohmann::json::object();
    // The letter's own secrecy decides its register, whatever the entry it answers.
    const Secrecy level = std::max(e.secrecy, letter_secrecy(body));
    if (above(level, actor.clearance))
      throw Error(ErrorCode::PermissionDenied,
                  "user '" + actor.name + "' is not cleared for " + secrecy_name(level) +
                      " and cannot dispatch a letter at that level",
                  "dispatch");

    Entry send;
    send.register_code = level != Secrecy::None ? "secret" : "send";
    send.year = numbering_year(now, store_.year_start_month(send.register_code));
    send.registered_at = now;
    send.dated = iso(local_date(now));
    send.sender = office.name;
    send.recipient = body.contains("to") && body["to"].is_string() ? body["to"].get<std::string>() : e.sender;
    send.subject = body.contains("subject") && body["subject"].is_string() ? body["subject"].get<std::string>() : e.subject;
    send.urgency = e.urgency;
    send.secrecy = level;
    send.stage = Stage::Issued;
    send.via = via;
    send.origin_id = e.id;
    send.created_by = actor.id;
    send.number = store_.last_number(send.register_code, send.year) + 1;
    // ที่: the office prefix, a slash, the send number (Thai digits, as offices write it).
    send.ref = (office.prefix.empty() ? std::string() : office.prefix + "/") +
               text::convert_digits(std::to_string(send.number), text::DigitStyle::Thai);
    send = store_.insert_entry(send);
    if (letter) {
      body["ref"] = send.ref;
      store_.add_letter(e.id, body.dump(), actor.id, now);
    }
    e.reply_id = send.id;
    e.via = via;
    record(actor, e, "dispatch", Stage::Dispatched,
           "send " + std::to_string(send.year) + "/" + std::to_string(send.number) + (via.empty() ? "" : " via " + via));
    out = Issued{send.register_code, send.year, send.number, send.id, send.ref, {}};
  });
  return out;
}

void Registry::file(const User& actor, std::int64_t id, int keep_years) {
  if (keep_years < 1 || keep_years > 100)
    throw Error(ErrorCode::InvalidInput, "keep between 1 and 100 years (at least 10 in principle)", "--keep-years");
  store_.write(actor.id, [&] {
    Entry e = visible_entry(actor, id);
    require_role(actor, "file", {Role::Clerk});
    require_stage(e, "file", {Stage::Dispatched, Stage::Closed, Stage::Issued});
    e.keep_until = local_date(env_.now()).year + text::kBuddhistEraOffset + keep_years;
    record(actor, e, "file", Stage::Filed, "keep until " + std::to_string(*e.keep_until));
  });
}

void Registry::close(const User& actor, std::int64_t id, const std::string& note) {
  require_text(note, "--note");
  store_.write(actor.id, [&] {
    Entry e = visible_entry(actor, id);
    require_role(actor, "close", {Role::Director});
    require_stage(e, "close", {Stage::Received, Stage::Assigned, Stage::Drafted, Stage::Returned});
    record(actor, e, "close", Stage::Closed, note);
  });
}

void Registry::cancel(const User& actor, std::int64_t id, const std::string& note) {
  require_text(note, "--note");
  store_.write(actor.id, [&] {
    Entry e = visible_entry(actor, id);
    require_role(actor, "cancel", {Role::Clerk});
    require_stage(e, "cancel", {Stage::Received, Stage::Assigned, Stage::Drafted, Stage::Returned, Stage::Approved,
                                Stage::Signed, Stage::Issued, Stage::Closed});
    // The number stays in the register, marked cancelled; it is never issued again.
    e.cancelled = true;
    e.remarks = e.remarks.empty() ? "ยกเลิก: " + note : e.remarks + "; ยกเลิก: " + note;
    record(actor, e, "cancel", Stage::Cancelled, note);
    reopen_origin(actor, e);
  });
}

// A cancelled reply no longer answers its letter: the letter goes back to its officer for a
// new reply (its history keeps the cancelled one).
void Registry::reopen_origin(const User& actor, const Entry& reply) {
  if (!reply.origin_id) return;
  auto origin = store_.entry(*reply.origin_id);
  if (!origin || origin->cancelled || origin->reply_id != reply.id) return;
  origin->reply_id.reset();
  record(actor, *origin, "reopen", Stage::Assigned,
         "reply " + reply.register_code + " " + std::to_string(reply.year) + "/" + std::to_string(reply.number) +
             " cancelled");
}

// ------------------------------------------------------------------ reading

EntryDetails Registry::show(const User& actor, std::int64_t id, const char* command) {
  EntryDetails d;
  store_.read([&] {
    d.entry = visible_entry(actor, id);
    if (d.entry.assignee)
      if (auto u = store_.user_by_id(*d.entry.assignee)) d.assignee_name = u->name;
    d.events = store_.stage_events(id);
    d.attachments = store_.attachments(id);
    d.letter = store_.latest_letter(id);
  });
  log_reads(actor, {d.entry}, command);
  return d;
}

std::pair<Attachment, std::vector<std::uint8_t>> Registry::attachment(const User& actor, std::int64_t id,
                                                                    const std::string& kind) {
  std::pair<Attachment, std::vector<std::uint8_t>> out;
  Entry e;
  bool found = false;
  store_.read([&] {
    e = visible_entry(actor, id);
    for (const auto& a : store_.attachments(id))
      if (a.kind == kind) {
        out.first = a;
        found = true;
      }
    if (found) out.second = store_.attachment_bytes(out.first.sha256);
  });
  if (!found) throw Error(ErrorCode::NotFound, "entry " + std::to_string(id) + " has no " + kind + " attachment");
  log_reads(actor, {e}, "attachment");
  return out;
}

std::vector<StageEvent> Registry::history(const User& actor, std::int64_t id) {
  std::vector<StageEvent> ev;
  Entry e;
  store_.read([&] {
    e = visible_entry(actor, id);
    ev = store_.stage_events(id);
  });
  log_reads(actor, {e}, "history");
  return ev;
}

std::vector<Entry> Registry::list(const User& actor, const EntryFilter& f, std::int64_t* total) {
  std::vector<Entry> out;
  store_.read([&] {
    out = store_.list(f, actor.clearance);
    if (total) {  // the whole list's count, whichever page this is
      EntryFilter all = f;
      all.before.reset();
      *total = (f.limit || f.offset || f.before) ? store_.count(all, actor.clearance) : static_cast<std::int64_t>(out.size());
    }
  });
  log_reads(actor, out, "list");
  return out;
}

std::vector<Entry> Registry::search(const User& actor, const std::string& query, const EntryFilter& f) {
  if (fts_phrase_query(query).empty()) throw Error(ErrorCode::InvalidInput, "nothing to search for in the query", query);
  std::vector<Entry> out;
  store_.read([&] { out = store_.search(query, f, actor.clearance); });
  log_reads(actor, out, "search");
  return out;
}

std::string Registry::export_csv(const User& actor, const EntryFilter& f) {
  std::vector<Entry> entries;
  std::string out;
  store_.read([&] {
    entries = store_.list(f, actor.clearance);
    out = entries_to_csv(store_, entries, actor.clearance);
  });
  log_reads(actor, entries, "export");
  return out;
}

ImportResult Registry::import_csv(const User& actor, const std::string& text, std::size_t chunk) {
  require_role(actor, "import", {Role::Clerk});
  return import_entries_csv(store_, env_, actor, text, chunk);
}

VerifyReport Registry::verify(const User& actor) {
  VerifyReport all = store_.verify();
  // Each reader sees exactly the problems in what their clearance covers; the rest are only
  // counted. Totals count hidden rows too, so only the highest clearance sees them.
  VerifyReport r;
  r.ok = all.ok;
  r.notes = all.notes;  // what verify could not vouch for names no entry; pending stamps are added below
  if (actor.clearance == Secrecy::TopSecret) {
    r.audit_rows = all.audit_rows;
    r.rows_checked = all.rows_checked;
    r.attachments_checked = all.attachments_checked;
  }
  std::int64_t hidden = 0;
  std::vector<Entry> secret_named;
  store_.read([&] {
    for (std::size_t i = 0; i < all.problems.size(); ++i) {
      ProblemScope scope = i < all.scopes.size() ? all.scopes[i] : ProblemScope{0, Secrecy::TopSecret};
      if (above(scope.secrecy, actor.clearance)) {
        ++hidden;
        continue;
      }
      r.problems.push_back(all.problems[i]);
      r.scopes.push_back(scope);
      if (scope.secrecy != Secrecy::None && scope.entry_id)
        if (auto e = store_.entry(scope.entry_id)) secret_named.push_back(*e);
    }
    note_pending_stamps(actor, r, secret_named);
  });
  if (hidden > 0) {
    r.problems.push_back(std::to_string(hidden) + (hidden == 1 ? " problem" : " problems") +
                         " in entries above your clearance (a user cleared for them can see where)");
    r.scopes.push_back(ProblemScope{});
  }
  log_reads(actor, secret_named, "verify");
  return r;
}

std::int64_t Registry::reanchor(const User& actor) {
  require_role(actor, "verify --reanchor", {Role::Admin});
  return store_.reanchor();
}

void Registry::reindex(const User& actor) {
  require_role(actor, "reindex", {Role::Admin});
  store_.reindex();
}

void Registry::backup(const User& actor, const std::string& destination) {
  require_role(actor, "backup", {Role::Admin});
  require_backup_clearance(actor);
  FileAccess access = file_access();  // an office group the system lost refuses before copying
  store_.backup(destination);
  apply_file_access(destination, access);
  log_backup(actor);
}

std::vector<AccessRecord> Registry::access_log(const User& actor, std::optional<std::int64_t> entry_id) {
  std::vector<AccessRecord> out;
  store_.read([&] {
    if (entry_id) visible_entry(actor, *entry_id);
    for (auto& a : store_.access_log(entry_id)) {
      auto e = store_.entry(a.entry_id);
      if (e && static_cast<int>(e->secrecy) <= static_cast<int>(actor.clearance)) out.push_back(std::move(a));
    }
  });
  return out;
}

}  // namespace saraban::registry
