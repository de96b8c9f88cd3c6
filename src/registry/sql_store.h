#pragma once
// The register's store over SQL: canonical tables under the keyed audit chain (AuditChain,
// audit_chain.h), a rebuildable Thai search index, attachment bytes in the database. Two engines
// run the same code: one SQLite file (WAL mode; the default, one machine) or a PostgreSQL
// database shared by many machines (sql_store_postgres.cpp). Upkeep (migrations, backup,
// reindex) is Maintenance's (maintenance.h).
#include <memory>
#include <string>

#include "base/environment.h"
#include "registry/audit_chain.h"
#include "registry/entry_ids.h"
#include "registry/maintenance.h"
#include "registry/register_store.h"
#include "registry/sqlite.h"

namespace saraban::registry {

// True for a PostgreSQL connection string (postgresql://... or postgres://...).
bool is_postgres_url(const std::string& location);
// A tsquery for what a user typed: each whitespace-separated part a phrase of Thai-tokenizer
// words in order, all parts required (as fts_phrase_query for SQLite). Empty when nothing remains.
std::string postgres_phrase_query(std::string_view user_query);
// Where this machine keeps a PostgreSQL register's chain key and anchor (SARABAN_KEY_DIR,
// default var/): outside the database, so its administrator cannot forge the history.
RegisterFiles postgres_local_files(const std::string& url, const Environment& env);
// Throws InvalidInput unless the PostgreSQL database holds no tables at all: a register is
// only ever made (init, migrate) in an empty database.
void require_empty_postgres(sql::Connection& c);
// Rebuilds a PostgreSQL register's entries_search and register_counters from its entries,
// inside the caller's write transaction (reindex, migrate).
void rebuild_postgres_index(sql::Connection& c);

class SqlRegisterStore final : public RegisterStore {
 public:
  // Creates a new register at `path` with the office and its first user `admin`, its key and
  // its anchor. Atomic: built in `path`.partial and linked into place, so an interrupted init
  // leaves no register-like file. Refuses an existing register or any other non-empty file;
  // replaces an empty one (zero bytes, or an SQLite file without tables).
  // A PostgreSQL connection string instead of a path (postgresql://...) makes the register in
  // that database, which must be empty (sql_store_postgres.cpp).
  static std::unique_ptr<SqlRegisterStore> create(const std::string& path, const Environment& env);
  // Opens an existing register, migrating an older schema. NotFound when there is none.
  static std::unique_ptr<SqlRegisterStore> open(const std::string& path, const Environment& env);
  // Opens an existing SQLite register read-only and as it is: one at another schema version
  // is refused, not migrated (saraban migrate reads a register it must never change).
  static std::unique_ptr<SqlRegisterStore> open_read_only(const std::string& path, const Environment& env);
  // The PostgreSQL forms of both (what create and open call for a connection string).
  static std::unique_ptr<SqlRegisterStore> create_postgres(const std::string& url, const Environment& env);
  static std::unique_ptr<SqlRegisterStore> open_postgres(const std::string& url, const Environment& env);

  void write(std::int64_t actor, const std::function<void()>& body) override;
  void read(const std::function<void()>& body) override;

  std::optional<User> user_by_name(const std::string& name) override;
  std::optional<User> user_by_id(std::int64_t id) override;
  User add_user(const std::string& name, Role role, Secrecy clearance, std::int64_t now) override;
  UserCredentials credentials(std::int64_t user_id) override;
  std::optional<User> user_by_login(const std::string& login) override;
  std::vector<std::string> user_names() override;
  void set_login(std::int64_t user_id, const std::optional<std::string>& login) override;
  void set_password_hash(std::int64_t user_id, const std::string& hash) override;
  std::optional<std::string> file_group() override;
  void set_file_group(const std::optional<std::string>& group) override;
  std::optional<int> max_attachment_mb() override;
  void set_max_attachment_mb(int mb) override;
  Secrecy highest_secrecy() override;
  std::vector<std::int64_t> secret_entry_ids() override;
  Office office() override;
  void set_office(const Office& office) override;
  int year_start_month(const std::string& register_code) override;
  void set_year_start_month(const std::string& register_code, int month) override;
  int urgency_due_days(Urgency u) override;

  Entry insert_entry(Entry e) override;
  void update_entry(const Entry& e) override;
  std::optional<Entry> entry(std::int64_t id) override;
  std::int64_t last_number(const std::string& register_code, int year) override;
  bool number_taken(const std::string& register_code, int year, std::int64_t number) override;

