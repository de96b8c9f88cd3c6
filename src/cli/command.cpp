#include "cli/command.h"

#include <cerrno>
#include <cstdlib>

#include "base/error.h"

namespace saraban::cli {

namespace {
std::vector<Command>& table() {
  static std::vector<Command> t;
  return t;
}
}  // namespace

bool register_command(Command command) {
  table().push_back(std::move(command));
  return true;
}

const std::vector<Command>& commands() { return table(); }

std::string ArgReader::next() {
  if (done()) throw Error(ErrorCode::InvalidInput, "missing argument");
  return args_[pos_++];
}

std::string ArgReader::value_of(const std::string& option) {
  if (done()) throw Error(ErrorCode::InvalidInput, "needs a value", option);
  return args_[pos_++];
}

double parse_double(const std::string& option, const std::string& text) {
  errno = 0;
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || errno != 0 || *end != '\0')
    throw Error(ErrorCode::InvalidInput, "expected a number, got '" + text + "'", option);
  return v;
}


}  // namespace saraban::cli
