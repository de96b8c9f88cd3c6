#include "registry/year_report.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "registry/calendar.h"
#include "registry/entry_ref.h"
#include "text/thai_numbers.h"

namespace saraban::registry {

const char* register_title(std::string_view code) {
  if (code == "receive") return "ทะเบียนรับ";
  if (code == "send") return "ทะเบียนส่ง";
  if (code == "order") return "ทะเบียนคำสั่ง";
  if (code == "announcement") return "ทะเบียนประกาศ";
  if (code == "certificate") return "ทะเบียนหนังสือรับรอง";
  if (code == "secret") return "ทะเบียนหนังสือลับ";
  return "ทะเบียน";
}

const char* stage_title(Stage s) {
  switch (s) {
    case Stage::Received: return "รับเข้า รอมอบหมาย";
    case Stage::Assigned: return "มอบหมายแล้ว";
    case Stage::Drafted: return "ร่างแล้ว รอตรวจ";
    case Stage::Returned: return "ส่งกลับแก้ไข";
    case Stage::Approved: return "ตรวจแล้ว รอลงนาม";
    case Stage::Signed: return "ลงนามแล้ว รอส่ง";
    case Stage::Dispatched: return "ส่งแล้ว";
    case Stage::Filed: return "เก็บแล้ว";
    case Stage::Closed: return "ยุติเรื่อง";
    case Stage::Issued: return "ออกเลขส่งแล้ว";
    case Stage::Cancelled: return "ยกเลิก";
  }
  return "";
}

namespace {

using Row = std::vector<ReportValue>;
constexpr double kDay = 86400.0;

ReportDate report_date(const Date& d) { return ReportDate{d.year, d.month, d.day}; }

bool incoming(const Entry& e) {
  return e.register_code == "receive" || (e.register_code == "secret" && !e.origin_id && e.stage != Stage::Issued);
}

bool open_stage(Stage s) {
  return s == Stage::Received || s == Stage::Assigned || s == Stage::Drafted || s == Stage::Returned ||
         s == Stage::Approved || s == Stage::Signed;
}

// The ⌈n·percent/100⌉-th smallest (nearest rank, in whole numbers so that SQL gets the same
// rank); nullopt for no values.
std::optional<double> nearest_rank(std::vector<double> v, std::size_t percent) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  const std::size_t rank = std::clamp<std::size_t>((v.size() * percent + 99) / 100, 1, v.size());
  return v[rank - 1];
}

ReportValue maybe(std::optional<double> v) { return v ? ReportValue(*v) : ReportValue(std::monostate{}); }

std::string digits(std::int64_t n) { return text::format_integer(n, text::DigitStyle::Thai, true); }

std::string one_decimal(double v) {
  const auto tenths = static_cast<std::int64_t>(std::llround(std::fabs(v) * 10));
  std::string s = text::format_integer(tenths / 10, text::DigitStyle::Thai, true) + "." +
                  text::convert_digits(std::to_string(tenths % 10), text::DigitStyle::Thai);
  return v < 0 ? "-" + s : s;
}

// Each incoming letter's time (days) from registration to its first event of three kinds.
struct Turnaround {
  std::optional<double> to_assign, to_sign, to_dispatch;
};

class YearReport {
 public:
  YearReport(const YearRecords& r, std::int64_t as_of) : r_(r), as_of_(local_date(as_of)) {
    for (const auto& e : r_.entries) by_register_[e.register_code].push_back(&e);
    for (std::string_view code : kRegisters)
      if (by_register_.count(std::string(code))) registers_.emplace_back(code);
    const auto ysm = r_.year_start_month.find("receive");
    start_month_ = ysm == r_.year_start_month.end() ? 1 : ysm->second;
    for (const auto& ev : r_.events) {
      auto& t = turnaround_[ev.entry_id];
      std::optional<double>* slot = ev.action == "assign"     ? &t.to_assign
                                    : ev.action == "sign"     ? &t.to_sign
                                    : ev.action == "dispatch" ? &t.to_dispatch
                                                              : nullptr;
      if (slot && (!*slot || static_cast<double>(ev.at) < **slot)) *slot = static_cast<double>(ev.at);  // the earliest
    }
    for (const auto& e : r_.entries) {
      auto it = turnaround_.find(e.id);
      if (it == turnaround_.end()) continue;
      for (auto* slot : {&it->second.to_assign, &it->second.to_sign, &it->second.to_dispatch})
        if (*slot) *slot = (**slot - static_cast<double>(e.registered_at)) / kDay;
    }
  }