  void add_stage_event(const StageEvent& ev) override;
  std::vector<StageEvent> stage_events(std::int64_t entry_id) override;
  std::vector<StageEvent> stage_events_of(const EntryFilter& f, Secrecy clearance) override;
  int add_letter(std::int64_t entry_id, const std::string& body, std::int64_t actor, std::int64_t at) override;
  std::optional<LetterDraft> latest_letter(std::int64_t entry_id) override;
  void add_attachment(std::int64_t entry_id, std::span<const std::uint8_t> bytes, const std::string& name,
                      const std::string& kind, const std::string& pdf_status, std::int64_t actor,
                      std::int64_t at) override;
  std::vector<Attachment> attachments(std::int64_t entry_id) override;
  void add_attachment_note(std::int64_t entry_id, const std::string& kind, const std::string& note) override;
  // sql_store_notes.cpp
  void set_attachment_note(std::int64_t entry_id, const std::string& kind, const std::string& note) override;
  std::vector<std::int64_t> entries_with_note(const std::string& kind, const std::string& note) override;
  // sql_store_blobs.cpp
  void add_attachment_extending(std::int64_t entry_id, std::span<const std::uint8_t> base,
                                std::span<const std::uint8_t> bytes, const std::string& name, const std::string& kind,
                                const std::string& pdf_status, std::int64_t actor, std::int64_t at) override;
  std::vector<std::uint8_t> attachment_bytes(const std::string& sha256) override;
  void log_access(std::int64_t user, std::int64_t entry_id, const std::string& command, std::int64_t at) override;
  std::vector<AccessRecord> access_log(std::optional<std::int64_t> entry_id) override;

  std::vector<Entry> list(const EntryFilter& f, Secrecy clearance) override;
  std::int64_t count(const EntryFilter& f, Secrecy clearance) override;
  std::vector<Entry> search(const std::string& match, const EntryFilter& f, Secrecy clearance) override;

  VerifyReport verify() override;
  std::int64_t reanchor() override;
  void reindex() override;
  void backup(const std::string& destination) override;

  // Import bookkeeping (sql_store_import.cpp).
  std::vector<ImportEvent> import_events(std::int64_t after_event_id) override;
  std::optional<Entry> entry_at(const std::string& register_code, int year, std::int64_t number) override;
  void set_entry_links(std::int64_t id, std::optional<std::int64_t> origin_id,
                       std::optional<std::int64_t> reply_id) override;

  sql::Connection& connection() { return conn_; }
  const RegisterFiles& files() const { return files_; }

 private:
  SqlRegisterStore(const std::string& path, bool create, const Environment& env);
  SqlRegisterStore(RegisterFiles files, std::unique_ptr<sql::ConnectionBackend> conn, const Environment& env);
  void migrate();
  void init_rows(const ChainKey& key);  // the first rows of a new register, in the chain
  // PostgreSQL (sql_store_postgres.cpp): numbers from the locked counter row, the search index
  // as tsvector rows (search itself is one query text per engine, sql_store.cpp).
  std::int64_t issue_number_postgres(const std::string& register_code, int year, std::int64_t given);
  void index_postgres(std::int64_t id, const std::string& subject, const std::string& sender,
                      const std::string& recipient, const std::string& ref);
  void audit(const char* tbl, std::int64_t id, const char* action);
  void require_write(const char* what) const;
  void insert_attachment_row(std::int64_t entry_id, const std::string& sha256, const std::string& name,
                             const std::string& kind, const std::string& pdf_status, std::int64_t actor, std::int64_t at);
  void index_pending();

  RegisterFiles files_;
  std::optional<std::string> moved_to_;  // where migrate moved this SQLite register, read by write()
  sql::Connection conn_;
  const Environment& env_;
  AuditChain chain_;
  Maintenance maintenance_;
  int write_depth_ = 0;
  int read_depth_ = 0;
  std::int64_t now_ = 0;
  // Entries inserted in this transaction, indexed for search just before it commits, in id
  // order: ids are random within their second, and FTS5 flushes its pending terms whenever a
  // rowid arrives out of order (a batch would leave thousands of tiny segments).
  struct PendingIndex {
    std::int64_t id;
    std::string subject, sender, recipient, ref;
  };
  std::vector<PendingIndex> pending_index_;
  EntryIdIssuer entry_ids_;
};

}  // namespace saraban::registry
