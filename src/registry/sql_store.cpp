#include "registry/sql_store.h"

#include <map>
#include <memory>
#include <mutex>

#include <sys/stat.h>
#include <unistd.h>

#include <map>
#include <nlohmann/json.hpp>
#include <algorithm>
#include <variant>

#include "base/error.h"
#include "registry/anchor.h"
#include "registry/entry_ids.h"
#include "registry/file_access.h"
#include "registry/chain_key.h"
#include "registry/register_files.h"
#include "registry/schema.h"
#include "registry/sha256.h"
#include "registry/thai_tokenizer.h"

namespace saraban::registry {
namespace {

// Runs an INSERT ... RETURNING id and gives the id: one round trip on PostgreSQL, where asking
// lastval() afterwards is a second (SQLite has RETURNING since 3.35).
std::int64_t inserted_id(sql::Statement& s) {
  if (!s.step()) throw Error(ErrorCode::Internal, "an insert returned no id");
  const std::int64_t id = s.integer(0);
  s.run();
  return id;
}

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

// Filters as SQL over alias e, with their bound values.
struct Where {
  std::string sql;
  std::vector<std::variant<std::int64_t, std::string>> values;
  // `cond` names its value :v, renamed :w0, :w1, ... here.
  void add(const std::string& cond, std::variant<std::int64_t, std::string> v) {
    std::string c = cond;
    c.replace(c.find(":v"), 2, name(values.size()));
    sql += (sql.empty() ? "" : " AND ") + c;
    values.push_back(std::move(v));
  }
  // `cond` names its values :v0, :v1, ... (several values in one clause).
  void add_all(std::string cond, const std::vector<std::variant<std::int64_t, std::string>>& vs) {
    for (std::size_t k = vs.size(); k-- > 0;) {  // :v10 before :v1
      const std::string from = ":v" + std::to_string(k);
      for (auto at = cond.find(from); at != std::string::npos; at = cond.find(from, at))
        cond.replace(at, from.size(), name(values.size() + k));
    }
    sql += (sql.empty() ? "" : " AND ") + cond;
    values.insert(values.end(), vs.begin(), vs.end());
  }
  static std::string name(std::size_t i) { return ":w" + std::to_string(i); }
  void bind(sql::Statement& s) const {
    for (std::size_t i = 0; i < values.size(); ++i) {
      std::string n = name(i);
      if (std::holds_alternative<std::int64_t>(values[i])) s.bind(n.c_str(), std::get<std::int64_t>(values[i]));
      else s.bind(n.c_str(), std::get<std::string>(values[i]));
    }
  }
};

Where where_of(const EntryFilter& f, Secrecy clearance, sql::Dialect dialect) {
  Where w;
  w.add("e.secrecy <= :v", static_cast<std::int64_t>(clearance));
  if (f.register_code) w.add("e.register = :v", *f.register_code);
  if (f.year) w.add("e.year = :v", static_cast<std::int64_t>(*f.year));
  if (f.number_from) w.add("e.number >= :v", *f.number_from);
  if (f.number_to) w.add("e.number <= :v", *f.number_to);
  if (f.registered_from) w.add("e.registered_at >= :v", *f.registered_from);
  if (f.registered_to) w.add("e.registered_at < :v", *f.registered_to);
  if (f.sender) w.add(dialect == sql::Dialect::Postgres ? "strpos(e.sender, :v) > 0" : "instr(e.sender, :v) > 0", *f.sender);
  if (f.stage) w.add("e.stage = :v", std::string(stage_name(*f.stage)));
  if (!f.any_stage.empty()) {  // e.stage IN (...), so the stage index serves it
    std::string in;
    std::vector<std::variant<std::int64_t, std::string>> names;
    for (Stage st : f.any_stage) {
      in += (in.empty() ? ":v" : ", :v") + std::to_string(names.size());
      names.emplace_back(std::string(stage_name(st)));
    }
    w.add_all("e.stage IN (" + in + ")", names);
  }
  if (f.before)  // a page after the one that ended at this entry (newest first)
    w.add_all("(e.registered_at < :v0 OR (e.registered_at = :v0 AND (e.number < :v1 OR (e.number = :v1 AND e.id < :v2))))",
              {f.before->registered_at, f.before->number, f.before->id});
  if (f.due_before) w.add("e.due IS NOT NULL AND e.due < :v", *f.due_before);
  if (f.assignee) w.add("e.assignee = :v", *f.assignee);
  if (f.urgency) w.add("e.urgency = :v", static_cast<std::int64_t>(*f.urgency));
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

// Writers in one process (the web server's threads) queue on a mutex before BEGIN IMMEDIATE:
// SQLite's busy handler polls with growing sleeps, which under load leaves some writers waiting
// for seconds while others pass. Other processes still queue on SQLite's own lock.
std::mutex& process_write_lock(const std::string& db) {
  static std::mutex guard;
  static std::map<std::string, std::unique_ptr<std::mutex>> locks;
  std::lock_guard lock(guard);
  auto& m = locks[db];
  if (!m) m = std::make_unique<std::mutex>();
  return *m;
}

// No limit: SQLite's LIMIT -1, PostgreSQL's LIMIT NULL.
void bind_page(sql::Statement& s, const EntryFilter& f, sql::Dialect dialect) {
  if (f.limit) s.bind(":limit", static_cast<std::int64_t>(f.limit));
  else if (dialect == sql::Dialect::Postgres) s.bind(":limit", std::nullopt);
  else s.bind(":limit", std::int64_t{-1});
  s.bind(":offset", static_cast<std::int64_t>(f.offset));
}

std::int64_t table_count(sql::Connection& c) {
  auto s = c.prepare("SELECT count(*) FROM sqlite_schema");
  return s.step() ? s.integer(0) : 0;
}

}  // namespace

SqlRegisterStore::SqlRegisterStore(const std::string& path, bool create, const Environment& env)
    : SqlRegisterStore(RegisterFiles(path), sql::open_sqlite(path, create, false), env) {}

SqlRegisterStore::SqlRegisterStore(RegisterFiles files, std::unique_ptr<sql::ConnectionBackend> conn,
                                   const Environment& env)
    : files_(std::move(files)),
      conn_(std::move(conn)),
      env_(env),
      chain_(conn_, files_),
      maintenance_(conn_, chain_, files_, env) {}

bool is_postgres_url(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

void SqlRegisterStore::init_rows(const ChainKey& key) {
  conn_.prepare("INSERT INTO users(name, role, clearance, created_at) VALUES ('admin', 'admin', 0, :now)")
      .bind(":now", now_)
      .run();
  conn_.prepare("INSERT INTO audit_key(id, keyed_from, since, key_id) VALUES (1, 1, :now, :key_id)")
      .bind(":now", now_)
      .bind(":key_id", key.id())
      .run();
  chain_.append_all_rows();
}

std::unique_ptr<SqlRegisterStore> SqlRegisterStore::create(const std::string& path, const Environment& env) {
  if (is_postgres_url(path)) return create_postgres(path, env);
  RegisterFiles files(path);
  InitLock lock(path);  // two inits at one path: the second finds the first's register
  clear_way_for_init(path);
  std::string tmp = path + ".partial";
  remove_database_files(tmp);  // left by an init that was interrupted
  ChainKey key = ChainKey::generate(1);
  Anchor head;
  PrivateUmask owner_only;  // the register 0600; SQLite gives its -wal and -shm the same mode
  {
    std::unique_ptr<SqlRegisterStore> s(new SqlRegisterStore(tmp, true, env));
    s->chain_.build_with(key);
    s->conn_.exec("PRAGMA journal_mode = WAL");
    s->write(0, [&] {
      s->conn_.exec(embedded_schema());
      s->conn_.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
      s->init_rows(key);
    });
    head = s->chain_.head();
  }  // closing the only connection checkpoints the WAL into the file and removes it
  sync_file(tmp);
  set_aside_leftovers(files, env.now());
  key.save_new(files.key);
  write_anchor(files.anchor, files.key, key, head);
  move_into_place(tmp, path);
  return open(path, env);
}

std::unique_ptr<SqlRegisterStore> SqlRegisterStore::open(const std::string& path, const Environment& env) {
  if (is_postgres_url(path)) return open_postgres(path, env);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || st.st_size == 0)
    throw Error(ErrorCode::NotFound, "no register here (create one with: saraban --db " + path + " init)", path);
  PrivateUmask owner_only;  // a -wal or -shm made now is never more open than the register
  std::unique_ptr<SqlRegisterStore> s(new SqlRegisterStore(path, false, env));
  if (s->conn_.pragma_int("application_id") != kApplicationId) {
    if (table_count(s->conn_) == 0)
      throw Error(ErrorCode::DatabaseError,
                  "an empty database, not yet a register (left by an interrupted init?); make it one with: saraban "
                  "--db " + path + " init",
                  path);
    throw Error(ErrorCode::DatabaseError, "not a Saraban register (application_id differs)", path);
  }
  int v = s->conn_.pragma_int("user_version");
  if (v > kSchemaVersion)
    throw Error(ErrorCode::DatabaseError,
                "the register is at schema version " + std::to_string(v) + ", newer than this saraban (" +
                    std::to_string(kSchemaVersion) + ")",
                path);
  if (v < kSchemaVersion) s->migrate();
  return s;
}

std::unique_ptr<SqlRegisterStore> SqlRegisterStore::open_read_only(const std::string& path, const Environment& env) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || st.st_size == 0)
    throw Error(ErrorCode::NotFound, "no register here (no such file, or an empty one)", path);
  std::unique_ptr<SqlRegisterStore> s(new SqlRegisterStore(RegisterFiles(path), sql::open_sqlite(path, false, true), env));
  if (s->conn_.pragma_int("application_id") != kApplicationId)
    throw Error(ErrorCode::DatabaseError, "not a Saraban register (application_id differs)", path);
  int v = s->conn_.pragma_int("user_version");
  if (v != kSchemaVersion)
    throw Error(ErrorCode::DatabaseError,
                "the register is at schema version " + std::to_string(v) + ", this saraban is at " +
                    std::to_string(kSchemaVersion) +
                    (v < kSchemaVersion ? " (bring it up to date first: saraban --db " + path + " verify)"
                                        : " (newer register)"),
                path);
  return s;
}

