#include "registry/register_files.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sqlite3.h>

#include "base/error.h"
#include "registry/file_access.h"
#include "registry/schema.h"
#include "registry/sqlite.h"

namespace saraban::registry {
namespace {

namespace fs = std::filesystem;

// The canonical form of a path that may not exist yet: its directory resolved, its name kept.
fs::path canonical_or_planned(const std::string& p) {
  std::error_code ec;
  fs::path path(p);
  if (fs::exists(path, ec)) {
    auto c = fs::canonical(path, ec);
    if (!ec) return c;
  }
  fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
  auto dir = fs::weakly_canonical(parent, ec);
  if (ec) dir = fs::absolute(parent, ec).lexically_normal();
  return dir / path.filename();
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {}, sb {};
  if (::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  return canonical_or_planned(a) == canonical_or_planned(b);
}

[[noreturn]] void io_fail(const std::string& what, const std::string& path) {
  int e = errno;
  throw Error(ErrorCode::IoError, what + ": " + std::strerror(e), path);
}

}  // namespace

RegisterFiles::RegisterFiles(std::string db_path)
    : db(std::move(db_path)), key(db + ".key"), anchor(db + ".anchor"), moved(db + ".moved") {}

std::optional<std::string> moved_to(const RegisterFiles& files) {
  std::error_code ec;
  if (!std::filesystem::exists(files.moved, ec)) return std::nullopt;
  std::string text;
  if (std::FILE* f = std::fopen(files.moved.c_str(), "rb")) {
    char buf[512];
    text.assign(buf, std::fread(buf, 1, sizeof buf, f));
    std::fclose(f);
  }
  return text.substr(0, text.find('\n'));
}

std::vector<std::string> RegisterFiles::all() const {
  return {db, db + "-wal", db + "-shm", db + "-journal", key, anchor};
}

void refuse_register_path(const std::string& output, const std::string& db) {
  for (const auto& f : RegisterFiles(db).all())
    if (same_file(output, f))
      throw Error(ErrorCode::InvalidInput,
                  f == db ? "this is the register itself; writing there would destroy it (choose another file)"
                          : "this is one of the register's own files (" + f + "); choose another file",
                  output);
}

// Owner only, whatever the office's group: the key and the anchor are for Saraban alone.
void write_private_file(const std::string& path, const std::string& bytes) {
  write_register_output(path, std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), FileAccess{});
}

void sync_directory_of(const std::string& path) {
  fs::path parent = fs::path(path).has_parent_path() ? fs::path(path).parent_path() : fs::path(".");
  int fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) io_fail("cannot open the directory", parent.string());
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) io_fail("cannot flush the directory", parent.string());
}

namespace {

struct DatabaseShape {
  bool readable = false;
  int application_id = 0;
  std::int64_t tables = 0;
};

// What an existing file is, read through a plain connection (no tokenizer, nothing created).
DatabaseShape shape_of(const std::string& path) {
  DatabaseShape d;
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
  sql::ConnectionPtr db(raw);
  if (rc != SQLITE_OK) return d;
  auto one = [&](const char* q, std::int64_t& out) {
    sqlite3_stmt* st = nullptr;
    bool ok = sqlite3_prepare_v2(db.get(), q, -1, &st, nullptr) == SQLITE_OK;
    sql::StatementPtr guard(st);
    ok = ok && sqlite3_step(st) == SQLITE_ROW;
    if (ok) out = sqlite3_column_int64(st, 0);
    return ok;
  };
  std::int64_t app = 0;
  d.readable = one("PRAGMA application_id", app) && one("SELECT count(*) FROM sqlite_schema", d.tables);
  d.application_id = static_cast<int>(app);
  return d;
}

}  // namespace

InitLock::InitLock(const std::string& db_path) {
  fs::path p(db_path);
  fs::path parent = p.has_parent_path() ? p.parent_path() : fs::path(".");
  fd_ = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) io_fail("cannot open the register's directory", parent.string());
  while (::flock(fd_, LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    int e = errno;
    ::close(fd_);
    errno = e;
    io_fail("cannot lock the register's directory", parent.string());
  }
}

InitLock::~InitLock() { ::close(fd_); }

void clear_way_for_init(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return;
  if (!S_ISREG(st.st_mode)) throw Error(ErrorCode::InvalidInput, "not a regular file; a register cannot go here", path);
  if (st.st_size == 0) return;
  DatabaseShape d = shape_of(path);
  if (!d.readable)
    throw Error(ErrorCode::InvalidInput,
                "a file that is not a register is already there; init never overwrites a file (move it away or "
                "choose another --db)",
                path);
  if (d.tables == 0) return;  // an empty database, e.g. from an interrupted init of an older saraban
  if (d.application_id == kApplicationId)
    throw Error(ErrorCode::InvalidInput, "a register is already there; a register is never created over one", path);
  throw Error(ErrorCode::InvalidInput,
              "another application's database is already there; init never overwrites it (choose another --db)", path);
}

void remove_database_files(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) ::unlink((path + suffix).c_str());
}

void set_aside_leftovers(const RegisterFiles& files, std::int64_t now) {
  for (const auto& f : {files.key, files.anchor}) {
    struct stat st {};
    if (::stat(f.c_str(), &st) != 0) continue;
    std::string aside = f + ".old-" + std::to_string(now);
    if (::rename(f.c_str(), aside.c_str()) != 0) io_fail("cannot move a leftover file aside", f);
  }
}

void sync_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) io_fail("cannot open", path);
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) io_fail("cannot flush", path);
}

void move_into_place(const std::string& tmp, const std::string& path) {
  clear_way_for_init(path);  // again: something may have appeared while the register was built
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) remove_database_files(path);
  if (::link(tmp.c_str(), path.c_str()) != 0) {
    int e = errno;
    remove_database_files(tmp);
    if (e == EEXIST) throw Error(ErrorCode::InvalidInput, "another init created a register here meanwhile", path);
    errno = e;
    io_fail("cannot move the new register into place", path);
  }
  ::unlink(tmp.c_str());
  sync_directory_of(path);
}

}  // namespace saraban::registry
