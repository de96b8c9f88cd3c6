#include "registry/sqlite_store.h"

#include <sys/stat.h>
#include <unistd.h>

#include <map>
#include <nlohmann/json.hpp>
#include <variant>

#include "base/error.h"
#include "registry/file_access.h"
#include "registry/entry_ids.h"
#include "registry/problem_scope.h"
#include "registry/schema.h"
#include "registry/sha256.h"

namespace saraban::registry {
namespace {

using json = nlohmann::json;

constexpr const char* kEntryColumns =
    "id, register, year, number, registered_at, ref, dated, sender, recipient, subject, urgency, secrecy, "
    "stage, assignee, due, via, remarks, cancelled, origin_id, reply_id, keep_until, created_by";

Entry read_entry(const sql::Statement& s, int c = 0) {
  Entry e;
  e.id = s.integer(c + 0);
  e.register_code = s.text(c + 1);
  e.year = static_cast<int>(s.integer(c + 2));
  e.number = s.integer(c + 3);
  e.registered_at = s.integer(c + 4);
  e.ref = s.text(c + 5);
  e.dated = s.optional_text(c + 6);
  e.sender = s.text(c + 7);
  e.recipient = s.text(c + 8);
  e.subject = s.text(c + 9);
  e.urgency = static_cast<Urgency>(s.integer(c + 10));
  e.secrecy = static_cast<Secrecy>(s.integer(c + 11));
  e.stage = parse_stage(s.text(c + 12));
  e.assignee = s.optional_integer(c + 13);
  e.due = s.optional_text(c + 14);
  e.via = s.text(c + 15);
  e.remarks = s.text(c + 16);
  e.cancelled = s.integer(c + 17) != 0;
  e.origin_id = s.optional_integer(c + 18);
  e.reply_id = s.optional_integer(c + 19);
  if (auto k = s.optional_integer(c + 20)) e.keep_until = static_cast<int>(*k);
  e.created_by = s.integer(c + 21);
  return e;
}

User read_user(const sql::Statement& s) {
  User u;
  u.id = s.integer(0);
  u.name = s.text(1);
  u.role = parse_role(s.text(2));
  u.clearance = static_cast<Secrecy>(s.integer(3));
  return u;
}

std::string chain_hash(const std::string& prev, std::int64_t seq, std::int64_t at, std::optional<std::int64_t> actor,
                       const std::string& action, const std::string& tbl, std::int64_t row_id,
                       const std::string& data) {
  std::string s;
  s.reserve(prev.size() + data.size() + 64);
  s += prev;
  s += '\n';
  s += std::to_string(seq);
  s += '\n';
  s += std::to_string(at);
  s += '\n';
  s += actor ? std::to_string(*actor) : std::string("-");
  s += '\n';
  s += action;
  s += '\n';
  s += tbl;
  s += '\n';
  s += std::to_string(row_id);
  s += '\n';
  s += data;
  return sha256_hex(s);
}

// A row as canonical JSON: every column by name (sorted), integers as numbers, text as
// strings, blobs as the SHA-256 of their bytes.
std::string canonical_of_current_row(const sql::Statement& s) {
  json o = json::object();
  for (int i = 0; i < s.columns(); ++i) {
    const char* name = sqlite3_column_name(s.get(), i);
    switch (sqlite3_column_type(s.get(), i)) {
      case SQLITE_NULL: o[name] = nullptr; break;
      case SQLITE_INTEGER: o[name] = s.integer(i); break;
      case SQLITE_FLOAT: o[name] = sqlite3_column_double(s.get(), i); break;
      case SQLITE_BLOB: {
        auto p = static_cast<const std::uint8_t*>(sqlite3_column_blob(s.get(), i));
        auto n = static_cast<std::size_t>(sqlite3_column_bytes(s.get(), i));
        o[name] = "sha256:" + sha256_hex(std::span<const std::uint8_t>(p, n));
        break;
      }
      default: o[name] = s.text(i); break;
    }
  }
  return o.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Filters as SQL over alias e, with their bound values.
struct Where {
  std::string sql;
  std::vector<std::variant<std::int64_t, std::string>> values;
  void add(const std::string& cond, std::variant<std::int64_t, std::string> v) {
    sql += " AND " + cond;
    values.push_back(std::move(v));
  }
  void bind(sql::Statement& s, int first) const {
    int i = first;
    for (const auto& v : values) {
      if (std::holds_alternative<std::int64_t>(v)) s.bind(i++, std::get<std::int64_t>(v));
      else s.bind(i++, std::get<std::string>(v));
    }
  }
};

Where where_of(const EntryFilter& f, Secrecy clearance) {
  Where w;
  w.sql = "e.secrecy <= ?";
  w.values.push_back(static_cast<std::int64_t>(clearance));
  if (f.register_code) w.add("e.register = ?", *f.register_code);
  if (f.year) w.add("e.year = ?", static_cast<std::int64_t>(*f.year));
  if (f.number_from) w.add("e.number >= ?", *f.number_from);
  if (f.number_to) w.add("e.number <= ?", *f.number_to);
  if (f.registered_from) w.add("e.registered_at >= ?", *f.registered_from);
  if (f.registered_to) w.add("e.registered_at < ?", *f.registered_to);
  if (f.sender) w.add("instr(e.sender, ?) > 0", *f.sender);
  if (f.stage) w.add("e.stage = ?", std::string(stage_name(*f.stage)));
  if (f.assignee) w.add("e.assignee = ?", *f.assignee);
  if (f.urgency) w.add("e.urgency = ?", static_cast<std::int64_t>(*f.urgency));
  return w;
}

std::string entry_columns_with(const char* alias) {
  std::string out, col;
  std::string cols = kEntryColumns;
  std::size_t i = 0;
  while (i < cols.size()) {
    std::size_t j = cols.find(',', i);
    if (j == std::string::npos) j = cols.size();
    col = cols.substr(i, j - i);
    while (!col.empty() && col.front() == ' ') col.erase(col.begin());
    if (!out.empty()) out += ", ";
    out += std::string(alias) + "." + col;
    i = j + 1;
  }
  return out;
}

}  // namespace

SqliteRegisterStore::SqliteRegisterStore(const std::string& path, bool create, const Environment& env)
    : conn_(path, create), env_(env) {}

std::unique_ptr<SqliteRegisterStore> SqliteRegisterStore::create(const std::string& path, const Environment& env) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && st.st_size > 0)
    throw Error(ErrorCode::InvalidInput, "a file is already there; a register is never created over one", path);
  PrivateUmask owner_only;  // the register 0600; SQLite gives its -wal and -shm the same mode
  std::unique_ptr<SqliteRegisterStore> s(new SqliteRegisterStore(path, true, env));
  s->conn_.exec("PRAGMA journal_mode = WAL");
  s->write(0, [&] {
    s->conn_.exec(embedded_schema());
    s->conn_.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
    s->conn_.prepare("INSERT INTO users(name, role, clearance, created_at) VALUES ('admin', 'admin', 0, ?)")
        .bind(1, s->now_)
        .run();
    s->audit_all_rows();
  });
  return s;
}

