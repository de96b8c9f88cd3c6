#pragma once
// A letter as the regulation on official correspondence describes it: plain values, already
// validated and cleaned (letter_json.cpp), that the layouts turn into pages.
#include <optional>
#include <string>
#include <vector>

#include "text/thai_numbers.h"

namespace saraban::documents {

enum class LetterKind { External, Memo, Stamped, Order, Announcement, Regulation, Certificate, Minutes };

// "external", "memo", ... (the JSON names); nullopt when unknown.
std::optional<LetterKind> letter_kind_from_name(const std::string& name);
const char* letter_kind_name(LetterKind kind);

struct Signer {
  std::string name;                   // printed in parentheses
  std::vector<std::string> position;  // lines under the name
};

struct Contact {
  std::string unit, phone, fax, email;
  bool empty() const { return unit.empty() && phone.empty() && fax.empty() && email.empty(); }
};

struct Office {
  std::string name;
  std::vector<std::string> address;
  bool address_from_letter = false;  // the letter itself named the address
};

// What an office states once so that each letter names only what changes.
struct OfficeProfile {
  Office office;
  std::string ref_prefix;  // "ศธ ๐๔๒๙๐": printed before a bare send number
  std::string emblem;      // PNG or JPEG path (relative to the profile's folder); empty: placeholder
  std::optional<Signer> signer;
  Contact contact;
  std::optional<text::DigitStyle> digits;
};

struct Attendee {
  std::string name;
  std::string position;
};

struct AgendaItem {
  std::string title;
  std::vector<std::string> body;
};

struct Letter {
  LetterKind kind = LetterKind::External;
  std::string ref;
  Office office;
  text::CivilDate date{2026, 1, 1};
  std::string subject;
  std::string to;
  std::vector<std::string> references;
  std::vector<std::string> enclosures;
  std::vector<std::string> body;
  std::string closing;  // already defaulted for kinds that have one
  std::vector<Signer> signers;  // first is the main signer; minutes may have a reviewer too
  Contact contact;
  std::vector<std::string> copies;
  std::string urgency;  // "", ด่วน, ด่วนมาก, ด่วนที่สุด
  std::string secrecy;  // "", ลับ, ลับมาก, ลับที่สุด
  text::DigitStyle digits = text::DigitStyle::Thai;  // for generated text: dates, numbers
  std::string emblem;  // resolved path; empty: the built-in placeholder

  // order, announcement, regulation: the heading word (คำสั่ง, ประกาศ, ระเบียบ, ข้อบังคับ)
  std::string heading;
  // certificate
  std::string person;
  std::string statement;
  // minutes
  std::string meeting;
  std::string place;
  std::vector<Attendee> attendees;
  std::vector<Attendee> absentees;
  std::string start_time;
  std::string end_time;
  std::vector<AgendaItem> agenda;
};

}  // namespace saraban::documents
