#pragma once
// The anchor: the chain's latest head (its sequence number, its hash, when) in a file beside
// the register (registry.db.anchor), MAC'd with the chain key and rewritten after every
// committed change. The database can be cut short; the anchor then still names the head it had.
#include <cstdint>
#include <optional>
#include <string>

#include "registry/chain_key.h"

namespace saraban::registry {

struct Anchor {
  std::int64_t seq = 0;  // number of audit log entries at the head
  std::string hash;      // the head entry's hash
  std::int64_t at = 0;   // when that head was written (unix seconds)
};

// The anchor at `path`; nullopt when there is none. Throws DatabaseError when the file was
// altered (its MAC does not match under `key`) or is not an anchor.
std::optional<Anchor> read_anchor(const std::string& path, const ChainKey& key);
// The same for an anchor file's text already read (`path` names it in errors).
Anchor parse_anchor(const std::string& text, const std::string& path, const ChainKey& key);
// The anchor file's text; nullopt when there is none.
std::optional<std::string> read_anchor_text(const std::string& path);

// Records `a` at `path` whatever the file names now (an admin re-anchoring a register).
void replace_anchor(const std::string& path, const ChainKey& key, const Anchor& a);

// Records `a` at `path` (temporary file, flush, rename) unless the file already names a later
// head: writers that commit one after the other may finish in either order. The key file
// `key_path` is locked meanwhile, so two writers never interleave.
void write_anchor(const std::string& path, const std::string& key_path, const ChainKey& key, const Anchor& a);

}  // namespace saraban::registry
