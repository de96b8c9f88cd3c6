#!/usr/bin/env bash
# Builds everything with warnings as errors and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset ci >/dev/null
cmake --build --preset ci -j"$(nproc)"
# A throw-away PostgreSQL 15 server for the tests of the register on PostgreSQL, stopped at the end.
read -r pg_dir SARABAN_TEST_PG < <(bash scripts/test-postgres.sh start)
export SARABAN_TEST_PG
trap 'bash scripts/test-postgres.sh stop "$pg_dir"' EXIT
ctest --preset ci -j"$(nproc)"
