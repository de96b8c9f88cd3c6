#pragma once
// What a text field of the register may hold, and how stored text is shown on a terminal.
// A newline in a subject forged a row in `list`; an escape sequence could repaint the
// screen; invalid UTF-8 is stored normalised by some readers and not by others. So every
// field a person types or imports is checked here, and printed output escapes what it shows.
#include <string>
#include <string_view>

namespace saraban {

// Throws Error(InvalidInput or InvalidUtf8) naming `what` when `value` is not valid UTF-8 or
// holds a control character (C0, DEL, C1, U+2028/U+2029 line separators). With `required`,
// empty or whitespace-only text (spaces, tabs, no-break and zero-width spaces) is refused too.
void check_field_text(std::string_view value, std::string_view what, bool required = false);

// True when `value` would pass check_field_text(value, ..., false).
bool is_clean_field_text(std::string_view value);

// `value` with control characters and invalid bytes written as visible escapes (\n, \t,
// \x1B, \u2028): one stored field prints as exactly one piece of one line.
std::string escape_for_terminal(std::string_view value);

}  // namespace saraban