  ReportDocument build(const std::string& author) {
    ReportDocument doc;
    const std::string year = text::convert_digits(std::to_string(r_.year), text::DigitStyle::Thai);
    doc.title = "สรุปและประเมินผลการรับ-ส่งหนังสือ ประจำปี พ.ศ. " + year;
    doc.subtitle = r_.office.name;
    doc.author = author;
    auto& p = doc.parts;
    if (r_.entries.empty()) {
      p.push_back(ReportParagraph{"ในปี พ.ศ. " + year + " ไม่มีหนังสือในทะเบียนที่ท่านมีสิทธิ์เห็น จึงไม่มีตัวเลขให้สรุป"});
      return doc;
    }
    p.push_back(ReportHeading{"สรุปผล", 0});
    p.push_back(ReportParagraph{narrative(year)});
    p.push_back(ReportHeading{"จำนวนหนังสือ", 0});
    p.push_back(totals());
    ReportTable m = monthly();
    p.push_back(chart(m));
    p.push_back(std::move(m));
    p.push_back(urgency());
    p.push_back(stages());
    for (const auto& code : registers_) {
      if (code == "send") p.push_back(top_parties(code, false));
      else if (code == "receive" || code == "secret") p.push_back(top_parties(code, true));
    }
    p.push_back(ReportHeading{"ระยะเวลาดำเนินการ", 0});
    p.push_back(ReportParagraph{
        "นับเป็นวัน จากเวลาลงทะเบียนรับถึงการมอบหมาย การลงนาม และการส่งครั้งแรกของหนังสือรับแต่ละฉบับ "
        "ค่ามัธยฐานและเปอร์เซ็นไทล์ที่ ๙๐ เป็นค่าลำดับที่ใกล้ที่สุด"});
    for (const auto& t : split_by_measure(turnaround_by_month())) p.push_back(t);
    for (const auto& t : split_by_measure(turnaround_by_officer())) p.push_back(t);
    p.push_back(ReportHeading{"หนังสือเกินกำหนด", 0});
    p.push_back(overdue_holders());
    p.push_back(overdue());
    p.push_back(ReportHeading{"เลขที่ยกเลิก", 0});
    p.push_back(cancelled());
    return doc;
  }

 private:
  std::vector<int> months() const {
    std::vector<int> m;
    for (int i = 0; i < 12; ++i) m.push_back((start_month_ - 1 + i) % 12 + 1);
    return m;
  }

  std::int64_t count(const std::string& code) const {
    auto it = by_register_.find(code);
    return it == by_register_.end() ? 0 : static_cast<std::int64_t>(it->second.size());
  }

  ReportTable totals() const {
    std::map<std::string, std::int64_t> before;
    for (const auto& e : r_.previous) ++before[e.register_code];
    const bool compare = !r_.previous.empty();
    ReportTable t{"totals", "จำนวนหนังสือแต่ละทะเบียน", {{"ทะเบียน", "register"}, {"จำนวน (ฉบับ)", "count"}, {"ยกเลิก", "cancelled"}}, {}, -1};
    if (compare) {
      t.columns.push_back({"ปีก่อน", "previous"});
      t.columns.push_back({"เปลี่ยนแปลง (ร้อยละ)", "change_percent", 1});
    }
    for (const auto& code : registers_) {
      std::int64_t cancelled = 0;
      for (const Entry* e : by_register_.at(code)) cancelled += e->cancelled ? 1 : 0;
      Row row{std::string(register_title(code)), count(code), cancelled};
      if (compare) {
        const std::int64_t b = before.count(code) ? before[code] : 0;
        row.push_back(b);
        row.push_back(b > 0 ? ReportValue(100.0 * static_cast<double>(count(code) - b) / static_cast<double>(b)) : ReportValue{});
      }
      t.rows.push_back(std::move(row));
    }
    return t;
  }

