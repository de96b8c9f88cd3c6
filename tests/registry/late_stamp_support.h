#pragma once
// Forcing receive's late path: while each copy is stamped another clerk takes the predicted
// number, so after three tries the letter is stored with its original first and stamped in a
// second transaction. What happens while that late stamp is drawn is the test's (`on_late`):
// throwing SimulatedCrash stands for the process dying between the two transactions.
#include <functional>
#include <string>
#include <vector>

#include "base/environment.h"
#include "registry/registry.h"
#include "registry/sql_store.h"
#include "stand_in_stamper.h"

namespace saraban::registry::testing {

// Neither saraban::Error nor std::exception: nothing in the register catches it, as nothing
// survives a kill -9.
struct SimulatedCrash {};

class BusyRegisterStamper final : public StandInStamper {
 public:
  BusyRegisterStamper(std::string db, const Environment& env, User clerk)
      : db_(std::move(db)), env_(env), clerk_(std::move(clerk)) {}

  std::function<void()> on_late;
  std::vector<std::string> numbers;  // every number drawn, in order
  std::size_t padding = 0;           // bytes of padding in each copy (a large copy)
  Secrecy secrecy = Secrecy::None;   // of the other clerk's letters: the letter's own register

  std::vector<std::uint8_t> draw(const std::vector<std::uint8_t>& original, const ReceiveStampText& t) override {
    numbers.push_back(t.number);
    if (numbers.size() <= 3) {
      auto other = SqlRegisterStore::open(db_, env_);
      ReceiveRequest q;
      q.sender = "โรงเรียนบ้านหนองบัว";
      q.subject = "ขอส่งรายงานการประชุม";
      q.secrecy = secrecy;
      Registry(*other, env_).receive(clerk_, q);
    } else if (on_late) {
      on_late();
    }
    std::vector<std::uint8_t> out(original);
    const std::string mark = "% stamped " + t.number + "\n" + std::string(padding, ' ');
    out.insert(out.end(), mark.begin(), mark.end());
    return out;
  }

 private:
  std::string db_;
  const Environment& env_;
  User clerk_;
};

}  // namespace saraban::registry::testing
