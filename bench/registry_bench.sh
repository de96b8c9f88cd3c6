#!/usr/bin/env bash
# Register figures at N letters (default 100000): batch import and one-receive-per-command
# throughput, search and list latency (through the command line and in-process), database size.
#   bench/registry_bench.sh [N] [SAMPLE]
set -euo pipefail
N=${1:-100000}
SAMPLE=${2:-200}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build/reg-rel
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
if ! cmake --build "$build" -j2 --target saraban registry_bench >/dev/null 2>&1; then
  # Another stage may be mid-change; the figures only need the register's binaries.
  echo "warning: the build failed; using the binaries already in $build" >&2
fi
S=$build/src/cli/saraban
[ -x "$S" ] && [ -x "$build/bench/registry_bench" ] || { echo "no binaries in $build" >&2; exit 1; }
work=$(mktemp -d /tmp/saraban-bench.XXXXXX)
db=$work/registry.db
trap 'rm -rf "$work"' EXIT

# Realistic subjects of an educational service area office (shared with registry_store_bench.sh).
python3 "$root/bench/registry_letters.py" "$N" > "$work/letters.csv"

now_ms() { date +%s%N | cut -c1-13; }
stats() {  # median and p95 of the numbers on stdin (ms)
  sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; p=a[int(0.95*NR+0.5)]; if (p=="") p=a[NR]; printf "median %.1f ms, p95 %.1f ms (%d runs)", m, p, NR}'
}

"$S" --db "$db" init >/dev/null
"$S" --db "$db" --as admin user add clerk --role clerk >/dev/null

t0=$(now_ms)
"$S" --db "$db" --as clerk import --csv "$work/letters.csv" >/dev/null
t1=$(now_ms)
import_ms=$((t1 - t0))
echo "batch import of $N letters: $import_ms ms = $(awk -v n="$N" -v ms="$import_ms" 'BEGIN{printf "%.0f", n/(ms/1000)}') receives/s"

t0=$(now_ms)
for i in $(seq 1 "$SAMPLE"); do
  "$S" --db "$db" --as clerk receive --from "โรงเรียนบ้านหนองบัว" --subject "ขอรายงานผลการใช้จ่ายงบประมาณ ครั้งที่ $i" >/dev/null
done
t1=$(now_ms)
echo "one receive per command ($SAMPLE commands on $N letters): $(awk -v n="$SAMPLE" -v ms="$((t1 - t0))" 'BEGIN{printf "%.0f receives/s (%.1f ms each)", n/(ms/1000), ms/n}')"

queries=(งบประมาณ ขอเชิญประชุม โครงการอาหารกลางวัน หนองบัว ภาษาอังกฤษ ครูอัตราจ้าง ยาเสพติด อาคารเรียน O-NET "การประกันคุณภาพ")
for q in "${queries[@]}"; do
  n=$("$S" --db "$db" --as clerk --json search "$q" --limit 100000 | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')
  echo "  search '$q': $n letters"
done | head -20
echo -n "search through the command line (process start included, 50 newest hits): "
for r in $(seq 1 5); do for q in "${queries[@]}"; do
  t0=$(now_ms); "$S" --db "$db" --as clerk search "$q" >/dev/null; t1=$(now_ms); echo $((t1 - t0))
done; done | stats; echo
echo -n "list one page of 100 through the command line: "
for r in $(seq 1 20); do
  t0=$(now_ms); "$S" --db "$db" --as clerk list --register receive --number-from $((r * 4000)) --limit 100 >/dev/null; t1=$(now_ms); echo $((t1 - t0))
done | stats; echo

t0=$(now_ms); "$S" --db "$db" --as clerk verify >/dev/null; t1=$(now_ms)
echo "verify of the whole register: $((t1 - t0)) ms"
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null 2>&1 || true
size=$(stat -c %s "$db")
echo "database size: $size bytes ($(awk -v s="$size" -v n="$N" 'BEGIN{printf "%.1f MB, %.0f bytes per letter", s/1048576, s/n}'))"

# The "done when" line literally: 8 processes x 250 `saraban receive` commands at once.
cdb=$work/concurrent.db
"$S" --db "$cdb" init >/dev/null
"$S" --db "$cdb" --as admin user add clerk --role clerk >/dev/null
t0=$(now_ms)
for p in 1 2 3 4 5 6 7 8; do
  ( for i in $(seq 1 250); do
      "$S" --db "$cdb" --as clerk receive --from "process $p" --subject "ขอเชิญประชุม $p-$i" >/dev/null || echo "FAILED $p-$i" >&2
    done ) &
done
wait
t1=$(now_ms)
"$S" --db "$cdb" --as clerk --json list --register receive | python3 -c '
import json, sys
ns = sorted(e["number"] for e in json.load(sys.stdin)["entries"])
print("8 x 250 concurrent receive commands: %d numbers, exactly 1..2000: %s" % (len(ns), ns == list(range(1, 2001))))'
echo "  took $((t1 - t0)) ms; verify: $("$S" --db "$cdb" --as clerk verify | cut -c1-60)"

echo "in-process (Google Benchmark, on the same register):"
REGISTRY_BENCH_N=$N REGISTRY_BENCH_DB=$db "$build/bench/registry_bench" \
  --benchmark_filter='BatchReceive|SingleReceive|Search|List' 2>/dev/null | grep -E "^BM_" | grep -vE "_stddev|_cv"
