#pragma once
// Keeping a register in shape: bringing an older schema up to date, rebuilding the search
// index, copying a live register (with its key and an anchor for the copy).
#include <string>

#include "base/environment.h"
#include "registry/audit_chain.h"
#include "registry/register_files.h"
#include "registry/sqlite.h"

namespace saraban::registry {

class Maintenance {
 public:
  Maintenance(sql::Connection& c, AuditChain& chain, RegisterFiles files, const Environment& env);

  // Inside a write transaction: applies every migration above the register's version, in order.
  void apply_migrations();
  // Inside a write transaction: rebuilds the FTS index from the entries.
  void reindex();
  // SQLite's online backup to `destination` (never over an existing file, never onto the
  // register's own files), then the key beside it and an anchor naming the copy's head, so the
  // copy opens, verifies and accepts changes on its own.
  void backup(const std::string& destination);

 private:
  sql::Connection& conn_;
  AuditChain& chain_;
  RegisterFiles files_;
  const Environment& env_;
};

}  // namespace saraban::registry