  ReportTable monthly() const {
    ReportTable t{"monthly", "จำนวนหนังสือรายเดือน", {{"เดือน", "month"}}, {}, -1};
    for (const auto& code : registers_) t.columns.push_back({register_title(code), code});
    std::map<std::pair<std::string, int>, std::int64_t> n;
    for (const auto& e : r_.entries) ++n[{e.register_code, local_date(e.registered_at).month}];
    std::vector<std::int64_t> sum(registers_.size(), 0);
    for (int month : months()) {
      Row row{std::string(text::thai_month_full(month))};
      for (std::size_t i = 0; i < registers_.size(); ++i) {
        const auto it = n.find({registers_[i], month});
        const std::int64_t v = it == n.end() ? 0 : it->second;
        sum[i] += v;
        row.push_back(v);
      }
      t.rows.push_back(std::move(row));
    }
    Row total{std::string("รวม")};
    for (auto v : sum) total.push_back(v);
    t.rows.push_back(std::move(total));
    t.total_row = static_cast<int>(t.rows.size()) - 1;
    return t;
  }

  ReportBarChart chart(const ReportTable& m) const {
    ReportBarChart c;
    c.title = "หนังสือรับและหนังสือส่งรายเดือน";
    for (int month : months()) c.categories.push_back(text::thai_month_short(month));
    for (std::size_t i = 0; i < registers_.size(); ++i) {
      if (registers_[i] != "receive" && registers_[i] != "send" && registers_[i] != "secret") continue;
      c.series.push_back(register_title(registers_[i]));
      std::vector<std::int64_t> v;
      for (int row = 0; row < 12; ++row) v.push_back(std::get<std::int64_t>(m.rows[static_cast<std::size_t>(row)][i + 1]));
      c.values.push_back(std::move(v));
    }
    return c;
  }

  // Rows of some categories × a column per register, with a total row.
  template <class Key>
  ReportTable crosstab(std::string key, std::string title, std::string first, const std::vector<std::pair<Key, std::string>>& rows,
                       Key (*of)(const Entry&)) const {
    ReportTable t{std::move(key), std::move(title), {{std::move(first), "category"}}, {}, -1};
    for (const auto& code : registers_) t.columns.push_back({register_title(code), code});
    std::map<std::pair<std::string, Key>, std::int64_t> n;
    for (const auto& e : r_.entries) ++n[{e.register_code, of(e)}];
    std::vector<std::int64_t> sum(registers_.size(), 0);
    for (const auto& [k, label] : rows) {
      Row row{label};
      bool any = false;
      for (std::size_t i = 0; i < registers_.size(); ++i) {
        const auto it = n.find({registers_[i], k});
        const std::int64_t v = it == n.end() ? 0 : it->second;
        any = any || v > 0;
        sum[i] += v;
        row.push_back(v);
      }
      if (any) t.rows.push_back(std::move(row));
    }
    Row total{std::string("รวม")};
    for (auto v : sum) total.push_back(v);
    t.rows.push_back(std::move(total));
    t.total_row = static_cast<int>(t.rows.size()) - 1;
    return t;
  }

  ReportTable urgency() const {
    std::vector<std::pair<Urgency, std::string>> rows;
    for (auto u : {Urgency::Normal, Urgency::Urgent, Urgency::VeryUrgent, Urgency::MostUrgent}) rows.emplace_back(u, urgency_name(u));
    return crosstab<Urgency>("urgency", "จำนวนหนังสือตามชั้นความเร็ว", "ชั้นความเร็ว", rows, [](const Entry& e) { return e.urgency; });
  }

