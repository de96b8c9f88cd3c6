#pragma once
// The audit chain (audit_log): one row per change of a canonical row, each holding the row's
// exact content and a hash over it and the row before. From the register's keyed_from entry
// on, the hash is a keyed BLAKE2b MAC (key in registry.db.key), and the anchor file outside
// the database names the head after every commit: rows cannot be forged, rewritten or cut off
// without the key. verify() walks it all.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "registry/anchor.h"
#include "registry/chain_key.h"
#include "registry/register_files.h"
#include "registry/sqlite.h"
#include "registry/types.h"

namespace saraban::registry {

class Findings;  // verify's report being built (audit_chain.cpp)

// The audited (canonical) tables, read from the register's own schema: every ordinary table
// but audit_log itself; FTS tables and their shadow tables are rebuildable and left out.
std::vector<std::string> audited_tables(sql::Connection& c);

// A row as canonical JSON: every column by name (sorted), integers as numbers, valid UTF-8 text
// as strings, any other text as {"invalid_utf8": hex of its exact bytes}, blobs as
// {"blob_sha256": hex}. `first` skips leading columns (a selected rowid).
std::string canonical_row(const sql::Statement& s, int first = 0);
// True when canonical_row records text `s` as a JSON string (valid UTF-8), not as hex.
bool is_canonical_text(std::string_view s);

class AuditChain {
 public:
  AuditChain(sql::Connection& c, RegisterFiles files);

  // For a register being built in a temporary file: rows are keyed with `key`, no anchor is
  // written (the caller anchors the finished file).
  void build_with(ChainKey key);
  // At the start of every write transaction: reads the head; on a keyed register refuses to
  // extend a history shorter than, or different from, what its anchor names.
  void begin(std::int64_t now, std::int64_t actor);
  // Appends the row recording the current content of tbl/id.
  void append(const std::string& tbl, std::int64_t id, const char* action);
  void append_all_rows();  // right after init: the seeded rows enter the chain
  // After COMMIT: the anchor names the new head (nothing to do when nothing was appended).
  void committed();
  // Migration of a register made before keying: a new key, keyed from the next row on (the
  // audit_key row itself is that row). Older rows stay plain SHA-256.
  void key_from_next_row(std::int64_t now);
  Anchor head() const { return Anchor{head_seq_, head_hash_, now_}; }
  // The anchor file's text, read before verify's snapshot begins: an anchor written by a commit
  // after the snapshot would otherwise look like a cut-off history.
  std::optional<std::string> anchor_before_snapshot() const { return read_anchor_text(files_.anchor); }
  // Inside a read transaction.
  VerifyReport verify(const std::optional<std::string>& anchor_text);
  // How many of the last verify's problems concern only the anchor (missing, altered, ahead).
  std::size_t anchor_problems() const { return anchor_problems_; }
  // Inside a write transaction: anchors the current head whatever the anchor said (an admin's
  // decision after verify found nothing else wrong). Returns the head anchored.
  Anchor reanchor(std::int64_t now);

 private:
  struct KeyRecord {
    std::int64_t keyed_from = 0;
    std::int64_t since = 0;
    std::string key_id;
  };
  // verify's first step: which entries can be checked against forgery (the key, its record);
  // returns the first keyed entry, `key` set when usable.
  std::int64_t verify_key(Findings& findings, VerifyReport& r, const ChainKey*& key);
  // Reads the head and, on a keyed register, loads and checks the key. True when keyed.
  bool begin_without_anchor(std::int64_t now);
  std::optional<KeyRecord> key_record();
  const ChainKey* usable_key();  // the key file's key, loaded once; null when absent
  void require_anchor_matches();
  std::string hash_of(std::int64_t seq, const std::string& message) const;

  sql::Connection& conn_;
  RegisterFiles files_;
  std::optional<ChainKey> key_;
  bool key_loaded_ = false;
  bool anchors_ = true;
  std::int64_t now_ = 0;
  std::int64_t actor_ = 0;
  std::int64_t head_seq_ = 0;
  std::string head_hash_;
  bool appended_ = false;
  std::size_t anchor_problems_ = 0;
};

}  // namespace saraban::registry
