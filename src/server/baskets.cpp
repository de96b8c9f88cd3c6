#include "server/baskets.h"

#include "base/error.h"

namespace saraban::server {

using registry::Role;
using registry::Stage;

std::vector<Basket> baskets_for(Role role) {
  const Basket assign{"assign", "รอมอบหมาย"}, mine{"mine", "งานของฉัน"}, review{"review", "รอตรวจ"},
      sign{"sign", "รอลงนาม"}, dispatch{"dispatch", "รอส่ง"}, file{"file", "รอเก็บ"}, overdue{"overdue", "เกินกำหนด"},
      all{"all", "ทะเบียนทั้งหมด"};
  switch (role) {
    case Role::Clerk: return {assign, dispatch, file, overdue, all};
    case Role::Director: return {assign, review, overdue, all};
    case Role::Officer: return {mine, overdue, all};
    case Role::Signer: return {sign, overdue, all};
    case Role::Admin: return {assign, mine, review, sign, dispatch, file, overdue, all};
  }
  return {all};
}

registry::EntryFilter basket_filter(const std::string& key, const registry::User& user, const std::string& today) {
  registry::EntryFilter f;
  if (key == "assign") f.any_stage = {Stage::Received};
  else if (key == "mine") {
    f.assignee = user.id;
    f.any_stage = {Stage::Assigned, Stage::Returned};
  } else if (key == "review") f.any_stage = {Stage::Drafted};
  else if (key == "sign") f.any_stage = {Stage::Approved};
  else if (key == "dispatch") f.any_stage = {Stage::Signed};
  else if (key == "file") f.any_stage = {Stage::Dispatched};
  else if (key == "overdue") {
    f.due_before = today;
    f.any_stage = {Stage::Received, Stage::Assigned, Stage::Drafted, Stage::Returned, Stage::Approved, Stage::Signed};
  } else if (key != "all" && !key.empty()) {
    throw Error(ErrorCode::InvalidInput, "unknown basket (assign, mine, review, sign, dispatch, file, overdue, all)", key);
  }
  return f;
}

}  // namespace saraban::server
