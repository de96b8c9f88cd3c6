#pragma once
// What an attacker who can write the register's file (but has not its key) can do with it,
// written out for the chain tests: raw queries, and a chain recomputed with plain SHA-256
// exactly as the unkeyed (version 1) chain was computed.
#include <cstdio>
#include <string>
#include <vector>

#include "registry/sha256.h"
#include "test_store.h"

namespace saraban::registry::testing {

using Rows = std::vector<std::vector<std::string>>;

// Every row of `query`, each column as text ("" for NULL), through a plain connection.
inline Rows query_rows(const std::string& db, const std::string& query) {
  Rows out;
  try {
    auto c = raw_connection(db);
    auto s = c.prepare(query);
    while (s.step()) {
      std::vector<std::string> row;
      for (int i = 0; i < s.columns(); ++i) row.push_back(s.is_null(i) ? "" : s.text(i));
      out.push_back(std::move(row));
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "query_rows: %s\n", e.what());
  }
  return out;
}

inline std::string query_one(const std::string& db, const std::string& query) {
  auto r = query_rows(db, query);
  return r.empty() || r[0].empty() ? "" : r[0][0];
}

// The text the chain hashes for one audit_log row (the format both chains share).
inline std::string chain_message(const std::string& prev, const std::string& seq, const std::string& at,
                                 const std::string& actor, const std::string& action, const std::string& tbl,
                                 const std::string& row_id, const std::string& data) {
  return prev + "\n" + seq + "\n" + at + "\n" + (actor.empty() ? "-" : actor) + "\n" + action + "\n" + tbl + "\n" +
         row_id + "\n" + data;
}

// Recomputes prev_hash and hash of every audit_log row from `from_seq` on with plain SHA-256,
// as someone who knows the algorithm but not the key would after editing row_data.
inline std::string rehash_sql(const std::string& db, long long from_seq) {
  auto rows = query_rows(db, "SELECT seq, at, actor, action, tbl, row_id, row_data, prev_hash FROM audit_log ORDER BY seq");
  std::string prev, sql = unlock_audit_log_sql();
  for (const auto& r : rows) {
    if (std::stoll(r[0]) < from_seq) {
      prev = query_one(db, "SELECT hash FROM audit_log WHERE seq = " + r[0]);
      continue;
    }
    std::string h = sha256_hex(chain_message(prev, r[0], r[1], r[2], r[3], r[4], r[5], r[6]));
    sql += "UPDATE audit_log SET prev_hash = '" + prev + "', hash = '" + h + "' WHERE seq = " + r[0] + ";";
    prev = h;
  }
  return sql;
}

// SQL deleting every audit_log row from `from_seq` on and every row those rows recorded: the
// newest part of the register cut off cleanly, leaving a chain that is whole by itself.
inline std::string cut_off_sql(const std::string& db, long long from_seq) {
  std::string sql = unlock_audit_log_sql() + (testing_postgres() ? "SET session_replication_role = replica;" : "PRAGMA foreign_keys = OFF;");
  auto c = raw_connection(db);
  for (const auto& r : query_rows(db, "SELECT DISTINCT tbl, row_id FROM audit_log WHERE seq >= " +
                                          std::to_string(from_seq) + " AND action = 'insert'"))
    sql += "DELETE FROM " + r[0] + " WHERE " + c.row_key(r[0]) + " = " + r[1] + ";";
  sql += "DELETE FROM audit_log WHERE seq >= " + std::to_string(from_seq) + ";";
  return sql;
}

}  // namespace saraban::registry::testing
