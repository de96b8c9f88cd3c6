#pragma once
#include <ctime>
// Shared helpers of the registry tests: a temporary register, a settable clock, running the
// real `saraban` binary, and a digest of a register's whole logical content.
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/environment.h"
#include "cli/incoming_pdf_adapter.h"
#include "registry/registry.h"
#include "registry/sha256.h"
#include "registry/sql_store.h"
#include "test_store.h"

namespace saraban::registry::testing {

// The system environment with a clock the test sets.
class TestEnvironment final : public Environment {
 public:
  explicit TestEnvironment(std::int64_t now) : now_(now) {}
  std::int64_t now() const override { return now_; }
  void set_now(std::int64_t t) { now_ = t; }
  std::optional<std::string> variable(std::string_view n) const override { return system_environment().variable(n); }
  std::vector<std::uint8_t> read_file(const std::string& p) const override { return system_environment().read_file(p); }
  void write_file_atomic(const std::string& p, std::span<const std::uint8_t> b) const override {
    system_environment().write_file_atomic(p, b);
  }

 private:
  std::int64_t now_;
};

// 2026-03-05 10:00 in Bangkok.
inline constexpr std::int64_t kMarch2026 = 1772679600;

// The Buddhist-era year the register numbers in today (its clock is the wall clock; the year
// starts in January unless a test moves it), and an entry's address in it.
inline int this_year_be() {
  std::time_t t = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&t, &local);
  return local.tm_year + 1900 + 543;
}
inline std::string address(const std::string& register_code, int number) {
  return register_code + "/" + std::to_string(this_year_be()) + "/" + std::to_string(number);
}

inline std::string temp_dir(const std::string& name) {
  std::string d = "/tmp/saraban-registry-test-" + name + "-" + std::to_string(::getpid());
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

// A register with the usual cast: clerk, director (cleared ลับมาก), officer, signer, and an
// uncleared clerk 'nosy'.
struct Fixture {
  std::string dir;
  std::string db;
  TestEnvironment env{kMarch2026};
  cli::IncomingPdfAdapter pdfs{env};  // what the CLI gives the register: real inspection and stamp
  std::unique_ptr<SqlRegisterStore> store;
  std::unique_ptr<Registry> reg;
  User admin, clerk, director, officer, signer, nosy, cleared_clerk;

  explicit Fixture(const std::string& name) : dir(temp_dir(name)), db(test_register_location(dir, name)) {
    store = SqlRegisterStore::create(db, env);
    reg = std::make_unique<Registry>(*store, env, &pdfs);
    admin = reg->acting_user("admin");
    reg->add_user(admin, "somchai", Role::Clerk, Secrecy::None);
    reg->add_user(admin, "director", Role::Director, Secrecy::Secret);
    reg->add_user(admin, "officer", Role::Officer, Secrecy::Secret);
    reg->add_user(admin, "signer", Role::Signer, Secrecy::Secret);
    reg->add_user(admin, "nosy", Role::Clerk, Secrecy::None);
    reg->add_user(admin, "malee", Role::Clerk, Secrecy::TopSecret);
    clerk = reg->acting_user("somchai");
    director = reg->acting_user("director");
    officer = reg->acting_user("officer");
    signer = reg->acting_user("signer");
    nosy = reg->acting_user("nosy");
    cleared_clerk = reg->acting_user("malee");
  }
  ~Fixture() {
    reg.reset();
    store.reset();
    drop_test_register(db);
    std::filesystem::remove_all(dir);
  }
  Issued receive(const std::string& subject, Secrecy s = Secrecy::None, const User* who = nullptr) {
    ReceiveRequest r;
    r.sender = "โรงเรียนบ้านหนองบัว";
    r.subject = subject;
    r.secrecy = s;
    return reg->receive(who ? *who : (s == Secrecy::None ? clerk : cleared_clerk), r);
  }
};

struct RunResult {
  int status = -1;  // exit status
  std::string out;
  std::string err;
};

// A whole file's bytes ("" when it cannot be read).
inline std::string slurp(const std::string& path) {
  std::string s;
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
    std::fclose(f);
  }
  return s;
}

// Runs the real binary with `args` (no shell), capturing stdout and stderr.
// With `unprivileged`, a test running as root runs the binary as nobody, so file permissions
// (a read-only register) apply as they do for a clerk.
inline RunResult run_saraban(const std::vector<std::string>& args, const std::string& as_user = "",
                             bool unprivileged = false) {
  std::string dir = "/tmp/saraban-run-" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  std::string out_path = dir + "/out", err_path = dir + "/err";
  pid_t pid = ::fork();
  if (pid == 0) {
    std::FILE* o = std::freopen(out_path.c_str(), "w", stdout);
    std::FILE* e = std::freopen(err_path.c_str(), "w", stderr);
    (void)o;
    (void)e;
    if (unprivileged && ::geteuid() == 0) {
      if (::setgid(65534) != 0 || ::setuid(65534) != 0) std::_Exit(126);
    }
    if (!as_user.empty()) ::setenv("SARABAN_USER", as_user.c_str(), 1);
    else ::unsetenv("SARABAN_USER");
    std::vector<char*> argv;
    std::string bin = SARABAN_BINARY;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(bin.c_str(), argv.data());
    std::_Exit(127);
  }
  int st = 0;
  ::waitpid(pid, &st, 0);
  RunResult r;
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  r.out = slurp(out_path);
  r.err = slurp(err_path);
  std::filesystem::remove_all(dir);
  return r;
}


// Runs `sql` on the register through a plain connection, as someone editing the register
// outside Saraban would. Returns 0 (SQLITE_OK) when it ran, 1 when the engine refused it.
inline int tamper(const std::string& db, const std::string& sql) {
  if (!is_postgres_url(db)) {  // sqlite3 itself: no foreign keys, creates a missing file
    sqlite3* raw = nullptr;
    sqlite3_open(db.c_str(), &raw);
    char* err = nullptr;
    int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &err);
    if (err) {
      std::fprintf(stderr, "tamper: %s\n", err);
      sqlite3_free(err);
    }
    sqlite3_close(raw);
    return rc;
  }
  try {
    auto c = raw_connection(db);
    c.exec(sql);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tamper: %s\n", e.what());
    return 1;
  }
}

}  // namespace saraban::registry::testing
