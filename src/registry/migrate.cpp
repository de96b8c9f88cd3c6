#include "registry/migrate.h"

#include <unistd.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "base/error.h"
#include "registry/anchor.h"
#include "registry/audit_chain.h"
#include "registry/chain_key.h"
#include "registry/postgres.h"
#include "registry/register_files.h"
#include "registry/schema.h"
#include "registry/table_copy.h"

namespace saraban::registry {
namespace {

std::int64_t count_of(sql::Connection& c, const std::string& table) {
  auto s = c.prepare("SELECT count(*) FROM " + table);
  return s.step() ? s.integer(0) : 0;
}

RegisterCounts counts_of(sql::Connection& c, std::int64_t* head_at = nullptr) {
  RegisterCounts n;
  n.entries = count_of(c, "entries");
  n.audit_rows = count_of(c, "audit_log");
  n.attachments = count_of(c, "attachments");
  auto h = c.prepare("SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1");
  if (h.step()) {
    n.head_seq = h.integer(0);
    n.head_hash = h.text(1);
    if (head_at) *head_at = h.integer(2);
  }
  return n;
}

// The schema's foreign keys, dropped while rows are copied and added back after: rows refer to
// each other in both directions (a letter's reply_id and the reply's origin_id), so no order of
// inserts satisfies them row by row. Adding them back checks every reference at once.
std::vector<std::string> drop_foreign_keys(sql::Connection& to) {
  auto s = to.prepare(
      "SELECT format('ALTER TABLE %I DROP CONSTRAINT %I', k.relname, c.conname), "
      "format('ALTER TABLE %I ADD CONSTRAINT %I %s', k.relname, c.conname, pg_get_constraintdef(c.oid)) "
      "FROM pg_constraint c JOIN pg_class k ON k.oid = c.conrelid JOIN pg_namespace n ON n.oid = k.relnamespace "
      "WHERE c.contype = 'f' AND n.nspname = current_schema() ORDER BY c.oid");
  std::vector<std::string> drops, adds;
  while (s.step()) {
    drops.push_back(s.text(0));
    adds.push_back(s.text(1));
  }
  for (const auto& d : drops) to.exec(d);
  return adds;
}

void restore_foreign_keys(sql::Connection& to, const std::vector<std::string>& adds) {
  for (const auto& a : adds) {
    try {
      to.exec(a);
    } catch (const Error& e) {
      throw Error(ErrorCode::DatabaseError,
                  "a reference between the register's rows does not hold (" + a.substr(0, a.find(" FOREIGN")) +
                      "): " + e.message(),
                  e.context());
    }
  }
}

// Identity columns start after the copied ids, so the next row the register adds gets a new one.
void advance_identities(sql::Connection& to) {
  auto s = to.prepare(
      "SELECT format('SELECT setval(pg_get_serial_sequence(%L, %L), COALESCE(MAX(%I), 0) + 1, false) FROM %I', "
      "table_name, column_name, column_name, table_name) "
      "FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'");
  std::vector<std::string> sets;
  while (s.step()) sets.push_back(s.text(0));
  for (const auto& q : sets) to.exec(q);
}

void require_same_tables(std::vector<std::string> from, std::vector<std::string> to, const std::string& where) {
  std::sort(from.begin(), from.end());
  std::sort(to.begin(), to.end());
  if (from == to) return;
  std::string a, b;
  for (auto& t : from) a += (a.empty() ? "" : ", ") + t;
  for (auto& t : to) b += (b.empty() ? "" : ", ") + t;
  throw Error(ErrorCode::DatabaseError,
              "the register's tables (" + a + ") are not the PostgreSQL schema's (" + b + "); nothing was written", where);
}

// The key and anchor files written for the target, removed again when the transaction does
// not get as far as its COMMIT.
class LocalFiles {
 public:
  explicit LocalFiles(RegisterFiles f) : f_(std::move(f)) {}
  ~LocalFiles() {
    if (keep_) return;
    if (anchor_) ::unlink(f_.anchor.c_str());
    if (key_) ::unlink(f_.key.c_str());
  }
  LocalFiles(const LocalFiles&) = delete;
  LocalFiles& operator=(const LocalFiles&) = delete;
  void write(const ChainKey& key, const Anchor& head, std::int64_t now) {
    set_aside_leftovers(f_, now);
    key.save_new(f_.key);
    key_ = true;
    write_anchor(f_.anchor, f_.key, key, head);
    anchor_ = true;
  }
  void keep() { keep_ = true; }
  const RegisterFiles& files() const { return f_; }

