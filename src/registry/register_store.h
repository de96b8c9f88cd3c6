#pragma once
// The storage behind the register, one interface: SqlRegisterStore, on SQLite (one machine) or
// PostgreSQL (offices sharing one register across machines). The rules
// (roles, stages, clearance) live in Registry, above this; a store only keeps rows, issues
// numbers inside the writing transaction, appends the audit chain and answers queries.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "registry/types.h"

namespace saraban::registry {

struct AccessRecord {
  std::int64_t at = 0;
  std::string user;
  std::int64_t entry_id = 0;
  std::string command;
};

struct ImportEvent {
  std::int64_t event_id = 0;
  std::int64_t entry_id = 0;
  std::string comment;
};

class RegisterStore {
 public:
  virtual ~RegisterStore() = default;

  // Runs `body` in one write transaction (SQLite: BEGIN IMMEDIATE), all audit rows written by
  // `actor`; commits when body returns, rolls back everything when it throws.
  virtual void write(std::int64_t actor, const std::function<void()>& body) = 0;
  // Runs `body` against one consistent snapshot.
  virtual void read(const std::function<void()>& body) = 0;

  // ---- people and configuration
  virtual std::optional<User> user_by_name(const std::string& name) = 0;
  virtual std::optional<User> user_by_id(std::int64_t id) = 0;
  virtual User add_user(const std::string& name, Role role, Secrecy clearance, std::int64_t now) = 0;
  // How an OS account other than the file's owner proves it acts as a user (identity.h).
  virtual UserCredentials credentials(std::int64_t user_id) = 0;
  virtual std::optional<User> user_by_login(const std::string& login) = 0;
  virtual std::vector<std::string> user_names() = 0;
  virtual void set_login(std::int64_t user_id, const std::optional<std::string>& login) = 0;
  virtual void set_password_hash(std::int64_t user_id, const std::string& hash) = 0;
  // The OS group given read access to the files Saraban writes (nullopt: owner only).
  virtual std::optional<std::string> file_group() = 0;
  virtual void set_file_group(const std::optional<std::string>& group) = 0;
  // The office's attachment size limit in MB; nullopt: none set (the default applies).
  virtual std::optional<int> max_attachment_mb() = 0;
  virtual void set_max_attachment_mb(int mb) = 0;
  // The highest secrecy level of any entry (None when there is no secret entry).
  virtual Secrecy highest_secrecy() = 0;
  // Every secret entry (the ones a backup copies), for the access log.
  virtual std::vector<std::int64_t> secret_entry_ids() = 0;
  virtual Office office() = 0;
  // Also applies office.year_start_month to every register.
  virtual void set_office(const Office& office) = 0;
  virtual int year_start_month(const std::string& register_code) = 0;
  virtual void set_year_start_month(const std::string& register_code, int month) = 0;
  virtual int urgency_due_days(Urgency u) = 0;

  // ---- entries (inside write())
  // Inserts `e`; when e.number == 0 issues MAX(number)+1 for (register, year). Returns the
  // stored entry with its id and number.
  virtual Entry insert_entry(Entry e) = 0;
  virtual void update_entry(const Entry& e) = 0;
  virtual std::optional<Entry> entry(std::int64_t id) = 0;
  virtual std::int64_t last_number(const std::string& register_code, int year) = 0;
  virtual bool number_taken(const std::string& register_code, int year, std::int64_t number) = 0;
  // The entry holding a number, whatever its secrecy (callers check the reader's clearance).
  virtual std::optional<Entry> entry_at(const std::string& register_code, int year, std::int64_t number) = 0;
  // The reply links of an imported entry (receive: its reply; send: the letter it answers).
  virtual void set_entry_links(std::int64_t id, std::optional<std::int64_t> origin_id,
                               std::optional<std::int64_t> reply_id) = 0;
  // CSV import: the 'import' stage events after `after_event_id`, oldest first (their comments
  // name the source rows; an import reads them once, then only the new ones per transaction).
  virtual std::vector<ImportEvent> import_events(std::int64_t after_event_id) = 0;

  virtual void add_stage_event(const StageEvent& ev) = 0;
  virtual std::vector<StageEvent> stage_events(std::int64_t entry_id) = 0;
  // The stage events of every entry `f` matches (as list() would), by entry then in order:
  // one query for a year's turnaround figures instead of one per entry.
  virtual std::vector<StageEvent> stage_events_of(const EntryFilter& f, Secrecy clearance) = 0;
  virtual int add_letter(std::int64_t entry_id, const std::string& body, std::int64_t actor, std::int64_t at) = 0;
  virtual std::optional<LetterDraft> latest_letter(std::int64_t entry_id) = 0;
  virtual void add_attachment(std::int64_t entry_id, std::span<const std::uint8_t> bytes, const std::string& name,
                              const std::string& kind, const std::string& pdf_status, std::int64_t actor,
                              std::int64_t at) = 0;
  // The same for `bytes` that begin with `base`, an attachment already stored (a stamped copy
  // that extends its original): only the bytes after `base` are kept, linked to it.
  virtual void add_attachment_extending(std::int64_t entry_id, std::span<const std::uint8_t> base,
                                        std::span<const std::uint8_t> bytes, const std::string& name,
                                        const std::string& kind, const std::string& pdf_status, std::int64_t actor,
                                        std::int64_t at) = 0;
  virtual std::vector<Attachment> attachments(std::int64_t entry_id) = 0;
  // Notes what intake found on the entry's last attachment of `kind` (inside write()).
  virtual void add_attachment_note(std::int64_t entry_id, const std::string& kind, const std::string& note) = 0;
  // The same, replacing the note it may already have (an audited update): a pending note is
  // resolved to its outcome this way, since audited rows are never deleted.
  virtual void set_attachment_note(std::int64_t entry_id, const std::string& kind, const std::string& note) = 0;
  // The entries, in the order they were registered, with an attachment of `kind` noted exactly `note`.
  virtual std::vector<std::int64_t> entries_with_note(const std::string& kind, const std::string& note) = 0;
  // The stored bytes of an attachment (content-addressed); NotFound when absent.
  virtual std::vector<std::uint8_t> attachment_bytes(const std::string& sha256) = 0;
  virtual void log_access(std::int64_t user, std::int64_t entry_id, const std::string& command, std::int64_t at) = 0;
  virtual std::vector<AccessRecord> access_log(std::optional<std::int64_t> entry_id) = 0;

  // ---- queries; every one excludes entries above `clearance`
  virtual std::vector<Entry> list(const EntryFilter& f, Secrecy clearance) = 0;
  virtual std::int64_t count(const EntryFilter& f, Secrecy clearance) = 0;
  // `query` is what the user typed: every whitespace-separated part must match as a phrase of
  // the Thai tokenizer's words (the store builds its engine's query from it).
  virtual std::vector<Entry> search(const std::string& query, const EntryFilter& f, Secrecy clearance) = 0;

  // ---- integrity and maintenance
  virtual VerifyReport verify() = 0;
  // Writes the anchor anew for the current head when verify finds nothing wrong but the anchor
  // (lost, damaged, or naming entries since cut off). Returns the head's entry number.
  virtual std::int64_t reanchor() = 0;
  virtual void reindex() = 0;
  virtual void backup(const std::string& destination) = 0;
};

}  // namespace saraban::registry
