#include "documents/letter_json.h"

#include <nlohmann/json.hpp>

#include "base/error.h"
#include "base/json_depth.h"
#include "text/cleanup.h"

namespace saraban::documents {

using nlohmann::json;

namespace {

const char* type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    case json::value_t::discarded: return "nothing";
    default: return "a number";
  }
}

std::string join_path(const std::string& path, const std::string& key) { return path + "." + key; }

std::string resolve_path(const std::string& base_dir, const std::string& p) {
  if (p.empty() || p[0] == '/' || base_dir.empty()) return p;
  return base_dir + "/" + p;
}

// Collects every problem with its JSON path; reads fields leniently so later ones are still checked.
class Reader {
 public:
  std::vector<std::string> problems;

  void problem(const std::string& path, const std::string& what) { problems.push_back(path + ": " + what); }

  std::string clean(const std::string& path, const std::string& s) {
    try {
      return text::clean_text(s).text;
    } catch (const Error& e) {
      problem(path, e.message());
      return {};
    }
  }

  // A string field. Missing: "" (and a problem when required). Present but empty when required: a problem.
  std::string str(const json& obj, const std::string& key, const std::string& path, bool required) {
    const std::string p = join_path(path, key);
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) problem(p, "missing; expected a string");
      return {};
    }
    if (!it->is_string()) {
      problem(p, std::string("expected a string, got ") + type_name(*it));
      return {};
    }
    std::string v = clean(p, it->get<std::string>());
    if (required && v.find_first_not_of(" \t\r\n") == std::string::npos) problem(p, "expected a non-empty string");
    return v;
  }

  // A list of strings; a single string is taken as a one-item list.
  std::vector<std::string> lines(const json& obj, const std::string& key, const std::string& path, bool required) {
    const std::string p = join_path(path, key);
    std::vector<std::string> out;
    const std::size_t before = problems.size();
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) problem(p, "missing; expected an array of strings");
      return out;
    }
    if (it->is_string()) {
      out.push_back(clean(p, it->get<std::string>()));
      return out;
    }
    if (!it->is_array()) {
      problem(p, std::string("expected an array of strings, got ") + type_name(*it));
      return out;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& v = (*it)[i];
      const std::string pi = p + "[" + std::to_string(i) + "]";
      if (!v.is_string()) problem(pi, std::string("expected a string, got ") + type_name(v));
      else out.push_back(clean(pi, v.get<std::string>()));
    }
    if (required && out.empty() && problems.size() == before) problem(p, "expected at least one item");
    return out;
  }

  const json* object(const json& obj, const std::string& key, const std::string& path, bool required) {
    const std::string p = join_path(path, key);
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) problem(p, "missing; expected an object");
      return nullptr;
    }
    if (!it->is_object()) {
      problem(p, std::string("expected an object, got ") + type_name(*it));
      return nullptr;
    }
    return &*it;
  }

  std::optional<text::DigitStyle> digits(const json& obj, const std::string& path) {
    std::string d = str(obj, "digits", path, false);
    if (d.empty()) return std::nullopt;
    if (d == "thai") return text::DigitStyle::Thai;
    if (d == "arabic") return text::DigitStyle::Arabic;
    problem(join_path(path, "digits"), "expected \"thai\" or \"arabic\", got \"" + d + "\"");
    return std::nullopt;
  }

  std::optional<Signer> signer(const json& obj, const std::string& key, const std::string& path, bool required) {
    const json* s = object(obj, key, path, required);
    if (!s) return std::nullopt;
    const std::string p = join_path(path, key);
    Signer out;
    out.name = str(*s, "name", p, true);
    out.position = lines(*s, "position", p, false);
    return out;
  }

  Contact contact(const json& obj, const std::string& path) {
    Contact c;
    const json* o = object(obj, "contact", path, false);
    if (!o) return c;
    const std::string p = join_path(path, "contact");
    c.unit = str(*o, "unit", p, false);
    c.phone = str(*o, "phone", p, false);
    c.fax = str(*o, "fax", p, false);
    c.email = str(*o, "email", p, false);
    return c;
  }

  std::vector<Attendee> attendees(const json& obj, const std::string& key, const std::string& path, bool required) {
    std::vector<Attendee> out;
    const std::string p = join_path(path, key);
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) problem(p, "missing; expected an array of {name, position}");
      return out;
    }
    if (!it->is_array()) {
      problem(p, std::string("expected an array of {name, position}, got ") + type_name(*it));
      return out;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& v = (*it)[i];
      const std::string pi = p + "[" + std::to_string(i) + "]";
      if (v.is_string()) out.push_back({clean(pi, v.get<std::string>()), {}});
      else if (v.is_object()) out.push_back({str(v, "name", pi, true), str(v, "position", pi, false)});
      else problem(pi, std::string("expected an object {name, position}, got ") + type_name(v));
    }
    return out;
  }
};

