#!/usr/bin/env bash
# Receive-stamp figures (issue 9): `saraban receive --file` on a 300-page letter and on a 38 MB
# scan, as whole commands (register write included), their peak memory and what the register
# grows by; beside `qpdf --overlay`, what an office would otherwise use to put a stamp on page 1
# (it rewrites the whole file).   usage: bench/stamp_bench.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/release}"
if [ ! -x "$build/src/cli/saraban" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j2 --target saraban
fi
bin="$(pwd)/$build/src/cli/saraban"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1790000000

# The inputs: an engine letter repeated to 300 pages, and a one-page scan of 38 MB of noise.
"$bin" render samples/letters/external.json -o "$tmp/letter.pdf" >/dev/null
pages=$(qpdf --show-npages "$tmp/letter.pdf")
args=(); for _ in $(seq $((300 / pages))); do args+=("$tmp/letter.pdf"); done
qpdf --empty --pages "${args[@]}" -- "$tmp/300.pdf"
/usr/bin/python3 -I - "$tmp/scan.pdf" <<'PY'
import os, sys, zlib
w, h = 4400, 8600  # 37.8 MB of grey noise: incompressible, like a photo scan
data = zlib.compress(os.urandom(w * h), 1)
content = b"q 595 0 0 842 0 0 cm /Scan Do Q"
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Scan 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(data)) + data + b"\nendstream"]
out = bytearray(b"%PDF-1.7\n"); offs = []
for i, o in enumerate(objs):
    offs.append(len(out)); out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
x = len(out); out += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offs)
out += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % x
open(sys.argv[1], "wb").write(out)
PY
# The peer's stamp: a box at the top right of an A4 page.
"$bin" render samples/letters/memo.json -o "$tmp/stamp-source.pdf" >/dev/null
qpdf --empty --pages "$tmp/stamp-source.pdf" 1 -- "$tmp/stamp.pdf"

db="$tmp/r.db"
"$bin" --db "$db" init >/dev/null
"$bin" --db "$db" --as admin user add somchai --role clerk >/dev/null

runs=5
mean_ms() {  # mean wall time of "$@" over $runs runs, in ms
  local start end
  start=$(date +%s%N)
  for _ in $(seq $runs); do "$@" >/dev/null; done
  end=$(date +%s%N)
  echo $(( (end - start) / runs / 1000000 ))
}
peak_mb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident/ {printf "%.0f", $6 / 1024}'; }

for input in 300 scan; do
  file="$tmp/$input.pdf"
  size=$(stat -c %s "$file")
  echo "== $input.pdf: $(qpdf --show-npages "$file") pages, $size bytes"
  receive=("$bin" --db "$db" --as somchai receive --from "bench" --subject "bench" --file "$file")
  # The first letter stores the original and its stamped copy; the same file received again
  # shares the stored original (blobs are addressed by hash) and adds only its own copy.
  before=$(stat -c %s "$db"); "${receive[@]}" >/dev/null; first=$(stat -c %s "$db")
  "${receive[@]}" >/dev/null; second=$(stat -c %s "$db")
  echo "   register grew by $((first - before)) bytes for the first letter (original + stamped copy)," \
       "$((second - first)) for the same file again"
  echo "   saraban receive --file: $(mean_ms "${receive[@]}") ms mean of $runs, peak $(peak_mb "${receive[@]}") MB"
  overlay=(qpdf --overlay "$tmp/stamp.pdf" --to=1 -- "$file" "$tmp/overlaid.pdf")
  echo "   qpdf --overlay (peer):  $(mean_ms "${overlay[@]}") ms mean of $runs, peak $(peak_mb "${overlay[@]}") MB," \
       "copy $(stat -c %s "$tmp/overlaid.pdf") bytes"
done
