#!/usr/bin/env bash
# The web application over a PostgreSQL register: a clerk logs in, receives letters and lists
# them through the HTTP API; the PostgreSQL server restarts underneath; the same session goes
# on (the connection is opened again between transactions), numbers stay gapless, verify passes.
# Runs its own throw-away server, as server_restart.sh. Skipped (77) without SARABAN_TEST_PG.
set -euo pipefail
saraban=$1 pgctl=$2
[ -n "${SARABAN_TEST_PG:-}" ] || { echo "SARABAN_TEST_PG not set: no PostgreSQL server for this run"; exit 77; }
read -r dir url < <(bash "$pgctl" start)
work=$(mktemp -d)
web_pid=
trap '[ -n "$web_pid" ] && kill "$web_pid" 2>/dev/null; bash "$pgctl" stop "$dir"; rm -rf "$work"' EXIT
export SARABAN_KEY_DIR=$work
psql "$url" -qc "CREATE DATABASE web_test TEMPLATE template0 ENCODING 'UTF8'"
db=${url%/*}/web_test
"$saraban" --db "$db" init >/dev/null
"$saraban" --db "$db" --as admin user add somchai --role clerk >/dev/null
printf 'สารบรรณ-ทดสอบ-๒๕๖๙\n' >"$work/pw"
"$saraban" --db "$db" --as admin user passwd somchai --password-file "$work/pw" >/dev/null
port=$(( 41000 + RANDOM % 10000 ))
"$saraban" --db "$db" serve --listen "127.0.0.1:$port" --data "$work/web" >"$work/serve.log" 2>&1 &
web_pid=$!
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
api=http://127.0.0.1:$port/api
csrf=$(curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
  -d '{"user":"somchai","password":"สารบรรณ-ทดสอบ-๒๕๖๙"}' "$api/session" | jq -r .csrf)
[ -n "$csrf" ] && [ "$csrf" != null ] || { echo "FAIL: login"; cat "$work/serve.log"; exit 1; }
receive() {  # subject -> the HTTP status
  curl -s -o "$work/last.json" -w '%{http_code}' -b "$work/cookies" -H "X-CSRF-Token: $csrf" \
    -F "from=โรงเรียนบ้านหนองบัว" -F "subject=$1" "$api/letters"
}
for i in 1 2 3; do
  code=$(receive "ขอรายงานผลการใช้จ่ายงบประมาณ ฉบับที่ $i")
  [ "$code" = 200 ] || [ "$code" = 201 ] || { echo "FAIL: receive $i: HTTP $code $(cat "$work/last.json")"; exit 1; }
done
count() { curl -sf -b "$work/cookies" "$api/letters?limit=100" | jq .count; }
[ "$(count)" = 3 ] || { echo "FAIL: the list has $(count) letters, not 3"; exit 1; }
bash "$pgctl" restart "$dir"
# The same session, across the restart: reads and writes go on.
[ "$(count)" = 3 ] || { echo "FAIL: after the restart the list has $(count) letters"; exit 1; }
code=$(receive "ขอเชิญประชุมหลังเริ่มเครื่องใหม่")
[ "$code" = 200 ] || [ "$code" = 201 ] || { echo "FAIL: receive after the restart: HTTP $code $(cat "$work/last.json")"; exit 1; }
[ "$(count)" = 4 ] || { echo "FAIL: the list has $(count) letters, not 4"; exit 1; }
numbers=$(psql "$db" -Atc "SELECT count(*), count(DISTINCT number), min(number), max(number) FROM entries WHERE register = 'receive'")
echo "receive numbers (count, distinct, min, max): $numbers"
[ "$numbers" = "4|4|1|4" ] || { echo "FAIL: numbers are not 1..4"; exit 1; }
found=$(curl -sf -b "$work/cookies" "$api/letters?q=%E0%B8%87%E0%B8%9A%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%A1%E0%B8%B2%E0%B8%93" | jq .count)
echo "search งบประมาณ through the web: $found"
[ "$found" = 3 ] || { echo "FAIL: the web search found $found, not 3"; exit 1; }
kill "$web_pid"; wait "$web_pid" 2>/dev/null || true; web_pid=
"$saraban" --db "$db" --as admin verify
echo "ok"
