#!/usr/bin/env bash
# The web application under load, on loopback only and bounded in time: a release `saraban
# serve` over a fresh register, then bench/web_load.cpp's 50 clients receiving and listing for
# 60 seconds (first with each receive carrying a PDF that is stamped, then without a file).
# Afterwards the receive numbers must run 1…N without a gap and `verify` must pass.
#   bash bench/web_load.sh [--seconds S] [--clients N]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=60 clients=50
while [ $# -gt 0 ]; do
  case "$1" in --seconds) seconds=$2; shift 2 ;; --clients) clients=$2; shift 2 ;; *) echo "unknown option $1" >&2; exit 64 ;; esac
done
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target saraban web_load >/dev/null
bin=build/release/src/cli/saraban load=build/release/bench/web_load
work=$(mktemp -d)
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT
db=$work/registry.db
"$bin" --db "$db" init >/dev/null
"$bin" --db "$db" --as admin user add somsri --role clerk >/dev/null
echo "load-test-password" > "$work/pw"
"$bin" --db "$db" --as admin user passwd somsri --password-file "$work/pw" >/dev/null
"$bin" render samples/letters/memo.json -o "$work/letter.pdf" >/dev/null
port=$(( 20000 + RANDOM % 20000 ))
"$bin" --db "$db" serve --listen "127.0.0.1:$port" --data "$work/data" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do grep -q serving "$work/serve.log" && break; sleep 0.1; done
echo "== saraban serve (release), register $db, $(nproc) cores"
status=0
"$load" --port "$port" --user somsri --password-file "$work/pw" --clients "$clients" --seconds "$seconds" --pdf "$work/letter.pdf" || status=1
"$load" --port "$port" --user somsri --password-file "$work/pw" --clients "$clients" --seconds "$seconds" || status=1
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
count=$("$bin" --db "$db" --as admin --json list --register receive --limit 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')
"$bin" --db "$db" --as admin export --register receive --csv "$work/receive.csv" >/dev/null
numbers=$(python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
n = sorted(int(r["number"]) for r in rows)
print("gapless 1…%d" % len(n) if n == list(range(1, len(n) + 1)) else "GAPS OR REPEATS")' "$work/receive.csv")
echo "== afterwards: $count receives, numbers $numbers; verify: $("$bin" --db "$db" --as admin verify 2>&1 | tail -1)"
exit $status
