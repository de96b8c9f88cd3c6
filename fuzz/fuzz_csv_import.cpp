// Fuzz target: arbitrary bytes as a CSV import into a scratch register. The only acceptable
// failure is saraban::Error; an import that succeeds must have written exactly the rows it
// reports, and the register must still export to CSV that parses back row for row.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "base/environment.h"
#include "base/error.h"
#include "fuzz_check.h"
#include "registry/csv.h"
#include "registry/registry.h"
#include "registry/sql_store.h"

namespace {

using namespace saraban;
using namespace saraban::registry;

// A fixed clock (2026-03-05 10:00 Bangkok), so rows without a time land in one year.
class FixedClock final : public Environment {
 public:
  std::int64_t now() const override { return 1772679600; }
  std::optional<std::string> variable(std::string_view n) const override { return system_environment().variable(n); }
  std::vector<std::uint8_t> read_file(const std::string& p) const override { return system_environment().read_file(p); }
  void write_file_atomic(const std::string& p, std::span<const std::uint8_t> b) const override {
    system_environment().write_file_atomic(p, b);
  }
};

struct Scratch {
  FixedClock clock;
  std::string dir = "/tmp/saraban-fuzz-csv-" + std::to_string(::getpid());
  std::unique_ptr<SqlRegisterStore> store;
  std::unique_ptr<Registry> reg;
  User clerk;
  Scratch() { reset(); }
  ~Scratch() {
    reg.reset();
    store.reset();
    std::filesystem::remove_all(dir);
  }
  // A fresh register now and then keeps every input fast.
  void reset() {
    reg.reset();
    store.reset();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    store = SqlRegisterStore::create(dir + "/registry.db", clock);
    reg = std::make_unique<Registry>(*store, clock);
    User admin = reg->acting_user("admin");
    reg->add_user(admin, "malee", Role::Clerk, Secrecy::TopSecret);
    reg->add_user(admin, "officer", Role::Officer, Secrecy::TopSecret);
    clerk = reg->acting_user("malee");
  }
  std::int64_t count() {
    std::int64_t n = 0;
    reg->list(clerk, EntryFilter{.limit = 1}, &n);
    return n;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Scratch s;
  std::int64_t before = s.count();
  if (before > 2000) {
    s.reset();
    before = 0;
  }
  std::string text(reinterpret_cast<const char*>(data), size);
  ImportResult r;
  try {
    r = s.reg->import_csv(s.clerk, text, 3);
  } catch (const saraban::Error&) {
    SARABAN_FUZZ_CHECK(s.count() == before);  // a refused file wrote nothing
    return 0;
  }
  SARABAN_FUZZ_CHECK(r.imported >= 0 && r.skipped >= 0);
  SARABAN_FUZZ_CHECK(s.count() == before + r.imported);
  auto rows = csv::parse_rows(s.reg->export_csv(s.clerk, EntryFilter{}));
  SARABAN_FUZZ_CHECK(static_cast<std::int64_t>(rows.size()) == s.count() + 1);
  return 0;
}
