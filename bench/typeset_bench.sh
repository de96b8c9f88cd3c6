#!/usr/bin/env bash
# Typesetting speed and memory, with the tools an office would use instead.
#   bash bench/typeset_bench.sh            Saraban only
#   bash bench/typeset_bench.sh --compare  also WeasyPrint and LibreOffice (installed if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
compare=0
[ "${1:-}" = "--compare" ] && compare=1
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target saraban typeset_bench >/dev/null
bin=build/release/src/cli/saraban
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1795258800

# 100 pages of our own Thai text (the manual sample repeated, every line numbered so that no
# paragraph repeats and the layouter's paragraph cache cannot help), and a one-page text.
for i in $(seq 1 52); do awk -v c="$i" 'NF { print $0 " (ชุด " c "." NR ")"; next } { print }' samples/texts/manual.txt; echo; done > "$work/100.txt"
cp samples/texts/letter-body.txt "$work/1.txt"

echo "== Google Benchmark (in process)"
build/release/bench/typeset_bench --benchmark_min_time=1 2>/dev/null | grep -E "BM_|Benchmark"

pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
peak_kb() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }

echo "== saraban typeset, 100-page text"
start=$(date +%s%N)
"$bin" typeset "$work/100.txt" -o "$work/100.pdf"
end=$(date +%s%N)
n=$(pages "$work/100.pdf")
ms=$(( (end - start) / 1000000 ))
echo "pages: $n  time: ${ms} ms  pages/s: $(( n * 1000 / (ms > 0 ? ms : 1) ))  peak RSS: $(peak_kb "$bin" typeset "$work/100.txt" -o "$work/100b.pdf") KB  size: $(stat -c %s "$work/100.pdf") B"

echo "== saraban typeset, one page as a fresh command (20 runs)"
start=$(date +%s%N)
for i in $(seq 1 20); do "$bin" typeset "$work/1.txt" -o "$work/1.pdf"; done
end=$(date +%s%N)
echo "mean: $(( (end - start) / 20000000 )) ms per command"

if [ $compare -eq 1 ]; then
  if ! command -v weasyprint >/dev/null || ! command -v soffice >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q weasyprint libreoffice-writer-nogui >/dev/null
  fi
  python3 - "$work/100.txt" "$work/100.html" <<'PY'
import html, sys
paras = [p.strip() for p in open(sys.argv[1], encoding="utf-8").read().split("\n\n") if p.strip()]
body = "".join("<p>%s</p>" % html.escape(p) for p in paras)
open(sys.argv[2], "w", encoding="utf-8").write(
    "<html lang=th><meta charset=utf-8><style>@page{size:A4;margin:2.5cm 2cm 2cm 3cm}"
    "body{font-family:Laksaman;font-size:16pt;text-align:justify}p{text-indent:2.5cm;margin:0 0 6pt}</style>" + body)
PY
  echo "== WeasyPrint, same 100 pages"
  start=$(date +%s%N); weasyprint "$work/100.html" "$work/w.pdf" 2>/dev/null; end=$(date +%s%N)
  echo "pages: $(pages "$work/w.pdf")  time: $(( (end - start) / 1000000 )) ms  peak RSS: $(peak_kb weasyprint "$work/100.html" "$work/w2.pdf") KB"
  echo "== LibreOffice, same 100 pages"
  start=$(date +%s%N); soffice --headless --convert-to pdf --outdir "$work/lo" "$work/100.txt" >/dev/null 2>&1; end=$(date +%s%N)
  echo "pages: $(pages "$work/lo/100.pdf")  time: $(( (end - start) / 1000000 )) ms"
fi
