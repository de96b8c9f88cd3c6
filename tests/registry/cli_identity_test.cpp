// Who is acting, end to end: the binary run as root (the register file's owner) and as
// `nobody`, another OS account. Switching accounts needs root; run as anyone else, these tests
// skip. The register is made readable and writable by all here, so that only Saraban's own
// identity rules stand between nobody and the register.
#include <poll.h>
#include <pty.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_support_identity.h"

namespace saraban::registry {
namespace {

using testing::content_digest;

struct OtherAccount : testing::CliRegister {
  void SetUp() override {
    if (::geteuid() != 0) GTEST_SKIP() << "needs root to run saraban as another OS account (nobody)";
    testing::CliRegister::SetUp();
    ok({"user", "add", "somchai", "--role", "clerk"}, "admin");
    ok({"user", "add", "boss", "--role", "director", "--clearance", "ลับที่สุด"}, "admin");
    ok({"user", "add", "malee", "--role", "clerk", "--clearance", "ลับที่สุด"}, "admin");
    ok({"receive", "--from", "กระทรวง", "--subject", "เรื่องลับที่สุด", "--secrecy", "ลับที่สุด"}, "malee");
    open_to_everyone();
  }
  void open_to_everyone() {
    ::chmod(dir.c_str(), 0777);
    // The chain's key and anchor are the register's files too: whoever writes it needs them.
    for (const char* suffix : {"", "-wal", "-shm", ".key", ".anchor"}) ::chmod((db + suffix).c_str(), 0666);
  }
  // As nobody; must be refused with `expect` in the message and change nothing.
  void refused(std::vector<std::string> args, const std::string& as, const std::string& expect) {
    std::string before = content_digest(db);
    auto r = sar(args, as, /*unprivileged=*/true);
    EXPECT_NE(r.status, 0) << "accepted: " << args.front();
    EXPECT_NE(r.err.find(expect), std::string::npos) << "message was: " << r.err;
    EXPECT_EQ(content_digest(db), before) << "the register changed";
  }
};

TEST_F(OtherAccount, AsNamesNoOneWithoutProof) {
  // Today's hole: --as alone read a ลับที่สุด letter and wrote malee's name in the access log.
  refused({"show", address("secret", 1)}, "malee", "give that user's password");
  refused({"--json", "access-log"}, "boss", "give that user's password");
  refused({"receive", "--from", "ก", "--subject", "ข"}, "somchai", "give that user's password");
  refused({"list"}, "", "is mapped to no user");
}

TEST_F(OtherAccount, AMappedAccountActsAsItsUserAndOnlyThatUser) {
  ok({"user", "login", "somchai", "nobody"}, "admin");
  open_to_everyone();
  auto r = sar({"--json", "receive", "--from", "สพฐ.", "--subject", "ขอเชิญประชุม"}, "", /*unprivileged=*/true);
  ASSERT_EQ(r.status, 0) << r.err;
  auto h = sar({"--json", "history", address("receive", 1)}, "admin");
  EXPECT_NE(h.out.find("\"by\": \"somchai\""), std::string::npos) << h.out;
  ok({"receive", "--from", "สพฐ.", "--subject", "ขอเชิญประชุมอีกครั้ง"}, "somchai", /*unprivileged=*/true);
  refused({"show", address("secret", 1)}, "malee", "may act only as 'somchai' without a password");
  // Unmapped again: refused.
  ok({"user", "login", "somchai", "--none"}, "admin");
  refused({"list"}, "", "is mapped to no user");
}

TEST_F(OtherAccount, PasswordProvesTheUser) {
  std::string right = write_file("right", "ช้างเผือก 42\n"), wrong = write_file("wrong", "ช้างเผือก 43\n");
  ok({"user", "passwd", "malee", "--password-file", right}, "admin");
  open_to_everyone();
  auto r = sar({"--password-file", right, "--json", "show", address("secret", 1)}, "malee", /*unprivileged=*/true);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("เรื่องลับที่สุด"), std::string::npos);
  auto log = sar({"--json", "access-log"}, "admin");
  EXPECT_EQ(log.status, 0) << log.err;
  auto malee_log = sar({"--json", "access-log"}, "malee");
  EXPECT_NE(malee_log.out.find("\"user\": \"malee\""), std::string::npos) << malee_log.out;
}

TEST_F(OtherAccount, WrongPasswordAndUnknownUserReadAlike) {
  std::string right = write_file("right", "ช้างเผือก 42\n"), wrong = write_file("wrong", "ช้างเผือก 43\n");
  ok({"user", "passwd", "malee", "--password-file", right}, "admin");
  open_to_everyone();
  std::string before = content_digest(db);
  auto bad = sar({"--password-file", wrong, "show", address("secret", 1)}, "malee", true);
  auto ghost = sar({"--password-file", wrong, "show", address("secret", 1)}, "ghost", true);
  auto unset = sar({"--password-file", wrong, "show", address("secret", 1)}, "somchai", true);  // has no password
  for (auto* r : {&bad, &ghost, &unset}) {
    EXPECT_NE(r->status, 0);
    EXPECT_NE(r->err.find("wrong password or no such user"), std::string::npos) << r->err;
  }
  // The same words, but for the name each was asked about.
  auto strip = [](std::string s, const std::string& name) { return s.replace(s.find(name), name.size(), "X"); };
  EXPECT_EQ(strip(bad.err, "malee"), strip(ghost.err, "ghost"));
  EXPECT_EQ(bad.status, ghost.status);
  EXPECT_EQ(content_digest(db), before);
}

TEST_F(OtherAccount, AProvedUserSetsTheirOwnPasswordButNoOneElses) {
  std::string first = write_file("first", "หนึ่งสองสาม\n"), next = write_file("next", "สี่ห้าหก\n");
  std::string empty = write_file("empty", "\n");
  ok({"user", "login", "somchai", "nobody"}, "admin");
  open_to_everyone();
  ok({"user", "passwd", "somchai", "--password-file", first}, "", /*unprivileged=*/true);
  refused({"user", "passwd", "malee", "--password-file", next}, "", "may set only their own password");
  refused({"user", "passwd", "somchai", "--password-file", empty}, "", "must not be empty");
  // Then the password works from an account that is not mapped.
  ok({"user", "login", "somchai", "--none"}, "admin");
  open_to_everyone();
  ok({"--password-file", first, "list"}, "somchai", /*unprivileged=*/true);
}

TEST_F(OtherAccount, OnlyAnAdminMapsLogins) {
  ok({"user", "login", "somchai", "nobody"}, "admin");
  open_to_everyone();
  refused({"user", "login", "malee", "nobody"}, "", "needs an admin");
  refused({"user", "add", "mallory", "--role", "admin", "--login", "nobody"}, "", "needs a admin");
}

// The owner keeps every right it had: any user, no password (the existing tests rely on it).
TEST_F(OtherAccount, TheFileOwnerActsAsAnyUser) {
  auto r = sar({"--json", "show", address("secret", 1)}, "malee");
  EXPECT_EQ(r.status, 0) << r.err;
  auto e = sar({"show", address("secret", 1)}, "ghost");
  EXPECT_NE(e.err.find("unknown user"), std::string::npos) << e.err;
}

// Runs saraban as nobody on a pseudo-terminal, typing each of `answers` after a prompt ending
// in ": " appears. Returns everything the terminal showed (stdout and stderr) and the status.
testing::RunResult run_on_terminal(const std::vector<std::string>& args, const std::vector<std::string>& answers,
                                   const std::string& as) {
  int master = -1;
  pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  if (pid == 0) {
    if (::setgid(65534) != 0 || ::setuid(65534) != 0) std::_Exit(126);
    ::setenv("SARABAN_USER", as.c_str(), 1);
    std::vector<std::string> copy = args;
    std::string bin = SARABAN_BINARY;
    std::vector<char*> argv{bin.data()};
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(bin.c_str(), argv.data());
    std::_Exit(127);
  }
  testing::RunResult r;
  std::size_t answered = 0, seen = 0;
  for (;;) {
    pollfd p{master, POLLIN, 0};
    if (::poll(&p, 1, 20000) <= 0) break;  // a hang is a failure, not a stuck test
    char buf[512];
    ssize_t n = ::read(master, buf, sizeof buf);
    if (n <= 0) break;  // EIO: the child closed the terminal
    r.out.append(buf, static_cast<std::size_t>(n));
    std::size_t prompt = r.out.find(": ", seen);
    if (answered < answers.size() && prompt != std::string::npos) {
      seen = prompt + 2;
      std::string line = answers[answered++] + "\n";
      if (::write(master, line.data(), line.size()) < 0) break;
    }
  }
  ::close(master);
  int st = 0;
  ::waitpid(pid, &st, 0);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  return r;
}

TEST_F(OtherAccount, PasswordIsAskedOnTheTerminalWithoutEcho) {
  std::string right = write_file("right", "ช้างเผือก42\n");
  ok({"user", "passwd", "malee", "--password-file", right}, "admin");
  open_to_everyone();
  auto r = run_on_terminal({"--db", db, "--json", "show", address("secret", 1)}, {"ช้างเผือก42"}, "malee");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("password for malee: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("เรื่องลับที่สุด"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("ช้างเผือก42"), std::string::npos) << "the password was echoed: " << r.out;
  auto wrong = run_on_terminal({"--db", db, "show", address("secret", 1)}, {"ช้างป่า"}, "malee");
  EXPECT_NE(wrong.status, 0);
  EXPECT_NE(wrong.out.find("wrong password or no such user"), std::string::npos) << wrong.out;
}

TEST_F(OtherAccount, NewPasswordIsTypedTwiceOnTheTerminal) {
  ok({"user", "login", "somchai", "nobody"}, "admin");
  open_to_everyone();
  auto differ = run_on_terminal({"--db", db, "user", "passwd", "somchai"}, {"หนึ่ง", "สอง"}, "");
  EXPECT_NE(differ.status, 0);
  EXPECT_NE(differ.out.find("the two passwords differ"), std::string::npos) << differ.out;
  auto same = run_on_terminal({"--db", db, "user", "passwd", "somchai"}, {"สามสี่", "สามสี่"}, "");
  EXPECT_EQ(same.status, 0) << same.out;
  EXPECT_EQ(same.out.find("สามสี่"), std::string::npos) << "the password was echoed: " << same.out;
  ok({"user", "login", "somchai", "--none"}, "admin");
  open_to_everyone();
  std::string file = write_file("pw", "สามสี่\n");
  ok({"--password-file", file, "list"}, "somchai", /*unprivileged=*/true);
}

}  // namespace
}  // namespace saraban::registry
