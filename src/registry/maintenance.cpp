#include "registry/maintenance.h"

#include <sys/stat.h>
#include <unistd.h>

#include "base/error.h"
#include "registry/anchor.h"
#include "registry/file_access.h"
#include "registry/schema.h"

namespace saraban::registry {
namespace {

bool exists(const std::string& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0;
}

// The head of the register at `path` (a finished backup), read through its own connection.
Anchor head_of(const std::string& path, std::int64_t now) {
  sql::Connection c(path, false);
  auto s = c.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  Anchor a;
  a.at = now;
  if (s.step()) {
    a.seq = s.integer(0);
    a.hash = s.text(1);
  }
  return a;
}

}  // namespace

Maintenance::Maintenance(sql::Connection& c, AuditChain& chain, RegisterFiles files, const Environment& env)
    : conn_(c), chain_(chain), files_(std::move(files)), env_(env) {}

void Maintenance::apply_migrations() {
  int v = conn_.pragma_int("user_version");  // re-read under the write lock
  for (const auto& m : embedded_migrations()) {
    int target = std::stoi(std::string(m.name.substr(0, 4)));
    if (target <= v) continue;
    conn_.exec(m.sql);
    conn_.exec("PRAGMA user_version = " + std::to_string(target));
    v = target;
    // The migration that adds audit_key also makes the key, in the same transaction.
    if (m.name.find("keyed_chain") != std::string_view::npos) chain_.key_from_next_row(env_.now());
  }
  if (v != kSchemaVersion)
    throw Error(ErrorCode::DatabaseError, "no migration reaches schema version " + std::to_string(kSchemaVersion));
}

void Maintenance::reindex() { conn_.exec("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')"); }

void Maintenance::backup(const std::string& destination) {
  refuse_register_path(destination, files_.db);
  RegisterFiles dest(destination);
  for (const auto& f : {dest.db, dest.key, dest.anchor})
    if (exists(f)) throw Error(ErrorCode::InvalidInput, "a file is already there; backup never overwrites", f);
  // Copy into a temporary file beside the destination, then link: no half-written backup,
  // and no backup over a file that appeared meanwhile.
  std::string tmp = destination + ".partial";
  ::unlink(tmp.c_str());
  PrivateUmask owner_only;  // the copy (and its key and anchor) hold every secret entry: owner only
  {
    sql::Connection out(tmp, true);
    sqlite3_backup* b = sqlite3_backup_init(out.get(), "main", conn_.get(), "main");
    if (!b) sql::fail(out.get(), sqlite3_errcode(out.get()), destination);
    int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
      ::unlink(tmp.c_str());
      sql::fail(out.get(), rc, destination);
    }
  }
  // A register whose key is lost is still copied; its copy is as unkeyable as it is.
  if (auto key = ChainKey::load(files_.key)) {
    key->save_new(dest.key);
    write_anchor(dest.anchor, dest.key, *key, head_of(tmp, env_.now()));
  }
  if (::link(tmp.c_str(), destination.c_str()) != 0) {
    ::unlink(tmp.c_str());
    throw Error(ErrorCode::IoError, "cannot move the backup into place", destination);
  }
  ::unlink(tmp.c_str());
  sync_directory_of(destination);
}

}  // namespace saraban::registry
