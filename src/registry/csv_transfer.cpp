#include "registry/csv_transfer.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "base/error.h"
#include "base/field_text.h"
#include "base/parse.h"
#include "registry/assignee_rule.h"
#include "registry/calendar.h"
#include "registry/csv.h"
#include "registry/sha256.h"

namespace saraban::registry {
namespace {

enum Col : int {
  kRegister, kYear, kNumber, kRegisteredAt, kRef, kDated, kSender, kRecipient, kSubject, kUrgency, kSecrecy,
  kStage, kCancelled, kAssignee, kDue, kVia, kRemarks, kOrigin, kReply, kKeepUntil, kCreatedBy, kColumnCount
};

const std::vector<std::string> kColumns = {
    "register", "year",    "number", "registered_at", "ref",    "dated",      "sender",
    "recipient", "subject", "urgency", "secrecy",      "stage",  "cancelled",  "assignee",
    "due",      "via",     "remarks", "origin",       "reply",  "keep_until", "created_by"};

bool formula_start(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

// ---------------------------------------------------------------- export

// Stored dates are CE and read as such (never guessed): 2404-02-29 stays CE 2404.
std::string be_date(const std::string& iso_date) { return be_iso(iso_date); }

std::string be_datetime(std::int64_t t) {
  Date d = local_date(t);
  std::int64_t s = t - local_midnight(d);
  d.year += 543;
  char buf[16];
  std::snprintf(buf, sizeof buf, " %02d:%02d:%02d", static_cast<int>(s / 3600), static_cast<int>(s / 60 % 60),
                static_cast<int>(s % 60));
  return iso(d) + buf;
}

std::string number_label(const std::string& register_code, int year, std::int64_t number) {
  return register_code + " " + std::to_string(year) + "/" + std::to_string(number);
}

std::string link_label(RegisterStore& store, const std::optional<std::int64_t>& id, Secrecy clearance) {
  if (!id) return "";
  auto e = store.entry(*id);
  if (!e || static_cast<int>(e->secrecy) > static_cast<int>(clearance)) return "";
  return number_label(e->register_code, e->year, e->number);
}

// ---------------------------------------------------------------- import: one row

struct Link {
  std::string register_code;
  int year = 0;
  std::int64_t number = 0;
  bool operator<(const Link& o) const {
    return std::tie(register_code, year, number) < std::tie(o.register_code, o.year, o.number);
  }
};

struct ImportRow {
  std::size_t line = 0;
  Entry e;
  std::string key;  // the comment of its 'import' stage event, naming the source row
  std::string assignee, created_by;
  std::optional<Link> origin, reply;
};

using Layout = std::vector<int>;  // Col -> position in the row, -1 when the file has no such column

[[noreturn]] void refuse(const std::string& why, const std::string& where) {
  throw Error(ErrorCode::InvalidInput, why, where);
}

Layout read_header(const csv::Row& header) {
  Layout at(kColumnCount, -1);
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    std::string where = "line " + std::to_string(header.line) + ", column " + std::to_string(i + 1);
    const std::string& name = header.fields[i];
    auto it = std::find(kColumns.begin(), kColumns.end(), name);
    if (it == kColumns.end()) {
      std::string all;
      for (const auto& c : kColumns) all += (all.empty() ? "" : ", ") + c;
      refuse("unknown column '" + escape_for_terminal(name) + "' (the columns are: " + all + ")", where);
    }
    int c = static_cast<int>(it - kColumns.begin());
    if (at[static_cast<std::size_t>(c)] >= 0) refuse("column '" + name + "' appears twice", where);
    at[static_cast<std::size_t>(c)] = static_cast<int>(i);
  }
  for (Col required : {kSender, kSubject})
    if (at[required] < 0)
      refuse("the header has no '" + kColumns[required] + "' column", "line " + std::to_string(header.line));
  return at;
}

// Reads the cells of one row, each error naming the line, the column and its name.
class RowReader {
 public:
  // Each cell is read once and moved out of `row` (an import reads millions of cells).
  RowReader(csv::Row& row, const Layout& layout) : row_(row), layout_(layout) {}

