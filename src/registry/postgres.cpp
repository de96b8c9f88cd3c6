#include "registry/postgres.h"

#include <pqxx/pqxx>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>

#include "base/error.h"

// libpqxx 6.4 (Debian 12) binds a run-time number of parameters only through prepared-statement
// invocations, which it marks deprecated in favour of variadic calls.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace saraban::registry::sql {
namespace {

// PostgreSQL's type oids (pg_type.h) the register's columns come back as.
constexpr pqxx::oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700,
                    kFloat8 = 701, kNumeric = 1700;

// Messages name the server (connection string without password) and say what happened in the
// register's terms; the server's own text is added only where it is the explanation (login).
std::string first_line(const std::string& s) {
  std::string out = s.substr(0, s.find('\n'));
  while (!out.empty() && (out.back() == ' ' || out.back() == '\r')) out.pop_back();
  return out;
}

[[noreturn]] void fail_with(const std::exception& e, const std::string& where, bool committing) {
  if (dynamic_cast<const pqxx::broken_connection*>(&e) || dynamic_cast<const pqxx::in_doubt_error*>(&e)) {
    if (committing)
      throw Error(ErrorCode::DatabaseError,
                  "lost the connection to the PostgreSQL server while committing: the change may or may not be "
                  "in the register (run saraban verify, then look before repeating it)",
                  where);
    throw Error(ErrorCode::DatabaseError,
                "lost the connection to the PostgreSQL server (restarted or unreachable); nothing was changed", where);
  }
  if (auto* s = dynamic_cast<const pqxx::sql_error*>(&e)) {
    const std::string state = s->sqlstate();
    if (state.rfind("23", 0) == 0)
      throw Error(ErrorCode::DatabaseError,
                  "the change would break one of the register's own rules; nothing was changed (PostgreSQL " + state + ")",
                  where);
    if (state == "53100") throw Error(ErrorCode::IoError, "the PostgreSQL server's disk is full; nothing was changed", where);
    if (state == "57P01" || state == "57P02" || state == "57P03")
      throw Error(ErrorCode::DatabaseError,
                  "the PostgreSQL server is shutting down or restarting; nothing was changed", where);
    if (state == "42501")
      throw Error(ErrorCode::IoError, "this PostgreSQL account may not do that in the register's database; nothing was changed",
                  where);
    if (state == "25006")
      throw Error(ErrorCode::IoError, "the PostgreSQL server is read-only (a standby?); nothing was changed", where);
    if (state == "42P01")
      throw Error(ErrorCode::DatabaseError, "this database holds no Saraban register (a table is missing)", where);
    // The server's own first line says what it refused (it never holds the password).
    std::string said = first_line(s->what());
    if (said.rfind("ERROR:", 0) == 0) said = said.substr(said.find_first_not_of(' ', 6));
    throw Error(ErrorCode::DatabaseError,
                "the register's database refused the operation (" + said + "); nothing was changed (PostgreSQL " +
                    state + ")",
                where);
  }
  throw Error(ErrorCode::DatabaseError, std::string("PostgreSQL: ") + e.what(), where);
}

// ":name" -> "$k" outside quotes, one number per distinct name; "::" casts are left alone.
std::string positional(std::string_view sql, std::vector<std::string>& names) {
  std::string out;
  out.reserve(sql.size() + 16);
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (quote) {
      out += c;
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out += c;
      continue;
    }
    auto ident = [](char x) { return std::isalnum(static_cast<unsigned char>(x)) || x == '_'; };
    if (c == ':' && i + 1 < sql.size() && sql[i + 1] == ':') {
      out += "::";
      ++i;
      continue;
    }
    if (c == ':' && i + 1 < sql.size() && ident(sql[i + 1]) && (i == 0 || sql[i - 1] != ':')) {
      std::size_t j = i + 1;
      while (j < sql.size() && ident(sql[j])) ++j;
      std::string name(sql.substr(i, j - i));
      std::size_t k = 0;
      while (k < names.size() && names[k] != name) ++k;
      if (k == names.size()) names.push_back(name);
      out += "$" + std::to_string(k + 1);
      i = j - 1;
      continue;
    }
    out += c;
  }
  return out;
}

class PgConnection;