void SqlRegisterStore::migrate() {
  write(0, [&] { maintenance_.apply_migrations(); });
}

void SqlRegisterStore::write(std::int64_t actor, const std::function<void()>& body) {
  if (write_depth_ > 0) {
    body();
    return;
  }
  if (read_depth_ > 0) throw Error(ErrorCode::Internal, "a write inside a read transaction");
  // SQLite opens a file it may not write read-only without a word; say so before the key is read.
  if (conn_.read_only())
    throw Error(ErrorCode::IoError, "the register is read-only (this account may not write it); nothing was changed",
                files_.db);
  std::lock_guard in_process(process_write_lock(files_.db));
  sql::WriteTransaction tx(conn_);
  // Read under the lock: a clerk who waited for a migrate to finish changes nothing here.
  moved_to_ = conn_.postgres() ? std::nullopt : moved_to(files_);
  write_depth_ = 1;
  struct Reset {
    int& d;
    std::vector<PendingIndex>& pending;
    ~Reset() {
      d = 0;
      pending.clear();
    }
  } reset{write_depth_, pending_index_};
  now_ = env_.now();
  chain_.begin(now_, actor);
  body();
  index_pending();
  tx.commit();
  chain_.committed();
}

void SqlRegisterStore::read(const std::function<void()>& body) {
  if (write_depth_ > 0 || read_depth_ > 0) {
    body();
    return;
  }
  conn_.begin_read();
  read_depth_ = 1;
  try {
    body();
  } catch (...) {
    read_depth_ = 0;
    conn_.rollback();
    throw;
  }
  read_depth_ = 0;
  conn_.exec("COMMIT");
}

