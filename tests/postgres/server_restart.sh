#!/usr/bin/env bash
# Clerks keep receiving while the PostgreSQL server restarts: every receive either succeeds or
# fails with a clear message; the numbers stay exactly 1..(successes), verify passes, and the
# clerks go on once the server is back. Runs its own throw-away server (the shared one serves
# the other tests meanwhile). Skipped (exit 77) where scripts/test.sh started no server.
set -euo pipefail
saraban=$1 pgctl=$2
[ -n "${SARABAN_TEST_PG:-}" ] || { echo "SARABAN_TEST_PG not set: no PostgreSQL server for this run"; exit 77; }
read -r dir url < <(bash "$pgctl" start)
work=$(mktemp -d)
trap 'bash "$pgctl" stop "$dir"; rm -rf "$work"' EXIT
export SARABAN_KEY_DIR=$work
psql "$url" -qc "CREATE DATABASE restart_test TEMPLATE template0 ENCODING 'UTF8'"
db=${url%/*}/restart_test
"$saraban" --db "$db" init >/dev/null
"$saraban" --db "$db" --as admin user add somchai --role clerk >/dev/null
per=${PER_CLERK:-60}
for p in 1 2 3 4; do
  (for i in $(seq 1 "$per"); do
     if "$saraban" --db "$db" --as somchai receive --from "สำนักงานเขต $p" --subject "หนังสือที่ $i ระหว่างเริ่มเครื่องใหม่" \
          >/dev/null 2>"$work/err.$p.$i"; then echo ok >>"$work/ok.$p"; else echo fail >>"$work/fail.$p"; fi
   done) &
done
# Restart once the clerks are well under way (not after a fixed time a fast machine outruns).
for _ in $(seq 1 300); do
  [ "$(psql "$db" -Atc "SELECT count(*) FROM entries" 2>/dev/null || echo 0)" -ge 40 ] && break
  sleep 0.05
done
running=$(jobs -rp | wc -l)
bash "$pgctl" restart "$dir"
at_restart=$(psql "$db" -Atc "SELECT count(*) FROM entries")
wait
[ "$running" -gt 0 ] || { echo "FAIL: the clerks had finished before the restart"; exit 1; }
ok=$(cat "$work"/ok.* 2>/dev/null | wc -l)
failed=$(cat "$work"/fail.* 2>/dev/null | wc -l)
echo "receives: $ok succeeded, $failed failed while the server restarted"
[ "$ok" -gt 0 ] || { echo "FAIL: nothing was received"; exit 1; }
# Every failure says what happened, in words a clerk can act on (never a bare library message).
for f in "$work"/err.*; do
  [ -s "$f" ] || continue
  grep -qE "cannot connect|lost the connection|shutting down or restarting|may or may not be in the register" "$f" ||
    { echo "FAIL: unclear message: $(cat "$f")"; exit 1; }
done
[ "$failed" -eq 0 ] || { echo "for example: $(cat "$(grep -l . "$work"/err.* | head -1)")"; }
numbers=$(psql "$db" -Atc "SELECT count(*), count(DISTINCT number), min(number), max(number) FROM entries WHERE register = 'receive'")
echo "receive numbers (count, distinct, min, max): $numbers"
# A commit whose answer was lost may have landed ("may or may not"): counted by the register.
n=${numbers%%|*}
[ "$n" -ge "$ok" ] && [ "$n" -le $((ok + failed)) ] || { echo "FAIL: $n entries for $ok successful receives"; exit 1; }
[ "$numbers" = "$n|$n|1|$n" ] || { echo "FAIL: numbers are not exactly 1..$n"; exit 1; }
echo "entries when the server was back: $at_restart; at the end: $n"
[ "$n" -gt "$at_restart" ] || { echo "FAIL: nothing was received after the restart"; exit 1; }
"$saraban" --db "$db" --as admin verify
next=$("$saraban" --db "$db" --as somchai receive --from "สำนักงานเขต 9" --subject "หลังเริ่มเครื่องใหม่")
echo "after the restart: $next"
grep -q "$((n + 1))" <<<"$next" || { echo "FAIL: the next receive is not number $((n + 1))"; exit 1; }
echo "ok"