// Typed access to the current row of a pqxx result: what every statement kind shares.
class PgRows : public StatementBackend {
 public:
  ColumnKind kind(int col) const override {
    const auto f = field(col);
    if (f.is_null()) return ColumnKind::Null;
    switch (result_.column_type(col)) {
      case kBool: case kInt2: case kInt4: case kInt8: case kOid: return ColumnKind::Integer;
      case kFloat4: case kFloat8: return ColumnKind::Float;
      case kNumeric: return std::string_view(f.c_str()).find('.') == std::string_view::npos ? ColumnKind::Integer : ColumnKind::Float;
      case kBytea: return ColumnKind::Blob;
      default: return ColumnKind::Text;
    }
  }
  std::int64_t integer(int col) const override {
    const auto f = field(col);
    if (f.is_null()) return 0;
    const char* s = f.c_str();
    if (result_.column_type(col) == kBool) return s[0] == 't' ? 1 : 0;
    if (std::string_view(s).find_first_of(".eE") != std::string_view::npos) return std::llround(std::strtod(s, nullptr));
    return std::strtoll(s, nullptr, 10);
  }
  double real(int col) const override {
    const auto f = field(col);
    return f.is_null() ? 0.0 : std::strtod(f.c_str(), nullptr);
  }
  std::string text(int col) const override {
    const auto f = field(col);
    return f.is_null() ? std::string() : std::string(f.c_str(), f.size());
  }
  std::vector<std::uint8_t> blob(int col) const override {
    const auto f = field(col);
    if (f.is_null()) return {};
    pqxx::binarystring b(f);
    return std::vector<std::uint8_t>(b.data(), b.data() + b.size());
  }
  int columns() const override { return static_cast<int>(result_.columns()); }
  std::string column_name(int col) const override { return result_.column_name(static_cast<pqxx::row::size_type>(col)); }

 protected:
  pqxx::field field(int col) const { return result_[static_cast<pqxx::result::size_type>(row_)][col]; }
  long row_ = -1;
  pqxx::result result_;
};

class PgStatement final : public PgRows {
 public:
  PgStatement(PgConnection& c, std::string name, std::vector<std::string> names)
      : conn_(c), name_(std::move(name)), names_(std::move(names)), values_(names_.size()) {}
  void bind_integer(int i, std::int64_t v) override { set(i, Value{std::to_string(v), false, true}); }
  void bind_text(int i, std::string_view v) override { set(i, Value{std::string(v), false, true}); }
  void bind_blob(int i, std::span<const std::uint8_t> v) override {
    set(i, Value{std::string(reinterpret_cast<const char*>(v.data()), v.size()), true, true});
  }
  void bind_null(int i) override { set(i, Value{}); }
  int index_of(const char* name) const override {
    for (std::size_t k = 0; k < names_.size(); ++k)
      if (names_[k] == name) return static_cast<int>(k + 1);
    return 0;
  }
  bool step() override;
  void reset() override {
    executed_ = false;
    row_ = -1;
    result_ = pqxx::result();
    for (auto& v : values_) v = Value{};
  }

 private:
  struct Value {
    std::string bytes;
    bool binary = false;
    bool present = false;
  };
  void set(int i, Value v) {
    if (i < 1 || static_cast<std::size_t>(i) > values_.size())
      throw Error(ErrorCode::Internal, "a statement parameter out of range", std::to_string(i));
    values_[static_cast<std::size_t>(i - 1)] = std::move(v);
  }

  PgConnection& conn_;
  std::string name_;
  std::vector<std::string> names_;
  std::vector<Value> values_;
  bool executed_ = false;
};

// A parameterless read through a server-side cursor, kBatch rows at a time; outside a
// transaction (where a cursor cannot live) the whole result at once, as PgStatement.
class PgScan final : public PgRows {
 public:
  PgScan(PgConnection& c, std::string sql, std::string cursor) : conn_(c), sql_(std::move(sql)), cursor_(std::move(cursor)) {}
  ~PgScan() override { close(); }
  void bind_integer(int, std::int64_t) override { no_parameters(); }
  void bind_text(int, std::string_view) override { no_parameters(); }
  void bind_blob(int, std::span<const std::uint8_t>) override { no_parameters(); }
  void bind_null(int) override { no_parameters(); }
  int index_of(const char*) const override { return 0; }
  bool step() override;
  void reset() override {
    close();
    started_ = false;
    row_ = -1;
    result_ = pqxx::result();
  }

 private:
  static constexpr int kBatch = 1000;
  [[noreturn]] static void no_parameters() {
    throw Error(ErrorCode::Internal, "a scan takes no parameters (use prepare)");
  }
  void close() noexcept;