void SqlRegisterStore::require_write(const char* what) const {
  if (write_depth_ == 0) throw Error(ErrorCode::Internal, "a change outside a write transaction", what);
}

void SqlRegisterStore::audit(const char* tbl, std::int64_t id, const char* action) {
  require_write("audit");
  // A moved register still records who read its secret letters, and nothing else.
  if (moved_to_ && std::string_view(tbl) != "access_log")
    throw Error(ErrorCode::PermissionDenied,
                "this register was moved to " + *moved_to_ +
                    " (saraban migrate): work in that one; this file is kept for reading; nothing was changed",
                files_.db);
  chain_.append(tbl, id, action);
}

// ------------------------------------------------------------------ people, configuration

std::optional<User> SqlRegisterStore::user_by_name(const std::string& name) {
  auto& s = conn_.cached("SELECT id, name, role, clearance FROM users WHERE name = :name");
  s.bind(":name", name);
  std::optional<User> u;
  if (s.step()) u = read_user(s);
  s.reset();
  return u;
}

std::optional<User> SqlRegisterStore::user_by_id(std::int64_t id) {
  auto& s = conn_.cached("SELECT id, name, role, clearance FROM users WHERE id = :id");
  s.bind(":id", id);
  std::optional<User> u;
  if (s.step()) u = read_user(s);
  s.reset();
  return u;
}

