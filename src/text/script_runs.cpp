#include "text/script_runs.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <optional>

#include "text/thai_chars.h"
#include "text/utf8.h"

namespace saraban::text {
namespace {

struct Classified {
  std::size_t begin;
  std::size_t end;
  std::optional<Script> strong;  // empty for spaces, punctuation, ASCII digits
  bool combining;
};

Classified classify(char32_t cp, std::size_t begin, std::size_t end) {
  const auto c = static_cast<UChar32>(cp);
  const bool combining = thai::is_combining_mark(cp) ||
                         (U_GET_GC_MASK(c) & (U_GC_MN_MASK | U_GC_ME_MASK | U_GC_MC_MASK)) != 0;
  // The whole Thai block is Thai, including its digits and the baht sign.
  if (thai::is_thai(cp)) return {begin, end, Script::Thai, combining};
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode code = uscript_getScript(c, &status);
  if (U_SUCCESS(status) && code == USCRIPT_LATIN) return {begin, end, Script::Latin, combining};
  return {begin, end, std::nullopt, combining};
}

}  // namespace

std::vector<ScriptRun> itemize_scripts(std::string_view utf8) {
  std::vector<Classified> chars;
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t begin = i;
    const char32_t cp = next_code_point(utf8, i);
    chars.push_back(classify(cp, begin, i));
  }
  // Weak characters take the preceding strong script, else the following one; a combining
  // mark always takes its base's script so it never starts a run.
  std::vector<Script> resolved(chars.size(), Script::Common);
  std::optional<Script> previous;
  for (std::size_t k = 0; k < chars.size(); ++k) {
    if (chars[k].combining && k > 0) {
      resolved[k] = resolved[k - 1];
      continue;
    }
    if (chars[k].strong) previous = chars[k].strong;
    resolved[k] = previous.value_or(Script::Common);
  }
  std::optional<Script> following;
  for (std::size_t k = chars.size(); k-- > 0;) {
    if (chars[k].strong && !(chars[k].combining && k > 0)) following = chars[k].strong;
    const bool leading_weak = resolved[k] == Script::Common && !chars[k].strong;
    if (leading_weak && following) resolved[k] = *following;
  }
  for (std::size_t k = 1; k < chars.size(); ++k) {
    if (chars[k].combining) resolved[k] = resolved[k - 1];
  }
  std::vector<ScriptRun> runs;
  for (std::size_t k = 0; k < chars.size(); ++k) {
    if (!runs.empty() && runs.back().script == resolved[k]) {
      runs.back().end = chars[k].end;
    } else {
      runs.push_back({chars[k].begin, chars[k].end, resolved[k]});
    }
  }
  return runs;
}

const char* script_tag(Script s) {
  switch (s) {
    case Script::Thai: return "Thai";
    case Script::Latin: return "Latn";
    case Script::Common: return "Zyyy";
  }
  return "Zyyy";
}

const char* script_language(Script s) {
  switch (s) {
    case Script::Thai: return "th";
    case Script::Latin: return "en";
    case Script::Common: return "und";
  }
  return "und";
}

}  // namespace saraban::text
