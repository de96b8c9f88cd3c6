#pragma once
// Itemisation by script, so every HarfBuzz buffer gets its script and language set
// explicitly (never guessed on mixed Thai/Latin text).
#include <cstddef>
#include <string_view>
#include <vector>

namespace saraban::text {

enum class Script { Thai, Latin, Common };

struct ScriptRun {
  std::size_t begin;  // byte offsets into the paragraph
  std::size_t end;
  Script script;
};

// Common characters (spaces, digits, punctuation) join the run around them; Thai digits are
// Thai. Combining marks always stay with their base.
std::vector<ScriptRun> itemize_scripts(std::string_view utf8);

// ISO 15924 tag and BCP 47 language for a run: "Thai"/"th", "Latn"/"en".
const char* script_tag(Script s);
const char* script_language(Script s);

}  // namespace saraban::text
