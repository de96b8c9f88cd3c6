#pragma once
// Every subcommand of `saraban` registers itself here from its own file (one concept each:
// typeset_command.cpp, registry_commands.cpp, letter_commands.cpp, ...). main.cpp only parses
// the global options and dispatches.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/parse.h"

namespace saraban::cli {

struct GlobalOptions {
  std::string db = "var/registry.db";   // --db FILE
  std::optional<std::string> as_user;    // --as USER
  std::optional<std::string> password_file;  // --password-file FILE: the acting user's password
  bool json = false;                     // --json
};

// Returns the process exit status. Throw saraban::Error for failures: main prints
// "saraban: <context>: <message>" and exits with exit_status(code).
using CommandFn = std::function<int(const GlobalOptions&, const std::vector<std::string>& args)>;

struct Command {
  std::string name;
  std::string usage;    // one line: "typeset INPUT.txt -o OUT.pdf [--width CM] ..."
  std::string summary;  // what it does
  CommandFn run;
};

// Called from a static initialiser in each command file:
//   static const bool registered = register_command({...});
bool register_command(Command command);
const std::vector<Command>& commands();

// Small helpers shared by commands' argument parsing.
class ArgReader {
 public:
  explicit ArgReader(const std::vector<std::string>& args) : args_(args) {}
  bool done() const { return pos_ >= args_.size(); }
  const std::string& peek() const { return args_[pos_]; }
  std::string next();                       // throws InvalidInput when missing
  std::string value_of(const std::string& option);  // the value after --option
 private:
  const std::vector<std::string>& args_;
  std::size_t pos_ = 0;
};

double parse_double(const std::string& option, const std::string& text);
// Whole numbers: saraban::parse_integer (base/parse.h), with the option's own range.

}  // namespace saraban::cli
