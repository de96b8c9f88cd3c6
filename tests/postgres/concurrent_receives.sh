#!/usr/bin/env bash
# The register on PostgreSQL: 8 processes x 250 receives at once -> numbers exactly 1..2000,
# verify passes; then bad connections and a foreign database fail clearly, writing nothing.
# Needs SARABAN_TEST_PG (a maintenance database's connection string; scripts/test.sh starts a
# throw-away server and sets it). Without it the test is skipped (exit 77).
set -euo pipefail
saraban=$1
[ -n "${SARABAN_TEST_PG:-}" ] || { echo "SARABAN_TEST_PG not set: no PostgreSQL server for this run"; exit 77; }
base=${SARABAN_TEST_PG%/*}
name=conc_$$_$RANDOM
work=$(mktemp -d)
trap 'psql "$SARABAN_TEST_PG" -qc "DROP DATABASE IF EXISTS $name" >/dev/null 2>&1 || true; psql "$SARABAN_TEST_PG" -qc "DROP DATABASE IF EXISTS ${name}_other" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export SARABAN_KEY_DIR=$work
psql "$SARABAN_TEST_PG" -qc "CREATE DATABASE $name TEMPLATE template0 ENCODING 'UTF8'"
db=$base/$name
"$saraban" --db "$db" init >/dev/null
"$saraban" --db "$db" --as admin user add somchai --role clerk >/dev/null
per=${PER_PROCESS:-250}
for p in 1 2 3 4 5 6 7 8; do
  (for i in $(seq 1 "$per"); do
     "$saraban" --db "$db" --as somchai receive --from "สำนักงานเขต $p" --subject "หนังสือที่ $i จากเครื่อง $p เรื่องงบประมาณ" >/dev/null
   done) &
done
wait
total=$((8 * per))
numbers=$(psql "$db" -Atc "SELECT count(*), count(DISTINCT number), min(number), max(number) FROM entries WHERE register = 'receive'")
echo "receive numbers (count, distinct, min, max): $numbers"
[ "$numbers" = "$total|$total|1|$total" ] || { echo "FAIL: numbers are not exactly 1..$total"; exit 1; }
"$saraban" --db "$db" --as admin verify
found=$("$saraban" --db "$db" --as somchai search งบประมาณ --limit 5 | tail -1)
echo "search งบประมาณ: $found"
[ "$found" = "5 found" ] || { echo "FAIL: search"; exit 1; }

# Bad input: each fails with a clear message and a non-zero exit; the register is unchanged.
before=$(psql "$db" -Atc "SELECT count(*) FROM audit_log")
expect_fail() {  # what, pattern, command...
  local what=$1 pattern=$2; shift 2
  if out=$("$@" 2>&1); then echo "FAIL: $what succeeded"; exit 1; fi
  echo "$what: $out"
  grep -q -- "$pattern" <<<"$out" || { echo "FAIL: $what: message lacks '$pattern'"; exit 1; }
}
expect_fail "server down" "cannot connect" "$saraban" --db "postgresql://saraban@127.0.0.1:1/$name" --as somchai receive --from x --subject y
expect_fail "malformed connection string" "cannot connect" "$saraban" --db "postgresql://saraban@127.0.0.1:notaport/$name" --as somchai list
expect_fail "unknown database" "cannot connect" "$saraban" --db "$base/no_such_db_$$" --as somchai list
psql "$SARABAN_TEST_PG" -qc "CREATE DATABASE ${name}_other TEMPLATE template0 ENCODING 'UTF8'"
psql "$base/${name}_other" -qc "CREATE TABLE invoices(id int)"
expect_fail "another application's database" "another application" "$saraban" --db "$base/${name}_other" --as somchai list
expect_fail "init over another application" "another application" "$saraban" --db "$base/${name}_other" init
expect_fail "init over a register" "already holds a Saraban register" "$saraban" --db "$db" init
# A wrong password (the test server asks saraban_pw for one: scripts/test-postgres.sh); the
# message never repeats the password.
psql "$SARABAN_TEST_PG" -qc "DO \$\$ BEGIN CREATE ROLE saraban_pw LOGIN PASSWORD 'the-right-one' IN ROLE saraban;
  EXCEPTION WHEN duplicate_object THEN NULL; END \$\$"
hostport=${base#*@}
expect_fail "wrong password" "password authentication failed" "$saraban" --db "postgresql://saraban_pw:not-the-password@$hostport/$name" --as somchai receive --from x --subject y
if grep -q "not-the-password" <<<"$out"; then echo "FAIL: the message shows the password"; exit 1; fi
after=$(psql "$db" -Atc "SELECT count(*) FROM audit_log")
[ "$before" = "$after" ] || { echo "FAIL: the register changed"; exit 1; }
# The right password, another account, the same register and the same key on this machine.
"$saraban" --db "postgresql://saraban_pw:the-right-one@$hostport/$name" --as somchai receive --from "สำนักงานเขต 9" --subject "ด้วยรหัสผ่าน" >/dev/null
"$saraban" --db "postgresql://saraban_pw:the-right-one@$hostport/$name" --as admin verify >/dev/null
echo "ok"
