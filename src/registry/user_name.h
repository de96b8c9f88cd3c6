#pragma once
// The syntax of the names users act under, so that a name cannot pass for another: no
// spaces or control characters, one script, NFC, and never confusable with an existing name.
#include <string>
#include <string_view>
#include <vector>

namespace saraban::registry {

// The rule, as every refusal states it.
inline constexpr std::string_view kUserNameRule =
    "a user name is 1-32 characters in NFC and one script: Latin letters, digits and . _ - "
    "starting with a letter (somchai, s.jaidee), or Thai letters and digits with . _ - "
    "starting with a Thai letter (สมชาย); no spaces, control characters or letters of other scripts";

// Throws InvalidInput naming what is wrong and the rule.
void check_user_name(std::string_view name);
// A new name must not look like one already there ("somchai" vs "sornchai", "Admin" vs
// "admin"); throws InvalidInput naming the existing user.
void check_not_confusable(std::string_view name, const std::vector<std::string>& existing);
// An OS account name as `user add --login` / `user login` take it: POSIX portable characters.
void check_login_name(std::string_view login);

}  // namespace saraban::registry