std::unique_ptr<SqliteRegisterStore> SqliteRegisterStore::open(const std::string& path, const Environment& env) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || st.st_size == 0)
    throw Error(ErrorCode::NotFound, "no register here (create one with: saraban --db " + path + " init)", path);
  PrivateUmask owner_only;  // a -wal or -shm made now is never more open than the register
  std::unique_ptr<SqliteRegisterStore> s(new SqliteRegisterStore(path, false, env));
  if (s->conn_.pragma_int("application_id") != kApplicationId)
    throw Error(ErrorCode::DatabaseError, "not a Saraban register (application_id differs)", path);
  int v = s->conn_.pragma_int("user_version");
  if (v > kSchemaVersion)
    throw Error(ErrorCode::DatabaseError,
                "the register is at schema version " + std::to_string(v) + ", newer than this saraban (" +
                    std::to_string(kSchemaVersion) + ")",
                path);
  if (v < kSchemaVersion) s->migrate();
  return s;
}

void SqliteRegisterStore::migrate() {
  write(0, [&] {
    int v = conn_.pragma_int("user_version");  // re-read under the write lock
    for (const auto& m : embedded_migrations()) {
      int target = std::stoi(std::string(m.name.substr(0, 4)));
      if (target <= v) continue;
      conn_.exec(m.sql);
      conn_.exec("PRAGMA user_version = " + std::to_string(target));
      v = target;
    }
    if (v != kSchemaVersion)
      throw Error(ErrorCode::DatabaseError, "no migration reaches schema version " + std::to_string(kSchemaVersion));
  });
}

