// The parts of SqlRegisterStore that are PostgreSQL's own: making and opening a register in a
// database, numbers from a locked counter row, and Thai search over tsvector rows.
#include <algorithm>
#include <cctype>
#include <optional>

#include "base/error.h"
#include "registry/anchor.h"
#include "registry/postgres.h"
#include "registry/register_files.h"
#include "registry/schema.h"
#include "registry/sql_store.h"

#include <optional>
#include "registry/thai_tokenizer.h"

namespace saraban::registry {
namespace {

// The chain key and anchor of a PostgreSQL register live on each machine, outside the database
// (so the database's administrator cannot forge history): SARABAN_KEY_DIR (default var/), named
// after the server and database. Every machine writing the register needs a copy of the key.
}  // namespace

RegisterFiles postgres_local_files(const std::string& url, const Environment& env) {
  std::string dir = env.variable("SARABAN_KEY_DIR").value_or("var");
  std::string name = sql::without_password(url);
  if (auto p = name.find("://"); p != std::string::npos) name = name.substr(p + 3);
  // One key per register, whichever account a clerk connects with: host, port and database only.
  if (auto at = name.find('@'); at != std::string::npos && at < name.find('/')) name = name.substr(at + 1);
  name = name.substr(0, name.find('?'));
  for (char& c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '@' || c == '.' || c == '-' || c == '_')) c = '-';
  return RegisterFiles(dir + "/postgresql-" + name);
}