[[noreturn]] void report(const Reader& r, const std::string& source) {
  std::string msg = std::to_string(r.problems.size()) + (r.problems.size() == 1 ? " problem" : " problems") +
                    " in the letter data:";
  for (const auto& p : r.problems) msg += "\n  " + p;
  throw Error(ErrorCode::InvalidInput, msg, source);
}

json parse_json(std::string_view text, const std::string& source) {
  try {
    check_json_depth(text, source);
    return json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {  // parse_error, and out_of_range for a number like 1e999999
    throw Error(ErrorCode::InvalidInput, std::string("not valid JSON: ") + e.what(), source);
  }
}

bool has_closing(LetterKind k) { return k == LetterKind::External; }

}  // namespace

std::optional<LetterKind> letter_kind_from_name(const std::string& n) {
  if (n == "external") return LetterKind::External;
  if (n == "memo") return LetterKind::Memo;
  if (n == "stamped") return LetterKind::Stamped;
  if (n == "order") return LetterKind::Order;
  if (n == "announcement") return LetterKind::Announcement;
  if (n == "regulation") return LetterKind::Regulation;
  if (n == "certificate") return LetterKind::Certificate;
  if (n == "minutes") return LetterKind::Minutes;
  return std::nullopt;
}

const char* letter_kind_name(LetterKind k) {
  switch (k) {
    case LetterKind::External: return "external";
    case LetterKind::Memo: return "memo";
    case LetterKind::Stamped: return "stamped";
    case LetterKind::Order: return "order";
    case LetterKind::Announcement: return "announcement";
    case LetterKind::Regulation: return "regulation";
    case LetterKind::Certificate: return "certificate";
    case LetterKind::Minutes: return "minutes";
  }
  return "external";
}

OfficeProfile parse_office_profile(std::string_view text, const std::string& source, const std::string& base_dir) {
  json j = parse_json(text, source);
  Reader r;
  OfficeProfile p;
  if (!j.is_object()) {
    r.problem("$", std::string("expected an object, got ") + type_name(j));
    report(r, source);
  }
  p.office.name = r.str(j, "name", "$", true);
  p.office.address = r.lines(j, "address", "$", false);
  p.ref_prefix = r.str(j, "ref_prefix", "$", false);
  std::string emblem = r.str(j, "emblem", "$", false);
  if (!emblem.empty()) p.emblem = resolve_path(base_dir, emblem);
  p.signer = r.signer(j, "signer", "$", false);
  p.contact = r.contact(j, "$");
  p.digits = r.digits(j, "$");
  if (!r.problems.empty()) report(r, source + " (office profile)");
  return p;
}

