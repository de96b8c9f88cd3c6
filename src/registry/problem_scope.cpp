#include "registry/problem_scope.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace saraban::registry {
namespace {

using json = nlohmann::json;

Secrecy level_of(std::int64_t stored) { return static_cast<Secrecy>(std::clamp<std::int64_t>(stored, 0, 3)); }

Secrecy secrecy_in(const json& row) {
  if (!row.is_object() || !row.contains("secrecy") || !row["secrecy"].is_number_integer()) return Secrecy::None;
  return level_of(row["secrecy"].get<std::int64_t>());
}

Secrecy entry_secrecy(sql::Connection& c, std::int64_t entry_id) {
  Secrecy level = Secrecy::None;
  auto now = c.prepare("SELECT secrecy FROM entries WHERE id = :id");
  now.bind(":id", entry_id);
  if (now.step()) level = level_of(now.integer(0));
  auto recorded = c.prepare(
      "SELECT row_data FROM audit_log WHERE tbl = 'entries' AND row_id = :id ORDER BY seq DESC LIMIT 1");
  recorded.bind(":id", entry_id);
  if (recorded.step()) level = std::max(level, secrecy_in(json::parse(recorded.text(0), nullptr, false)));
  return level;
}

void include(ProblemScope& scope, sql::Connection& c, std::int64_t entry_id) {
  const Secrecy level = entry_secrecy(c, entry_id);
  if (!scope.entry_id || level > scope.secrecy) scope.entry_id = entry_id;
  scope.secrecy = std::max(scope.secrecy, level);
}

}  // namespace

ProblemScope problem_scope(sql::Connection& conn, const std::string& tbl, std::int64_t row_id,
                           const std::string& row_data) {
  ProblemScope scope;
  const json row = json::parse(row_data, nullptr, false);
  if (tbl == "entries") {
    include(scope, conn, row_id);
    scope.secrecy = std::max(scope.secrecy, secrecy_in(row));
  } else if (row.is_object() && row.contains("entry_id") && row["entry_id"].is_number_integer()) {
    include(scope, conn, row["entry_id"].get<std::int64_t>());
  } else if (tbl == "attachment_blobs" && row.is_object() && row.contains("sha256") && row["sha256"].is_string()) {
    auto owners = conn.prepare("SELECT DISTINCT entry_id FROM attachments WHERE sha256 = :sha256");
    owners.bind(":sha256", row["sha256"].get<std::string>());
    while (owners.step()) include(scope, conn, owners.integer(0));
  } else if (tbl == "attachment_blob_bases") {
    // A link from a stored copy to its base belongs to the entries holding either.
    auto owners = conn.prepare(
        "SELECT DISTINCT entry_id FROM attachments WHERE sha256 = :base "
        "OR sha256 = (SELECT sha256 FROM attachment_blobs WHERE id = :blob_id)");
    owners.bind(":base", row.is_object() && row.contains("base_sha256") && row["base_sha256"].is_string()
                             ? row["base_sha256"].get<std::string>()
                             : std::string());
    owners.bind(":blob_id", row_id);
    while (owners.step()) include(scope, conn, owners.integer(0));
  }
  return scope;
}

}  // namespace saraban::registry
