#include "registry/table_copy.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "base/error.h"
#include "registry/audit_chain.h"

namespace saraban::registry {
namespace {

struct Column {
  std::string name;
  sql::ColumnKind kind;
};

const char* kind_name(sql::ColumnKind k) {
  switch (k) {
    case sql::ColumnKind::Null: return "NULL";
    case sql::ColumnKind::Integer: return "an integer";
    case sql::ColumnKind::Float: return "a real number";
    case sql::ColumnKind::Text: return "text";
    case sql::ColumnKind::Blob: return "bytes";
  }
  return "?";
}

// Names come from the schemas' own catalogs; anything but a plain identifier is refused rather
// than quoted, since the register's schema has none.
const std::string& plain_identifier(const std::string& name) {
  const bool plain = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) &&
                     std::all_of(name.begin(), name.end(), [](char c) {
                       return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
                     });
  if (!plain) throw Error(ErrorCode::Internal, "an unexpected table or column name", name);
  return name;
}

// The target table's columns in order, each with the only kind its type holds.
std::vector<Column> target_columns(sql::Connection& to, const std::string& table) {
  auto s = to.prepare(
      "SELECT column_name, data_type FROM information_schema.columns "
      "WHERE table_schema = current_schema() AND table_name = :table ORDER BY ordinal_position");
  s.bind(":table", table);
  std::vector<Column> out;
  while (s.step()) {
    const std::string type = s.text(1);
    sql::ColumnKind k = type == "bigint" ? sql::ColumnKind::Integer
                        : type == "text"  ? sql::ColumnKind::Text
                        : type == "bytea" ? sql::ColumnKind::Blob
                                          : throw Error(ErrorCode::Internal, "a column type migrate does not know",
                                                        table + "." + s.text(0) + " " + type);
    out.push_back({plain_identifier(s.text(0)), k});
  }
  if (out.empty()) throw Error(ErrorCode::Internal, "no such table in the PostgreSQL schema", table);
  return out;
}

void require_same_columns(sql::Connection& from, const std::string& table, const std::vector<Column>& cols) {
  auto s = from.prepare("SELECT * FROM " + table + " LIMIT 0");
  std::vector<std::string> have, want;
  for (int i = 0; i < s.columns(); ++i) have.push_back(s.column_name(i));
  for (const Column& c : cols) want.push_back(c.name);
  std::sort(have.begin(), have.end());
  std::sort(want.begin(), want.end());
  if (have != want) {
    std::string a, b;
    for (auto& n : have) a += (a.empty() ? "" : ", ") + n;
    for (auto& n : want) b += (b.empty() ? "" : ", ") + n;
    throw Error(ErrorCode::DatabaseError,
                "the table " + table + " has other columns in this register (" + a + ") than in the PostgreSQL schema (" +
                    b + "); nothing was written",
                from.path());
  }
}

struct Value {
  sql::ColumnKind kind = sql::ColumnKind::Null;
  std::int64_t integer = 0;
  std::string bytes;  // text or blob
};

// One INSERT of `rows` rows, its parameters numbered in order (:p1, :p2, ...), so they are
// bound by position: the statement is prepared once per batch size.
std::string insert_sql(const std::string& table, const std::vector<Column>& cols, std::size_t rows) {
  std::string sql = "INSERT INTO " + table + "(";
  for (std::size_t i = 0; i < cols.size(); ++i) sql += (i ? ", " : "") + cols[i].name;
  sql += ") VALUES ";
  std::size_t p = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    sql += r ? ", (" : "(";
    for (std::size_t i = 0; i < cols.size(); ++i) sql += (i ? ", :p" : ":p") + std::to_string(++p);
    sql += ")";
  }
  return sql;
}

}  // namespace

std::int64_t copy_table(sql::Connection& from, sql::Connection& to, const std::string& table,
                        const CopyProgress& progress) {
  plain_identifier(table);
  const std::vector<Column> cols = target_columns(to, table);
  require_same_columns(from, table, cols);
  std::int64_t total = 0;
  {
    auto c = from.prepare("SELECT count(*) FROM " + table);
    if (c.step()) total = c.integer(0);
  }
  std::string select = "SELECT rowid";
  for (const Column& c : cols) select += ", " + c.name;
  auto s = from.prepare(select + " FROM " + table + " ORDER BY rowid");

  // A batch stays well under PostgreSQL's 65535 parameters and a few MB of attachment bytes.
  const std::size_t batch_rows = std::max<std::size_t>(1, std::min<std::size_t>(500, 4000 / cols.size()));
  constexpr std::size_t kBatchBytes = 16 << 20;
  std::vector<Value> values;
  values.reserve(batch_rows * cols.size());
  std::size_t bytes = 0;
  std::int64_t done = 0;
  auto flush = [&] {
    const std::size_t rows = values.size() / cols.size();
    if (rows == 0) return;
    auto& ins = to.cached(insert_sql(table, cols, rows));
    for (std::size_t k = 0; k < values.size(); ++k) {
      const int p = static_cast<int>(k + 1);
      const Value& v = values[k];
      switch (v.kind) {
        case sql::ColumnKind::Integer: ins.bind(p, v.integer); break;
        case sql::ColumnKind::Text: ins.bind(p, std::string_view(v.bytes)); break;
        case sql::ColumnKind::Blob:
          ins.bind(p, std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(v.bytes.data()), v.bytes.size()));
          break;
        default: ins.bind(p, std::nullopt);
      }
    }
    ins.run();
    ins.reset();
    done += static_cast<std::int64_t>(rows);
    values.clear();
    bytes = 0;
    if (progress) progress(table, done, total);
  };
  while (s.step()) {
    const std::int64_t row = s.integer(0);
    for (std::size_t i = 0; i < cols.size(); ++i) {
      const int c = static_cast<int>(i + 1);
      Value v;
      v.kind = s.kind(c);
      auto refuse = [&](const std::string& why) {
        throw Error(ErrorCode::DatabaseError,
                    table + " row " + std::to_string(row) + ", column " + cols[i].name + ": " + why +
                        ", so it cannot be moved to PostgreSQL unchanged; nothing was written",
                    from.path());
      };
      if (v.kind != sql::ColumnKind::Null && v.kind != cols[i].kind)
        refuse(std::string("holds ") + kind_name(v.kind) + " where PostgreSQL keeps " + kind_name(cols[i].kind));
      if (v.kind == sql::ColumnKind::Integer) {
        v.integer = s.integer(c);
      } else if (v.kind == sql::ColumnKind::Text) {
        v.bytes = s.text(c);
        if (!is_canonical_text(v.bytes)) refuse("holds text that is not UTF-8");
        if (v.bytes.find('\0') != std::string::npos) refuse("holds text with a NUL byte");
      } else if (v.kind == sql::ColumnKind::Blob) {
        auto b = s.blob(c);
        v.bytes.assign(reinterpret_cast<const char*>(b.data()), b.size());
      }
      bytes += v.bytes.size();
      values.push_back(std::move(v));
    }
    if (values.size() >= batch_rows * cols.size() || bytes >= kBatchBytes) flush();
  }
  flush();
  return done;
}

}  // namespace saraban::registry
