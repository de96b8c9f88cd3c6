#include "registry/register_book.h"

#include <map>

#include "registry/calendar.h"
#include "registry/year_report.h"
#include "text/thai_numbers.h"

namespace saraban::registry {

namespace {

using Row = std::vector<ReportValue>;

std::string thai(int n) { return text::convert_digits(std::to_string(n), text::DigitStyle::Thai); }

ReportValue date_of(const std::optional<std::string>& iso_date) {
  if (!iso_date) return std::monostate{};
  const Date d = stored_date(*iso_date);
  return ReportDate{d.year, d.month, d.day};
}

// Where the letter stands in the register's own words: the register's place (its file in Saraban).
std::string place(const Entry& e) {
  std::string r = register_title(e.register_code);
  if (r.rfind("ทะเบียน", 0) == 0) r = r.substr(std::string("ทะเบียน").size());
  return r + " " + thai(static_cast<int>(e.number)) + "/" + thai(e.year);
}

// การปฏิบัติ: what was done with a received letter: to whom it went, and the reply.
std::string action_taken(const Entry& e, const YearRecords& r, const std::map<std::int64_t, const Entry*>& by_id) {
  std::string s;
  if (e.assignee && e.stage != Stage::Received) {
    auto it = r.user_names.find(*e.assignee);
    if (it != r.user_names.end()) s = "มอบ " + it->second;
  }
  if (e.reply_id) {
    auto it = by_id.find(*e.reply_id);
    if (it != by_id.end()) s += (s.empty() ? "" : " · ") + std::string("ตอบ ที่ ") + it->second->ref;
  }
  return s.empty() ? std::string(stage_title(e.stage)) : s;
}

// หมายเหตุ: where the letter stands, how long it is kept, a cancelled number, the clerk's note.
std::string remarks(const Entry& e, bool receive_like) {
  std::string s = e.cancelled ? "ยกเลิกเลขนี้" : receive_like ? stage_title(e.stage) : "";
  const auto add = [&](const std::string& part) { s += (s.empty() ? "" : " · ") + part; };
  if (!e.cancelled && e.keep_until) add("เก็บถึง " + thai(*e.keep_until));
  if (!e.remarks.empty()) add(e.remarks);
  if (!e.via.empty() && e.stage == Stage::Issued) add("ส่งทาง " + e.via);
  return s;
}

ReportDocument list_document(std::string title, const Office& office, const std::string& author) {
  ReportDocument d;
  d.title = std::move(title);
  d.subtitle = office.name;
  d.author = author;
  d.landscape = true;
  return d;
}

}  // namespace

ReportDocument register_book(const YearRecords& r, const std::string& code, const std::string& author) {
  const bool receive_like = code != "send";
  ReportDocument d = list_document(std::string(code == "send" ? "ทะเบียนหนังสือส่ง" : code == "receive" ? "ทะเบียนหนังสือรับ"
                                                                                                   : register_title(code)) +
                                       " ประจำปี พ.ศ. " + thai(r.year),
                                   r.office, author);
  std::map<std::int64_t, const Entry*> by_id;
  for (const auto& e : r.entries) by_id[e.id] = &e;
  ReportTable t;
  t.key = "book_" + code;
  t.title = d.title;
  const std::string number_title = receive_like ? "เลขทะเบียนรับ" : "เลขทะเบียนส่ง";
  t.columns = {{number_title, "number", 0, true}, {"ที่", "ref"}, {"ลงวันที่", "dated"}, {"จาก", "from"}, {"ถึง", "to"}, {"เรื่อง", "subject"}};
  if (receive_like) t.columns.push_back({"การปฏิบัติ", "action"});
  t.columns.push_back({"หมายเหตุ", "remarks"});
  for (const auto& e : r.entries) {
    if (e.register_code != code) continue;
    Row row{e.number, e.ref, date_of(e.dated), e.sender, e.recipient, e.subject};
    if (receive_like) row.push_back(e.cancelled ? std::string("ยกเลิก") : action_taken(e, r, by_id));
    row.push_back(remarks(e, receive_like));
    t.rows.push_back(std::move(row));
  }
  if (t.rows.empty())
    d.parts.push_back(ReportParagraph{"ไม่มีหนังสือใน" + std::string(register_title(code)) + " ปี พ.ศ. " + thai(r.year)});
  d.parts.push_back(std::move(t));
  return d;
}

bool due_for_disposal(const Entry& e, int year) { return e.stage == Stage::Filed && e.keep_until && *e.keep_until <= year; }

bool due_for_handover(const Entry& e, int year) {
  return e.stage == Stage::Filed && e.year + 20 <= year && e.keep_until && *e.keep_until >= e.year + 20;
}

namespace {

ReportDocument filed_list(const std::vector<Entry>& filed, int year, bool disposal, const Office& office, const std::string& author) {
  ReportDocument d = list_document(disposal ? "บัญชีหนังสือขอทำลาย ประจำปี พ.ศ. " + thai(year)
                                            : "บัญชีส่งมอบหนังสือครบ ๒๐ ปี ประจำปี พ.ศ. " + thai(year),
                                   office, author);
  ReportTable t;
  t.key = disposal ? "disposal" : "handover";
  t.title = d.title;
  t.columns = {{"ลำดับที่", "order", 0, true}, {"ที่", "ref"}, {"ลงวันที่", "dated"}, {"เรื่อง", "subject"}, {"รหัสแฟ้ม", "file"}};
  t.columns.push_back(disposal ? ReportColumn{"การพิจารณา", "decision"} : ReportColumn{"หมายเหตุ", "remarks"});
  std::int64_t n = 0;
  for (const auto& e : filed) {
    if (!(disposal ? due_for_disposal(e, year) : due_for_handover(e, year))) continue;
    t.rows.push_back({++n, e.ref, date_of(e.dated), e.subject, place(e),
                      disposal ? std::string() : "เก็บถึง พ.ศ. " + thai(*e.keep_until)});
  }
  if (t.rows.empty())
    d.parts.push_back(ReportParagraph{disposal ? "ไม่มีหนังสือที่ครบอายุการเก็บภายในปี พ.ศ. " + thai(year)
                                               : "ไม่มีหนังสือที่ครบ ๒๐ ปีในปี พ.ศ. " + thai(year)});
  d.parts.push_back(std::move(t));
  return d;
}

}  // namespace

ReportDocument disposal_list(const std::vector<Entry>& filed, int year, const Office& office, const std::string& author) {
  return filed_list(filed, year, true, office, author);
}

ReportDocument handover_list(const std::vector<Entry>& filed, int year, const Office& office, const std::string& author) {
  return filed_list(filed, year, false, office, author);
}

}  // namespace saraban::registry