  PgConnection& conn_;
  std::string sql_, cursor_;
  bool started_ = false, declared_ = false, exhausted_ = false;
  std::uint64_t generation_ = 0;  // the transaction the cursor lives in
};

// Server notices (NOTICE, WARNING) are not the user's concern: the register reports its own.
class QuietNotices final : public pqxx::errorhandler {
 public:
  using pqxx::errorhandler::errorhandler;
  bool operator()(const char[]) noexcept override { return false; }
};

class PgConnection final : public ConnectionBackend {
 public:
  explicit PgConnection(const std::string& url) : where_(without_password(url)) {
    try {
      // UTF-8 as a connection option, so a connection libpqxx opens again has it too.
      conn_ = std::make_unique<pqxx::connection>(url + (url.find('?') == std::string::npos ? "?" : "&") +
                                                 "client_encoding=UTF8");
      quiet_ = std::make_unique<QuietNotices>(*conn_);
      tx_ = std::make_unique<pqxx::nontransaction>(*conn_);
      auto enc = tx_->exec("SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()");
      if (enc.empty() || std::string(enc[0][0].c_str()) != "UTF8")
        throw Error(ErrorCode::DatabaseError,
                    "the PostgreSQL database is not UTF8 (Thai text needs it: createdb -E UTF8 -T template0)", where_);
    } catch (const Error&) {
      throw;
    } catch (const pqxx::broken_connection& e) {
      throw Error(ErrorCode::DatabaseError,
                  "cannot connect to the PostgreSQL register: " + first_line(e.what()) + "; nothing was changed", where_);
    } catch (const std::exception& e) {
      fail_with(e, where_, false);
    }
  }
  ~PgConnection() override {
    tx_.reset();
    quiet_.reset();
  }
  Dialect dialect() const override { return Dialect::Postgres; }
  void exec(std::string_view sql) override {
    const bool beginning = sql.rfind("BEGIN", 0) == 0, committing = sql == "COMMIT";
    if (beginning) reopen_if_lost();
    // A COMMIT ends the transaction whatever its outcome (committed, refused, or lost with the
    // connection); only after it has been sent may libpqxx reconnect.
    struct EndsTransaction {
      PgConnection* c;
      ~EndsTransaction() {
        if (c) c->transaction_ended();
      }
    } ends{committing ? this : nullptr};
    try {
      changes_ = static_cast<std::int64_t>(tx_->exec(std::string(sql)).affected_rows());
    } catch (const std::exception& e) {
      fail_with(e, where_, committing);
    }
    if (beginning) transaction_began();
  }
  std::unique_ptr<StatementBackend> scan(std::string_view sql) override {
    return std::make_unique<PgScan>(*this, std::string(sql), "saraban_scan_" + std::to_string(++cursors_));
  }
  std::unique_ptr<StatementBackend> prepare(std::string_view sql) override {
    std::vector<std::string> names;
    std::string text = positional(sql, names);
    auto it = prepared_.find(text);
    if (it == prepared_.end()) {
      std::string name = "s" + std::to_string(prepared_.size() + 1);
      try {
        conn_->prepare(name, text);
      } catch (const std::exception& e) {
        fail_with(e, where_, false);
      }
      it = prepared_.emplace(text, name).first;
    }
    return std::make_unique<PgStatement>(*this, it->second, std::move(names));
  }
  std::int64_t last_insert_rowid() override {
    try {
      return tx_->exec("SELECT lastval()")[0][0].as<std::int64_t>();
    } catch (const std::exception& e) {
      fail_with(e, where_, false);
    }
  }
  std::int64_t changes() override { return changes_; }
  void begin_write() override {
    exec("BEGIN");
    // One lock for every writer on every machine ('SRAB'): numbers and the audit chain's head
    // are read and extended by one transaction at a time, as under SQLite's BEGIN IMMEDIATE.
    exec("SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLockKey) + ")");
  }
  void begin_read() override { exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }
  void rollback() noexcept override {
    try {
      tx_->exec("ROLLBACK");
    } catch (...) {
    }
    transaction_ended();
  }
  bool read_only() override { return false; }
  std::string where() const override { return where_; }

