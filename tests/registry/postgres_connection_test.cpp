// A PostgreSQL connection lost inside a transaction stays lost until the transaction ends: what
// the transaction still meant to write must fail, not run outside it on a fresh connection.
// Between transactions a lost connection (a restarted server) is opened again by itself.
#include <gtest/gtest.h>

#include "base/error.h"
#include "registry_test_support.h"

namespace saraban::registry {
namespace {

TEST(PostgresConnection, LostInsideATransactionNeverWritesOutsideIt) {
  if (!testing::testing_postgres()) GTEST_SKIP() << "a PostgreSQL connection (the pg.* run)";
  testing::Fixture f("lost-connection");
  f.receive("ขอเชิญประชุม");
  auto c = testing::raw_connection(f.db);
  c.exec("CREATE TABLE scratch(x BIGINT)");
  c.begin_write();
  auto pid = c.prepare("SELECT pg_backend_pid()");
  ASSERT_TRUE(pid.step());
  const std::int64_t backend = pid.integer(0);
  {
    auto killer = testing::raw_connection(f.db);
    auto k = killer.prepare("SELECT pg_terminate_backend(CAST(:pid AS INTEGER))");
    k.bind(":pid", backend);
    ASSERT_TRUE(k.step());
  }
  // Every write the transaction still tries fails (libpqxx's own reconnect may fail once, so
  // more than one is tried: a later one would otherwise land on a fresh connection).
  for (int i = 1; i <= 4; ++i)
    EXPECT_THROW(c.exec("INSERT INTO scratch VALUES (" + std::to_string(i) + ")"), Error)
        << "write " << i << " ran outside the transaction, on a new connection";
  c.rollback();
  // The transaction is over: the next one reconnects and sees that nothing was written.
  c.begin_read();
  auto n = c.prepare("SELECT count(*) FROM scratch");
  ASSERT_TRUE(n.step());
  EXPECT_EQ(n.integer(0), 0);
  c.rollback();
}

}  // namespace
}  // namespace saraban::registry
