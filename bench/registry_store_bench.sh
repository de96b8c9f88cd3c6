#!/usr/bin/env bash
# The register on SQLite and on PostgreSQL side by side, on the same machine in the same run:
#  1. receives per second with 1, 8 and 32 writer processes at once, each a loop of
#     `saraban receive` commands (one receive per command, as clerks on several machines do), a
#     fixed total per run on a fresh register; afterwards the numbers must be exactly 1..(receives
#     that succeeded) and `verify` must pass, and failed commands are counted, not hidden;
#  2. both registers filled with the same N letters by `saraban import --csv`: import time,
#     database size, and median / p95 of `list` and `search` through the command line (process
#     start and, on PostgreSQL, the connection included: what a clerk waits for), then the same
#     calls in process (bench/registry_bench.cpp) to show what the query itself costs.
# Prints a table with SQLite/PostgreSQL ratios and writes it to bench/results/registry_store.md.
#   bench/registry_store_bench.sh [N] [SAMPLE] [TOTAL]
#     N letters (default 100000), SAMPLE runs of each list/search per store (default 50),
#     TOTAL receives per writer count (default 640 = 32 x 20; split evenly over the writers).
# The PostgreSQL server is a throw-away one (scripts/test-postgres.sh) started WITH fsync, since
# SQLite here fsyncs its WAL at every commit (journal_mode WAL, synchronous FULL by default).
set -euo pipefail
N=${1:-100000}
SAMPLE=${2:-50}
TOTAL=${3:-640}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${SARABAN_BENCH_BUILD:-$root/build/bench-rel}
results=$root/bench/results/registry_store.md
# EPOCHREALTIME's decimal point follows the locale; the arithmetic below expects '.'.
export LC_NUMERIC=C

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
if ! cmake --build "$build" -j2 --target saraban registry_bench >/dev/null 2>&1; then
  # Another stage may be mid-change; the figures only need the register's binaries.
  echo "warning: the build failed; using the binaries already in $build" >&2
fi
S=$build/src/cli/saraban
B=$build/bench/registry_bench
[ -x "$S" ] && [ -x "$B" ] || { echo "no binaries in $build" >&2; exit 1; }

