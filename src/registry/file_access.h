#pragma once
// Who may read the files Saraban writes from the register (the register itself, its -wal and
// -shm, backups, exports, attachments and letters written out): the owner only (0600), or
// also the office's group (0640) when `office set --group` names one. Applied when a file is
// created, never by widening a file that exists.
#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace saraban::registry {

struct FileAccess {
  std::optional<gid_t> group;  // nullopt: owner only
  mode_t mode() const { return group ? 0640 : 0600; }
};

// The access for an office's group name (nullopt: owner only). NotFound for a group the
// system does not know.
FileAccess file_access_for(const std::optional<std::string>& group_name);

// umask 077 for its lifetime: every file created meanwhile (SQLite's included) is owner-only.
class PrivateUmask {
 public:
  PrivateUmask();
  ~PrivateUmask();
  PrivateUmask(const PrivateUmask&) = delete;
  PrivateUmask& operator=(const PrivateUmask&) = delete;

 private:
  mode_t saved_;
};

// Gives a file this process just created the office's access (group and mode); a file made
// under PrivateUmask is already 0600, so this only ever narrows or opens it to the group.
void apply_file_access(const std::string& path, const FileAccess& access);

// Writes `bytes` to a temporary file beside `path` created with `access` from the start,
// flushes, then renames over `path`: never half-written, never readable by others.
void write_register_output(const std::string& path, std::span<const std::uint8_t> bytes, const FileAccess& access);

}  // namespace saraban::registry