  std::string where(Col c) const {
    std::string line = "line " + std::to_string(row_.line);
    if (layout_[c] < 0) return line + " (no '" + kColumns[c] + "' column)";
    return line + ", column " + std::to_string(layout_[c] + 1) + " (" + kColumns[c] + ")";
  }
  // Runs a value parser; its refusal is placed at this row and column (built only on failure:
  // an import reads millions of cells).
  template <typename Parse>
  auto parse(Col c, Parse p) const {
    try {
      return p();
    } catch (const Error& err) {
      bool named_value = !err.context().empty() && err.context() != "-";
      throw Error(err.code(), err.message() + (named_value ? " (got '" + err.context() + "')" : ""), where(c));
    }
  }
  // The cell's text ("" when the file has no such column), checked and with its formula guard removed.
  std::string text(Col c, bool required = false) const {
    if (layout_[c] < 0) return "";
    std::string v = std::move(row_.fields[static_cast<std::size_t>(layout_[c])]);
    if (!v.empty() && v[0] == '\'') v = unguard_formula(v);
    parse(c, [&] { check_field_text(v, "", required); });
    return v;
  }

 private:
  csv::Row& row_;
  const Layout& layout_;
};

void check_year(int year_be, const std::string& where) {
  if (year_be < kImportMinYearBe || year_be > kImportMaxYearBe)
    refuse("the year " + std::to_string(year_be) + " is outside the years an import accepts (Buddhist era " +
               std::to_string(kImportMinYearBe) + " to " + std::to_string(kImportMaxYearBe) + ")",
           where);
}

std::string import_date(const std::string& v, const std::string& where) {
  Date d = parse_date(v, where);
  check_year(d.year + 543, where);
  return iso(d);
}

// "YYYY-MM-DD", "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS", nothing before or after.
std::int64_t import_time(const std::string& v, const std::string& where) {
  std::string_view t = v;
  Date d = parse_date(t.substr(0, std::min<std::size_t>(10, t.size())), where);
  check_year(d.year + 543, where);
  std::string_view rest = t.size() > 10 ? t.substr(10) : std::string_view();
  std::int64_t secs = 0;
  if (!rest.empty()) {
    bool shape = (rest.size() == 6 || rest.size() == 9) && rest[0] == ' ' && rest[3] == ':' &&
                 (rest.size() == 6 || rest[6] == ':');
    if (!shape) refuse("malformed time in '" + v + "' (expected YYYY-MM-DD HH:MM or YYYY-MM-DD HH:MM:SS)", where);
    secs = parse_int(rest.substr(1, 2), where, 0, 23) * 3600 + parse_int(rest.substr(4, 2), where, 0, 59) * 60;
    if (rest.size() == 9) secs += parse_int(rest.substr(7, 2), where, 0, 59);
  }
  return local_midnight(d) + secs;
}

// "receive 2569/3": the register, year and number of a linked entry.
Link import_link(const std::string& v, const std::string& where) {
  auto space = v.find(' '), slash = v.find('/');
  if (space == std::string::npos || slash == std::string::npos || slash < space)
    refuse("a link is written 'REGISTER YEAR/NUMBER' (e.g. 'send 2569/12'), got '" + v + "'", where);
  Link l;
  l.register_code = parse_register(v.substr(0, space));
  l.year = parse_int(std::string_view(v).substr(space + 1, slash - space - 1), where, kImportMinYearBe, kImportMaxYearBe);
  l.number = parse_positive(std::string_view(v).substr(slash + 1), where);
  return l;
}

bool stage_fits(const std::string& register_code, Stage s) {
  static const std::set<Stage> received = {Stage::Received, Stage::Assigned, Stage::Drafted,  Stage::Returned,
                                           Stage::Approved, Stage::Signed,   Stage::Dispatched, Stage::Filed,
                                           Stage::Closed,   Stage::Cancelled};
  static const std::set<Stage> issued = {Stage::Issued, Stage::Filed, Stage::Cancelled};
  if (register_code == "secret") return true;  // holds secret letters received and sent
  return register_code == "receive" ? received.count(s) > 0 : issued.count(s) > 0;
}

// Register and secrecy, checked against the actor's clearance before anything else is read
// (a refusal must not depend on what the secret register holds).
void read_register(const RowReader& r, const User& actor, Entry& e) {
  std::string reg = r.text(kRegister), sec = r.text(kSecrecy);
  e.secrecy = sec.empty() ? Secrecy::None : r.parse(kSecrecy, [&] { return parse_secrecy(sec); });
  e.register_code = reg.empty() ? (e.secrecy != Secrecy::None ? "secret" : "receive")
                                : r.parse(kRegister, [&] { return parse_register(reg); });
  // Refused before anything else about the row, so the answer cannot depend on the register.
  if (e.register_code == "secret" && actor.clearance == Secrecy::None)
    throw Error(ErrorCode::PermissionDenied,
                "user '" + actor.name + "' is not cleared for the secret register (nothing was imported)",
                r.where(kRegister));
  if (e.secrecy != Secrecy::None && e.register_code != "secret")
    refuse(std::string("a letter at secrecy ") + secrecy_name(e.secrecy) + " belongs in the secret register",
           r.where(kSecrecy));
  if (e.register_code == "secret" && e.secrecy == Secrecy::None)
    refuse("a row of the secret register needs its secrecy level", r.where(kSecrecy));
  if (static_cast<int>(e.secrecy) > static_cast<int>(actor.clearance))
    throw Error(ErrorCode::PermissionDenied,
                "user '" + actor.name + "' is not cleared for " + secrecy_name(e.secrecy) +
                    "; importing rows of the secret register needs that clearance (nothing was imported)",
                r.where(kSecrecy));
}

// Stage and the cancelled flag, which must agree (an export writes both).
void read_stage(const RowReader& r, Entry& e) {
  std::string st = r.text(kStage), cancelled = r.text(kCancelled);
  if (!st.empty()) {
    e.stage = r.parse(kStage, [&] { return parse_stage(st); });
    if (!stage_fits(e.register_code, e.stage))
      refuse("the " + e.register_code + " register has no stage '" + st + "'", r.where(kStage));
  }
  if (cancelled != "" && cancelled != "0" && cancelled != "1")
    refuse("cancelled is 1 or 0 (or empty), got '" + cancelled + "'", r.where(kCancelled));
  e.cancelled = cancelled == "1" || (cancelled.empty() && e.stage == Stage::Cancelled);
  if (e.cancelled && st.empty()) e.stage = Stage::Cancelled;
  if (e.cancelled != (e.stage == Stage::Cancelled))
    refuse("cancelled is " + std::string(e.cancelled ? "1" : "0") + " but the stage is '" + stage_name(e.stage) + "'",
           r.where(kCancelled));
}

ImportRow read_row(csv::Row& row, const Layout& layout, const User& actor, std::int64_t now) {
  RowReader r(row, layout);
  ImportRow out;
  out.line = row.line;
  Entry& e = out.e;
  read_register(r, actor, e);
  e.created_by = actor.id;
  e.sender = r.text(kSender, true);
  e.subject = r.text(kSubject, true);
  e.ref = r.text(kRef);
  e.recipient = r.text(kRecipient);
  e.via = r.text(kVia);
  e.remarks = r.text(kRemarks);
  if (auto v = r.text(kYear); !v.empty()) e.year = r.parse(kYear, [&] { return parse_int(v, "-", kImportMinYearBe, kImportMaxYearBe); });
  if (auto v = r.text(kNumber); !v.empty()) {
    e.number = r.parse(kNumber, [&] { return parse_positive(v, "-"); });
    if (!e.year) refuse("a numbered row needs its year", r.where(kYear));
  }
  auto rt = r.text(kRegisteredAt);
  e.registered_at = rt.empty() ? now : r.parse(kRegisteredAt, [&] { return import_time(rt, "-"); });
  if (auto v = r.text(kDated); !v.empty()) e.dated = r.parse(kDated, [&] { return import_date(v, "-"); });
  if (auto v = r.text(kDue); !v.empty()) e.due = r.parse(kDue, [&] { return import_date(v, "-"); });
  if (auto v = r.text(kUrgency); !v.empty()) e.urgency = r.parse(kUrgency, [&] { return parse_urgency(v); });
  read_stage(r, e);
  if (auto v = r.text(kKeepUntil); !v.empty())
    e.keep_until = r.parse(kKeepUntil, [&] { return parse_int(v, "-", kImportMinYearBe, kImportMaxYearBe + 100); });
  out.assignee = r.text(kAssignee);
  out.created_by = r.text(kCreatedBy);
  for (auto [col, link] : {std::pair{kOrigin, &out.origin}, std::pair{kReply, &out.reply}}) {
    std::string v = r.text(col);
    if (v.empty()) continue;
    *link = r.parse(col, [&] { return import_link(v, "-"); });
    if (!e.number) refuse("a row with a link needs its own number", r.where(kNumber));
    // Looking the target up would tell an uncleared reader whether a secret number exists.
    if ((*link)->register_code == "secret" && actor.clearance == Secrecy::None)
      throw Error(ErrorCode::PermissionDenied,
                  "user '" + actor.name + "' is not cleared for the secret register (nothing was imported)", r.where(col));
  }
  return out;
}

// The row's fields in column order: equal rows give equal keys whatever the file's column order.
std::string row_digest(const csv::Row& row, const Layout& layout) {
  std::string all;
  for (int c = 0; c < kColumnCount; ++c) {
    if (layout[static_cast<std::size_t>(c)] >= 0) all += row.fields[static_cast<std::size_t>(layout[static_cast<std::size_t>(c)])];
    all += '\x1f';
  }
  return sha256_hex(all);
}

std::vector<ImportRow> read_rows(std::vector<csv::Row>& rows, const User& actor, std::int64_t now) {
  Layout layout = read_header(rows.front());
  std::vector<ImportRow> out;
  out.reserve(rows.size() - 1);
  std::unordered_map<std::string, int> occurrences;
  std::map<Link, std::size_t> numbered;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    csv::Row& row = rows[i];
    if (row.fields.size() != rows.front().fields.size())
      refuse("the row has " + std::to_string(row.fields.size()) + " fields, the header " +
                 std::to_string(rows.front().fields.size()),
             "line " + std::to_string(row.line));
    std::string digest = row_digest(row, layout).substr(0, 32);  // before read_row moves the cells out
    ImportRow ir = read_row(row, layout, actor, now);
    // Identical rows are distinct letters (the same circular twice): the key counts them.
    int n = occurrences[digest]++;
    ir.key = "import key " + digest + "#" + std::to_string(n);
    if (ir.e.number) {
      Link at{ir.e.register_code, ir.e.year, ir.e.number};
      auto [it, fresh] = numbered.emplace(at, ir.line);
      if (!fresh)
        refuse("number " + number_label(at.register_code, at.year, at.number) + " repeats line " +
                   std::to_string(it->second),
               "line " + std::to_string(ir.line));
    }
    out.push_back(std::move(ir));
  }
  return out;
}

// Names in the assignee and created_by columns are users of this register; an assignee must
// be one `assign` would accept.
void resolve_users(RegisterStore& store, std::vector<ImportRow>& rows, const User& actor) {
  std::map<std::string, std::optional<User>> cache;
  auto user = [&](const std::string& name, std::size_t line, const char* column) {
    auto it = cache.find(name);
    if (it == cache.end()) it = cache.emplace(name, store.user_by_name(name)).first;
    if (!it->second)
      throw Error(ErrorCode::NotFound, "unknown user '" + name + "'", "line " + std::to_string(line) + " (" + column + ")");
    return *it->second;
  };
  store.read([&] {
    for (auto& r : rows) {
      if (!r.assignee.empty()) {
        User u = user(r.assignee, r.line, "assignee");
        require_assignable(u, r.e.secrecy, "line " + std::to_string(r.line) + " (assignee)");
        r.e.assignee = u.id;
      }
      r.e.created_by = r.created_by.empty() ? actor.id : user(r.created_by, r.line, "created_by").id;
    }
  });
}

// The rows earlier runs brought in, by key. Read once, then only the events added since, at the
// start of each write transaction (another run may have committed in between).
class KnownRows {
 public:
  void refresh(RegisterStore& store) {
    for (auto& ev : store.import_events(last_event_)) {
      last_event_ = ev.event_id;
      entry_of_.emplace(std::move(ev.comment), ev.entry_id);
    }
  }
  std::optional<std::int64_t> entry(const std::string& key) const {
    auto it = entry_of_.find(key);
    if (it == entry_of_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::int64_t last_event_ = 0;
  std::unordered_map<std::string, std::int64_t> entry_of_;
};

Entry insert_imported(RegisterStore& store, const User& actor, const ImportRow& r, Entry e, std::int64_t now) {
  Entry stored = store.insert_entry(std::move(e));
  StageEvent ev;
  ev.entry_id = stored.id;
  ev.action = "import";
  ev.to = stored.stage;
  ev.actor = actor.id;
  ev.at = now;
  ev.comment = r.key;
  store.add_stage_event(ev);
  return stored;
}

// The rows with their own numbers, in one transaction: their numbers are checked under the
// same lock that writes them, so a letter received meanwhile refuses the import cleanly.
void import_numbered(RegisterStore& store, const User& actor, std::vector<ImportRow>& rows, std::int64_t now,
                     KnownRows& known, ImportResult& result) {
  std::vector<ImportRow*> numbered;
  for (auto& r : rows)
    if (r.e.number) numbered.push_back(&r);
  if (numbered.empty()) return;
  store.write(actor.id, [&] {
    known.refresh(store);
    ImportResult local;
    std::map<Link, std::int64_t> ids;  // the file's numbers -> their entries
    std::vector<ImportRow*> fresh;
    for (ImportRow* r : numbered) {
      Link at{r->e.register_code, r->e.year, r->e.number};
      if (auto id = known.entry(r->key)) {
        ids[at] = *id;
        ++local.skipped;
        continue;
      }
      if (store.number_taken(at.register_code, at.year, at.number))
        refuse(number_label(at.register_code, at.year, at.number) +
                   " is already in the register (not from an earlier run of this file); nothing was imported",
               "line " + std::to_string(r->line));
      fresh.push_back(r);
    }
    auto target = [&](const Link& l, std::size_t line) -> std::int64_t {
      if (auto it = ids.find(l); it != ids.end()) return it->second;
      auto e = store.entry_at(l.register_code, l.year, l.number);
      // A hidden entry is answered like a missing one.
      if (!e || static_cast<int>(e->secrecy) > static_cast<int>(actor.clearance))
        refuse("links to " + number_label(l.register_code, l.year, l.number) +
                   ", which is neither in the file nor in the register",
               "line " + std::to_string(line));
      return e->id;
    };
    for (ImportRow* r : fresh) {
      Entry stored = insert_imported(store, actor, *r, r->e, now);
      ids[{stored.register_code, stored.year, stored.number}] = stored.id;
      local.last_id = stored.id;
      ++local.imported;
    }
    for (ImportRow* r : fresh) {
      if (!r->origin && !r->reply) continue;
      std::optional<std::int64_t> origin, reply;
      if (r->origin) origin = target(*r->origin, r->line);
      if (r->reply) reply = target(*r->reply, r->line);
      store.set_entry_links(ids.at({r->e.register_code, r->e.year, r->e.number}), origin, reply);
    }
    result = local;
  });
}

// Rows without numbers take the next number of their register and year, `chunk` rows per
// transaction (a killed import keeps whole chunks; re-running it skips them by key).
void import_unnumbered(RegisterStore& store, const User& actor, std::vector<ImportRow>& rows, std::int64_t now,
                       std::size_t chunk, KnownRows& known, ImportResult& result) {
  std::vector<ImportRow*> todo;
  for (auto& r : rows)
    if (!r.e.number) todo.push_back(&r);
  if (chunk == 0) chunk = todo.size();
  for (std::size_t start = 0; start < todo.size(); start += chunk) {
    std::size_t end = std::min(todo.size(), start + chunk);
    ImportResult local;
    store.write(actor.id, [&] {
      known.refresh(store);
      local = ImportResult{};
      std::map<std::string, int> month;
      // The last number of each (register, year) is read once per transaction, which holds the
      // write lock: nobody else can issue one until it commits.
      std::map<std::pair<std::string, int>, std::int64_t> last;
      for (std::size_t i = start; i < end; ++i) {
        ImportRow& r = *todo[i];
        if (known.entry(r.key)) {
          ++local.skipped;
          continue;
        }
        Entry& e = r.e;  // written once: a failed chunk ends the import
        if (!e.year) {
          auto m = month.find(e.register_code);
          if (m == month.end()) m = month.emplace(e.register_code, store.year_start_month(e.register_code)).first;
          e.year = numbering_year(e.registered_at, m->second);
        }
        auto n = last.find({e.register_code, e.year});
        if (n == last.end()) n = last.emplace(std::pair{e.register_code, e.year}, store.last_number(e.register_code, e.year)).first;
        e.number = ++n->second;
        local.last_id = insert_imported(store, actor, r, std::move(e), now).id;
        ++local.imported;
      }
    });
    result.imported += local.imported;
    result.skipped += local.skipped;
    if (local.last_id) result.last_id = local.last_id;
  }
}

}  // namespace

const std::vector<std::string>& csv_columns() { return kColumns; }

std::string guard_formula(std::string_view cell) {
  std::size_t quotes = cell.find_first_not_of('\'');
  if (quotes == std::string_view::npos || !formula_start(cell[quotes])) return std::string(cell);
  return "'" + std::string(cell);
}

std::string unguard_formula(std::string_view cell) {
  std::size_t quotes = cell.find_first_not_of('\'');
  if (quotes == 0 || quotes == std::string_view::npos || !formula_start(cell[quotes])) return std::string(cell);
  return std::string(cell.substr(1));
}

std::string entries_to_csv(RegisterStore& store, const std::vector<Entry>& entries, Secrecy clearance) {
  std::map<std::int64_t, std::string> names;
  auto user = [&](const std::optional<std::int64_t>& id) -> std::string {
    if (!id) return "";
    auto it = names.find(*id);
    if (it == names.end()) {
      auto u = store.user_by_id(*id);
      it = names.emplace(*id, u ? u->name : std::string()).first;
    }
    return it->second;
  };
  std::string out = "\xEF\xBB\xBF" + csv::row(kColumns);
  std::vector<std::string> cells(kColumnCount);
  for (const auto& e : entries) {
    cells[kRegister] = e.register_code;
    cells[kYear] = std::to_string(e.year);
    cells[kNumber] = std::to_string(e.number);
    cells[kRegisteredAt] = be_datetime(e.registered_at);
    cells[kRef] = e.ref;
    cells[kDated] = e.dated ? be_date(*e.dated) : "";
    cells[kSender] = e.sender;
    cells[kRecipient] = e.recipient;
    cells[kSubject] = e.subject;
    cells[kUrgency] = urgency_name(e.urgency);
    cells[kSecrecy] = secrecy_name(e.secrecy);
    cells[kStage] = stage_name(e.stage);
    cells[kCancelled] = e.cancelled ? "1" : "0";
    cells[kAssignee] = user(e.assignee);
    cells[kDue] = e.due ? be_date(*e.due) : "";
    cells[kVia] = e.via;
    cells[kRemarks] = e.remarks;
    cells[kOrigin] = link_label(store, e.origin_id, clearance);
    cells[kReply] = link_label(store, e.reply_id, clearance);
    cells[kKeepUntil] = e.keep_until ? std::to_string(*e.keep_until) : "";
    cells[kCreatedBy] = user(e.created_by);
    for (auto& c : cells) c = guard_formula(c);
    out += csv::row(cells);
  }
  return out;
}

ImportResult import_entries_csv(RegisterStore& store, const Environment& env, const User& actor, std::string_view text,
                                std::size_t chunk) {
  auto rows = csv::parse_rows(text);
  if (rows.empty()) throw Error(ErrorCode::InvalidInput, "the file is empty", "--csv");
  std::int64_t now = env.now();
  // Everything the file says is checked before the register is read or written.
  std::vector<ImportRow> parsed = read_rows(rows, actor, now);
  resolve_users(store, parsed, actor);
  ImportResult result;
  KnownRows known;
  import_numbered(store, actor, parsed, now, known, result);
  import_unnumbered(store, actor, parsed, now, chunk, known, result);
  return result;
}

}  // namespace saraban::registry