Letter parse_letter(std::string_view text, const std::string& source, const std::string& base_dir,
                    const OfficeProfile* profile) {
  json j = parse_json(text, source);
  Reader r;
  Letter l;
  if (!j.is_object()) {
    r.problem("$", std::string("expected an object, got ") + type_name(j));
    report(r, source);
  }
  const std::string kind_name = r.str(j, "kind", "$", true);
  if (!kind_name.empty()) {
    auto k = letter_kind_from_name(kind_name);
    if (!k)
      r.problem("$.kind",
                "expected one of external, memo, stamped, order, announcement, regulation, certificate, minutes; got \"" +
                    kind_name + "\"");
    else l.kind = *k;
  }
  const LetterKind k = l.kind;
  using K = LetterKind;

  // Office: the letter's own, else the profile's.
  if (const json* o = r.object(j, "office", "$", !profile)) {
    l.office.name = r.str(*o, "name", "$.office", !profile);
    l.office.address = r.lines(*o, "address", "$.office", false);
    l.office.address_from_letter = !l.office.address.empty();
  }
  if (profile) {
    if (l.office.name.empty()) l.office.name = profile->office.name;
    if (l.office.address.empty()) l.office.address = profile->office.address;
    l.emblem = profile->emblem;
  }

  const bool needs_ref = k == K::External || k == K::Memo || k == K::Stamped || k == K::Order || k == K::Certificate;
  l.ref = r.str(j, "ref", "$", needs_ref);
  if (profile && !profile->ref_prefix.empty() && !l.ref.empty() &&
      (k == K::External || k == K::Memo || k == K::Stamped || k == K::Certificate) &&
      l.ref.rfind(profile->ref_prefix, 0) != 0)
    l.ref = profile->ref_prefix + "/" + l.ref;

  const std::string date = r.str(j, "date", "$", true);
  if (!date.empty()) {
    try {
      l.date = text::parse_iso_date(date);
    } catch (const Error&) {
      r.problem("$.date", "expected a date YYYY-MM-DD, got \"" + date + "\"");
    }
  }
  const bool needs_subject = k != K::Stamped && k != K::Certificate && k != K::Minutes;
  l.subject = r.str(j, "subject", "$", needs_subject);
  const bool needs_to = k == K::External || k == K::Memo || k == K::Stamped;
  l.to = r.str(j, "to", "$", needs_to);
  l.references = r.lines(j, "references", "$", false);
  l.enclosures = r.lines(j, "enclosures", "$", false);
  const bool needs_body = k != K::Minutes && k != K::Certificate;
  l.body = r.lines(j, "body", "$", needs_body);
  l.closing = r.str(j, "closing", "$", false);
  if (l.closing.empty() && has_closing(k)) l.closing = "ขอแสดงความนับถือ";

  const bool needs_signer = k != K::Stamped && !(profile && profile->signer);
  if (auto s = r.signer(j, "signer", "$", needs_signer)) l.signers.push_back(*s);
  else if (profile && profile->signer && k != K::Stamped) l.signers.push_back(*profile->signer);
  l.contact = r.contact(j, "$");
  if (profile) {
    Contact& c = l.contact;
    if (c.empty()) c = profile->contact;
  }
  l.copies = r.lines(j, "copies", "$", false);

  l.urgency = r.str(j, "urgency", "$", false);
  if (!l.urgency.empty() && l.urgency != "ด่วน" && l.urgency != "ด่วนมาก" && l.urgency != "ด่วนที่สุด")
    r.problem("$.urgency", "expected ด่วน, ด่วนมาก or ด่วนที่สุด, got \"" + l.urgency + "\"");
  l.secrecy = r.str(j, "secrecy", "$", false);
  if (!l.secrecy.empty() && l.secrecy != "ลับ" && l.secrecy != "ลับมาก" && l.secrecy != "ลับที่สุด")
    r.problem("$.secrecy", "expected ลับ, ลับมาก or ลับที่สุด, got \"" + l.secrecy + "\"");
  auto digits = r.digits(j, "$");
  l.digits = digits ? *digits : (profile && profile->digits ? *profile->digits : text::DigitStyle::Thai);
  std::string emblem = r.str(j, "emblem", "$", false);
  if (!emblem.empty()) l.emblem = resolve_path(base_dir, emblem);

  if (k == K::Order || k == K::Announcement || k == K::Regulation) {
    l.heading = r.str(j, "heading", "$", false);
    if (l.heading.empty()) l.heading = k == K::Order ? "คำสั่ง" : k == K::Announcement ? "ประกาศ" : "ระเบียบ";
  }
  if (k == K::Certificate) {
    l.person = r.str(j, "person", "$", true);
    l.statement = r.str(j, "statement", "$", true);
  }
  if (k == K::Minutes) {
    l.meeting = r.str(j, "meeting", "$", true);
    l.place = r.str(j, "place", "$", false);
    l.start_time = r.str(j, "start_time", "$", false);
    l.end_time = r.str(j, "end_time", "$", false);
    l.attendees = r.attendees(j, "attendees", "$", true);
    l.absentees = r.attendees(j, "absentees", "$", false);
    auto it = j.find("agenda");
    if (it == j.end() || it->is_null()) {
      r.problem("$.agenda", "missing; expected an array of {title, body}");
    } else if (!it->is_array()) {
      r.problem("$.agenda", std::string("expected an array of {title, body}, got ") + type_name(*it));
    } else {
      for (std::size_t i = 0; i < it->size(); ++i) {
        const json& v = (*it)[i];
        const std::string pi = "$.agenda[" + std::to_string(i) + "]";
        if (!v.is_object()) {
          r.problem(pi, std::string("expected an object {title, body}, got ") + type_name(v));
          continue;
        }
        l.agenda.push_back({r.str(v, "title", pi, true), r.lines(v, "body", pi, false)});
      }
    }
    if (auto rv = r.signer(j, "reviewer", "$", false)) l.signers.push_back(*rv);
  }
  if (!r.problems.empty()) report(r, source);
  return l;
}

}  // namespace saraban::documents
