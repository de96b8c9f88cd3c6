#pragma once
// The CLI's side of proving who acts (registry/identity.h): it measures the facts (who owns
// the register file, who runs saraban) and gets a password from --password-file or the
// terminal, with echo off.
#include <optional>
#include <string>

#include "cli/command.h"
#include "registry/identity.h"
#include "registry/register_store.h"

namespace saraban::cli {

registry::Identity prove_acting_user(const GlobalOptions& g, registry::RegisterStore& store);

// The first line of FILE (without its line end); refused when the file cannot be read.
std::string read_password_file(const std::string& path);
// Asks on the terminal with echo off; nullopt when stdin is not a terminal.
std::optional<std::string> ask_password(const std::string& prompt);

}  // namespace saraban::cli
