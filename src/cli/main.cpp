// saraban: the one command. Global options come first, then a subcommand.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "base/error.h"
#include "cli/command.h"

namespace saraban::cli {
namespace {

void print_usage(std::FILE* out) {
  std::fprintf(out, "usage: saraban [--db FILE] [--as USER] [--password-file FILE] [--json] COMMAND [ARGS]\n\ncommands:\n");
  for (const auto& c : commands()) std::fprintf(out, "  %-60s %s\n", c.usage.c_str(), c.summary.c_str());
}

int run(int argc, char** argv) {
  GlobalOptions global;
  std::vector<std::string> args(argv + 1, argv + argc);
  std::size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--db" || a == "--as" || a == "--password-file") {
      if (i + 1 >= args.size()) throw Error(ErrorCode::InvalidInput, "needs a value", a);
      if (a == "--db") global.db = args[++i];
      else if (a == "--as") global.as_user = args[++i];
      else global.password_file = args[++i];
    } else if (a == "--json") {
      global.json = true;
    } else if (a == "-h" || a == "--help" || a == "help") {
      print_usage(stdout);
      return 0;
    } else {
      break;
    }
  }
  if (i >= args.size()) {
    print_usage(stderr);
    return 64;
  }
  const std::string name = args[i];
  std::vector<std::string> rest(args.begin() + static_cast<long>(i) + 1, args.end());
  for (const auto& c : commands())
    if (c.name == name) return c.run(global, rest);
  throw Error(ErrorCode::InvalidInput, "unknown command (see saraban --help)", name);
}

}  // namespace
}  // namespace saraban::cli

int main(int argc, char** argv) {
  try {
    return saraban::cli::run(argc, argv);
  } catch (const saraban::Error& e) {
    std::fprintf(stderr, "saraban: %s\n", e.what());
    return saraban::exit_status(e.code());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "saraban: internal error: %s\n", e.what());
    return 70;
  }
}
