#include "registry/audit_chain.h"

#include <sys/stat.h>

#include <cstdio>
#include <ctime>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>

#include "base/error.h"
#include "registry/attachment_blob_chain.h"
#include "registry/problem_scope.h"
#include "registry/sha256.h"

namespace saraban::registry {

bool is_canonical_text(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    std::uint32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
      auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

namespace {

using json = nlohmann::json;

std::string hex_of(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

std::vector<std::uint8_t> blob_of(const sql::Statement& s, int i) { return s.blob(i); }

// The form rows were recorded in before the chain was keyed: text through U+FFFD replacement,
// blobs as "sha256:...". Only rows last recorded then are compared with it.
std::string legacy_canonical_row(const sql::Statement& s, int first) {
  json o = json::object();
  for (int i = first; i < s.columns(); ++i) {
    const std::string name = s.column_name(i);
    switch (s.kind(i)) {
      case sql::ColumnKind::Null: o[name] = nullptr; break;
      case sql::ColumnKind::Integer: o[name] = s.integer(i); break;
      case sql::ColumnKind::Float: o[name] = s.real(i); break;
      case sql::ColumnKind::Blob: o[name] = "sha256:" + sha256_hex(blob_of(s, i)); break;
      default: o[name] = s.text(i); break;
    }
  }
  return o.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string chain_message(const std::string& prev, std::int64_t seq, std::int64_t at,
                          std::optional<std::int64_t> actor, const std::string& action, const std::string& tbl,
                          std::int64_t row_id, const std::string& data) {
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
  return s;
}

bool table_exists(sql::Connection& c, const char* name) {
  auto& s = c.postgres() ? c.cached("SELECT 1 FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace "
                                    "WHERE n.nspname = current_schema() AND k.relkind = 'r' AND k.relname = :name")
                         : c.cached("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = :name");
  s.bind(":name", name);
  bool found = s.step();
  s.reset();
  return found;
}

std::string utc_time(std::int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm {};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

// "entry 17 (receive 2569/5)" for an entries row, else the row plus the entry it belongs to.
std::string describe_row(sql::Connection& c, const std::string& tbl, std::int64_t id, const std::string& data) {
  auto entry_name = [&](std::int64_t eid) {
    auto s = c.prepare("SELECT register, year, number FROM entries WHERE id = :id");
    s.bind(":id", eid);
    std::string n = "entry " + std::to_string(eid);
    if (s.step()) n += " (" + s.text(0) + " " + std::to_string(s.integer(1)) + "/" + std::to_string(s.integer(2)) + ")";
    return n;
  };
  auto j = json::parse(data, nullptr, false);
  bool object = !j.is_discarded() && j.is_object();
  if (tbl == "entries") {
    std::string n = entry_name(id);
    // A forged or deleted entry is no longer in the table: name it from its recorded content.
    if (n.find('(') == std::string::npos && object && j.contains("register") && j["register"].is_string() &&
        j.contains("year") && j.contains("number"))
      n += " (" + j["register"].get<std::string>() + " " + j["year"].dump() + "/" + j["number"].dump() + ")";
    return n;
  }
  std::string what = tbl + " row " + std::to_string(id);
  if (object && j.contains("entry_id") && j["entry_id"].is_number_integer())
    return entry_name(j["entry_id"].get<std::int64_t>()) + ": " + what;
  if (tbl == "attachment_blobs" && object && j.contains("sha256") && j["sha256"].is_string()) {
    auto s = c.prepare("SELECT DISTINCT entry_id FROM attachments WHERE sha256 = :sha");
    s.bind(":sha", j["sha256"].get<std::string>());
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

// True when `now` differs from `recorded` only by columns the record lacks and that are NULL:
// columns a migration added after the row was last recorded.
bool only_new_null_columns(const std::string& recorded, const std::string& now) {
  auto a = json::parse(recorded, nullptr, false);
  auto b = json::parse(now, nullptr, false);
  if (a.is_discarded() || b.is_discarded() || !a.is_object() || !b.is_object()) return false;
  for (auto it = b.begin(); it != b.end(); ++it)
    if (!a.contains(it.key()) && it.value().is_null()) a[it.key()] = nullptr;
  return a == b;
}

using Latest = std::map<std::pair<std::string, std::int64_t>, std::pair<std::int64_t, std::string>>;  // -> seq, sha

}  // namespace

// The report being built. Each problem carries the entry it names and how secret that is
// (problem_scope.h), so the register can show every reader exactly their share; one about the
// register's own files (key, anchor, a cut) names no entry and is everyone's to know.
class Findings {
 public:
  Findings(VerifyReport& r, sql::Connection& c) : r_(r), c_(c) {}
  void add(std::string p) { push(std::move(p), [] { return ProblemScope{}; }); }
  void add_in(std::string p, const std::string& tbl, std::int64_t id, const std::string& data) {
    push(std::move(p), [&] { return problem_scope(c_, tbl, id, data); });
  }

 private:
  template <typename Scope>
  void push(std::string p, const Scope& scope) {
    r_.ok = false;
    if (r_.problems.size() >= 50) return;
    r_.problems.push_back(std::move(p));
    r_.scopes.push_back(scope());
  }
  VerifyReport& r_;
  sql::Connection& c_;
};

namespace {

std::string recorded_data(sql::Connection& c, std::int64_t seq) {
  auto a = c.prepare("SELECT row_data FROM audit_log WHERE seq = :seq");
  a.bind(":seq", seq);
  return a.step() ? a.text(0) : std::string();
}

// Every row's hash (or MAC, from keyed_from on) from its predecessor and its own fields; names
// only the first break, since everything after depends on it. Fills `latest` with each row's
// last recorded state and returns the last sequence number.
std::int64_t walk_chain(sql::Connection& c, Findings& findings, VerifyReport& r, std::int64_t keyed_from,
                        const ChainKey* key, Latest& latest) {
  auto s = c.scan("SELECT seq, at, actor, action, tbl, row_id, row_data, prev_hash, hash FROM audit_log ORDER BY seq");
  std::string prev;
  std::int64_t last_seq = 0;
  bool broken = false;
  while (s.step()) {
    ++r.audit_rows;
    std::int64_t seq = s.integer(0), row_id = s.integer(5);
    std::string tbl = s.text(4), data = s.text(6), prev_hash = s.text(7), hash = s.text(8);
    if (!broken) {
      std::string why, message = chain_message(prev, seq, s.integer(1), s.optional_integer(2), s.text(3), tbl, row_id, data);
      if (seq != last_seq + 1) why = "audit log entry #" + std::to_string(last_seq + 1) + " is missing";
      else if (prev_hash != prev) why = "audit log entry #" + std::to_string(seq) + " does not follow the one before (prev_hash altered)";
      else if (seq < keyed_from && sha256_hex(message) != hash)
        why = "audit log entry #" + std::to_string(seq) + " was altered (its hash does not match its content)";
      else if (seq >= keyed_from && key && key->mac(message) != hash)
        why = "audit log entry #" + std::to_string(seq) +
              " was altered or forged (its MAC does not match the register's key: not written by Saraban)";
      if (!why.empty()) {
        findings.add_in(why + ": " + describe_row(c, tbl, row_id, data), tbl, row_id, data);
        broken = true;
      }
    }
    prev = hash;
    last_seq = seq;
    latest[{tbl, row_id}] = {seq, sha256_hex(data)};
  }
  return last_seq;
}

// The anchor outside the database: the chain may not end before, or differ at, the head it names.
void check_anchor(sql::Connection& c, Findings& findings, const std::optional<std::string>& text,
                  const std::string& path, const ChainKey& key, std::int64_t last_seq, std::int64_t keyed_from) {
  std::optional<Anchor> a;
  try {
    if (text) a = parse_anchor(*text, path, key);
  } catch (const Error& e) {
    findings.add(e.message() + " (" + path + ")");
  }
  if (!text && last_seq > keyed_from) {
    findings.add("the anchor file " + path + " is missing: whether the newest entries were cut off cannot be told");
  } else if (a && last_seq < a->seq) {
    findings.add(std::to_string(a->seq - last_seq) +
                 " audit log entries were cut off since the last anchor (it names entry #" + std::to_string(a->seq) +
                 ", written " + utc_time(a->at) + "; the register now ends at #" + std::to_string(last_seq) + ")");
  } else if (a) {
    auto s = c.prepare("SELECT hash FROM audit_log WHERE seq = :seq");
    s.bind(":seq", a->seq);
    if (!s.step() || s.text(0) != a->hash)
      findings.add("audit log entry #" + std::to_string(a->seq) + " is not the one the anchor recorded at " +
                   utc_time(a->at) + ": the history was rewritten since");
  }
}

// Every canonical row against the last state the chain recorded for it; what is left in
// `latest` afterwards was deleted.
void check_rows(sql::Connection& c, Findings& findings, VerifyReport& r, Latest& latest, std::int64_t keyed_from) {
  for (const auto& t : audited_tables(c)) {
    const std::string key = c.row_key(t);
    auto s = c.scan("SELECT " + key + ", * FROM " + t + " ORDER BY " + key);
    while (s.step()) {
      ++r.rows_checked;
      std::int64_t id = s.integer(0);
      std::string now = canonical_row(s, 1);
      auto it = latest.find({t, id});
      if (it == latest.end()) {
        findings.add_in(describe_row(c, t, id, now) + " was added outside Saraban (no audit log entry)", t, id, now);
        continue;
      }
      auto [seq, recorded_digest] = it->second;
      latest.erase(it);
      if (sha256_hex(now) == recorded_digest) continue;
      if (seq < keyed_from && sha256_hex(legacy_canonical_row(s, 1)) == recorded_digest) continue;
      std::string recorded = recorded_data(c, seq);
      if (only_new_null_columns(recorded, now)) continue;
      findings.add_in(describe_row(c, t, id, now) + " was changed outside Saraban: " + field_differences(recorded, now) +
                          " (audit log entry #" + std::to_string(seq) + ")",
                      t, id, now);
    }
  }
  for (const auto& [k, v] : latest) {
    std::string recorded = recorded_data(c, v.first);
    findings.add_in(describe_row(c, k.first, k.second, recorded) + " was deleted outside Saraban (audit log entry #" +
                        std::to_string(v.first) + ")",
                    k.first, k.second, recorded);
  }
}

// Attachment bytes against the hash that addresses them; a copy stored as a suffix is rehashed
// whole (its base's bytes, then its own), so a changed base or suffix is caught.
void check_attachments(sql::Connection& c, Findings& findings, VerifyReport& r) {
  auto b = c.scan("SELECT id, sha256 FROM attachment_blobs ORDER BY id");
  while (b.step()) {
    ++r.attachments_checked;
    std::string problem;
    const std::string whole = whole_blob_sha256(c, b.integer(0), problem);
    if (whole == b.text(1)) continue;
    std::string data = json{{"sha256", b.text(1)}}.dump();
    findings.add_in(describe_row(c, "attachment_blobs", b.integer(0), data) +
                        (problem.empty() ? ": the stored bytes no longer match their SHA-256"
                                         : ": the stored bytes cannot be put together: " + problem),
                    "attachment_blobs", b.integer(0), data);
  }
}

}  // namespace

std::vector<std::string> audited_tables(sql::Connection& c) {
  // PostgreSQL: the register's own tables in the order they were made; the search index and
  // the number counters are rebuildable, and saraban_meta holds only the schema's identity.
  auto s = c.postgres() ? c.prepare(
      "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname NOT IN "
      "('audit_log', 'entries_search', 'register_counters', 'saraban_meta') ORDER BY c.oid") : c.prepare(
      "SELECT s.name FROM sqlite_schema s JOIN pragma_table_list t ON t.name = s.name AND t.schema = 'main' "
      "WHERE s.type = 'table' AND t.type = 'table' AND s.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
      "AND s.name <> 'audit_log' ORDER BY s.rowid");
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

std::string canonical_row(const sql::Statement& s, int first) {
  json o = json::object();
  for (int i = first; i < s.columns(); ++i) {
    const std::string name = s.column_name(i);
    switch (s.kind(i)) {
      case sql::ColumnKind::Null: o[name] = nullptr; break;
      case sql::ColumnKind::Integer: o[name] = s.integer(i); break;
      case sql::ColumnKind::Float: o[name] = s.real(i); break;
      case sql::ColumnKind::Blob: o[name] = json{{"blob_sha256", sha256_hex(blob_of(s, i))}}; break;
      default: {
        std::string t = s.text(i);
        if (is_canonical_text(t)) o[name] = std::move(t);
        else o[name] = json{{"invalid_utf8", hex_of(t)}};
      }
    }
  }
  return o.dump();
}

AuditChain::AuditChain(sql::Connection& c, RegisterFiles files) : conn_(c), files_(std::move(files)) {}

void AuditChain::build_with(ChainKey key) {
  key_ = std::move(key);
  key_loaded_ = true;
  anchors_ = false;
}

std::optional<AuditChain::KeyRecord> AuditChain::key_record() {
  if (!table_exists(conn_, "audit_key")) return std::nullopt;
  auto& s = conn_.cached("SELECT keyed_from, since, key_id FROM audit_key WHERE id = 1");
  std::optional<KeyRecord> r;
  if (s.step()) r = KeyRecord{s.integer(0), s.integer(1), s.text(2)};
  s.reset();
  return r;
}

const ChainKey* AuditChain::usable_key() {
  if (!key_loaded_) {
    key_ = ChainKey::load(files_.key);
    key_loaded_ = true;
  }
  return key_ ? &*key_ : nullptr;
}

std::string AuditChain::hash_of(std::int64_t seq, const std::string& message) const {
  if (key_ && seq >= key_->keyed_from()) return key_->mac(message);
  return sha256_hex(message);
}

void AuditChain::begin(std::int64_t now, std::int64_t actor) {
  actor_ = actor;
  if (begin_without_anchor(now) && anchors_) require_anchor_matches();
}

bool AuditChain::begin_without_anchor(std::int64_t now) {
  now_ = now;
  appended_ = false;
  head_seq_ = 0;
  head_hash_.clear();
  if (!table_exists(conn_, "audit_log")) return false;  // init: the schema is not there yet
  auto& s = conn_.cached("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  if (s.step()) {
    head_seq_ = s.integer(0);
    head_hash_ = s.text(1);
  }
  s.reset();
  auto rec = key_record();
  if (!rec) return false;  // made before keying: the migration in this transaction keys it
  if (!usable_key())
    throw Error(ErrorCode::DatabaseError,
                "the register's key file is missing, so no change can be added to its history; nothing was changed "
                "(restore the key from where its copy is kept; reading still works)",
                files_.key);
  if (key_->id() != rec->key_id)
    throw Error(ErrorCode::DatabaseError, "this key file is not the register's key; nothing was changed", files_.key);
  return true;
}

void AuditChain::require_anchor_matches() {
  auto a = read_anchor(files_.anchor, *key_);
  if (!a) {
    // Only a register keyed by this very transaction's predecessor (a migration whose anchor
    // was not yet written) may lack one.
    if (head_seq_ > key_->keyed_from())
      throw Error(ErrorCode::DatabaseError,
                  "the register's anchor file is missing, so a cut-off history cannot be ruled out; nothing was "
                  "changed (restore it with the register's backup; when verify finds nothing else wrong, an admin "
                  "may run saraban verify --reanchor)",
                  files_.anchor);
    return;
  }
  if (head_seq_ < a->seq)
    throw Error(ErrorCode::DatabaseError,
                "the register's history was cut short: its anchor names " + std::to_string(a->seq) +
                    " audit log entries (written " + utc_time(a->at) + "), the database holds " +
                    std::to_string(head_seq_) + "; nothing was changed (run saraban verify, restore from a backup)",
                files_.db);
  auto& s = conn_.cached("SELECT hash FROM audit_log WHERE seq = :seq");
  s.bind(":seq", a->seq);
  bool same = s.step() && s.text(0) == a->hash;
  s.reset();
  if (!same)
    throw Error(ErrorCode::DatabaseError,
                "the register's history was rewritten: audit log entry #" + std::to_string(a->seq) +
                    " is not the one its anchor recorded (" + utc_time(a->at) +
                    "); nothing was changed (run saraban verify, restore from a backup)",
                files_.db);
}

void AuditChain::append(const std::string& tbl, std::int64_t id, const char* action) {
  auto& r = conn_.cached("SELECT * FROM " + tbl + " WHERE " + conn_.row_key(tbl) + " = :id");
  r.bind(":id", id);
  if (!r.step()) throw Error(ErrorCode::Internal, "audited row vanished", tbl + " " + std::to_string(id));
  std::string data = canonical_row(r);
  r.reset();
  std::int64_t seq = head_seq_ + 1;
  std::optional<std::int64_t> actor;
  if (actor_ > 0) actor = actor_;
  std::string h = hash_of(seq, chain_message(head_hash_, seq, now_, actor, action, tbl, id, data));
  auto& s = conn_.cached(
      "INSERT INTO audit_log(seq, at, actor, action, tbl, row_id, row_data, prev_hash, hash) "
      "VALUES (:seq, :at, :actor, :action, :tbl, :row_id, :row_data, :prev_hash, :hash)");
  s.bind(":seq", seq).bind(":at", now_).bind(":actor", actor).bind(":action", action).bind(":tbl", tbl);
  s.bind(":row_id", id).bind(":row_data", data).bind(":prev_hash", head_hash_).bind(":hash", h);
  s.run();
  head_seq_ = seq;
  head_hash_ = std::move(h);
  appended_ = true;
}

void AuditChain::append_all_rows() {
  for (const auto& t : audited_tables(conn_)) {
    std::vector<std::int64_t> ids;
    const std::string key = conn_.row_key(t);
    auto s = conn_.prepare("SELECT " + key + " FROM " + t + " ORDER BY " + key);
    while (s.step()) ids.push_back(s.integer(0));
    for (auto id : ids) append(t, id, "insert");
  }
}

void AuditChain::committed() {
  if (!appended_ || !anchors_ || !key_) return;
  try {
    write_anchor(files_.anchor, files_.key, *key_, head());
  } catch (const Error& e) {
    throw Error(e.code(),
                "the change was saved, but the anchor could not be updated (" + e.message() +
                    "); the next change updates it once this is fixed",
                e.context());
  }
}

void AuditChain::key_from_next_row(std::int64_t now) {
  if (key_record()) return;  // keyed already: never keyed afresh (which would unprove the older part)
  struct stat st {};
  if (::stat(files_.anchor.c_str(), &st) == 0)
    throw Error(ErrorCode::DatabaseError,
                "the register has an anchor file but no record of its key: its key record was removed from the "
                "database; restore the register from a backup",
                files_.anchor);
  // A key file without a key record was never used (an interrupted migration): keep it aside.
  if (::stat(files_.key.c_str(), &st) == 0) {
    std::string aside = files_.key + ".unused-" + std::to_string(now);
    if (::rename(files_.key.c_str(), aside.c_str()) != 0)
      throw Error(ErrorCode::IoError, "cannot move an unused key file aside", files_.key);
  }
  ChainKey k = ChainKey::generate(head_seq_ + 1);
  k.save_new(files_.key);
  conn_.prepare("INSERT INTO audit_key(id, keyed_from, since, key_id) VALUES (1, :keyed_from, :since, :key_id)")
      .bind(":keyed_from", k.keyed_from())
      .bind(":since", now)
      .bind(":key_id", k.id())
      .run();
  key_ = std::move(k);
  key_loaded_ = true;
  append("audit_key", 1, "insert");
}

Anchor AuditChain::reanchor(std::int64_t now) {
  begin_without_anchor(now);
  if (!key_) throw Error(ErrorCode::DatabaseError, "the register's key file is missing; nothing to anchor with", files_.key);
  Anchor a{head_seq_, head_hash_, now};
  replace_anchor(files_.anchor, *key_, a);
  return a;
}

VerifyReport AuditChain::verify(const std::optional<std::string>& anchor_text) {
  VerifyReport r;
  Findings findings(r, conn_);
  const ChainKey* key = nullptr;
  std::int64_t keyed_from = verify_key(findings, r, key);
  Latest latest;
  std::int64_t last_seq = walk_chain(conn_, findings, r, keyed_from, key, latest);
  std::size_t before = r.problems.size();
  if (key) check_anchor(conn_, findings, anchor_text, files_.anchor, *key, last_seq, keyed_from);
  anchor_problems_ = r.problems.size() - before;
  check_rows(conn_, findings, r, latest, keyed_from);
  check_attachments(conn_, findings, r);
  return r;
}

std::int64_t AuditChain::verify_key(Findings& findings, VerifyReport& r, const ChainKey*& key) {
  auto rec = key_record();
  if (!rec) {
    r.notes.push_back("this register's audit chain is not keyed");
    return std::numeric_limits<std::int64_t>::max();
  }
  std::int64_t keyed_from = rec->keyed_from;
  std::optional<std::string> unreadable;
  try {
    key = usable_key();
  } catch (const Error& e) {  // unreadable by this account, or damaged: a finding, not a stop
    unreadable = e.message() + " (" + e.context() + ")";
    key_loaded_ = true;
  }
  if (unreadable) {
    findings.add(*unreadable + ": the keyed entries cannot be checked");
  } else if (!key) {
    findings.add("the register's key file " + files_.key + " is missing: audit log entries from #" +
                 std::to_string(keyed_from) + " on cannot be checked against forgery (restore the key from its copy)");
  } else if (key->id() != rec->key_id) {
    findings.add("the key file " + files_.key + " is not this register's key: the keyed entries cannot be checked");
    key = nullptr;
  } else if (key->keyed_from() != rec->keyed_from) {
    findings.add("the register says its chain is keyed from audit log entry #" + std::to_string(rec->keyed_from) +
                 ", its key file says #" + std::to_string(key->keyed_from()) + ": the key record was altered");
    keyed_from = key->keyed_from();
  }
  if (keyed_from > 1)
    r.notes.push_back("audit log entries #1-#" + std::to_string(keyed_from - 1) + " are unkeyed, from before " +
                      utc_time(rec->since) + " (when this register was keyed)");
  return keyed_from;
}

}  // namespace saraban::registry