User SqlRegisterStore::add_user(const std::string& name, Role role, Secrecy clearance, std::int64_t now) {
  require_write("add_user");
  if (user_by_name(name)) throw Error(ErrorCode::InvalidInput, "a user of that name already exists", name);
  conn_.prepare("INSERT INTO users(name, role, clearance, created_at) VALUES (:name, :role, :clearance, :created_at)")
      .bind(":name", name)
      .bind(":role", role_name(role))
      .bind(":clearance", static_cast<int>(clearance))
      .bind(":created_at", now)
      .run();
  std::int64_t id = conn_.last_insert_rowid();
  audit("users", id, "insert");
  return *user_by_id(id);
}

Office SqlRegisterStore::office() {
  auto s = conn_.prepare("SELECT name, prefix, year_start_month FROM offices WHERE id = 1");
  Office o;
  if (s.step()) {
    o.name = s.text(0);
    o.prefix = s.text(1);
    o.year_start_month = static_cast<int>(s.integer(2));
  }
  return o;
}

void SqlRegisterStore::set_office(const Office& o) {
  require_write("set_office");
  conn_.prepare("UPDATE offices SET name = :name, prefix = :prefix, year_start_month = :year_start_month WHERE id = 1")
      .bind(":name", o.name)
      .bind(":prefix", o.prefix)
      .bind(":year_start_month", o.year_start_month)
      .run();
  audit("offices", 1, "update");
  for (auto r : kRegisters) set_year_start_month(std::string(r), o.year_start_month);
}

int SqlRegisterStore::year_start_month(const std::string& code) {
  auto& s = conn_.cached("SELECT year_start_month FROM registers WHERE code = :code");
  s.bind(":code", code);
  if (!s.step()) throw Error(ErrorCode::NotFound, "no such register", code);
  int m = static_cast<int>(s.integer(0));
  s.reset();
  return m;
}

void SqlRegisterStore::set_year_start_month(const std::string& code, int month) {
  require_write("set_year_start_month");
  auto s = conn_.prepare("SELECT id, year_start_month FROM registers WHERE code = :code");
  s.bind(":code", code);
  if (!s.step()) throw Error(ErrorCode::NotFound, "no such register", code);
  std::int64_t id = s.integer(0);
  if (s.integer(1) == month) return;
  conn_.prepare("UPDATE registers SET year_start_month = :month WHERE id = :id").bind(":month", month).bind(":id", id).run();
  audit("registers", id, "update");
}

int SqlRegisterStore::urgency_due_days(Urgency u) {
  auto& s = conn_.cached("SELECT due_days FROM urgencies WHERE id = :id");
  s.bind(":id", static_cast<int>(u));
  int d = s.step() ? static_cast<int>(s.integer(0)) : 0;
  s.reset();
  return d;
}

// ------------------------------------------------------------------ entries

std::int64_t SqlRegisterStore::last_number(const std::string& code, int year) {
  auto& s = conn_.cached("SELECT COALESCE(MAX(number), 0) FROM entries WHERE register = :register AND year = :year");
  s.bind(":register", code).bind(":year", year);
  s.step();
  std::int64_t n = s.integer(0);
  s.reset();
  return n;
}

bool SqlRegisterStore::number_taken(const std::string& code, int year, std::int64_t number) {
  auto& s = conn_.cached("SELECT 1 FROM entries WHERE register = :register AND year = :year AND number = :number");
  s.bind(":register", code).bind(":year", year).bind(":number", number);
  bool t = s.step();
  s.reset();
  return t;
}

