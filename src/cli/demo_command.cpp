// saraban demo: a year of an office's correspondence in a register, made through the
// register's own operations (registry/demo_office.h), for samples, tests and benchmarks.
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "base/environment.h"
#include "base/error.h"
#include "base/parse.h"
#include "cli/acting_user.h"
#include "cli/command.h"
#include "documents/letter_json.h"
#include "registry/demo_office.h"
#include "registry/sql_store.h"

namespace saraban::cli {
namespace {

using namespace saraban::registry;

int demo(const GlobalOptions& g, const std::vector<std::string>& args) {
  DemoOptions o;
  ArgReader r(args);
  bool year_given = false;
  while (!r.done()) {
    const std::string a = r.next();
    if (a == "--year") year_given = true, o.year = static_cast<int>(parse_integer(r.value_of(a), "--year", 2500, 2700));
    else if (a == "--letters") o.letters = static_cast<int>(parse_integer(r.value_of(a), "--letters", 1, 1000000));
    else if (a == "--seed") o.seed = static_cast<std::uint64_t>(parse_integer(r.value_of(a), "--seed", 0, INT64_MAX));
    else throw Error(ErrorCode::InvalidInput, "unknown option", a);
  }
  if (!year_given) throw Error(ErrorCode::InvalidInput, "needs --year (Buddhist era, e.g. 2569)", "demo");
  check_demo_options(o);
  struct stat st {};
  const bool fresh = ::stat(g.db.c_str(), &st) != 0;
  SimulatedEnvironment clock(system_environment());
  clock.set_now(system_environment().now());
  std::unique_ptr<SqlRegisterStore> store;
  User admin;
  if (fresh) {
    auto slash = g.db.find_last_of('/');
    if (slash != std::string::npos && slash > 0) ::mkdir(g.db.substr(0, slash).c_str(), 0775);
    store = SqlRegisterStore::create(g.db, clock);
  } else {
    store = SqlRegisterStore::open(g.db, clock);
  }
  Registry registry(*store, clock);
  registry.set_letter_validator([](const std::string& text) { documents::parse_letter(text, "demo reply", ".", nullptr); });
  const auto remove_new = [&] {  // a refused or failed demo leaves no register it made behind
    if (!fresh) return;
    store.reset();
    for (const char* suffix : {"", "-wal", "-shm", ".key", ".anchor"}) ::unlink((g.db + suffix).c_str());
  };
  const bool tty = ::isatty(2) == 1;
  int shown = -1;
  o.progress = [&](int done, int total) {
    const int percent = done * 100 / total;
    if (!tty || percent == shown) return;
    shown = percent;
    std::fprintf(stderr, "\rdemo: %d / %d letters received (%d%%)", done, total, percent);
    std::fflush(stderr);
  };
  const auto start = std::chrono::steady_clock::now();
  DemoSummary s;
  try {
    if (fresh) {
      admin = registry.acting_user("admin");
    } else {  // an existing register: an admin acts (--as, proved as every command proves it)
      GlobalOptions as = g;
      if (!as.as_user) as.as_user = "admin";
      admin = prove_acting_user(as, *store).user;
      if (admin.role != Role::Admin)
        throw Error(ErrorCode::PermissionDenied, "user '" + admin.name + "' is not an admin and cannot fill the register", "demo");
    }
    check_demo_register(*store, o);
    prepare_demo_register(*store, registry, clock, admin, o, fresh);
    s = run_demo(*store, registry, clock, o);
  } catch (...) {
    remove_new();
    throw;
  }
  if (tty) std::fprintf(stderr, "\n");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (g.json) {
    nlohmann::ordered_json j = {{"db", g.db}, {"year", o.year}, {"received", s.received}, {"sent", s.sent}, {"secret", s.secret},
                                {"cancelled", s.cancelled}, {"returned", s.returned}, {"seconds", seconds}};
    std::printf("%s\n", j.dump(2).c_str());
  } else {
    std::printf("demo %d: %d letters received, %d sent, %d secret, %d cancelled, %d drafts returned, in %.1f s\n", o.year,
                s.received, s.sent, s.secret, s.cancelled, s.returned, seconds);
  }
  return 0;
}

const bool registered = register_command({"demo", "demo --year 2569 [--letters 20000] [--seed N]",
                                          "fill the register with a year of an office's letters (samples, tests, benchmarks)", demo});

}  // namespace
}  // namespace saraban::cli
