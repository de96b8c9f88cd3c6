#!/usr/bin/env bash
# Letter rendering figures: 1,000 letters in one process, a single letter as a fresh command,
# peak memory and PDF size. --compare also times LibreOffice and WeasyPrint on the same letter
# (installing them first).   usage: bench/letters_bench.sh [--compare] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
compare=0
if [ "${1:-}" = "--compare" ]; then compare=1; shift; fi
build="${1:-build/release}"
if [ ! -x "$build/src/cli/saraban" ] || [ ! -x "$build/bench/letters_bench" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j2 --target saraban letters_bench
fi
bin="$build/src/cli/saraban"
letter=samples/letters/external.json
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1790000000

echo "== 1,000 letters in one process (Google Benchmark)"
# The same letter 1,000 times, then 1,000 different letters on one thread and on two.
/usr/bin/time -v "$build/bench/letters_bench" --benchmark_filter='BM_Render1000Letters|BM_RenderExternal|BM_RenderMemo' \
  2> "$tmp/time.txt" | grep -E 'BM_|Benchmark'
grep -E 'Maximum resident' "$tmp/time.txt" | sed 's/^\s*/   /'
for jobs in 1 2; do
  /usr/bin/time -v "$build/bench/letters_bench" --benchmark_filter="BM_Render1000VariedLetters/$jobs/" \
    2> "$tmp/time.txt" | grep -E '^BM_'
  grep -E 'Maximum resident' "$tmp/time.txt" | sed 's/^\s*/   /'
done

echo "== one letter as a fresh command"
"$bin" render "$letter" -o "$tmp/warm.pdf"   # warm the page cache
if command -v hyperfine >/dev/null; then
  hyperfine -w 3 -r 30 "$bin render $letter -o $tmp/one.pdf"
else
  runs=30; start=$(date +%s%N)
  for _ in $(seq $runs); do "$bin" render "$letter" -o "$tmp/one.pdf"; done
  end=$(date +%s%N)
  echo "   mean $(( (end - start) / runs / 1000000 )) ms over $runs runs"
fi
/usr/bin/time -v "$bin" render "$letter" -o "$tmp/one.pdf" 2> "$tmp/time1.txt"
grep -E 'Maximum resident' "$tmp/time1.txt" | sed 's/^\s*/   /'
echo "   PDF size: $(stat -c %s "$tmp/one.pdf") bytes"

if [ "$compare" = 1 ]; then
  echo "== comparisons (same letter as HTML/ODT-free text)"
  sudo_cmd=""; [ "$(id -u)" != 0 ] && sudo_cmd=sudo
  $sudo_cmd apt-get install -y libreoffice-writer-nogui weasyprint >/dev/null
  python3 - "$letter" > "$tmp/letter.html" <<'PY'
import json, sys, html
l = json.load(open(sys.argv[1], encoding="utf-8"))
parts = [l["ref"], l["office"]["name"], *l["office"]["address"], l["subject"], l["to"], *l["body"], l.get("closing", "ขอแสดงความนับถือ"), l["signer"]["name"]]
print('<html><head><meta charset="utf-8"><style>@page{size:A4;margin:2.5cm 2cm 2cm 3cm}body{font:16pt Laksaman}</style></head><body>')
for p in parts: print("<p>" + html.escape(p) + "</p>")
print("</body></html>")
PY
  start=$(date +%s%N); weasyprint "$tmp/letter.html" "$tmp/w.pdf"; end=$(date +%s%N)
  echo "   WeasyPrint fresh: $(( (end - start) / 1000000 )) ms, $(stat -c %s "$tmp/w.pdf") bytes"
  /usr/bin/python3 - "$tmp/letter.html" <<'PY'
import sys, time, weasyprint
html = open(sys.argv[1], encoding="utf-8").read()
weasyprint.HTML(string=html).write_pdf()  # warm: fonts and styles loaded
n = 20
t = time.perf_counter()
for _ in range(n):
    weasyprint.HTML(string=html).write_pdf()
print(f"   WeasyPrint warm: {(time.perf_counter() - t) / n * 1000:.0f} ms a letter in one process")
PY
  start=$(date +%s%N); soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/letter.html" >/dev/null; end=$(date +%s%N)
  echo "   LibreOffice fresh: $(( (end - start) / 1000000 )) ms, $(stat -c %s "$tmp/letter.pdf") bytes"
fi