Entry SqlRegisterStore::insert_entry(Entry e) {
  require_write("insert_entry");
  // The number is issued here, under the BEGIN IMMEDIATE lock that also covers the insert:
  // no other writer can read the same MAX in between. UNIQUE(register, year, number) backs it.
  // On PostgreSQL writers on other machines hold the same advisory lock (sql.h), and the
  // number comes from the (register, year) counter row, locked by the update that issues it.
  if (conn_.postgres()) {
    e.number = issue_number_postgres(e.register_code, e.year, e.number);
  } else if (e.number == 0) {
    e.number = last_number(e.register_code, e.year) + 1;
  }
  auto& s = conn_.cached(
      "INSERT INTO entries(register, year, number, registered_at, ref, dated, sender, recipient, subject, urgency, "
      "secrecy, stage, assignee, due, via, remarks, cancelled, origin_id, reply_id, keep_until, created_by, id) "
      "VALUES (:register, :year, :number, :registered_at, :ref, :dated, :sender, :recipient, :subject, :urgency, "
      ":secrecy, :stage, :assignee, :due, :via, :remarks, :cancelled, :origin_id, :reply_id, :keep_until, "
      ":created_by, :id)");
  s.bind(":register", e.register_code).bind(":year", e.year).bind(":number", e.number).bind(":registered_at", e.registered_at).bind(":ref", e.ref);
  s.bind(":dated", e.dated).bind(":sender", e.sender).bind(":recipient", e.recipient).bind(":subject", e.subject);
  s.bind(":urgency", static_cast<int>(e.urgency)).bind(":secrecy", static_cast<int>(e.secrecy)).bind(":stage", stage_name(e.stage));
  s.bind(":assignee", e.assignee).bind(":due", e.due).bind(":via", e.via).bind(":remarks", e.remarks).bind(":cancelled", e.cancelled ? 1 : 0);
  s.bind(":origin_id", e.origin_id).bind(":reply_id", e.reply_id);
  if (e.keep_until) s.bind(":keep_until", *e.keep_until);
  else s.bind(":keep_until", std::nullopt);
  s.bind(":created_by", e.created_by);
  e.id = entry_ids_.next(conn_, now_);
  s.bind(":id", e.id);
  s.run();
  if (conn_.postgres()) index_postgres(e.id, e.subject, e.sender, e.recipient, e.ref);
  else pending_index_.push_back({e.id, e.subject, e.sender, e.recipient, e.ref});
  audit("entries", e.id, "insert");
  return e;
}

void SqlRegisterStore::index_pending() {
  if (pending_index_.empty()) return;
  std::sort(pending_index_.begin(), pending_index_.end(),
            [](const PendingIndex& a, const PendingIndex& b) { return a.id < b.id; });
  auto& f = conn_.cached("INSERT INTO entries_fts(rowid, subject, sender, recipient, ref) VALUES (:id, :subject, :sender, :recipient, :ref)");
  for (const PendingIndex& p : pending_index_) {
    f.bind(":id", p.id).bind(":subject", p.subject).bind(":sender", p.sender).bind(":recipient", p.recipient).bind(":ref", p.ref);
    f.run();
    f.reset();
  }
  pending_index_.clear();
}

void SqlRegisterStore::update_entry(const Entry& e) {
  require_write("update_entry");
  // Only the journey (and a secrecy raised by a secret reply) changes; what the letter says
  // (subject, sender, ...) never does, so the search index needs no update.
  auto& s = conn_.cached(
      "UPDATE entries SET stage = :stage, assignee = :assignee, due = :due, via = :via, remarks = :remarks, cancelled = :cancelled, "
      "reply_id = :reply_id, keep_until = :keep_until, secrecy = :secrecy WHERE id = :id");
  s.bind(":stage", stage_name(e.stage)).bind(":assignee", e.assignee).bind(":due", e.due).bind(":via", e.via).bind(":remarks", e.remarks);
  s.bind(":cancelled", e.cancelled ? 1 : 0).bind(":reply_id", e.reply_id);
  if (e.keep_until) s.bind(":keep_until", *e.keep_until);
  else s.bind(":keep_until", std::nullopt);
  s.bind(":id", e.id).bind(":secrecy", static_cast<int>(e.secrecy));  // secrecy only rises (a secret reply)
  s.run();
  audit("entries", e.id, "update");
}

