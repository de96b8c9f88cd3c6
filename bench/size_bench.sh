#!/usr/bin/env bash
# PDF size and fresh-command time, side by side with the tools an office would use instead, in
# one run: a 31-page Thai manual text through `saraban typeset` and one external letter.
#   bash bench/size_bench.sh [--compare] [--before OLD_SARABAN] [BUILD_DIR]
# --compare also runs WeasyPrint and LibreOffice (installed if missing) and Chromium's
# print-to-PDF (when present); --before runs an older saraban binary beside this one.
set -euo pipefail
cd "$(dirname "$0")/.."
compare=0; before=""
while [ $# -gt 0 ]; do
  case "$1" in
    --compare) compare=1; shift ;;
    --before) before="$2"; shift 2 ;;
    *) break ;;
  esac
done
build="${1:-build/release}"
if [ ! -x "$build/src/cli/saraban" ] || [ ! -x "$build/bench/letters_bench" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j2 --target saraban letters_bench >/dev/null
fi
bin="$build/src/cli/saraban"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1795258800
letter=samples/letters/external.json

# 31 pages: the manual sample 15 times and the first 14 lines of it once more, every line
# numbered so that no paragraph repeats.
{ for i in $(seq 1 15); do awk -v c="$i" 'NF { print $0 " (ชุด " c "." NR ")"; next } { print }' samples/texts/manual.txt; echo; done
  head -n 14 samples/texts/manual.txt; } > "$tmp/manual.txt"

kb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
# Mean wall time of a fresh command over $runs runs, in ms (after one warm-up run).
runs=10
fresh_ms() {
  "$@" >/dev/null 2>&1
  local start end
  start=$(date +%s%N)
  for _ in $(seq $runs); do "$@" >/dev/null 2>&1; done
  end=$(date +%s%N)
  awk -v n="$(( end - start ))" -v r=$runs 'BEGIN { printf "%.1f ms", n / r / 1e6 }'
}
row() { printf '%-22s %-32s %6s pages  %10s  %s\n' "$1" "$2" "$3" "$4" "$5"; }

echo "== 31-page Thai manual text (tool, what, pages, size, fresh time over $runs runs)"
for b in ${before:+"$before"} "$bin"; do
  label=saraban; [ "$b" = "$before" ] && label="saraban (before)"
  "$b" typeset "$tmp/manual.txt" -o "$tmp/s.pdf" --align justify
  row "$label" "typeset, justify" "$(pages "$tmp/s.pdf")" "$(kb "$tmp/s.pdf")" "$(fresh_ms "$b" typeset "$tmp/manual.txt" -o "$tmp/s.pdf" --align justify)"
  "$b" typeset "$tmp/manual.txt" -o "$tmp/d.pdf" --align thai-distributed
  row "$label" "typeset, thai-distributed (default)" "$(pages "$tmp/d.pdf")" "$(kb "$tmp/d.pdf")" "$(fresh_ms "$b" typeset "$tmp/manual.txt" -o "$tmp/d.pdf" --align thai-distributed)"
done

if [ $compare -eq 1 ]; then
  if ! command -v weasyprint >/dev/null || ! command -v soffice >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q weasyprint libreoffice-writer-nogui >/dev/null
  fi
  python3 - "$tmp/manual.txt" "$tmp/manual.html" <<'PY'
import html, sys
paras = [p.strip() for p in open(sys.argv[1], encoding="utf-8").read().split("\n\n") if p.strip()]
body = "".join("<p>%s</p>" % html.escape(p) for p in paras)
open(sys.argv[2], "w", encoding="utf-8").write(
    "<html lang=th><meta charset=utf-8><style>@page{size:A4;margin:2.5cm 2cm 2cm 3cm}"
    "body{font-family:Laksaman;font-size:16pt;text-align:justify}p{text-indent:2.5cm;margin:0 0 6pt}</style>" + body)
PY
  weasyprint "$tmp/manual.html" "$tmp/w.pdf" 2>/dev/null
  row WeasyPrint "HTML, same text" "$(pages "$tmp/w.pdf")" "$(kb "$tmp/w.pdf")" "$(fresh_ms weasyprint "$tmp/manual.html" "$tmp/w.pdf")"
  mkdir -p "$tmp/lo"
  soffice --headless --convert-to pdf --outdir "$tmp/lo" "$tmp/manual.txt" >/dev/null 2>&1
  row LibreOffice "plain text, same text" "$(pages "$tmp/lo/manual.pdf")" "$(kb "$tmp/lo/manual.pdf")" \
    "$(runs=3; fresh_ms soffice --headless --convert-to pdf --outdir "$tmp/lo" "$tmp/manual.txt")"
  if command -v chromium >/dev/null; then
    chrome() { chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$tmp/c.pdf" "file://$1"; }
    chrome "$tmp/manual.html" >/dev/null 2>&1
    row Chromium "print-to-pdf, same HTML" "$(pages "$tmp/c.pdf")" "$(kb "$tmp/c.pdf")" "$(runs=3; fresh_ms chrome "$tmp/manual.html")"
  fi
fi

echo "== one external letter ($letter)"
for b in ${before:+"$before"} "$bin"; do
  label=saraban; [ "$b" = "$before" ] && label="saraban (before)"
  "$b" render "$letter" -o "$tmp/l.pdf"
  row "$label" "render" "$(pages "$tmp/l.pdf")" "$(kb "$tmp/l.pdf")" "$(fresh_ms "$b" render "$letter" -o "$tmp/l.pdf")"
done
# What the letter holds, read back from the file.
qpdf --qdf --object-streams=disable "$tmp/l.pdf" "$tmp/lq.pdf"
holds=()
grep -aq '/Subtype /Image' "$tmp/lq.pdf" && holds+=("emblem image")
grep -aq '/FT /Sig' "$tmp/lq.pdf" && holds+=("signature field")
grep -aq '/OutputIntents' "$tmp/lq.pdf" && holds+=("PDF/A output intent + ICC profile")
grep -aq 'pdfaid:part' "$tmp/lq.pdf" && holds+=("XMP metadata with PDF/A id")
grep -aq '/StructTreeRoot' "$tmp/lq.pdf" && holds+=("structure tree")
echo "   the letter holds: $(IFS=,; echo "${holds[*]}") ; fonts: $(pdffonts "$tmp/l.pdf" | tail -n +3 | awk '{print $1}' | tr '\n' ' ')"
if [ $compare -eq 1 ]; then
  python3 - "$letter" > "$tmp/letter.html" <<'PY'
import json, sys, html
l = json.load(open(sys.argv[1], encoding="utf-8"))
parts = [l["ref"], l["office"]["name"], *l["office"]["address"], l["subject"], l["to"], *l["body"], l.get("closing", "ขอแสดงความนับถือ"), l["signer"]["name"]]
print('<html><head><meta charset="utf-8"><style>@page{size:A4;margin:2.5cm 2cm 2cm 3cm}body{font:16pt Laksaman}</style></head><body>')
for p in parts: print("<p>" + html.escape(p) + "</p>")
print("</body></html>")
PY
  weasyprint "$tmp/letter.html" "$tmp/wl.pdf" 2>/dev/null
  row WeasyPrint "same letter's text as HTML" "$(pages "$tmp/wl.pdf")" "$(kb "$tmp/wl.pdf")" "$(fresh_ms weasyprint "$tmp/letter.html" "$tmp/wl.pdf")"
  if command -v chromium >/dev/null; then
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$tmp/cl.pdf" "file://$tmp/letter.html" >/dev/null 2>&1
    row Chromium "same letter's text as HTML" "$(pages "$tmp/cl.pdf")" "$(kb "$tmp/cl.pdf")" ""
  fi
fi

echo "== letters in one process, one thread (Google Benchmark)"
"$build/bench/letters_bench" --benchmark_filter='BM_RenderExternal|BM_Render1000VariedLetters/1/' 2>/dev/null | grep -E '^BM_'
