#pragma once
// The files that make up one register: the database, SQLite's companions (-wal, -shm,
// -journal) and Saraban's own beside it (the chain key, the anchor). Every path a command
// writes from a register is checked against all of them, so no output can destroy the register.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace saraban::registry {

struct RegisterFiles {
  explicit RegisterFiles(std::string db_path);
  std::string db;
  std::string key;     // db + ".key": the audit chain's secret key, 0600, never in the database
  std::string anchor;  // db + ".anchor": the latest head of the chain, rewritten after every change
  std::string moved;   // db + ".moved": where saraban migrate moved the register; writes here refused
  // The database and every companion, in the order they are compared.
  std::vector<std::string> all() const;
};

// Where the register was moved (the first line of its .moved file), if it was.
std::optional<std::string> moved_to(const RegisterFiles& files);

// Throws InvalidInput when `output` is the register at `db` or one of its companion files,
// compared by device and inode when both exist, else by canonical directory and name (a file
// not written yet). Every command writing a file from a register calls this first.
void refuse_register_path(const std::string& output, const std::string& db);

// Writes `bytes` to `path` readable by its owner only: a temporary file in the same directory,
// flushed, then renamed over `path`. The rename is not flushed; see the caller for why.
void write_private_file(const std::string& path, const std::string& bytes);

// Flushes a directory entry (after a rename or link that must survive a power cut).
void sync_directory_of(const std::string& path);

// ---- init: a register appears at its path complete or not at all

// Holds off every other init in the register's directory while one builds its files (an flock
// on the directory, released when this is destroyed or the process dies).
class InitLock {
 public:
  explicit InitLock(const std::string& db_path);
  ~InitLock();
  InitLock(const InitLock&) = delete;
  InitLock& operator=(const InitLock&) = delete;

 private:
  int fd_ = -1;
};

// Throws InvalidInput when `path` holds a register or any other non-empty file that is not an
// empty SQLite database (init never overwrites data). Absent, zero bytes or no tables: fine.
void clear_way_for_init(const std::string& path);
// Removes a database file and its -wal, -shm, -journal (absent ones are fine).
void remove_database_files(const std::string& path);
// Moves a key or anchor found where a new register's will go aside (name.old-TIME): a key
// is never destroyed, even one whose register is gone.
void set_aside_leftovers(const RegisterFiles& files, std::int64_t now);
void sync_file(const std::string& path);
// Links the finished `tmp` at `path` (replacing only an empty file there) and removes `tmp`.
void move_into_place(const std::string& tmp, const std::string& path);

}  // namespace saraban::registry