std::optional<Entry> SqlRegisterStore::entry(std::int64_t id) {
  auto& s = conn_.cached(std::string("SELECT ") + kEntryColumns + " FROM entries WHERE id = :id");
  s.bind(":id", id);
  std::optional<Entry> e;
  if (s.step()) e = read_entry(s);
  s.reset();
  return e;
}

void SqlRegisterStore::add_stage_event(const StageEvent& ev) {
  require_write("add_stage_event");
  auto& s = conn_.cached(
      "INSERT INTO stage_events(entry_id, action, stage_from, stage_to, actor, at, comment) "
      "VALUES (:entry_id, :action, :stage_from, :stage_to, :actor, :at, :comment) RETURNING id");
  s.bind(":entry_id", ev.entry_id).bind(":action", ev.action);
  if (ev.from) s.bind(":stage_from", stage_name(*ev.from));
  else s.bind(":stage_from", std::nullopt);
  s.bind(":stage_to", stage_name(ev.to)).bind(":actor", ev.actor).bind(":at", ev.at).bind(":comment", ev.comment);
  audit("stage_events", inserted_id(s), "insert");
}

namespace {

StageEvent read_stage_event(sql::Statement& s) {
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
  return ev;
}

constexpr const char* kStageEventColumns = "s.id, s.entry_id, s.action, s.stage_from, s.stage_to, s.actor, u.name, s.at, s.comment";

}  // namespace

std::vector<StageEvent> SqlRegisterStore::stage_events(std::int64_t entry_id) {
  auto s = conn_.prepare(std::string("SELECT ") + kStageEventColumns +
                         " FROM stage_events s JOIN users u ON u.id = s.actor WHERE s.entry_id = :entry_id ORDER BY s.id");
  s.bind(":entry_id", entry_id);
  std::vector<StageEvent> out;
  while (s.step()) out.push_back(read_stage_event(s));
  return out;
}

std::vector<StageEvent> SqlRegisterStore::stage_events_of(const EntryFilter& f, Secrecy clearance) {
  Where w = where_of(f, clearance, conn_.dialect());
  auto s = conn_.prepare(std::string("SELECT ") + kStageEventColumns +
                         " FROM stage_events s JOIN users u ON u.id = s.actor JOIN entries e ON e.id = s.entry_id WHERE " +
                         w.sql + " ORDER BY s.entry_id, s.id");
  w.bind(s);
  std::vector<StageEvent> out;
  while (s.step()) out.push_back(read_stage_event(s));
  return out;
}

int SqlRegisterStore::add_letter(std::int64_t entry_id, const std::string& body, std::int64_t actor,
                                    std::int64_t at) {
  require_write("add_letter");
  auto v = conn_.prepare("SELECT COALESCE(MAX(version), 0) + 1 FROM letters WHERE entry_id = :entry_id");
  v.bind(":entry_id", entry_id);
  v.step();
  int version = static_cast<int>(v.integer(0));
  conn_.prepare("INSERT INTO letters(entry_id, version, body, created_by, created_at) VALUES (:entry_id, :version, :body, :created_by, :created_at)")
      .bind(":entry_id", entry_id)
      .bind(":version", version)
      .bind(":body", body)
      .bind(":created_by", actor)
      .bind(":created_at", at)
      .run();
  audit("letters", conn_.last_insert_rowid(), "insert");
  return version;
}

std::optional<LetterDraft> SqlRegisterStore::latest_letter(std::int64_t entry_id) {
  auto s = conn_.prepare(
      "SELECT id, version, body, created_by, created_at FROM letters WHERE entry_id = :entry_id ORDER BY version DESC "
      "LIMIT 1");
  s.bind(":entry_id", entry_id);
  if (!s.step()) return std::nullopt;
  return LetterDraft{s.integer(0), static_cast<int>(s.integer(1)), s.text(2), s.integer(3), s.integer(4)};
}

