#pragma once
// A year of an office's correspondence made through the register's own operations (receive,
// assign, draft, review, sign, dispatch, file, close, cancel), so that the numbers, the audit
// chain and the stage history are what real use makes: working days and office hours, skewed
// senders, urgency and secrecy in realistic shares, officers of different speeds, drafts
// returned, letters overdue and letters still open at the year's end. Deterministic for a seed.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/environment.h"
#include "registry/register_store.h"
#include "registry/registry.h"

namespace saraban::registry {

// The machine's files and variables with a clock the demo sets: the store and the Registry
// opened over it record every operation at its simulated time.
class SimulatedEnvironment final : public Environment {
 public:
  explicit SimulatedEnvironment(const Environment& real) : real_(real) {}
  std::int64_t now() const override { return now_; }
  void set_now(std::int64_t unix_seconds) { now_ = unix_seconds; }
  std::optional<std::string> variable(std::string_view name) const override { return real_.variable(name); }
  std::vector<std::uint8_t> read_file(const std::string& path) const override { return real_.read_file(path); }
  void write_file_atomic(const std::string& path, std::span<const std::uint8_t> bytes) const override {
    real_.write_file_atomic(path, bytes);
  }

 private:
  const Environment& real_;
  std::int64_t now_ = 0;
};

struct DemoOptions {
  int year = 2569;  // Buddhist era: the register's numbering year
  int letters = 20000;
  std::uint64_t seed = 1;
  std::function<void(int received, int total)> progress;  // after every letter received
};

// What the year came to, for the command's summary line.
struct DemoSummary {
  int received = 0;
  int sent = 0;    // replies dispatched (send-register entries, secret ones included)
  int secret = 0;  // received letters with a secrecy level
  int cancelled = 0;
  int closed = 0;    // closed "for information" (filed afterwards or not)
  int returned = 0;  // drafts returned once by the reviewer
  int filed = 0;
  int open = 0;     // still in the journey when the year ends
  int overdue = 0;  // replies dispatched after their deadline, or open past it at the year's end
};

// The office's name and reference prefix a new demo register is given.
inline constexpr const char* kDemoOfficeName = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต ๕";
inline constexpr const char* kDemoOfficePrefix = "ศธ ๐๔๑๗๕";

// Throws InvalidInput naming the option: letters 1..1,000,000, a year 2500..2700.
void check_demo_options(const DemoOptions& options);

// Refuses (InvalidInput) a year with entries in any register, and users of the demo's names
// whose role or clearance it cannot use (or names confusable with them); reads only.
void check_demo_register(RegisterStore& store, const DemoOptions& options);

// Sets the office (a new register only) and adds the demo's users that are missing, in one
// transaction as `admin`, at the simulated start of the year.
void prepare_demo_register(RegisterStore& store, Registry& registry, SimulatedEnvironment& clock, const User& admin,
                           const DemoOptions& options, bool new_register);

// The year itself. Call check_demo_register and prepare_demo_register first.
DemoSummary run_demo(RegisterStore& store, Registry& registry, SimulatedEnvironment& clock, const DemoOptions& options);

}  // namespace saraban::registry
