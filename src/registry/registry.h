#pragma once
// The correspondence register's rules over a RegisterStore: who may do what (roles), in which
// order (stages), who may see what (clearance: a secret entry is simply absent for the
// uncleared), and the access log of every read of a secret entry by the cleared.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/environment.h"
#include "registry/incoming_file.h"
#include "registry/file_access.h"
#include "registry/entry_ref.h"
#include "registry/csv_transfer.h"
#include "registry/incoming_pdf_handler.h"
#include "registry/register_store.h"
#include "registry/types.h"

namespace saraban::registry {

struct ReceiveRequest {
  std::string sender;                // จาก
  std::string subject;               // เรื่อง
  std::string ref;                   // ที่ (the sender's reference)
  std::string recipient;             // ถึง
  std::optional<std::string> dated;  // ลงวันที่ as typed (CE or BE YYYY-MM-DD)
  Urgency urgency = Urgency::Normal;
  Secrecy secrecy = Secrecy::None;
  std::optional<std::string> file;   // path of the incoming PDF
  std::string remarks;
};

struct Issued {
  std::string register_code;
  int year = 0;  // Buddhist era
  std::int64_t number = 0;
  std::int64_t id = 0;
  std::string ref;  // for a dispatch: the letter's ที่ ("ศธ ๐๔๒๙๐/๔๕๖")
  std::vector<std::string> warnings;  // the letter is registered, but: an empty file, no stamped copy (why)
};

// What `restamp` stored: the stamped copy, and the note its original now carries.
struct Restamped {
  Entry entry;
  Attachment stamped;
  std::string original_note;
};

struct EntryDetails {
  Entry entry;
  std::string assignee_name;
  std::vector<StageEvent> events;
  std::vector<Attachment> attachments;
  std::optional<LetterDraft> letter;
};

// What a yearly report reads (registry_reports.cpp): a year's entries and their stage events,
// as one reader may see them, with what the figures need to name people and months.
struct YearRecords {
  int year = 0;  // Buddhist era
  Office office;
  std::vector<Entry> entries;      // every register, by register then number
  std::vector<StageEvent> events;  // of those entries, by entry then in order
  std::vector<Entry> previous;     // the year before's entries (for the change from it)
  std::map<std::int64_t, std::string> user_names;
  std::map<std::string, int> year_start_month;  // per register code
};

class Registry {
 public:
  // `pdfs` reads incoming files (what each is, and its stamped copy); without one, a receive
  // with a file is refused.
  Registry(RegisterStore& store, const Environment& env, IncomingPdfHandler* pdfs = nullptr);

  // Checks a reply draft's letter JSON (throws Error naming what is wrong). The documents
  // stage's letter parser, passed in by the command line: the register does not depend on it.
  using LetterValidator = std::function<void(const std::string& letter_json)>;
  void set_letter_validator(LetterValidator v) { letter_validator_ = std::move(v); }

  // The user of that name, for callers that proved who acts themselves (the CLI does so with
  // identity.h: --as alone proves nothing); NotFound for an unknown name.
  User acting_user(const std::string& name);

  // The name must follow kUserNameRule (user_name.h) and look like no existing name. `login`
  // maps an OS account to the new user (it then acts as that user without a password).
  void add_user(const User& actor, const std::string& name, Role role, Secrecy clearance,
                const std::optional<std::string>& login = std::nullopt);
  // `user login NAME OSNAME` (admin); nullopt removes the mapping.
  void set_login(const User& actor, const std::string& name, const std::optional<std::string>& login);
  // `user passwd NAME` (admin for anyone, a user for themselves); stores the Argon2id hash.
  void set_password(const User& actor, const std::string& name, const std::string& password);
  // The office's file group (`office set --group`, admin); nullopt: files are owner only.
  void set_file_group(const User& actor, const std::optional<std::string>& group);
  std::optional<std::string> file_group();
  // The largest file `receive --file` reads (`office set --max-attachment-mb`, admin).
  void set_max_attachment_mb(const User& actor, int mb);
  std::uint64_t max_attachment_bytes();
  FileAccess file_access();
  void set_office(const User& actor, const std::optional<std::string>& name, const std::optional<std::string>& prefix,
                  std::optional<int> year_start_month);
  Office office();

  Issued receive(const User& actor, const ReceiveRequest& r);
  // Many letters in one transaction (numbers still consecutive, all or nothing).
  std::vector<Issued> receive_batch(const User& actor, const std::vector<ReceiveRequest>& rs);

