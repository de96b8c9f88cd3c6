#pragma once
// Users' passwords as Argon2id hashes (libsodium crypto_pwhash_str, the interactive limits):
// the register stores the hash string only, never the password.
#include <string>
#include <string_view>

namespace saraban::registry {

// Throws InvalidInput for an empty password (or one made only of spaces).
void check_new_password(std::string_view password);
std::string hash_password(std::string_view password);
bool password_matches(const std::string& hash, std::string_view password);
// The work of one check against no stored hash, so that an unknown user takes as long to
// refuse as a wrong password does.
void spend_password_check_time(std::string_view password);

}  // namespace saraban::registry
