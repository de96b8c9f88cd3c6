#pragma once
// The notes intake leaves about a letter's stamped copy (attachment_notes, one per attachment).
// A copy stamped after registration is first noted as pending on the original, in the same
// transaction that registers the letter: if the process dies before the copy is stored, the
// register still says the stamp is missing, and `restamp` (or verify's notes) finds it.
#include <string>

#include "registry/types.h"

namespace saraban::registry {

// On a stamped copy drawn on a repaired copy of a damaged original.
inline constexpr const char* kRepairedNote = "repaired: the original was damaged; stamped on a repaired copy";
// On an original whose stamped copy is drawn after the letter was registered, until it is stored.
inline constexpr const char* kStampPendingNote = "stamped copy pending: drawn after registration";
// What a pending note becomes once the copy is stored, by receive's second transaction or by restamp.
inline constexpr const char* kStampedLateNote = "stamped copy drawn after registration";
inline constexpr const char* kRestampedNote = "stamped copy drawn after registration by restamp";

// Why there is no stamped copy, as noted on the original.
inline std::string no_stamped_copy_note(const std::string& problem) { return "no stamped copy: " + problem; }

inline bool stamp_pending(const Attachment& a) { return a.kind == "original" && a.note == kStampPendingNote; }

}  // namespace saraban::registry
