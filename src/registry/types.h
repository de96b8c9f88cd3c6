#pragma once
// Plain value types of the correspondence register: who, which register, which stage.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace saraban::registry {

enum class Role { Clerk, Director, Officer, Signer, Admin };
// none < ลับ < ลับมาก < ลับที่สุด; an entry at level L is visible to clearance >= L.
enum class Secrecy : int { None = 0, Confidential = 1, Secret = 2, TopSecret = 3 };
// ปกติ < ด่วน < ด่วนมาก < ด่วนที่สุด
enum class Urgency : int { Normal = 0, Urgent = 1, VeryUrgent = 2, MostUrgent = 3 };

// Where a letter is in its journey. Returned = the reviewer sent the draft back to the officer.
enum class Stage { Received, Assigned, Drafted, Returned, Approved, Signed, Dispatched, Filed, Closed, Issued, Cancelled };

const char* role_name(Role r);
Role parse_role(std::string_view s);  // throws InvalidInput naming the choices
const char* secrecy_name(Secrecy s);  // "none", "ลับ", ...
Secrecy parse_secrecy(std::string_view s);  // accepts none/ลับ/ลับมาก/ลับที่สุด/0..3/confidential/secret/top-secret
const char* urgency_name(Urgency u);  // "ปกติ", "ด่วน", ...
Urgency parse_urgency(std::string_view s);
const char* stage_name(Stage s);
Stage parse_stage(std::string_view s);

// The registers; "secret" holds every entry with a secrecy level.
inline constexpr std::string_view kRegisters[] = {"receive", "send", "order", "announcement", "certificate", "secret"};
std::string parse_register(std::string_view s);  // accepts English codes and Thai names

struct User {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::Clerk;
  Secrecy clearance = Secrecy::None;
};

// What proves an OS account other than the register file's owner acts as a user.
struct UserCredentials {
  std::optional<std::string> login;          // the OS account mapped to the user
  std::optional<std::string> password_hash;  // Argon2id (crypto_pwhash_str), never the password
};

struct Office {
  std::string name;
  std::string prefix;          // "ศธ ๐๔๒๙๐"
  int year_start_month = 1;    // 1 = calendar year, 10 = fiscal year
};

struct Entry {
  std::int64_t id = 0;
  std::string register_code;
  int year = 0;                // Buddhist era
  std::int64_t number = 0;
  std::int64_t registered_at = 0;
  std::string ref;
  std::optional<std::string> dated;  // ISO (CE)
  std::string sender;
  std::string recipient;
  std::string subject;
  Urgency urgency = Urgency::Normal;
  Secrecy secrecy = Secrecy::None;
  Stage stage = Stage::Received;
  std::optional<std::int64_t> assignee;
  std::optional<std::string> due;    // ISO (CE)
  std::string via;
  std::string remarks;
  bool cancelled = false;
  std::optional<std::int64_t> origin_id;
  std::optional<std::int64_t> reply_id;
  std::optional<int> keep_until;
  std::int64_t created_by = 0;
};

struct StageEvent {
  std::int64_t id = 0;
  std::int64_t entry_id = 0;
  std::string action;
  std::optional<Stage> from;
  Stage to = Stage::Received;
  std::int64_t actor = 0;
  std::string actor_name;
  std::int64_t at = 0;
  std::string comment;
};

struct Attachment {
  std::int64_t id = 0;
  std::int64_t entry_id = 0;
  std::string sha256;
  std::string name;
  std::string kind;        // original | stamped
  std::string pdf_status;  // ok | corrupt | encrypted | not-pdf
  std::int64_t size = 0;
  std::string note;        // what intake found: "empty file", "no stamped copy: <reason>"; "" for none
};

struct LetterDraft {
  std::int64_t id = 0;
  int version = 0;
  std::string body;  // letter JSON
  std::int64_t created_by = 0;
  std::int64_t created_at = 0;
};

// Filters of list/search/export; every query also excludes what the reader may not see.
struct EntryFilter {
  std::optional<std::string> register_code;
  std::optional<int> year;  // Buddhist era
  std::optional<std::int64_t> number_from, number_to;
  std::optional<std::int64_t> registered_from, registered_to;  // unix seconds, [from, to)
  std::optional<std::string> sender;     // substring
  std::optional<Stage> stage;
  std::vector<Stage> any_stage;          // empty: any; else one of these (a basket)
  std::optional<std::string> due_before;  // ISO (CE): a deadline set and before this day
  std::optional<std::int64_t> assignee;
  std::optional<Urgency> urgency;
  std::size_t limit = 0;  // 0 = no limit
  std::size_t offset = 0;  // entries skipped first (a page of a long list)
  bool newest_first = false;  // by the moment registered, newest first (entries_registered)
  // With newest_first: only entries after this one (a keyset page: as fast at the 100,000th
  // entry as at the first, where an offset skips every entry before it).
  struct Cursor {
    std::int64_t registered_at = 0, number = 0, id = 0;
  };
  std::optional<Cursor> before;
};

// The entry a verify problem names, and how secret it is (the highest of its current and
// recorded levels), so each reader is shown exactly the problems their clearance covers.
struct ProblemScope {
  std::int64_t entry_id = 0;  // 0: the problem names no entry
  Secrecy secrecy = Secrecy::None;
};

struct VerifyReport {
  bool ok = true;
  std::int64_t audit_rows = 0;
  std::int64_t rows_checked = 0;
  std::int64_t attachments_checked = 0;
  std::vector<std::string> problems;  // the first names the first entry that does not match
  std::vector<std::string> notes;     // what verify could not vouch for (e.g. unkeyed old entries)
  std::vector<ProblemScope> scopes;   // parallel to problems (a problem without one is treated as ลับที่สุด)
};

}  // namespace saraban::registry
