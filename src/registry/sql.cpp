#include "registry/sql.h"

#include "base/error.h"

namespace saraban::registry::sql {

std::optional<std::string> Statement::optional_text(int col) const {
  if (is_null(col)) return std::nullopt;
  return text(col);
}

std::optional<std::int64_t> Statement::optional_integer(int col) const {
  if (is_null(col)) return std::nullopt;
  return integer(col);
}

int Statement::index_of(const char* name) const {
  int i = b_->index_of(name);
  if (i == 0) throw Error(ErrorCode::Internal, "a statement has no parameter of this name", name);
  return i;
}

Statement& Connection::cached(std::string_view sql) {
  for (auto& [text, st] : cache_)
    if (text == sql) {
      st->reset();
      return *st;
    }
  cache_.emplace_back(std::string(sql), std::make_unique<Statement>(b_->prepare(sql)));
  return *cache_.back().second;
}

int Connection::pragma_int(std::string_view name) {
  if (postgres()) throw Error(ErrorCode::Internal, "PRAGMA on a PostgreSQL register", std::string(name));
  Statement s = prepare("PRAGMA " + std::string(name));
  return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

std::string Connection::row_key(const std::string& table) {
  if (!postgres()) return "rowid";
  for (const auto& [t, k] : row_keys_)
    if (t == table) return k;
  Statement s = prepare(
      "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
      "WHERE i.indrelid = CAST(:table AS regclass) AND i.indisprimary");
  s.bind(":table", table);
  if (!s.step()) throw Error(ErrorCode::Internal, "an audited table without a primary key", table);
  row_keys_.emplace_back(table, s.text(0));
  return row_keys_.back().second;
}

WriteTransaction::WriteTransaction(Connection& c) : c_(c) { c_.begin_write(); }

WriteTransaction::~WriteTransaction() {
  if (!done_) c_.rollback();
}

void WriteTransaction::commit() {
  c_.exec("COMMIT");
  done_ = true;
}

}  // namespace saraban::registry::sql