namespace {

enum class DatabaseHolds { Nothing, Register, SomethingElse };

DatabaseHolds what_database_holds(sql::Connection& c) {
  auto meta = c.prepare("SELECT to_regclass('saraban_meta') IS NOT NULL");
  meta.step();
  if (meta.integer(0)) return DatabaseHolds::Register;
  auto tables = c.prepare(
      "SELECT count(*) FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace "
      "WHERE n.nspname = current_schema() AND k.relkind IN ('r', 'v', 'm', 'p')");
  tables.step();
  return tables.integer(0) == 0 ? DatabaseHolds::Nothing : DatabaseHolds::SomethingElse;
}

// A tsvector literal: every lexeme quoted, so PostgreSQL's parser leaves Thai words as they are.
std::string quoted_lexeme(const std::string& word) {
  std::string out = "'";
  for (char c : word) {
    if (c == '\'') out += "''";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out + "'";
}

// Positions run on through the fields with a gap between them, so a phrase never spans two.
void index_entry(sql::Connection& c, std::int64_t id, const std::string& subject, const std::string& sender,
                 const std::string& recipient, const std::string& ref) {
  std::string words;
  int position = 1;
  for (const std::string* field : {&subject, &sender, &recipient, &ref}) {
    for (const std::string& t : thai_tokens(*field)) {
      if (!words.empty()) words += ' ';
      words += quoted_lexeme(t) + ":" + std::to_string(std::min(position, 16383));
      ++position;
    }
    position += 10;
  }
  c.cached(
       "INSERT INTO entries_search(id, words) VALUES (:id, CAST(:words AS TSVECTOR)) "
       "ON CONFLICT (id) DO UPDATE SET words = EXCLUDED.words")
      .bind(":id", id)
      .bind(":words", words)
      .run();
}

}  // namespace

void require_empty_postgres(sql::Connection& c) {
  switch (what_database_holds(c)) {
    case DatabaseHolds::Register:
      throw Error(ErrorCode::InvalidInput, "this database already holds a Saraban register; init and migrate never overwrite one",
                  c.path());
    case DatabaseHolds::SomethingElse:
      throw Error(ErrorCode::InvalidInput,
                  "this database already holds another application's tables; a register needs an empty database "
                  "(createdb -E UTF8 -T template0 NAME)",
                  c.path());
    case DatabaseHolds::Nothing: break;
  }
}

std::unique_ptr<SqlRegisterStore> SqlRegisterStore::create_postgres(const std::string& url, const Environment& env) {
  RegisterFiles files = postgres_local_files(url, env);
  std::unique_ptr<SqlRegisterStore> s(new SqlRegisterStore(files, sql::open_postgres(url), env));
  require_empty_postgres(s->conn_);
  ChainKey key = ChainKey::generate(1);
  s->chain_.build_with(key);
  s->write(0, [&] {
    s->conn_.exec(embedded_postgres_schema());
    s->init_rows(key);
  });
  set_aside_leftovers(files, env.now());
  key.save_new(files.key);
  write_anchor(files.anchor, files.key, key, s->chain_.head());
  return open_postgres(url, env);
}

std::unique_ptr<SqlRegisterStore> SqlRegisterStore::open_postgres(const std::string& url, const Environment& env) {
  std::unique_ptr<SqlRegisterStore> s(new SqlRegisterStore(postgres_local_files(url, env), sql::open_postgres(url), env));
  const std::string where = s->conn_.path();
  switch (what_database_holds(s->conn_)) {
    case DatabaseHolds::Nothing:
      throw Error(ErrorCode::NotFound, "no register in this database (create one with: saraban --db " + where + " init)",
                  where);
    case DatabaseHolds::SomethingElse:
      throw Error(ErrorCode::DatabaseError, "not a Saraban register: this database holds another application's tables",
                  where);
    case DatabaseHolds::Register: break;
  }
  auto meta = s->conn_.prepare("SELECT application_id, schema_version FROM saraban_meta WHERE id = 1");
  if (!meta.step() || meta.integer(0) != kApplicationId)
    throw Error(ErrorCode::DatabaseError, "not a Saraban register (application_id differs)", where);
  const std::int64_t v = meta.integer(1);
  if (v != kSchemaVersion)
    throw Error(ErrorCode::DatabaseError,
                "the register is at schema version " + std::to_string(v) + ", this saraban is at " +
                    std::to_string(kSchemaVersion) + (v > kSchemaVersion ? " (newer register)" : " (no migration yet)"),
                where);
  return s;
}

std::int64_t SqlRegisterStore::issue_number_postgres(const std::string& code, int year, std::int64_t given) {
  // The update locks the row until this transaction ends: the number is issued once, and given
  // back if the transaction rolls back.
  auto issue = [&]() -> std::optional<std::int64_t> {
    auto& s = conn_.cached(
        "UPDATE register_counters SET last_number = CASE WHEN CAST(:given AS BIGINT) = 0 THEN last_number + 1 "
        "ELSE GREATEST(last_number, CAST(:given AS BIGINT)) END "
        "WHERE register = CAST(:register AS TEXT) AND year = CAST(:year AS BIGINT) RETURNING last_number");
    s.bind(":given", given).bind(":register", code).bind(":year", year);
    std::optional<std::int64_t> issued;
    if (s.step()) issued = s.integer(0);
    s.reset();
    return issued;
  };
  std::optional<std::int64_t> issued = issue();
  if (!issued) {
    // The first number of a (register, year): its counter row is made from the entries there are.
    conn_.cached(
             "INSERT INTO register_counters(register, year, last_number) "
             "SELECT CAST(:register AS TEXT), CAST(:year AS BIGINT), COALESCE(MAX(number), 0) FROM entries "
             "WHERE register = CAST(:register AS TEXT) AND year = CAST(:year AS BIGINT) "
             "ON CONFLICT (register, year) DO NOTHING")
        .bind(":register", code)
        .bind(":year", year)
        .run();
    issued = issue();
  }
  if (!issued) throw Error(ErrorCode::Internal, "no number counter", code + " " + std::to_string(year));
  return given == 0 ? *issued : given;
}

void SqlRegisterStore::index_postgres(std::int64_t id, const std::string& subject, const std::string& sender,
                                      const std::string& recipient, const std::string& ref) {
  index_entry(conn_, id, subject, sender, recipient, ref);
}

void rebuild_postgres_index(sql::Connection& c) {
  c.exec("DELETE FROM entries_search");
  struct Row {
    std::int64_t id;
    std::string subject, sender, recipient, ref;
  };
  std::vector<Row> rows;
  auto s = c.prepare("SELECT id, subject, sender, recipient, ref FROM entries ORDER BY id");
  while (s.step()) rows.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4)});
  for (const Row& r : rows) index_entry(c, r.id, r.subject, r.sender, r.recipient, r.ref);
  c.exec("DELETE FROM register_counters");
  c.exec(
      "INSERT INTO register_counters(register, year, last_number) "
      "SELECT register, year, MAX(number) FROM entries GROUP BY register, year");
}

std::string postgres_phrase_query(std::string_view q) {
  std::string out;
  for (const QueryPhrase& p : query_phrases(q)) {
    std::string phrase;
    for (const std::string& t : p.tokens) phrase += (phrase.empty() ? "" : " <-> ") + quoted_lexeme(t);
    out += (out.empty() ? "(" : " & (") + phrase + ")";
  }
  return out;
}

}  // namespace saraban::registry
