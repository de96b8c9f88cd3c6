#!/usr/bin/env bash
# Paging through a long register in the web application: a demo register of N letters (default
# 100,000), a release `saraban serve` on loopback, then GET /api/letters timed at the first page,
# by cursor far down the list, and by offset at the same depth (what a cursor avoids).
#   bash bench/web_list_bench.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target saraban >/dev/null
bin=build/release/src/cli/saraban
work=$(mktemp -d)
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT INT TERM
db=$work/registry.db
"$bin" --db "$db" demo --year 2569 --letters "$n" --seed 1 >/dev/null
echo "somsri-2569" > "$work/pw"
"$bin" --db "$db" --as admin user passwd somsri --password-file "$work/pw" >/dev/null
port=$(( 20000 + RANDOM % 20000 ))
"$bin" --db "$db" serve --listen "127.0.0.1:$port" --data "$work/data" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do grep -q serving "$work/serve.log" && break; sleep 0.1; done
c=(curl -s -c "$work/cookies" -b "$work/cookies")
"${c[@]}" -X POST "127.0.0.1:$port/api/session" -d '{"user":"somsri","password":"somsri-2569"}' >/dev/null
median_ms() {  # median of 11 timings of one GET
  for _ in $(seq 11); do "${c[@]}" -o /dev/null -w "%{time_total}\n" "127.0.0.1:$port$1"; done |
    sort -n | sed -n 6p | awk '{printf "%.1f", $1 * 1000}'
}
total=$("${c[@]}" "127.0.0.1:$port/api/letters?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')
# Walk the cursor down to the last page, timing nothing, to find the cursor of the deepest page.
cursor="" pages=0
while :; do
  next=$("${c[@]}" "127.0.0.1:$port/api/letters?limit=500${cursor:+&before=$cursor}" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("next", ""))')
  [ -z "$next" ] && break
  last="$cursor"; cursor="$next"; pages=$((pages + 1))
done
depth=$((pages * 500))
echo "== web lists, $total letters visible to the clerk (release, loopback, median of 11)"
echo "   first page of 50: $(median_ms "/api/letters?limit=50") ms"
echo "   page of 50 after $depth letters, by cursor: $(median_ms "/api/letters?limit=50&before=$cursor") ms"
echo "   page of 50 after $depth letters, by offset: $(median_ms "/api/letters?limit=50&order=newest&offset=$depth") ms"
echo "   a basket (รอมอบหมาย) first page: $(median_ms "/api/letters?basket=assign&limit=50") ms"
echo "   search งบประมาณ, first 50: $(median_ms "/api/letters?q=%E0%B8%87%E0%B8%9A%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%A1%E0%B8%B2%E0%B8%93&limit=50") ms"
