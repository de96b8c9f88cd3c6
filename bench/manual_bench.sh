#!/usr/bin/env bash
# Work-manual figures: the 30-page sample (samples/manuals/policy-plan.md) and a 300-page
# manual made from it, as fresh commands and warm in one process, with peak memory and size;
# --compare also renders the same content (Markdown → HTML by cmark-gfm) with Chromium and
# LibreOffice in the same run, installing what is missing. Peers draw no flowcharts (the flow
# blocks reach them as preformatted text) and make no cover or contents.
#   bash bench/manual_bench.sh [--compare]
set -euo pipefail
cd "$(dirname "$0")/.."
compare=0
[ "${1:-}" = "--compare" ] && compare=1
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target saraban manual_bench >/dev/null
bin=build/release/src/cli/saraban
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1795258800
# Two manuals from the sample (whose logo path is made absolute): about 30 pages (the sample
# cut at the chapter or task heading nearest 58 % of its lines) and about 300 (its body six
# times, every heading made unique so the contents stay right).
sed "s|^logo: \\(.*\\)|logo: $PWD/samples/manuals/\\1|" samples/manuals/policy-plan.md > "$work/sample.md"
/usr/bin/python3 - "$work/sample.md" "$work/m30.md" "$work/m300.md" <<'PY'
import re, sys
md = open(sys.argv[1], encoding="utf-8").read()
_, front, body = md.split("---\n", 2)
head = "---\n" + front + "---\n"
lines = body.split("\n")
cuts = [i for i, l in enumerate(lines) if re.match(r"^#{1,2} ", l)]
cut = min(cuts, key=lambda i: abs(i - 0.58 * len(lines)))
open(sys.argv[2], "w", encoding="utf-8").write(head + "\n".join(lines[:cut]) + "\n")
out = [head]
for k in range(1, 7):
    part = body if k == 1 else re.sub(r"^# คำนำ\n.*?(?=^# )", "", body, flags=re.S | re.M)
    if k > 1:
        part = re.sub(r"^(#{1,3} .*)$", lambda m: m.group(1) + " ชุดที่ " + "๐๑๒๓๔๕๖๗๘๙"[k], part, flags=re.M)
    out.append(part + "\n")
open(sys.argv[3], "w", encoding="utf-8").write("".join(out))
PY

pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
peak_kb() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
# Mean wall time of a command over $1 runs, in ms.
mean_ms() {
  local runs=$1; shift
  local start end
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1; done
  end=$(date +%s%N)
  echo $(( (end - start) / runs / 1000000 ))
}

for n in 30 300; do
  "$bin" manual "$work/m$n.md" -o "$work/s$n.pdf"   # warm the page cache
  runs=$([ "$n" = 30 ] && echo 20 || echo 5)
  echo "== saraban manual, $n-page manual, fresh command"
  echo "pages: $(pages "$work/s$n.pdf")  mean: $(mean_ms "$runs" "$bin" manual "$work/m$n.md" -o "$work/s$n.pdf") ms over $runs runs" \
       " peak RSS: $(peak_kb "$bin" manual "$work/m$n.md" -o "$work/s$n.pdf") KB  size: $(stat -c %s "$work/s$n.pdf") B"
done
echo "== saraban, warm in one process (Google Benchmark)"
build/release/bench/manual_bench "$work/m30.md" "$work/m300.md" 2>/dev/null | grep -E "BM_|Benchmark"

if [ $compare -eq 1 ]; then
  need=()
  command -v cmark-gfm >/dev/null || need+=(cmark-gfm)
  command -v chromium >/dev/null || need+=(chromium)
  command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
  [ ${#need[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null
  css='@page{size:A4;margin:2.5cm 2cm 2cm 3cm}body{font-family:Laksaman;font-size:16pt;text-align:justify}
       table{border-collapse:collapse;width:100%;font-size:14pt}td,th{border:0.6pt solid #000;padding:2pt 6pt;vertical-align:top}
       h1{text-align:center;font-size:20pt;break-before:page}pre{font-family:Laksaman;font-size:13pt}'
  for n in 30 300; do
    { echo "<!doctype html><html lang=th><meta charset=utf-8><style>$css</style><body>"
      awk 'c >= 2 { print; next } /^---$/ { c++ }' "$work/m$n.md" | cmark-gfm --extension table
      echo "</body></html>"; } > "$work/h$n.html"
    runs=$([ "$n" = 30 ] && echo 5 || echo 2)
    echo "== Chromium (headless --print-to-pdf), $n-page content, fresh"
    chrome=(chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$work/c$n.pdf" "file://$work/h$n.html")
    ms=$(mean_ms "$runs" "${chrome[@]}")
    echo "pages: $(pages "$work/c$n.pdf")  mean: $ms ms over $runs runs  peak RSS (browser process): $(peak_kb "${chrome[@]}") KB  size: $(stat -c %s "$work/c$n.pdf") B"
    echo "== LibreOffice (soffice --convert-to pdf), $n-page content, fresh"
    office=(soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf --outdir "$work/lo" "$work/h$n.html")
    ms=$(mean_ms "$runs" "${office[@]}")
    echo "pages: $(pages "$work/lo/h$n.pdf")  mean: $ms ms over $runs runs  peak RSS: $(peak_kb "${office[@]}") KB  size: $(stat -c %s "$work/lo/h$n.pdf") B"
  done
fi