void SqlRegisterStore::add_attachment(std::int64_t entry_id, std::span<const std::uint8_t> bytes,
                                         const std::string& name, const std::string& kind,
                                         const std::string& pdf_status, std::int64_t actor, std::int64_t at) {
  require_write("add_attachment");
  std::string hash = sha256_hex(bytes);
  auto q = conn_.prepare("SELECT id FROM attachment_blobs WHERE sha256 = :sha256");
  q.bind(":sha256", hash);
  if (!q.step()) {
    conn_.prepare("INSERT INTO attachment_blobs(sha256, size, bytes) VALUES (:sha256, :size, :bytes)")
        .bind(":sha256", hash)
        .bind(":size", static_cast<std::int64_t>(bytes.size()))
        .bind(":bytes", bytes)
        .run();
    audit("attachment_blobs", conn_.last_insert_rowid(), "insert");
  }
  insert_attachment_row(entry_id, hash, name, kind, pdf_status, actor, at);
}

void SqlRegisterStore::insert_attachment_row(std::int64_t entry_id, const std::string& sha256,
                                                const std::string& name, const std::string& kind,
                                                const std::string& pdf_status, std::int64_t actor, std::int64_t at) {
  conn_.prepare(
           "INSERT INTO attachments(entry_id, sha256, name, kind, pdf_status, added_by, added_at) "
           "VALUES (:entry_id, :sha256, :name, :kind, :pdf_status, :added_by, :added_at)")
      .bind(":entry_id", entry_id)
      .bind(":sha256", sha256)
      .bind(":name", name)
      .bind(":kind", kind)
      .bind(":pdf_status", pdf_status)
      .bind(":added_by", actor)
      .bind(":added_at", at)
      .run();
  audit("attachments", conn_.last_insert_rowid(), "insert");
}

std::vector<Attachment> SqlRegisterStore::attachments(std::int64_t entry_id) {
  auto s = conn_.prepare(
      "SELECT a.id, a.entry_id, a.sha256, a.name, a.kind, a.pdf_status, b.size, coalesce(n.note, '') "
      "FROM attachments a JOIN attachment_blobs b ON b.sha256 = a.sha256 "
      "LEFT JOIN attachment_notes n ON n.attachment_id = a.id WHERE a.entry_id = :entry_id ORDER BY a.id");
  s.bind(":entry_id", entry_id);
  std::vector<Attachment> out;
  while (s.step())
    out.push_back(Attachment{s.integer(0), s.integer(1), s.text(2), s.text(3), s.text(4), s.text(5), s.integer(6),
                             s.text(7)});
  return out;
}

void SqlRegisterStore::add_attachment_note(std::int64_t entry_id, const std::string& kind, const std::string& note) {
  require_write("add_attachment_note");
  conn_.prepare(
           "INSERT INTO attachment_notes(attachment_id, note) SELECT max(id), :note FROM attachments "
           "WHERE entry_id = :entry_id AND kind = :kind HAVING max(id) IS NOT NULL")
      .bind(":note", note)
      .bind(":entry_id", entry_id)
      .bind(":kind", kind)
      .run();
  if (conn_.changes() != 1) throw Error(ErrorCode::Internal, "no attachment to note", std::to_string(entry_id));
  audit("attachment_notes", conn_.last_insert_rowid(), "insert");
}

void SqlRegisterStore::log_access(std::int64_t user, std::int64_t entry_id, const std::string& command,
                                     std::int64_t at) {
  require_write("log_access");
  auto& s = conn_.cached(
      "INSERT INTO access_log(at, user_id, entry_id, command) VALUES (:at, :user_id, :entry_id, :command) RETURNING id");
  s.bind(":at", at).bind(":user_id", user).bind(":entry_id", entry_id).bind(":command", command);
  audit("access_log", inserted_id(s), "insert");
}

std::vector<AccessRecord> SqlRegisterStore::access_log(std::optional<std::int64_t> entry_id) {
  auto s = conn_.prepare(
      "SELECT a.at, u.name, a.entry_id, a.command FROM access_log a JOIN users u ON u.id = a.user_id "
      "WHERE CAST(:entry_id AS BIGINT) IS NULL OR a.entry_id = :entry_id ORDER BY a.id");
  s.bind(":entry_id", entry_id);
  std::vector<AccessRecord> out;
  while (s.step()) out.push_back(AccessRecord{s.integer(0), s.text(1), s.integer(2), s.text(3)});
  return out;
}