void SqliteRegisterStore::write(std::int64_t actor, const std::function<void()>& body) {
  if (write_depth_ > 0) {
    body();
    return;
  }
  if (read_depth_ > 0) throw Error(ErrorCode::Internal, "a write inside a read transaction");
  sql::WriteTransaction tx(conn_);
  write_depth_ = 1;
  struct Reset {
    int& d;
    ~Reset() { d = 0; }
  } reset{write_depth_};
  actor_ = actor;
  now_ = env_.now();
  head_seq_ = 0;
  head_hash_.clear();
  // The schema may not exist yet (create); then the chain starts empty.
  if (conn_.pragma_int("user_version") > 0) {
    auto& s = conn_.cached("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (s.step()) {
      head_seq_ = s.integer(0);
      head_hash_ = s.text(1);
    }
    s.reset();
  }
  body();
  tx.commit();
}

void SqliteRegisterStore::read(const std::function<void()>& body) {
  if (write_depth_ > 0 || read_depth_ > 0) {
    body();
    return;
  }
  conn_.exec("BEGIN");
  read_depth_ = 1;
  try {
    body();
  } catch (...) {
    read_depth_ = 0;
    sqlite3_exec(conn_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  read_depth_ = 0;
  conn_.exec("COMMIT");
}

void SqliteRegisterStore::require_write(const char* what) const {
  if (write_depth_ == 0) throw Error(ErrorCode::Internal, "a change outside a write transaction", what);
}

std::string SqliteRegisterStore::canonical_row(const std::string& tbl, std::int64_t id) {
  auto& s = conn_.cached("SELECT * FROM " + tbl + " WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) throw Error(ErrorCode::Internal, "audited row vanished", tbl + " " + std::to_string(id));
  std::string out = canonical_of_current_row(s);
  s.reset();
  return out;
}

void SqliteRegisterStore::audit(const char* tbl, std::int64_t id, const char* action) {
  require_write("audit");
  std::string data = canonical_row(tbl, id);
  std::int64_t seq = head_seq_ + 1;
  std::optional<std::int64_t> actor;
  if (actor_ > 0) actor = actor_;
  std::string h = chain_hash(head_hash_, seq, now_, actor, action, tbl, id, data);
  auto& s = conn_.cached(
      "INSERT INTO audit_log(seq, at, actor, action, tbl, row_id, row_data, prev_hash, hash) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  s.bind(1, seq).bind(2, now_).bind(3, actor).bind(4, action).bind(5, tbl).bind(6, id).bind(7, data)
      .bind(8, head_hash_).bind(9, h);
  s.run();
  head_seq_ = seq;
  head_hash_ = std::move(h);
}

void SqliteRegisterStore::audit_all_rows() {
  for (const char* t : kCanonicalTables) {
    std::vector<std::int64_t> ids;
    auto s = conn_.prepare(std::string("SELECT id FROM ") + t + " ORDER BY id");
    while (s.step()) ids.push_back(s.integer(0));
    for (auto id : ids) audit(t, id, "insert");
  }
}

// ------------------------------------------------------------------ people, configuration

std::optional<User> SqliteRegisterStore::user_by_name(const std::string& name) {
  auto& s = conn_.cached("SELECT id, name, role, clearance FROM users WHERE name = ?1");
  s.bind(1, name);
  std::optional<User> u;
  if (s.step()) u = read_user(s);
  s.reset();
  return u;
}

std::optional<User> SqliteRegisterStore::user_by_id(std::int64_t id) {
  auto& s = conn_.cached("SELECT id, name, role, clearance FROM users WHERE id = ?1");
  s.bind(1, id);
  std::optional<User> u;
  if (s.step()) u = read_user(s);
  s.reset();
  return u;
}

User SqliteRegisterStore::add_user(const std::string& name, Role role, Secrecy clearance, std::int64_t now) {
  require_write("add_user");
  if (user_by_name(name)) throw Error(ErrorCode::InvalidInput, "a user of that name already exists", name);
  conn_.prepare("INSERT INTO users(name, role, clearance, created_at) VALUES (?1, ?2, ?3, ?4)")
      .bind(1, name)
      .bind(2, role_name(role))
      .bind(3, static_cast<int>(clearance))
      .bind(4, now)
      .run();
  std::int64_t id = conn_.last_insert_rowid();
  audit("users", id, "insert");
  return *user_by_id(id);
}

Office SqliteRegisterStore::office() {
  auto s = conn_.prepare("SELECT name, prefix, year_start_month FROM offices WHERE id = 1");
  Office o;
  if (s.step()) {
    o.name = s.text(0);
    o.prefix = s.text(1);
    o.year_start_month = static_cast<int>(s.integer(2));
  }
  return o;
}

void SqliteRegisterStore::set_office(const Office& o) {
  require_write("set_office");
  conn_.prepare("UPDATE offices SET name = ?1, prefix = ?2, year_start_month = ?3 WHERE id = 1")
      .bind(1, o.name)
      .bind(2, o.prefix)
      .bind(3, o.year_start_month)
      .run();
  audit("offices", 1, "update");
  for (auto r : kRegisters) set_year_start_month(std::string(r), o.year_start_month);
}

int SqliteRegisterStore::year_start_month(const std::string& code) {
  auto& s = conn_.cached("SELECT year_start_month FROM registers WHERE code = ?1");
  s.bind(1, code);
  if (!s.step()) throw Error(ErrorCode::NotFound, "no such register", code);
  int m = static_cast<int>(s.integer(0));
  s.reset();
  return m;
}

void SqliteRegisterStore::set_year_start_month(const std::string& code, int month) {
  require_write("set_year_start_month");
  auto s = conn_.prepare("SELECT id, year_start_month FROM registers WHERE code = ?1");
  s.bind(1, code);
  if (!s.step()) throw Error(ErrorCode::NotFound, "no such register", code);
  std::int64_t id = s.integer(0);
  if (s.integer(1) == month) return;
  conn_.prepare("UPDATE registers SET year_start_month = ?1 WHERE id = ?2").bind(1, month).bind(2, id).run();
  audit("registers", id, "update");
}

int SqliteRegisterStore::urgency_due_days(Urgency u) {
  auto& s = conn_.cached("SELECT due_days FROM urgencies WHERE id = ?1");
  s.bind(1, static_cast<int>(u));
  int d = s.step() ? static_cast<int>(s.integer(0)) : 0;
  s.reset();
  return d;
}

// ------------------------------------------------------------------ entries

std::int64_t SqliteRegisterStore::last_number(const std::string& code, int year) {
  auto& s = conn_.cached("SELECT COALESCE(MAX(number), 0) FROM entries WHERE register = ?1 AND year = ?2");
  s.bind(1, code).bind(2, year);
  s.step();
  std::int64_t n = s.integer(0);
  s.reset();
  return n;
}

bool SqliteRegisterStore::number_taken(const std::string& code, int year, std::int64_t number) {
  auto& s = conn_.cached("SELECT 1 FROM entries WHERE register = ?1 AND year = ?2 AND number = ?3");
  s.bind(1, code).bind(2, year).bind(3, number);
  bool t = s.step();
  s.reset();
  return t;
}

Entry SqliteRegisterStore::insert_entry(Entry e) {
  require_write("insert_entry");
  // The number is issued here, under the BEGIN IMMEDIATE lock that also covers the insert:
  // no other writer can read the same MAX in between. UNIQUE(register, year, number) backs it.
  if (e.number == 0) e.number = last_number(e.register_code, e.year) + 1;
  auto& s = conn_.cached(
      "INSERT INTO entries(register, year, number, registered_at, ref, dated, sender, recipient, subject, urgency, "
      "secrecy, stage, assignee, due, via, remarks, cancelled, origin_id, reply_id, keep_until, created_by, id) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)");
  s.bind(1, e.register_code).bind(2, e.year).bind(3, e.number).bind(4, e.registered_at).bind(5, e.ref);
  s.bind(6, e.dated).bind(7, e.sender).bind(8, e.recipient).bind(9, e.subject);
  s.bind(10, static_cast<int>(e.urgency)).bind(11, static_cast<int>(e.secrecy)).bind(12, stage_name(e.stage));
  s.bind(13, e.assignee).bind(14, e.due).bind(15, e.via).bind(16, e.remarks).bind(17, e.cancelled ? 1 : 0);
  s.bind(18, e.origin_id).bind(19, e.reply_id);
  if (e.keep_until) s.bind(20, *e.keep_until);
  else s.bind(20, std::nullopt);
  s.bind(21, e.created_by);
  e.id = fresh_entry_id(conn_, now_);
  s.bind(22, e.id);
  s.run();
  auto& f = conn_.cached("INSERT INTO entries_fts(rowid, subject, sender, recipient, ref) VALUES (?1, ?2, ?3, ?4, ?5)");
  f.bind(1, e.id).bind(2, e.subject).bind(3, e.sender).bind(4, e.recipient).bind(5, e.ref);
  f.run();
  audit("entries", e.id, "insert");
  return e;
}

void SqliteRegisterStore::update_entry(const Entry& e) {
  require_write("update_entry");
  // Only the journey (and a secrecy raised by a secret reply) changes; what the letter says
  // (subject, sender, ...) never does, so the search index needs no update.
  auto& s = conn_.cached(
      "UPDATE entries SET stage = ?1, assignee = ?2, due = ?3, via = ?4, remarks = ?5, cancelled = ?6, "
      "reply_id = ?7, keep_until = ?8, secrecy = ?10 WHERE id = ?9");
  s.bind(1, stage_name(e.stage)).bind(2, e.assignee).bind(3, e.due).bind(4, e.via).bind(5, e.remarks);
  s.bind(6, e.cancelled ? 1 : 0).bind(7, e.reply_id);
  if (e.keep_until) s.bind(8, *e.keep_until);
  else s.bind(8, std::nullopt);
  s.bind(9, e.id).bind(10, static_cast<int>(e.secrecy));  // secrecy only rises (a secret reply)
  s.run();
  audit("entries", e.id, "update");
}

std::optional<Entry> SqliteRegisterStore::entry(std::int64_t id) {
  auto& s = conn_.cached(std::string("SELECT ") + kEntryColumns + " FROM entries WHERE id = ?1");
  s.bind(1, id);
  std::optional<Entry> e;
  if (s.step()) e = read_entry(s);
  s.reset();
  return e;
}

void SqliteRegisterStore::add_stage_event(const StageEvent& ev) {
  require_write("add_stage_event");
  auto& s = conn_.cached(
      "INSERT INTO stage_events(entry_id, action, stage_from, stage_to, actor, at, comment) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  s.bind(1, ev.entry_id).bind(2, ev.action);
  if (ev.from) s.bind(3, stage_name(*ev.from));
  else s.bind(3, std::nullopt);
  s.bind(4, stage_name(ev.to)).bind(5, ev.actor).bind(6, ev.at).bind(7, ev.comment);
  s.run();
  audit("stage_events", conn_.last_insert_rowid(), "insert");
}

std::vector<StageEvent> SqliteRegisterStore::stage_events(std::int64_t entry_id) {
  auto s = conn_.prepare(
      "SELECT s.id, s.entry_id, s.action, s.stage_from, s.stage_to, s.actor, u.name, s.at, s.comment "
      "FROM stage_events s JOIN users u ON u.id = s.actor WHERE s.entry_id = ?1 ORDER BY s.id");
  s.bind(1, entry_id);
  std::vector<StageEvent> out;
  while (s.step()) {
    StageEvent ev;
    ev.id = s.integer(0);
    ev.entry_id = s.integer(1);
    ev.action = s.text(2);
    if (!s.is_null(3)) ev.from = parse_stage(s.text(3));
    ev.to = parse_stage(s.text(4));
    ev.actor = s.integer(5);
    ev.actor_name = s.text(6);
    ev.at = s.integer(7);
    ev.comment = s.text(8);
    out.push_back(std::move(ev));
  }
  return out;
}

int SqliteRegisterStore::add_letter(std::int64_t entry_id, const std::string& body, std::int64_t actor,
                                    std::int64_t at) {
  require_write("add_letter");
  auto v = conn_.prepare("SELECT COALESCE(MAX(version), 0) + 1 FROM letters WHERE entry_id = ?1");
  v.bind(1, entry_id);
  v.step();
  int version = static_cast<int>(v.integer(0));
  conn_.prepare("INSERT INTO letters(entry_id, version, body, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
      .bind(1, entry_id)
      .bind(2, version)
      .bind(3, body)
      .bind(4, actor)
      .bind(5, at)
      .run();
  audit("letters", conn_.last_insert_rowid(), "insert");
  return version;
}

std::optional<LetterDraft> SqliteRegisterStore::latest_letter(std::int64_t entry_id) {
  auto s = conn_.prepare(
      "SELECT id, version, body, created_by, created_at FROM letters WHERE entry_id = ?1 ORDER BY version DESC "
      "LIMIT 1");
  s.bind(1, entry_id);
  if (!s.step()) return std::nullopt;
  return LetterDraft{s.integer(0), static_cast<int>(s.integer(1)), s.text(2), s.integer(3), s.integer(4)};
}

void SqliteRegisterStore::add_attachment(std::int64_t entry_id, std::span<const std::uint8_t> bytes,
                                         const std::string& name, const std::string& kind,
                                         const std::string& pdf_status, std::int64_t actor, std::int64_t at) {
  require_write("add_attachment");
  std::string hash = sha256_hex(bytes);
  auto q = conn_.prepare("SELECT id FROM attachment_blobs WHERE sha256 = ?1");
  q.bind(1, hash);
  if (!q.step()) {
    conn_.prepare("INSERT INTO attachment_blobs(sha256, size, bytes) VALUES (?1, ?2, ?3)")
        .bind(1, hash)
        .bind(2, static_cast<std::int64_t>(bytes.size()))
        .bind(3, bytes)
        .run();
    audit("attachment_blobs", conn_.last_insert_rowid(), "insert");
  }
  conn_.prepare(
           "INSERT INTO attachments(entry_id, sha256, name, kind, pdf_status, added_by, added_at) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
      .bind(1, entry_id)
      .bind(2, hash)
      .bind(3, name)
      .bind(4, kind)
      .bind(5, pdf_status)
      .bind(6, actor)
      .bind(7, at)
      .run();
  audit("attachments", conn_.last_insert_rowid(), "insert");
}

std::vector<Attachment> SqliteRegisterStore::attachments(std::int64_t entry_id) {
  auto s = conn_.prepare(
      "SELECT a.id, a.entry_id, a.sha256, a.name, a.kind, a.pdf_status, b.size FROM attachments a "
      "JOIN attachment_blobs b ON b.sha256 = a.sha256 WHERE a.entry_id = ?1 ORDER BY a.id");
  s.bind(1, entry_id);
  std::vector<Attachment> out;
  while (s.step())
    out.push_back(Attachment{s.integer(0), s.integer(1), s.text(2), s.text(3), s.text(4), s.text(5), s.integer(6)});
  return out;
}

std::vector<std::uint8_t> SqliteRegisterStore::attachment_bytes(const std::string& sha256) {
  auto s = conn_.prepare("SELECT bytes FROM attachment_blobs WHERE sha256 = ?1");
  s.bind(1, sha256);
  if (!s.step()) throw Error(ErrorCode::NotFound, "no stored attachment with this hash", sha256);
  return s.blob(0);
}

void SqliteRegisterStore::log_access(std::int64_t user, std::int64_t entry_id, const std::string& command,
                                     std::int64_t at) {
  require_write("log_access");
  auto& s = conn_.cached("INSERT INTO access_log(at, user_id, entry_id, command) VALUES (?1, ?2, ?3, ?4)");
  s.bind(1, at).bind(2, user).bind(3, entry_id).bind(4, command);
  s.run();
  audit("access_log", conn_.last_insert_rowid(), "insert");
}

std::vector<AccessRecord> SqliteRegisterStore::access_log(std::optional<std::int64_t> entry_id) {
  auto s = conn_.prepare(
      "SELECT a.at, u.name, a.entry_id, a.command FROM access_log a JOIN users u ON u.id = a.user_id "
      "WHERE ?1 IS NULL OR a.entry_id = ?1 ORDER BY a.id");
  s.bind(1, entry_id);
  std::vector<AccessRecord> out;
  while (s.step()) out.push_back(AccessRecord{s.integer(0), s.text(1), s.integer(2), s.text(3)});
  return out;
}

// ------------------------------------------------------------------ queries

std::vector<Entry> SqliteRegisterStore::list(const EntryFilter& f, Secrecy clearance) {
  Where w = where_of(f, clearance);
  std::string q = "SELECT " + entry_columns_with("e") + " FROM entries e WHERE " + w.sql +
                  " ORDER BY e.register, e.year, e.number";
  if (f.limit) q += " LIMIT " + std::to_string(f.limit);
  auto s = conn_.prepare(q);
  w.bind(s, 1);
  std::vector<Entry> out;
  while (s.step()) out.push_back(read_entry(s));
  return out;
}

std::int64_t SqliteRegisterStore::count(const EntryFilter& f, Secrecy clearance) {
  Where w = where_of(f, clearance);
  auto s = conn_.prepare("SELECT COUNT(*) FROM entries e WHERE " + w.sql);
  w.bind(s, 1);
  s.step();
  return s.integer(0);
}

std::vector<Entry> SqliteRegisterStore::search(const std::string& match, const EntryFilter& f, Secrecy clearance) {
  Where w = where_of(f, clearance);
  // Newest first, driven by the FTS index (rowid order), so a common word stops at the limit.
  std::string q = "SELECT " + entry_columns_with("e") +
                  " FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid WHERE entries_fts MATCH ?1 AND " +
                  w.sql + " ORDER BY entries_fts.rowid DESC";
  if (f.limit) q += " LIMIT " + std::to_string(f.limit);
  auto s = conn_.prepare(q);
  s.bind(1, match);
  w.bind(s, 2);
  std::vector<Entry> out;
  while (s.step()) out.push_back(read_entry(s));
  return out;
}

// ------------------------------------------------------------------ integrity

namespace {

// "entry 17 (receive 2569/5)" for an entries row, else the row plus the entry it belongs to.
std::string describe_row(sql::Connection& c, const std::string& tbl, std::int64_t id, const std::string& data) {
  auto entry_name = [&](std::int64_t eid) {
    auto s = c.prepare("SELECT register, year, number FROM entries WHERE id = ?1");
    s.bind(1, eid);
    std::string n = "entry " + std::to_string(eid);
    if (s.step()) n += " (" + s.text(0) + " " + std::to_string(s.integer(1)) + "/" + std::to_string(s.integer(2)) + ")";
    return n;
  };
  if (tbl == "entries") return entry_name(id);
  std::string what = tbl + " row " + std::to_string(id);
  auto j = json::parse(data, nullptr, false);
  if (!j.is_discarded() && j.is_object() && j.contains("entry_id") && j["entry_id"].is_number_integer())
    return entry_name(j["entry_id"].get<std::int64_t>()) + ": " + what;
  if (tbl == "attachment_blobs" && !j.is_discarded() && j.contains("sha256") && j["sha256"].is_string()) {
    auto s = c.prepare("SELECT DISTINCT entry_id FROM attachments WHERE sha256 = ?1");
    s.bind(1, j["sha256"].get<std::string>());
    std::string owners;
    while (s.step()) owners += (owners.empty() ? "" : ", ") + entry_name(s.integer(0));
    return (owners.empty() ? std::string("unattached") : owners) + ": attachment " + j["sha256"].get<std::string>();
  }
  return what;
}

std::string field_differences(const std::string& recorded, const std::string& now) {
  auto a = json::parse(recorded, nullptr, false);
  auto b = json::parse(now, nullptr, false);
  if (a.is_discarded() || b.is_discarded() || !a.is_object() || !b.is_object()) return "";
  std::string out;
  for (auto it = b.begin(); it != b.end(); ++it) {
    if (!a.contains(it.key()) || a[it.key()] != it.value()) {
      out += (out.empty() ? "" : ", ") + it.key() + " is " + it.value().dump(-1, ' ', false, json::error_handler_t::replace);
      if (a.contains(it.key()))
        out += " (recorded " + a[it.key()].dump(-1, ' ', false, json::error_handler_t::replace) + ")";
    }
  }
  return out;
}

}  // namespace

VerifyReport SqliteRegisterStore::verify() {
  VerifyReport r;
  // Each problem carries the entry it names and how secret that is (problem_scope.h), so the
  // register can show every reader exactly their share.
  auto problem = [&](std::string p, const std::string& tbl, std::int64_t id, const std::string& data) {
    r.ok = false;
    if (r.problems.size() < 50) {
      r.problems.push_back(std::move(p));
      r.scopes.push_back(problem_scope(conn_, tbl, id, data));
    }
  };
  read([&] {
    // 1. The chain itself: every row's hash from its predecessor and its own fields.
    std::map<std::pair<std::string, std::int64_t>, std::pair<std::int64_t, std::string>> latest;  // -> seq, sha(data)
    {
      auto s = conn_.prepare("SELECT seq, at, actor, action, tbl, row_id, row_data, prev_hash, hash FROM audit_log ORDER BY seq");
      std::string prev;
      std::int64_t expect_seq = 1;
      bool chain_broken = false;
      while (s.step()) {
        ++r.audit_rows;
        std::int64_t seq = s.integer(0);
        std::string tbl = s.text(4), data = s.text(6), prev_hash = s.text(7), hash = s.text(8);
        std::int64_t row_id = s.integer(5);
        if (!chain_broken) {
          std::string why;
          if (seq != expect_seq) why = "audit log entry #" + std::to_string(expect_seq) + " is missing";
          else if (prev_hash != prev) why = "audit log entry #" + std::to_string(seq) + " does not follow the one before (prev_hash altered)";
          else if (chain_hash(prev, seq, s.integer(1), s.optional_integer(2), s.text(3), tbl, row_id, data) != hash)
            why = "audit log entry #" + std::to_string(seq) + " was altered (its hash does not match its content)";
          if (!why.empty()) {
            problem(why + ": " + describe_row(conn_, tbl, row_id, data), tbl, row_id, data);
            chain_broken = true;  // everything after depends on it; name only the first
          }
        }
        prev = hash;
        expect_seq = seq + 1;
        latest[{tbl, row_id}] = {seq, sha256_hex(data)};
      }
    }
    // 2. Every canonical row against the last state the log recorded for it.
    for (const char* t : kCanonicalTables) {
      auto s = conn_.prepare(std::string("SELECT * FROM ") + t + " ORDER BY id");
      while (s.step()) {
        ++r.rows_checked;
        std::int64_t id = s.integer(0);
        std::string now = canonical_of_current_row(s);
        auto it = latest.find({t, id});
        if (it == latest.end()) {
          problem(describe_row(conn_, t, id, now) + " was added outside Saraban (no audit log entry)", t, id, now);
          continue;
        }
        if (sha256_hex(now) != it->second.second) {
          auto a = conn_.prepare("SELECT row_data FROM audit_log WHERE seq = ?1");
          a.bind(1, it->second.first);
          std::string recorded = a.step() ? a.text(0) : std::string();
          problem(describe_row(conn_, t, id, now) + " was changed outside Saraban: " + field_differences(recorded, now) +
                      " (audit log entry #" + std::to_string(it->second.first) + ")",
                  t, id, now);
        }
        latest.erase(it);
      }
    }
    for (const auto& [key, v] : latest) {
      auto a = conn_.prepare("SELECT row_data FROM audit_log WHERE seq = ?1");
      a.bind(1, v.first);
      std::string recorded = a.step() ? a.text(0) : std::string();
      problem(describe_row(conn_, key.first, key.second, recorded) + " was deleted outside Saraban (audit log entry #" +
                  std::to_string(v.first) + ")",
              key.first, key.second, recorded);
    }
    // 3. Attachment bytes against the hash that addresses them.
    auto b = conn_.prepare("SELECT id, sha256, bytes FROM attachment_blobs ORDER BY id");
    while (b.step()) {
      ++r.attachments_checked;
      auto bytes = b.blob(2);
      if (sha256_hex(bytes) != b.text(1)) {
        std::string data = json{{"sha256", b.text(1)}}.dump();
        problem(describe_row(conn_, "attachment_blobs", b.integer(0), data) +
                    ": the stored bytes no longer match their SHA-256",
                "attachment_blobs", b.integer(0), data);
      }
    }
  });
  return r;
}

void SqliteRegisterStore::reindex() {
  write(0, [&] { conn_.exec("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')"); });
}

void SqliteRegisterStore::backup(const std::string& destination) {
  struct stat st {};
  if (::stat(destination.c_str(), &st) == 0)
    throw Error(ErrorCode::InvalidInput, "a file is already there; backup never overwrites", destination);
  // Copy into a temporary file beside the destination, then rename: no half-written backup.
  std::string tmp = destination + ".partial";
  ::unlink(tmp.c_str());
  {
    PrivateUmask owner_only;  // the copy holds every secret entry: owner only until Registry widens it
    sql::Connection dest(tmp, true);
    sqlite3_backup* b = sqlite3_backup_init(dest.get(), "main", conn_.get(), "main");
    if (!b) sql::fail(dest.get(), sqlite3_errcode(dest.get()), destination);
    int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
      ::unlink(tmp.c_str());
      sql::fail(dest.get(), rc, destination);
    }
  }
  if (::rename(tmp.c_str(), destination.c_str()) != 0) {
    ::unlink(tmp.c_str());
    throw Error(ErrorCode::IoError, "cannot move the backup into place", destination);
  }
}

}  // namespace saraban::registry
