// saraban migrate --from FILE --to postgresql://...: the office's SQLite register moved into an
// empty PostgreSQL database with the same audit chain (registry/migrate.h); progress on stderr.
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "base/environment.h"
#include "base/error.h"
#include "cli/acting_user.h"
#include "cli/command.h"
#include "registry/migrate.h"
#include "registry/sql_store.h"

namespace saraban::cli {
namespace {

using json = nlohmann::ordered_json;
using namespace saraban::registry;

json counts_json(const RegisterCounts& c) {
  return {{"entries", c.entries}, {"audit_rows", c.audit_rows}, {"attachments", c.attachments},
          {"head_seq", c.head_seq}, {"head_hash", c.head_hash}};
}

// A line per step; a table's rows every few seconds when it is large enough to take that long.
class ProgressLines {
 public:
  void operator()(const std::string& step, std::int64_t done, std::int64_t total) {
    const auto now = std::chrono::steady_clock::now();
    const double at = std::chrono::duration<double>(now - started_).count();
    if (total == 0) {
      std::fprintf(stderr, "migrate: %5.1f s  %s\n", at, step.c_str());
      return;
    }
    if (total < 10000) return;
    if (done < total && now - last_ < std::chrono::seconds(3)) return;
    last_ = now;
    std::fprintf(stderr, "migrate: %5.1f s  %s %lld/%lld rows\n", at, step.c_str(), static_cast<long long>(done),
                 static_cast<long long>(total));
  }

 private:
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_ = started_;
};

int cmd_migrate(const GlobalOptions& g, const std::vector<std::string>& args) {
  ArgReader a(args);
  std::string from, to;
  while (!a.done()) {
    std::string o = a.next();
    if (o == "--from") from = a.value_of(o);
    else if (o == "--to") to = a.value_of(o);
    else throw Error(ErrorCode::InvalidInput, "unknown option (see saraban --help)", o);
  }
  if (from.empty() || to.empty())
    throw Error(ErrorCode::InvalidInput, "needs --from FILE (the SQLite register) and --to postgresql://...", "migrate");
  if (is_postgres_url(from)) throw Error(ErrorCode::InvalidInput, "--from names the SQLite register's file", from);
  if (!is_postgres_url(to))
    throw Error(ErrorCode::InvalidInput, "--to needs a PostgreSQL connection string (postgresql://USER@HOST:PORT/DB)", to);
  const Environment& env = system_environment();
  auto source = SqlRegisterStore::open_read_only(from, env);
  GlobalOptions on_source = g;  // who acts is proved against the register being moved
  on_source.db = from;
  const User actor = prove_acting_user(on_source, *source).user;
  const std::string key = postgres_local_files(to, env).key;
  if (auto slash = key.find_last_of('/'); slash != std::string::npos && slash > 0)
    ::mkdir(key.substr(0, slash).c_str(), 0775);  // var/, as init makes it
  ProgressLines progress;
  const auto started = std::chrono::steady_clock::now();
  MigrateReport r = migrate_to_postgres(*source, actor, to, env, std::ref(progress));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (g.json) {
    std::cout << json{{"from", from},
                      {"to", to},
                      {"source", counts_json(r.source)},
                      {"target", counts_json(r.target)},
                      {"verified", {{"ok", r.verified.ok}, {"audit_rows", r.verified.audit_rows},
                                    {"rows_checked", r.verified.rows_checked},
                                    {"attachments_checked", r.verified.attachments_checked}, {"notes", r.verified.notes}}},
                      {"key", r.key},
                      {"anchor", r.anchor},
                      {"seconds", seconds}}
                     .dump(2)
              << "\n";
    return 0;
  }
  std::printf("migrated %s to %s in %.1f s: %lld entries, %lld audit log entries, %lld attachments\n", from.c_str(),
              to.c_str(), seconds, static_cast<long long>(r.target.entries), static_cast<long long>(r.target.audit_rows),
              static_cast<long long>(r.target.attachments));
  std::printf("audit head: SQLite #%lld %s\n            PostgreSQL #%lld %s\n", static_cast<long long>(r.source.head_seq),
              r.source.head_hash.c_str(), static_cast<long long>(r.target.head_seq), r.target.head_hash.c_str());
  std::printf("verified: %lld audit log entries, %lld rows, %lld attachments; the chain and every hash match\n",
              static_cast<long long>(r.verified.audit_rows), static_cast<long long>(r.verified.rows_checked),
              static_cast<long long>(r.verified.attachments_checked));
  for (const auto& n : r.verified.notes) std::printf("note: %s\n", n.c_str());
  std::printf("the chain key is %s: keep a copy of it elsewhere, and on every machine that writes the register; "
              "%s itself was not changed\n",
              r.key.c_str(), from.c_str());
  return 0;
}

const bool registered = register_command(
    {"migrate", "migrate --from FILE --to postgresql://USER@HOST:PORT/DB",
     "move the SQLite register into an empty PostgreSQL database, same audit chain (admin)", cmd_migrate});

}  // namespace
}  // namespace saraban::cli
