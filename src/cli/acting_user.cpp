#include "cli/acting_user.h"

#include <pwd.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <vector>

#include "base/environment.h"
#include "base/error.h"
#include "registry/sql_store.h"

namespace saraban::cli {
namespace {

std::string login_of(uid_t uid) {
  std::vector<char> buf(16384);
  passwd pw{};
  passwd* found = nullptr;
  if (::getpwuid_r(uid, &pw, buf.data(), buf.size(), &found) != 0 || !found) return "";
  return found->pw_name;
}

std::optional<std::string> requested_name(const GlobalOptions& g) {
  if (g.as_user) return g.as_user;
  if (auto v = system_environment().variable("SARABAN_USER"); v && !v->empty()) return v;
  return std::nullopt;
}

// Restores the terminal's echo however the read ends.
class EchoOff {
 public:
  EchoOff() {
    ok_ = ::tcgetattr(STDIN_FILENO, &saved_) == 0;
    if (!ok_) return;
    termios quiet = saved_;
    quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  ~EchoOff() {
    if (ok_) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  termios saved_{};
  bool ok_ = false;
};

std::string first_line(std::string text) {
  auto end = text.find('\n');
  if (end != std::string::npos) text.resize(end);
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

}  // namespace

std::string read_password_file(const std::string& path) {
  return first_line(read_text_file(system_environment(), path));
}

std::optional<std::string> ask_password(const std::string& prompt) {
  if (!::isatty(STDIN_FILENO)) return std::nullopt;
  std::string line;
  {
    EchoOff quiet;  // before the prompt: nothing typed after it is ever echoed
    std::fprintf(stderr, "%s", prompt.c_str());
    std::fflush(stderr);
    std::getline(std::cin, line);
  }
  std::fprintf(stderr, "\n");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

registry::Identity prove_acting_user(const GlobalOptions& g, registry::RegisterStore& store) {
  // The path, not SQLite's descriptor: a caller that swaps the file gains nothing, since
  // opening the register at all already needed the OS to let it read and write the file.
  // A PostgreSQL register's owner on this machine is the owner of its chain key (0600): only
  // that account can extend the history from here.
  const std::string owned = registry::is_postgres_url(g.db)
                                ? registry::postgres_local_files(g.db, system_environment()).key
                                : g.db;
  struct stat st {};
  if (::stat(owned.c_str(), &st) != 0)
    throw Error(ErrorCode::IoError, std::string("cannot read the register's owner: ") + std::strerror(errno), owned);
  registry::IdentityQuery q;
  q.file_owner_uid = st.st_uid;
  q.caller_uid = ::geteuid();
  q.caller_login = login_of(::geteuid());
  q.requested = requested_name(g);
  if (g.password_file) q.password = read_password_file(*g.password_file);
  registry::IdentityFacts f = registry::identity_facts(store, q);
  if (auto who = registry::decide_identity(q, f)) return *who;
  q.password = ask_password("password for " + q.requested.value_or("") + ": ");
  if (q.password) {
    if (auto who = registry::decide_identity(q, f)) return *who;
  }
  throw registry::password_needed(q, f);
}

}  // namespace saraban::cli
