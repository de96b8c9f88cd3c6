#include "layout/font_set.h"

#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "base/error.h"
#include "base/json_depth.h"

namespace saraban::layout {

namespace {

// The shipped fonts/fonts.json, so the binary works outside the source tree.
constexpr const char* kBuiltinConfig = R"({
  "search_paths": ["/usr/share/fonts/truetype/tlwg", "/usr/share/fonts/truetype/dejavu", "/usr/local/share/fonts"],
  "roles": {
    "body": {"regular": "Laksaman.ttf", "bold": "Laksaman-Bold.ttf", "italic": "Laksaman-Italic.ttf",
             "bold_italic": "Laksaman-BoldItalic.ttf"},
    "fallback": {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
  }
})";

bool is_file(const std::string& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

const char* style_name(FontStyle s) {
  switch (s) {
    case FontStyle::Regular: return "regular";
    case FontStyle::Bold: return "bold";
    case FontStyle::Italic: return "italic";
    case FontStyle::BoldItalic: return "bold_italic";
  }
  return "regular";
}

}  // namespace

FontConfig FontConfig::parse(std::string_view json, const std::string& source) {
  nlohmann::json j;
  try {
    check_json_depth(json, source);
    j = nlohmann::json::parse(json);
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for a number like 1e999999
    throw Error(ErrorCode::InvalidInput, std::string("malformed JSON: ") + e.what(), source);
  }
  FontConfig c;
  if (j.contains("search_paths")) {
    if (!j["search_paths"].is_array())
      throw Error(ErrorCode::InvalidInput, "expected an array of folders", source + ": $.search_paths");
    for (const auto& p : j["search_paths"]) {
      if (!p.is_string()) throw Error(ErrorCode::InvalidInput, "expected a string", source + ": $.search_paths[]");
      c.search_paths.push_back(p.get<std::string>());
    }
  }
  if (!j.contains("roles") || !j["roles"].is_object())
    throw Error(ErrorCode::InvalidInput, "expected an object of roles", source + ": $.roles");
  for (const auto& [role, styles] : j["roles"].items()) {
    if (!styles.is_object())
      throw Error(ErrorCode::InvalidInput, "expected an object of styles", source + ": $.roles." + role);
    for (const auto& [style, file] : styles.items()) {
      if (!file.is_string())
        throw Error(ErrorCode::InvalidInput, "expected a file name", source + ": $.roles." + role + "." + style);
      c.roles[role][style] = file.get<std::string>();
    }
  }
  if (!c.roles.count("body") || !c.roles["body"].count("regular"))
    throw Error(ErrorCode::InvalidInput, "a body font is required", source + ": $.roles.body.regular");
  return c;
}

FontConfig FontConfig::load_default(const Environment& env) {
  if (auto path = env.variable("SARABAN_FONTS")) return parse(read_text_file(env, *path), *path);
  if (is_file("fonts/fonts.json")) return parse(read_text_file(env, "fonts/fonts.json"), "fonts/fonts.json");
  return parse(kBuiltinConfig, "built-in fonts.json");
}

FontSet::FontSet(const Environment& env, FontConfig config) : env_(env), config_(std::move(config)) {}

void FontSet::override_body(const std::string& path) {
  config_.roles["body"] = {{"regular", path}};
  loaded_.clear();
}

bool FontSet::has_fallback() const {
  auto it = config_.roles.find("fallback");
  return it != config_.roles.end() && it->second.count("regular");
}

std::string FontSet::resolve(const std::string& file) const {
  if (is_file(file) || file.find('/') != std::string::npos) return file;
  for (std::string dir : config_.search_paths) {
    if (dir.rfind("~/", 0) == 0) {
      if (auto home = env_.variable("HOME")) dir = *home + dir.substr(1);
    }
    std::string p = dir + "/" + file;
    if (is_file(p)) return p;
  }
  return file;  // Font::load names it in the error
}

FontRef FontSet::get(FontRole role, FontStyle style) {
  auto key = std::make_pair(static_cast<int>(role), static_cast<int>(style));
  if (auto it = loaded_.find(key); it != loaded_.end()) return it->second;
  const auto& styles = config_.roles.at(role == FontRole::Body ? "body" : "fallback");
  auto it = styles.find(style_name(style));
  if (it == styles.end() && style == FontStyle::BoldItalic) it = styles.find("bold");
  if (it == styles.end()) it = styles.find("regular");
  if (it == styles.end()) throw Error(ErrorCode::FontError, "no font configured for this role", "fonts.json");
  FontRef f = Font::load(env_, resolve(it->second));
  loaded_[key] = f;
  return f;
}

}  // namespace saraban::layout
