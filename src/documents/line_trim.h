#pragma once
// A manual's source line without the blanks around it (spaces, tabs, a Windows line end's CR).
#include <string_view>

namespace saraban::documents {

inline std::string_view trim_line(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

}  // namespace saraban::documents