 private:
  RegisterFiles f_;
  bool key_ = false, anchor_ = false, keep_ = false;
};

}  // namespace

MigrateReport migrate_to_postgres(SqlRegisterStore& source, const User& actor, const std::string& url,
                                  const Environment& env, const MigrateProgress& progress) {
  if (actor.role != Role::Admin)
    throw Error(ErrorCode::PermissionDenied,
                "user '" + actor.name + "' is a " + role_name(actor.role) + "; migrate needs an admin", "migrate");
  auto step = [&](const std::string& what) {
    if (progress) progress(what, 0, 0);
  };
  MigrateReport report;
  sql::Connection& from = source.connection();
  const std::string where = from.path();
  sql::Connection to(sql::open_postgres(url));
  if (auto moved = moved_to(source.files()))
    throw Error(ErrorCode::InvalidInput, "this register was already moved to " + *moved + "; it is not moved twice", where);
  require_empty_postgres(to);  // before the source's verify, which takes long; again under the lock
  // Clerks still writing to the SQLite register would write letters the copy never sees: its
  // write lock is held (on a second connection, writing nothing) until the move is over.
  sql::Connection writers_held(where, false);
  writers_held.begin_write();
  // One snapshot of the source for both its verify and the copy: what is copied is what verified.
  source.read([&] {
    step("verifying the register");
    const VerifyReport sv = source.verify();
    if (!sv.ok)
      throw Error(ErrorCode::DatabaseError,
                  "the register does not verify, so it is not moved (run saraban --db " + where +
                      " verify): " + sv.problems.front(),
                  where);
    std::int64_t head_at = 0;
    report.source = counts_of(from, &head_at);
    std::optional<ChainKey> key = ChainKey::load(source.files().key);
    if (!key) throw Error(ErrorCode::DatabaseError, "the register's chain key is missing", source.files().key);

    sql::WriteTransaction tx(to);  // also holds off every other writer, and a second migrate
    require_empty_postgres(to);
    to.exec(embedded_postgres_schema());
    const std::vector<std::string> tables = audited_tables(to);
    require_same_tables(audited_tables(from), tables, where);
    // The schema seeds a new register's configuration; the source's own rows replace it.
    for (auto t = tables.rbegin(); t != tables.rend(); ++t) to.exec("DELETE FROM " + *t);
    const std::vector<std::string> foreign_keys = drop_foreign_keys(to);
    for (const std::string& t : tables) copy_table(from, to, t, progress);
    copy_table(from, to, "audit_log", progress);
    step("checking the references between rows");
    restore_foreign_keys(to, foreign_keys);
    step("rebuilding the search index and number counters");
    rebuild_postgres_index(to);
    advance_identities(to);

    LocalFiles files(postgres_local_files(url, env));
    files.write(*key, Anchor{report.source.head_seq, report.source.head_hash, head_at}, env.now());
    // The target's own verify, with the key and anchor just written, before anything is committed.
    step("verifying the PostgreSQL register");
    AuditChain chain(to, files.files());
    report.verified = chain.verify(read_anchor_text(files.files().anchor));
    if (!report.verified.ok)
      throw Error(ErrorCode::DatabaseError,
                  "the copy in PostgreSQL does not verify, so nothing was committed: " + report.verified.problems.front(),
                  to.path());
    report.target = counts_of(to);
    if (report.target.head_hash != report.source.head_hash || report.target.entries != report.source.entries)
      throw Error(ErrorCode::Internal, "the copy differs from the register", to.path());
    // From COMMIT on the files are kept whatever happens: a commit whose outcome is unknown may
    // have made the register, which is useless without its key.
    files.keep();
    tx.commit();
    // Still holding the SQLite register's write lock: from now on it refuses writes.
    const std::string marker = sql::without_password(url) + "\n";
    env.write_file_atomic(source.files().moved, std::span(reinterpret_cast<const std::uint8_t*>(marker.data()), marker.size()));
    report.key = files.files().key;
    report.anchor = files.files().anchor;
  });
  writers_held.rollback();
  return report;
}

}  // namespace saraban::registry
