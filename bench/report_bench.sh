#!/usr/bin/env bash
# Yearly-report figures: `demo` making registers of 20,000 and 200,000 letters, then the yearly
# summary (PDF + XLSX + CSV) on each as a fresh command: mean wall time and peak memory. With
# --compare, LibreOffice turns the same XLSX into a PDF in the same run (what an office does
# with a spreadsheet today), installing libreoffice-calc-nogui when it is missing.
#   bash bench/report_bench.sh [--compare] [--small]   (--small: 20,000 letters only)
set -euo pipefail
cd "$(dirname "$0")/.."
compare=0 small=0
for a in "$@"; do
  case "$a" in --compare) compare=1 ;; --small) small=1 ;; *) echo "unknown option $a" >&2; exit 64 ;; esac
done
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target saraban >/dev/null
bin=build/release/src/cli/saraban
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1795258800

peak_kb() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
mean_ms() {
  local runs=$1; shift
  local start; start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1; done
  echo $(( ($(date +%s%N) - start) / runs / 1000000 ))
}

sizes=(20000 200000)
[ "$small" = 1 ] && sizes=(20000)
for n in "${sizes[@]}"; do
  db="$work/r$n.db"
  start=$(date +%s%N)
  "$bin" --db "$db" demo --year 2569 --letters "$n" --seed 1 >/dev/null
  t=$(ms_since "$start")
  echo "== demo, $n letters: $t ms ($(( n * 1000 / (t > 0 ? t : 1) )) letters/s), register $(du -k "$db" | cut -f1) KB"
  report=("$bin" --db "$db" --as prasert report year 2569 -o "$work/y$n.pdf" --xlsx "$work/y$n.xlsx" --csv "$work/c$n" --as-of 2026-12-31)
  "${report[@]}" >/dev/null
  runs=$([ "$n" = 20000 ] && echo 10 || echo 3)
  pdf_only=("$bin" --db "$db" --as prasert report year 2569 -o "$work/p$n.pdf" --as-of 2026-12-31)
  echo "== report year, $n letters, fresh command: PDF+XLSX+CSV mean $(mean_ms "$runs" "${report[@]}") ms," \
       "PDF only $(mean_ms "$runs" "${pdf_only[@]}") ms over $runs runs; peak RSS $(peak_kb "${report[@]}") KB;" \
       "$(pdfinfo "$work/y$n.pdf" | awk '/^Pages:/ {print $2}') pages, PDF $(stat -c %s "$work/y$n.pdf") B, XLSX $(stat -c %s "$work/y$n.xlsx") B"
  book=("$bin" --db "$db" --as prasert report book --register receive --year 2569 -o "$work/b$n.pdf")
  "${book[@]}" >/dev/null
  echo "== report book (receive), $n letters: mean $(mean_ms 1 "${book[@]}") ms; peak RSS $(peak_kb "${book[@]}") KB;" \
       "$(pdfinfo "$work/b$n.pdf" | awk '/^Pages:/ {print $2}') pages"
  if [ "$compare" = 1 ]; then
    if ! command -v soffice >/dev/null; then
      SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
      $SUDO apt-get install -y -q --no-install-recommends libreoffice-calc-nogui >/dev/null
    fi
    soffice --headless --convert-to pdf --outdir "$work/lo" "$work/y$n.xlsx" >/dev/null 2>&1 || true  # first start makes a profile
    lo=(soffice --headless --convert-to pdf --outdir "$work/lo" "$work/y$n.xlsx")
    echo "== LibreOffice: the same XLSX to PDF, $n letters: mean $(mean_ms 3 "${lo[@]}") ms; peak RSS $(peak_kb "${lo[@]}") KB;" \
         "$(pdfinfo "$work/lo/y$n.pdf" | awk '/^Pages:/ {print $2}') pages"
  fi
done