work=$(mktemp -d /tmp/saraban-store-bench.XXXXXX)
pgdir=""
pids=()
cleanup() {
  # Writers still running (an interrupted run) would hold connections the server's stop waits on.
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$pgdir" ]; then bash "$root/scripts/test-postgres.sh" stop "$pgdir"; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # so Ctrl-C runs the EXIT trap too

read -r pgdir pgurl < <(bash "$root/scripts/test-postgres.sh" start --durable) || true
[ -n "${pgurl:-}" ] || { echo "could not start a PostgreSQL server (scripts/test-postgres.sh start --durable)" >&2; exit 1; }
pgbase=${pgurl%/*}
# A PostgreSQL register's chain key and anchor live on the machine, outside the database.
export SARABAN_KEY_DIR=$work/keys
mkdir -p "$SARABAN_KEY_DIR"
stores=(sqlite postgresql)
declare -A label=([sqlite]=SQLite [postgresql]=PostgreSQL)

# A fresh, empty register NAME on STORE with an admin and a clerk; prints its --db value.
new_register() {  # store name
  local db
  if [ "$1" = sqlite ]; then
    db=$work/$2.db
  else
    psql "$pgurl" -qc "CREATE DATABASE $2 TEMPLATE template0 ENCODING 'UTF8'" >/dev/null
    db=$pgbase/$2
  fi
  "$S" --db "$db" init >/dev/null
  "$S" --db "$db" --as admin user add clerk --role clerk >/dev/null
  echo "$db"
}

us_now() { local t=$EPOCHREALTIME; echo "${t/./}"; }   # microseconds, no process started
stats() {  # "median p95" (ms, nearest rank) of the microsecond figures on stdin
  sort -n | awk '{a[NR]=$1} END {if (!NR) {print "- -"; exit}
    m=a[int((NR+1)/2)]; p=a[int(0.95*NR+0.5)]; if (p=="") p=a[NR]; printf "%.1f %.1f\n", m/1000, p/1000}'
}
mb() {  # bytes, bytes of the empty register: "X MB (empty Y MB; Z B a letter beyond it)"
  awk -v s="$1" -v e="$2" -v n="$N" 'BEGIN{printf "%.1f MB (empty register %.1f MB; %.0f B a letter beyond it)", s/1048576, e/1048576, (s-e)/n}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b+0 == 0 || a == "-" || b == "-") print "-"; else printf "%.2f", a/b }'; }
machine="$(nproc) cores, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo), load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
out=$work/table.md
: > "$out"

# ------------------------------------------------------------------ 1. concurrent receives
echo "== concurrent receive commands: $TOTAL receives per run on a fresh register" >&2
declare -A conc conc_check conc_err
for w in 1 8 32; do
  per=$((TOTAL / w))
  for st in "${stores[@]}"; do
    db=$(new_register "$st" "conc_$w")
    pids=()
    t0=$(us_now)
    for p in $(seq 1 "$w"); do
      # Each writer is one clerk's machine: a loop of commands, each timed, failures kept.
      ( for i in $(seq 1 "$per"); do
          a=$(us_now)
          if "$S" --db "$db" --as clerk receive --from "สำนักงานเขต เครื่อง $p" \
               --subject "ขอเชิญประชุมเรื่องงบประมาณ ครั้งที่ $i จากเครื่อง $p" >/dev/null 2>>"$work/err-$st-$w-$p"; then
            echo "ok $(( $(us_now) - a ))"
          else
            echo "fail $(( $(us_now) - a ))"
          fi
        done ) > "$work/lat-$st-$w-$p" &
      pids+=("$!")
    done
    wait "${pids[@]}"
    pids=()
    t1=$(us_now)
    ok=$(cat "$work"/lat-"$st"-"$w"-* | grep -c '^ok' || true)
    failed=$(cat "$work"/lat-"$st"-"$w"-* | grep -c '^fail' || true)
    read -r med p95 < <(cat "$work"/lat-"$st"-"$w"-* | awk '$1=="ok"{print $2}' | stats)
    numbers=$("$S" --db "$db" --as clerk --json list --register receive | python3 -c '
import json, sys
ns = sorted(e["number"] for e in json.load(sys.stdin)["entries"])
ok = int(sys.argv[1])
print("exactly 1..%d" % ok if ns == list(range(1, ok + 1)) else
      "NOT 1..%d: %d numbers, %d distinct, min %s, max %s" % (ok, len(ns), len(set(ns)), min(ns, default="-"), max(ns, default="-")))' "$ok")
    if "$S" --db "$db" --as admin verify >/dev/null 2>&1; then verify=passes; else verify=FAILS; fi
    wall=$(( (t1 - t0) / 1000 ))
    rate=$(awk -v n="$ok" -v ms="$wall" 'BEGIN{printf "%.1f", n/(ms/1000)}')
    conc[$st,$w]="$rate $wall $ok $failed $med $p95"
    conc_check[$st,$w]="numbers $numbers, verify $verify"
    err=$(cat "$work"/err-"$st"-"$w"-* 2>/dev/null | sort | uniq -c | sort -rn | head -3 | sed 's/^ *//' | tr '\n' ';')
    echo "$w writers x $per on ${label[$st]}: $ok ok, $failed failed in $wall ms = $rate/s; per command median $med ms, p95 $p95 ms; ${conc_check[$st,$w]}${err:+; errors: $err}" >&2
    if [ -n "$err" ]; then conc_err[$st,$w]=$err; fi
  done
done

# ------------------------------------------------------------------ 2. N letters: import, size, list, search
echo "== $N letters imported into both stores" >&2
python3 "$root/bench/registry_letters.py" "$N" > "$work/letters.csv"
declare -A big import_ms size empty
db_size() {  # store db: bytes on disk (SQLite: the file and its WAL after a checkpoint)
  if [ "$1" = sqlite ]; then
    sqlite3 "$2" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null 2>&1 || true
    echo $(( $(stat -c %s "$2") + $(stat -c %s "$2-wal" 2>/dev/null || echo 0) ))
  else
    psql "$2" -Atc "SELECT pg_database_size(current_database())"
  fi
}
for st in "${stores[@]}"; do
  big[$st]=$(new_register "$st" "big")
  empty[$st]=$(db_size "$st" "${big[$st]}")
  t0=$(us_now)
  "$S" --db "${big[$st]}" --as clerk import --csv "$work/letters.csv" >"$work/import-$st.log"
  t1=$(us_now)
  import_ms[$st]=$(( (t1 - t0) / 1000 ))
  echo "import into ${label[$st]}: ${import_ms[$st]} ms ($(cat "$work/import-$st.log"))" >&2
done
# Planner statistics: autovacuum gathers them within a minute or so of a bulk load; doing it
# here keeps the figures from depending on whether it has run yet. SQLite needs nothing.
psql "${big[postgresql]}" -qc "ANALYZE" >/dev/null
for st in "${stores[@]}"; do size[$st]=$(db_size "$st" "${big[$st]}"); done

sender=โรงเรียนบ้านหนองบัว
far=$(( N / 2 > 0 ? N / 2 : 1 ))
names=("list, first page of 50" "list, page of 50 from number $far" "list --sender $sender, first page"
       "list --urgency ด่วนที่สุด, first page" "search งบประมาณ" "search โครงการอาหารกลางวัน" "search $sender")
calls=("list --register receive --limit 50" "list --register receive --number-from $far --limit 50"
       "list --register receive --sender $sender --limit 50" "list --register receive --urgency ด่วนที่สุด --limit 50"
       "search งบประมาณ" "search โครงการอาหารกลางวัน" "search $sender")
# Both stores must give the same answers before their speed is compared (counts of all hits).
declare -A answer
for k in "${!calls[@]}"; do
  for st in "${stores[@]}"; do
    read -r -a c <<<"${calls[$k]}"
    # list counts every match whatever the page; search counts what it returns.
    if [ "${c[0]}" = list ]; then lim=1; else lim=1000000; fi
    answer[$st,$k]=$("$S" --db "${big[$st]}" --as clerk --json "${c[@]}" --limit "$lim" \
      | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["count"])')
  done
done
# Interleaved (query by query, store by store) so a change in the machine's load hits both alike.
for _ in $(seq 1 "$SAMPLE"); do
  for k in "${!calls[@]}"; do
    read -r -a c <<<"${calls[$k]}"
    for st in "${stores[@]}"; do
      a=$(us_now); "$S" --db "${big[$st]}" --as clerk "${c[@]}" >/dev/null; echo $(( $(us_now) - a )) >> "$work/q-$st-$k"
    done
  done
done
declare -A verify_ms verify_ok
for st in "${stores[@]}"; do
  a=$(us_now)
  if "$S" --db "${big[$st]}" --as admin verify >/dev/null; then verify_ok[$st]=passes; else verify_ok[$st]=FAILS; fi
  verify_ms[$st]=$(( ($(us_now) - a) / 1000 ))
done
# In process: the query without process start and connection (Google Benchmark's median, p95).
declare -A inproc
for st in "${stores[@]}"; do
  REGISTRY_BENCH_N=$N REGISTRY_BENCH_DB=${big[$st]} "$B" --benchmark_filter='^BM_(Search|SearchWithFilters|ListPage)/' \
    --benchmark_format=csv 2>/dev/null > "$work/inproc-$st.csv" || echo "warning: registry_bench failed on ${label[$st]}" >&2
  for bm in Search SearchWithFilters ListPage; do
    # Rows are named "BM_Search/iterations:1/repeats:200_median"; column 3 is the wall time in ms
    # (cpu_time would leave out the PostgreSQL server's work).
    inproc[$st,$bm]=$(awk -F, -v b="\"BM_$bm/" 'index($1, b) == 1 && $1 ~ /_median"$/ {m=$3}
      index($1, b) == 1 && $1 ~ /_p95"$/ {p=$3} END {if (m == "") print "- -"; else printf "%.3f %.3f", m, p}' "$work/inproc-$st.csv")
  done
done

# ------------------------------------------------------------------ the table
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
{
  echo "# The register on SQLite and PostgreSQL, side by side"
  echo
  echo "\`bash bench/registry_store_bench.sh $N $SAMPLE $TOTAL\` on $(date -u +%Y-%m-%d) (commit $commit, release build): $machine, at the end: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: compare within a run, not across runs)."
  echo "PostgreSQL $(psql "$pgurl" -Atc 'SHOW server_version') on the same machine over loopback TCP, default settings but fsync on (a throw-away server, scripts/test-postgres.sh start --durable); SQLite in WAL mode with synchronous FULL. Both on the same ext4 disk."
  echo "Ratios are SQLite / PostgreSQL: above 1 PostgreSQL is faster for times, slower for rates."
  echo
  echo "## Receive commands at once (a fresh register, $TOTAL receives per row, one receive per command)"
  echo
  echo "| writers | SQLite receives/s | PostgreSQL receives/s | ratio | SQLite per command median / p95 | PostgreSQL per command median / p95 | failed commands (SQLite / PostgreSQL) |"
  echo "|---|---|---|---|---|---|---|"
} > "$out"
for w in 1 8 32; do
  read -r rs ws _ fs ms ps <<<"${conc[sqlite,$w]}"
  read -r rp wp _ fp mp pp <<<"${conc[postgresql,$w]}"
  echo "| $w × $((TOTAL / w)) | $rs ($ws ms) | $rp ($wp ms) | $(ratio "$rs" "$rp") | $ms / $ps ms | $mp / $pp ms | $fs / $fp |" >> "$out"
done
{
  echo
  for w in 1 8 32; do for st in "${stores[@]}"; do
    echo "- $w writers, ${label[$st]}: ${conc_check[$st,$w]}${conc_err[$st,$w]:+; errors: ${conc_err[$st,$w]}}"
  done; done
  echo
  echo "## $N letters"
  echo
  echo "| what | SQLite | PostgreSQL | ratio |"
  echo "|---|---|---|---|"
  echo "| import --csv of $N letters | ${import_ms[sqlite]} ms = $(awk -v n="$N" -v ms="${import_ms[sqlite]}" 'BEGIN{printf "%.0f", n/(ms/1000)}')/s | ${import_ms[postgresql]} ms = $(awk -v n="$N" -v ms="${import_ms[postgresql]}" 'BEGIN{printf "%.0f", n/(ms/1000)}')/s | $(ratio "${import_ms[sqlite]}" "${import_ms[postgresql]}") |"
  echo "| database size (file + WAL / pg_database_size) | $(mb "${size[sqlite]}" "${empty[sqlite]}") | $(mb "${size[postgresql]}" "${empty[postgresql]}") | $(ratio "${size[sqlite]}" "${size[postgresql]}") |"
  echo "| verify of the whole register | ${verify_ms[sqlite]} ms, ${verify_ok[sqlite]} | ${verify_ms[postgresql]} ms, ${verify_ok[postgresql]} | $(ratio "${verify_ms[sqlite]}" "${verify_ms[postgresql]}") |"
  echo
  echo "Through the command line, median / p95 of $SAMPLE runs each (process start and connection included); the hits are every match, counted on each store:"
  echo
  echo "| command | hits (SQLite / PostgreSQL) | SQLite | PostgreSQL | ratio of medians |"
  echo "|---|---|---|---|---|"
} >> "$out"
for k in "${!calls[@]}"; do
  read -r ms ps < <(stats < "$work/q-sqlite-$k")
  read -r mp pp < <(stats < "$work/q-postgresql-$k")
  same=${answer[sqlite,$k]}; [ "${answer[sqlite,$k]}" = "${answer[postgresql,$k]}" ] || same="**${answer[sqlite,$k]} / ${answer[postgresql,$k]}: DIFFER**"
  echo "| ${names[$k]} | $same | $ms / $ps ms | $mp / $pp ms | $(ratio "$ms" "$mp") |" >> "$out"
done
{
  echo
  echo "In process (bench/registry_bench.cpp on the same registers; no process start, connection open already):"
  echo
  echo "| call | SQLite median / p95 | PostgreSQL median / p95 | ratio of medians |"
  echo "|---|---|---|---|"
} >> "$out"
declare -A bmname=([Search]="search, 10 words in turn, 50 newest hits" [SearchWithFilters]="search with register, year, number range and sender filters"
                   [ListPage]="list, a page of 100 from a number")
for bm in Search SearchWithFilters ListPage; do
  read -r ms ps <<<"${inproc[sqlite,$bm]}"
  read -r mp pp <<<"${inproc[postgresql,$bm]}"
  echo "| ${bmname[$bm]} | $ms / $ps ms | $mp / $pp ms | $(ratio "$ms" "$mp") |" >> "$out"
done

cat "$out"
mkdir -p "$(dirname "$results")"
cp "$out" "$results"
echo >&2
echo "written to ${results#"$root"/}" >&2
