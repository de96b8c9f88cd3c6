#include "registry/types.h"

#include "base/error.h"

namespace saraban::registry {

const char* role_name(Role r) {
  switch (r) {
    case Role::Clerk: return "clerk";
    case Role::Director: return "director";
    case Role::Officer: return "officer";
    case Role::Signer: return "signer";
    case Role::Admin: return "admin";
  }
  return "clerk";
}

Role parse_role(std::string_view s) {
  for (Role r : {Role::Clerk, Role::Director, Role::Officer, Role::Signer, Role::Admin})
    if (s == role_name(r)) return r;
  throw Error(ErrorCode::InvalidInput, "unknown role (clerk, director, officer, signer, admin)", std::string(s));
}

const char* secrecy_name(Secrecy s) {
  switch (s) {
    case Secrecy::None: return "none";
    case Secrecy::Confidential: return "ลับ";
    case Secrecy::Secret: return "ลับมาก";
    case Secrecy::TopSecret: return "ลับที่สุด";
  }
  return "none";
}

Secrecy parse_secrecy(std::string_view s) {
  if (s == "none" || s == "0" || s == "ปกติ") return Secrecy::None;
  if (s == "ลับ" || s == "1" || s == "confidential") return Secrecy::Confidential;
  if (s == "ลับมาก" || s == "2" || s == "secret") return Secrecy::Secret;
  if (s == "ลับที่สุด" || s == "3" || s == "top-secret") return Secrecy::TopSecret;
  throw Error(ErrorCode::InvalidInput, "unknown secrecy level (none, ลับ, ลับมาก, ลับที่สุด)", std::string(s));
}

const char* urgency_name(Urgency u) {
  switch (u) {
    case Urgency::Normal: return "ปกติ";
    case Urgency::Urgent: return "ด่วน";
    case Urgency::VeryUrgent: return "ด่วนมาก";
    case Urgency::MostUrgent: return "ด่วนที่สุด";
  }
  return "ปกติ";
}

Urgency parse_urgency(std::string_view s) {
  if (s == "ปกติ" || s == "normal" || s == "0") return Urgency::Normal;
  if (s == "ด่วน" || s == "urgent" || s == "1") return Urgency::Urgent;
  if (s == "ด่วนมาก" || s == "very-urgent" || s == "2") return Urgency::VeryUrgent;
  if (s == "ด่วนที่สุด" || s == "most-urgent" || s == "3") return Urgency::MostUrgent;
  throw Error(ErrorCode::InvalidInput, "unknown urgency (ปกติ, ด่วน, ด่วนมาก, ด่วนที่สุด)", std::string(s));
}

namespace {
constexpr Stage kStages[] = {Stage::Received, Stage::Assigned, Stage::Drafted,    Stage::Returned,
                             Stage::Approved, Stage::Signed,   Stage::Dispatched, Stage::Filed,
                             Stage::Closed,   Stage::Issued,   Stage::Cancelled};
}

const char* stage_name(Stage s) {
  switch (s) {
    case Stage::Received: return "received";
    case Stage::Assigned: return "assigned";
    case Stage::Drafted: return "drafted";
    case Stage::Returned: return "returned";
    case Stage::Approved: return "approved";
    case Stage::Signed: return "signed";
    case Stage::Dispatched: return "dispatched";
    case Stage::Filed: return "filed";
    case Stage::Closed: return "closed";
    case Stage::Issued: return "issued";
    case Stage::Cancelled: return "cancelled";
  }
  return "received";
}

Stage parse_stage(std::string_view s) {
  for (Stage st : kStages)
    if (s == stage_name(st)) return st;
  throw Error(ErrorCode::InvalidInput,
              "unknown stage (received, assigned, drafted, returned, approved, signed, dispatched, filed, closed, "
              "issued, cancelled)",
              std::string(s));
}

std::string parse_register(std::string_view s) {
  for (auto r : kRegisters)
    if (s == r) return std::string(r);
  if (s == "ทะเบียนรับ" || s == "รับ") return "receive";
  if (s == "ทะเบียนส่ง" || s == "ส่ง") return "send";
  if (s == "คำสั่ง") return "order";
  if (s == "ประกาศ") return "announcement";
  if (s == "หนังสือรับรอง") return "certificate";
  if (s == "ลับ" || s == "ทะเบียนลับ") return "secret";
  throw Error(ErrorCode::InvalidInput, "unknown register (receive, send, order, announcement, certificate, secret)",
              std::string(s));
}

}  // namespace saraban::registry