  pqxx::nontransaction& tx() { return *tx_; }
  bool in_transaction() const { return in_transaction_; }
  std::uint64_t generation() const { return generation_; }
  void set_changes(std::int64_t n) { changes_ = n; }
  const std::string& where_ref() const { return where_; }

 private:
  // libpqxx reconnects a lost connection by itself: welcome between transactions (a restarted
  // server), never inside one, where the rest would run outside the transaction.
  void transaction_began() noexcept {
    ++generation_;
    in_transaction_ = true;
    conn_->inhibit_reactivation(true);
  }
  void transaction_ended() noexcept {
    in_transaction_ = false;
    conn_->inhibit_reactivation(false);
  }
  // A connection lost in the last transaction is opened again before the next one begins; the
  // first attempt after a lost connection can fail in libpqxx 6, so once more before giving up.
  void reopen_if_lost() {
    for (int attempt = 0; attempt < 2 && !conn_->is_open(); ++attempt) {
      try {
        conn_->activate();
      } catch (const std::exception& e) {
        if (attempt == 1)
          throw Error(ErrorCode::DatabaseError,
                      "cannot connect to the PostgreSQL register again: " + first_line(e.what()) + "; nothing was changed",
                      where_);
      }
    }
  }
  std::string where_;
  std::unique_ptr<pqxx::connection> conn_;
  std::unique_ptr<QuietNotices> quiet_;
  std::unique_ptr<pqxx::nontransaction> tx_;
  std::map<std::string, std::string> prepared_;
  std::int64_t changes_ = 0;
  bool in_transaction_ = false;
  std::uint64_t generation_ = 0, cursors_ = 0;
};

bool PgStatement::step() {
  if (!executed_) {
    try {
      auto inv = conn_.tx().prepared(name_);
      for (const Value& v : values_) {
        if (!v.present) inv();
        else if (v.binary) inv(pqxx::binarystring(v.bytes.data(), v.bytes.size()));
        else inv(v.bytes);
      }
      result_ = inv.exec();
    } catch (const std::exception& e) {
      fail_with(e, conn_.where_ref(), false);
    }
    conn_.set_changes(static_cast<std::int64_t>(result_.affected_rows()));
    executed_ = true;
    row_ = -1;
  }
  ++row_;
  return row_ < static_cast<long>(result_.size());
}

bool PgScan::step() {
  try {
    if (!started_) {
      started_ = true;
      if (!conn_.in_transaction()) {
        result_ = conn_.tx().exec(sql_);
        exhausted_ = true;
      } else {
        conn_.tx().exec("DECLARE " + cursor_ + " NO SCROLL CURSOR FOR " + sql_);
        declared_ = true;
        generation_ = conn_.generation();
        result_ = pqxx::result();
      }
      row_ = -1;
    }
    ++row_;
    if (row_ < static_cast<long>(result_.size())) return true;
    if (exhausted_ || !declared_) return false;
    result_ = conn_.tx().exec("FETCH FORWARD " + std::to_string(kBatch) + " FROM " + cursor_);
    row_ = 0;
    if (result_.size() < static_cast<pqxx::result::size_type>(kBatch)) exhausted_ = true;
    return row_ < static_cast<long>(result_.size());
  } catch (const std::exception& e) {
    fail_with(e, conn_.where_ref(), false);
  }
}

void PgScan::close() noexcept {
  // Only in the transaction that declared it: a CLOSE that failed in a later one would abort it.
  if (declared_ && conn_.in_transaction() && conn_.generation() == generation_) {
    try {
      conn_.tx().exec("CLOSE " + cursor_);
    } catch (...) {
    }
  }
  declared_ = false;
  exhausted_ = false;
}

}  // namespace

std::string without_password(const std::string& url) {
  // postgresql://user:password@host/db -> postgresql://user@host/db; password=... in a query too.
  std::string out = url;
  const auto scheme = out.find("://");
  if (scheme != std::string::npos) {
    const auto at = out.find('@', scheme + 3);
    const auto colon = out.find(':', scheme + 3);
    if (at != std::string::npos && colon != std::string::npos && colon < at) out.erase(colon, at - colon);
  }
  for (auto p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 9)) {
    auto end = out.find_first_of("& ", p);
    out.replace(p + 9, (end == std::string::npos ? out.size() : end) - (p + 9), "***");
  }
  return out;
}

std::unique_ptr<ConnectionBackend> open_postgres(const std::string& url) { return std::make_unique<PgConnection>(url); }

}  // namespace saraban::registry::sql
