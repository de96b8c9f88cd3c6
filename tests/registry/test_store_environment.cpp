// The PostgreSQL run of the registry tests needs a server: without one (SARABAN_TEST_PG unset,
// as when the tests run outside scripts/test.sh) every test of that run is skipped, visibly.
#include <gtest/gtest.h>

#include "test_store.h"

namespace {
class PostgresServer final : public ::testing::Environment {
 public:
  void SetUp() override {
    if (saraban::registry::testing::testing_postgres() && saraban::registry::testing::test_postgres_server().empty())
      GTEST_SKIP() << "SARABAN_TEST_STORE=postgres but SARABAN_TEST_PG names no server";
  }
};
[[maybe_unused]] auto* const registered = ::testing::AddGlobalTestEnvironment(new PostgresServer);
}  // namespace
