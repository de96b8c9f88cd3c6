#pragma once
// Letter JSON and office profile JSON → values. Every problem is collected first and reported
// together in one Error(InvalidInput), each line "$.signer.name: expected a string".
#include <string>
#include <string_view>

#include "documents/letter.h"

namespace saraban::documents {

// `base_dir`: where a relative emblem path is resolved (the profile's folder).
OfficeProfile parse_office_profile(std::string_view json, const std::string& source, const std::string& base_dir);

// `office` may be null. Text fields are cleaned (NFC, Thai typing fixes) and printed as given;
// `digits` chooses the digits of the text Saraban itself writes (dates, numbers).
Letter parse_letter(std::string_view json, const std::string& source, const std::string& base_dir,
                    const OfficeProfile* office);

}  // namespace saraban::documents
