#pragma once
// Which font serves which role (fonts/fonts.json): the body face in four styles and a
// fallback for characters the body font lacks. Fonts load lazily and are shared.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/environment.h"
#include "layout/font.h"

namespace saraban::layout {

enum class FontStyle { Regular, Bold, Italic, BoldItalic };
enum class FontRole { Body, Fallback };

struct FontConfig {
  std::vector<std::string> search_paths;
  // role name ("body", "fallback") -> style name ("regular", "bold", ...) -> file
  std::map<std::string, std::map<std::string, std::string>> roles;

  // Parses fonts.json; throws Error(InvalidInput) naming the JSON path that is wrong.
  static FontConfig parse(std::string_view json, const std::string& source);
  // SARABAN_FONTS if set, else ./fonts/fonts.json, else the copy built into the binary.
  static FontConfig load_default(const Environment& env);
};

class FontSet {
 public:
  FontSet(const Environment& env, FontConfig config);
  // Replaces the body font in every style (the command line's --font FILE).
  void override_body(const std::string& path);
  // The font for a role and style; bold/italic fall back to regular when not configured.
  // Throws Error(FontError) naming the file when it cannot be found or read.
  FontRef get(FontRole role, FontStyle style);
  // Whether a fallback font is configured.
  bool has_fallback() const;

 private:
  std::string resolve(const std::string& file) const;
  const Environment& env_;
  FontConfig config_;
  std::map<std::pair<int, int>, FontRef> loaded_;
};

}  // namespace saraban::layout