// ------------------------------------------------------------------ queries

std::vector<Entry> SqlRegisterStore::list(const EntryFilter& f, Secrecy clearance) {
  Where w = where_of(f, clearance, conn_.dialect());
  std::string q = "SELECT " + entry_columns_with("e") + " FROM entries e WHERE " + w.sql +
                  (f.newest_first ? " ORDER BY e.registered_at DESC, e.number DESC, e.id DESC" : " ORDER BY e.register, e.year, e.number");
  if (f.limit || f.offset) q += " LIMIT :limit OFFSET :offset";
  auto s = conn_.prepare(q);
  w.bind(s);
  if (f.limit || f.offset) bind_page(s, f, conn_.dialect());
  std::vector<Entry> out;
  while (s.step()) out.push_back(read_entry(s));
  return out;
}

std::int64_t SqlRegisterStore::count(const EntryFilter& f, Secrecy clearance) {
  Where w = where_of(f, clearance, conn_.dialect());
  auto s = conn_.prepare("SELECT COUNT(*) FROM entries e WHERE " + w.sql);
  w.bind(s);
  s.step();
  return s.integer(0);
}

std::vector<Entry> SqlRegisterStore::search(const std::string& query, const EntryFilter& f, Secrecy clearance) {
  const bool pg = conn_.postgres();
  const std::string match = pg ? postgres_phrase_query(query) : fts_phrase_query(query);
  if (match.empty()) return {};
  if (write_depth_ > 0) index_pending();  // a search inside a write sees that write's entries
  Where w = where_of(f, clearance, conn_.dialect());
  // Newest first (entry ids follow registration time); on SQLite driven by the FTS index's rowid
  // order, so a common word stops at the limit.
  std::string q = "SELECT " + entry_columns_with("e") +
                  (pg ? " FROM entries_search x JOIN entries e ON e.id = x.id WHERE x.words @@ CAST(:match AS TSQUERY) AND " +
                            w.sql + " ORDER BY e.id DESC"
                      : " FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid WHERE entries_fts MATCH :match AND " +
                            w.sql + " ORDER BY entries_fts.rowid DESC");
  if (f.limit || f.offset) q += " LIMIT :limit OFFSET :offset";
  auto s = conn_.prepare(q);
  s.bind(":match", match);
  w.bind(s);
  if (f.limit || f.offset) bind_page(s, f, conn_.dialect());
  std::vector<Entry> out;
  while (s.step()) out.push_back(read_entry(s));
  return out;
}

// ------------------------------------------------------------------ integrity and upkeep

VerifyReport SqlRegisterStore::verify() {
  auto anchor = chain_.anchor_before_snapshot();
  VerifyReport r;
  read([&] { r = chain_.verify(anchor); });
  return r;
}

std::int64_t SqlRegisterStore::reanchor() {
  if (conn_.read_only())
    throw Error(ErrorCode::IoError, "the register is read-only (this account may not write it); nothing was changed",
                files_.db);
  sql::WriteTransaction tx(conn_);  // no commit can move the head meanwhile
  VerifyReport r = chain_.verify(chain_.anchor_before_snapshot());
  if (r.problems.size() > chain_.anchor_problems())
    throw Error(ErrorCode::DatabaseError,
                "verify finds more wrong than the anchor, so the anchor is not replaced (run saraban verify)", files_.db);
  Anchor a = chain_.reanchor(env_.now());
  tx.commit();
  return a.seq;
}

void SqlRegisterStore::reindex() {
  write(0, [&] {
    if (conn_.postgres()) rebuild_postgres_index(conn_);
    else maintenance_.reindex();
  });
}

void SqlRegisterStore::backup(const std::string& destination) {
  if (conn_.postgres())
    throw Error(ErrorCode::InvalidInput,
                "a PostgreSQL register is backed up with the server's own tools (pg_dump, or a base backup); "
                "saraban backup copies SQLite registers",
                conn_.path());
  maintenance_.backup(destination);
}

}  // namespace saraban::registry