  void assign(const User& actor, std::int64_t id, const std::string& assignee, const std::optional<std::string>& due,
              const std::string& note);
  int draft(const User& actor, std::int64_t id, const std::string& letter_json);
  void review(const User& actor, std::int64_t id, bool approve, const std::string& note);
  void sign(const User& actor, std::int64_t id, const std::string& note);
  Issued dispatch(const User& actor, std::int64_t id, const std::string& via);
  void file(const User& actor, std::int64_t id, int keep_years);
  void close(const User& actor, std::int64_t id, const std::string& note);
  void cancel(const User& actor, std::int64_t id, const std::string& note);

  // `restamp`: draws the receive stamp an entry's original is missing (the process died between
  // receive's two transactions, or the stamp could not be drawn then) with the entry's issued
  // number, date and time, stores the copy as receive does and resolves the original's note.
  // Returns what it stored. Refuses, naming the entry, when there is nothing to stamp: no
  // original (NotFound), a stamped copy already (WrongStage), not a readable PDF (PdfError). A
  // stamp that cannot be drawn is noted on the original, then reported as PdfError.
  Restamped restamp(const User& actor, std::int64_t id);

  // The id of the entry `ref` names, as the actor may see it (NotFound like a missing one).
  std::int64_t resolve(const User& actor, const EntryRef& ref);

  // `command` is what the access log records for a secret entry: the action the reader took
  // ("show", or "assign" when a command shows the entry it just changed, "letter", ...).
  EntryDetails show(const User& actor, std::int64_t id, const char* command = "show");
  // An entry's attachment of a kind ("original" or "stamped"), read like `show` (clearance
  // checked, secret reads logged). NotFound when the entry has none of that kind.
  std::pair<Attachment, std::vector<std::uint8_t>> attachment(const User& actor, std::int64_t id, const std::string& kind);
  std::vector<StageEvent> history(const User& actor, std::int64_t id);
  // `total` receives the count of matching entries the actor may see.
  std::vector<Entry> list(const User& actor, const EntryFilter& f, std::int64_t* total = nullptr);
  std::vector<Entry> search(const User& actor, const std::string& query, const EntryFilter& f);
  std::string export_csv(const User& actor, const EntryFilter& f);
  // An office's existing register moving in (csv_transfer.h): the whole file is checked
  // before anything is written; numbered rows go in one transaction, the others in chunks of
  // `chunk`; re-running the same file skips the rows it already brought in.
  ImportResult import_csv(const User& actor, const std::string& csv_text, std::size_t chunk = 1000);
  VerifyReport verify(const User& actor);
  // An admin's decision: the anchor names the current head again (see RegisterStore::reanchor).
  std::int64_t reanchor(const User& actor);
  void reindex(const User& actor);
  // Needs an admin cleared for the highest secrecy level in the register; once the copy is
  // made, every secret entry in it is written to the access log (command "backup").
  void backup(const User& actor, const std::string& destination);
  std::vector<AccessRecord> access_log(const User& actor, std::optional<std::int64_t> entry_id);

  std::string user_name(std::int64_t id);

  // A year's records for the reports, as the actor may see them (a secret entry above their
  // clearance is absent, its counts with it); the secret entries read are logged ("report").
  YearRecords year_records(const User& actor, int year, bool with_previous);

 private:
  Entry visible_entry(const User& actor, std::int64_t id);
  void require_role(const User& actor, const char* action, std::initializer_list<Role> roles);
  void require_stage(const Entry& e, const char* action, std::initializer_list<Stage> stages);
  void record(const User& actor, Entry& e, const char* action, Stage to, const std::string& comment);
  void log_reads(const User& actor, const std::vector<Entry>& entries, const char* command);
  void require_backup_clearance(const User& actor);
  void log_backup(const User& actor);
  Entry make_received(const User& actor, const ReceiveRequest& r, std::int64_t now);
  void attach_file(const User& actor, const Entry& e, const IncomingFile& f, std::int64_t now);
  void store_stamped(const User& actor, const Entry& e, const IncomingFile& f, std::int64_t now);
  void stamp_copy(IncomingFile& f, const Entry& e, const std::string& office);
  void stamp_late(const User& actor, const std::vector<std::pair<std::size_t, Entry>>& late, std::vector<IncomingFile>& files,
                  std::vector<Issued>& out, std::int64_t now);
  std::vector<Entry> predict_numbers(std::vector<Entry> entries, std::int64_t now, std::string& office);
  void reopen_origin(const User& actor, const Entry& reply);
  // registry_restamp.cpp
  Attachment restampable_original(const Entry& e, const std::vector<Attachment>& attachments);
  void note_pending_stamps(const User& actor, VerifyReport& r, std::vector<Entry>& secret_named);

  RegisterStore& store_;
  const Environment& env_;
  IncomingPdfHandler* pdfs_;
  LetterValidator letter_validator_;
};

}  // namespace saraban::registry