  ReportTable stages() const {
    std::vector<std::pair<Stage, std::string>> rows;
    for (auto s : {Stage::Received, Stage::Assigned, Stage::Drafted, Stage::Returned, Stage::Approved, Stage::Signed,
                   Stage::Dispatched, Stage::Issued, Stage::Filed, Stage::Closed, Stage::Cancelled})
      rows.emplace_back(s, stage_title(s));
    return crosstab<Stage>("stages", "สถานะปัจจุบันของหนังสือ", "สถานะ", rows, [](const Entry& e) { return e.stage; });
  }

  // The 20 senders (receive, secret) or recipients (send) with the most letters; ties by name.
  ReportTable top_parties(const std::string& code, bool senders) const {
    std::map<std::string, std::int64_t> n;
    for (const Entry* e : by_register_.at(code)) {
      if (code == "secret" && !incoming(*e)) continue;
      ++n[senders ? e->sender : e->recipient];
    }
    std::vector<std::pair<std::string, std::int64_t>> v(n.begin(), n.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (v.size() > 20) v.resize(20);
    ReportTable t{(senders ? "senders_" : "recipients_") + code,
                  std::string(senders ? "ผู้ส่งที่มีหนังสือมากที่สุด ๒๐ อันดับ " : "ผู้รับที่มีหนังสือมากที่สุด ๒๐ อันดับ ") + register_title(code),
                  {{"อันดับ", "rank"}, {senders ? "จาก" : "ถึง", senders ? "sender" : "recipient"}, {"จำนวน (ฉบับ)", "count"}},
                  {},
                  -1};
    std::int64_t rank = 0;
    for (const auto& [name, count] : v) t.rows.push_back({++rank, name, count});
    return t;
  }

  static std::vector<ReportColumn> turnaround_columns(std::string first, std::string key) {
    return {{std::move(first), std::move(key)},
            {"จำนวน (ฉบับ)", "letters"},
            {"ถึงมอบหมาย", "assign_median", 1},
            {"ถึงมอบหมาย", "assign_p90", 1},
            {"ถึงลงนาม", "sign_median", 1},
            {"ถึงลงนาม", "sign_p90", 1},
            {"ถึงส่ง", "dispatch_median", 1},
            {"ถึงส่ง", "dispatch_p90", 1}};
  }

  // A turnaround table as two, the medians and the 90th percentiles, so that each fits a
  // portrait page with its words whole: [label, letters, then a median and a P90 per step].
  static std::vector<ReportTable> split_by_measure(const ReportTable& t) {
    std::vector<ReportTable> out;
    for (int measure = 0; measure < 2; ++measure) {
      ReportTable m{t.key + (measure == 0 ? "_median" : "_p90"),
                    t.title + (measure == 0 ? " ค่ามัธยฐาน" : " เปอร์เซ็นไทล์ที่ ๙๐"),
                    {},
                    {},
                    t.total_row};
      std::vector<std::size_t> keep = {0, 1};
      for (std::size_t c = 2 + static_cast<std::size_t>(measure); c < t.columns.size(); c += 2) keep.push_back(c);
      for (std::size_t c : keep) m.columns.push_back(t.columns[c]);
      for (const auto& row : t.rows) {
        Row r;
        for (std::size_t c : keep) r.push_back(row[c]);
        m.rows.push_back(std::move(r));
      }
      out.push_back(std::move(m));
    }
    return out;
  }

  Row turnaround_row(ReportValue label, const std::vector<const Entry*>& letters) const {
    std::vector<double> a, s, d;
    for (const Entry* e : letters) {
      auto it = turnaround_.find(e->id);
      if (it == turnaround_.end()) continue;
      if (it->second.to_assign) a.push_back(*it->second.to_assign);
      if (it->second.to_sign) s.push_back(*it->second.to_sign);
      if (it->second.to_dispatch) d.push_back(*it->second.to_dispatch);
    }
    return {std::move(label),
            static_cast<std::int64_t>(letters.size()),
            maybe(nearest_rank(a, 50)),
            maybe(nearest_rank(a, 90)),
            maybe(nearest_rank(s, 50)),
            maybe(nearest_rank(s, 90)),
            maybe(nearest_rank(d, 50)),
            maybe(nearest_rank(d, 90))};
  }

  std::vector<const Entry*> incoming_letters() const {
    std::vector<const Entry*> v;
    for (const auto& e : r_.entries)
      if (incoming(e)) v.push_back(&e);
    return v;
  }

  ReportTable turnaround_by_month() const {
    ReportTable t{"turnaround_month", "ระยะเวลาดำเนินการรายเดือน (วัน)", turnaround_columns("เดือนที่รับ", "month"), {}, -1};
    std::map<int, std::vector<const Entry*>> by_month;
    const auto all = incoming_letters();
    for (const Entry* e : all) by_month[local_date(e->registered_at).month].push_back(e);
    for (int month : months())
      if (by_month.count(month)) t.rows.push_back(turnaround_row(std::string(text::thai_month_full(month)), by_month[month]));
    t.rows.push_back(turnaround_row(std::string("ทั้งปี"), all));
    t.total_row = static_cast<int>(t.rows.size()) - 1;
    return t;
  }

  std::string name_of(std::int64_t user) const {
    auto it = r_.user_names.find(user);
    return it == r_.user_names.end() ? "#" + std::to_string(user) : it->second;
  }

  ReportTable turnaround_by_officer() const {
    ReportTable t{"turnaround_officer", "ระยะเวลาดำเนินการรายผู้รับผิดชอบ (วัน)", turnaround_columns("ผู้รับผิดชอบ", "officer"), {}, -1};
    std::map<std::string, std::vector<const Entry*>> by_officer;
    for (const Entry* e : incoming_letters())
      if (e->assignee) by_officer[name_of(*e->assignee)].push_back(e);
    for (const auto& [name, letters] : by_officer) t.rows.push_back(turnaround_row(name, letters));
    return t;
  }

  std::vector<const Entry*> overdue_letters() const {
    std::vector<const Entry*> v;
    const std::string today = iso(as_of_);
    for (const auto& e : r_.entries)
      if (!e.cancelled && open_stage(e.stage) && e.due && *e.due < today) v.push_back(&e);
    return v;
  }

  // Who holds an open letter: its officer while it is with them, else the role it waits for.
  std::string holder(const Entry& e) const {
    switch (e.stage) {
      case Stage::Received: return "ธุรการ (รอมอบหมาย)";
      case Stage::Approved: return "ผู้มีอำนาจลงนาม";
      case Stage::Signed: return "ธุรการ (รอส่ง)";
      default: return e.assignee ? name_of(*e.assignee) : "ผู้อำนวยการกลุ่ม";
    }
  }

  ReportTable overdue_holders() const {
    std::map<std::string, std::int64_t> n;
    for (const Entry* e : overdue_letters()) ++n[holder(*e)];
    ReportTable t{"overdue_holders", "หนังสือเกินกำหนดตามผู้ถือเรื่อง ณ วันที่ " + text::thai_date_full(as_of_, text::DigitStyle::Thai),
                  {{"ผู้ถือเรื่อง", "holder"}, {"จำนวน (ฉบับ)", "count"}}, {}, -1};
    std::int64_t sum = 0;
    for (const auto& [name, count] : n) t.rows.push_back({name, count}), sum += count;
    t.rows.push_back({std::string("รวม"), sum});
    t.total_row = static_cast<int>(t.rows.size()) - 1;
    return t;
  }

  ReportTable overdue() const {
    ReportTable t{"overdue", "รายการหนังสือเกินกำหนด",
                  {{"ทะเบียน", "register"}, {"เลขที่", "number"}, {"เรื่อง", "subject"}, {"กำหนด", "due"}, {"สถานะ", "stage"},
                   {"ผู้ถือเรื่อง", "holder"}, {"เกิน (วัน)", "days_late"}},
                  {},
                  -1};
    const std::int64_t today = days_from_civil(as_of_);
    for (const Entry* e : overdue_letters()) {
      const Date due = stored_date(*e->due);
      t.rows.push_back({std::string(register_title(e->register_code)), e->number, e->subject, report_date(due),
                        std::string(stage_title(e->stage)), holder(*e), today - days_from_civil(due)});
    }
    return t;
  }

  ReportTable cancelled() const {
    ReportTable t{"cancelled", "เลขที่ยกเลิก (ไม่นำกลับมาใช้อีก)",
                  {{"ทะเบียน", "register"}, {"เลขที่", "number"}, {"เรื่อง", "subject"}, {"หมายเหตุ", "remarks"}}, {}, -1};
    for (const auto& e : r_.entries)
      if (e.cancelled) t.rows.push_back({std::string(register_title(e.register_code)), e.number, e.subject, e.remarks});
    return t;
  }

  std::string narrative(const std::string& year) const {
    std::string s = "ในปี พ.ศ. " + year + " " + r_.office.name;
    std::map<std::string, std::int64_t> before;
    for (const auto& e : r_.previous) ++before[e.register_code];
    auto change = [&](const std::string& code) -> std::string {
      const std::int64_t b = before.count(code) ? before[code] : 0;
      if (b == 0) return "";
      const double pct = 100.0 * static_cast<double>(count(code) - b) / static_cast<double>(b);
      if (std::llround(pct * 10) == 0) return " เท่ากับปีก่อน";
      return std::string(pct > 0 ? " เพิ่มขึ้นร้อยละ " : " ลดลงร้อยละ ") + one_decimal(std::fabs(pct)) + " จากปีก่อน";
    };
    s += " รับหนังสือทั้งสิ้น " + digits(count("receive")) + " ฉบับ" + change("receive");
    s += " และส่งหนังสือ " + digits(count("send")) + " ฉบับ" + change("send");
    if (count("secret") > 0) s += " มีหนังสือลับ " + digits(count("secret")) + " ฉบับ";
    // The busiest month of receiving.
    std::map<int, std::int64_t> per_month;
    for (const auto& e : r_.entries)
      if (e.register_code == "receive") ++per_month[local_date(e.registered_at).month];
    int busiest = 0;
    std::int64_t most = -1;
    for (int m : months())
      if (per_month.count(m) && per_month[m] > most) most = per_month[m], busiest = m;
    if (busiest) s += " เดือนที่รับหนังสือมากที่สุดคือ" + std::string(text::thai_month_full(busiest)) + " " + digits(most) + " ฉบับ";
    const Row all = turnaround_row(std::string(), incoming_letters());
    if (const auto* a = std::get_if<double>(&all[2])) s += " ครึ่งหนึ่งของหนังสือรับได้มอบหมายภายใน " + one_decimal(*a) + " วัน";
    if (const auto* d = std::get_if<double>(&all[6])) s += " และส่งหนังสือตอบภายใน " + one_decimal(*d) + " วัน";
    const auto late = overdue_letters().size();
    s += " ณ วันที่ " + text::thai_date_full(as_of_, text::DigitStyle::Thai) +
         (late ? " มีหนังสือเกินกำหนด " + digits(static_cast<std::int64_t>(late)) + " ฉบับ" : " ไม่มีหนังสือเกินกำหนด");
    std::int64_t cancelled = 0;
    for (const auto& e : r_.entries) cancelled += e.cancelled ? 1 : 0;
    s += cancelled ? " และยกเลิกเลขที่ " + digits(cancelled) + " เลข" : "";
    return s;
  }

  const YearRecords& r_;
  Date as_of_;
  int start_month_ = 1;
  std::map<std::string, std::vector<const Entry*>> by_register_;
  std::vector<std::string> registers_;
  std::map<std::int64_t, Turnaround> turnaround_;
};

}  // namespace

ReportDocument year_report(const YearRecords& records, std::int64_t as_of, const std::string& author) {
  return YearReport(records, as_of).build(author);
}

}  // namespace saraban::registry
