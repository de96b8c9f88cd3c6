#pragma once
// A register opened for one command: the store, the rules over it, and the proved acting user.
#include <memory>
#include <span>
#include <string>

#include "cli/command.h"
#include "registry/registry.h"
#include "registry/sql_store.h"

namespace saraban::cli {

struct Session {
  std::unique_ptr<registry::SqlRegisterStore> store;
  std::unique_ptr<registry::Registry> registry;
  registry::User actor;
};

// The acting user is proved (acting_user.h), never taken on the word of --as.
Session open_session(const GlobalOptions& g);

// What commands write from a register (exports, attachments, letters, reports): owner-only, or
// readable by the office's group; never over the register's own files.
void write_output(Session& s, const std::string& path, std::span<const std::uint8_t> bytes);

}  // namespace saraban::cli
