#!/usr/bin/env bash
# The main job: install what is missing, build (release), and run Saraban on the embedded
# default: the sample texts typeset to out/, the sample register under var/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target saraban
bin=build/release/src/cli/saraban
mkdir -p out var
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
for txt in samples/texts/*.txt; do
  name=$(basename "$txt" .txt)
  "$bin" typeset "$txt" -o "out/$name.pdf"
  echo "out/$name.pdf"
done
for extra in scripts/main.d/*.sh; do
  [ -e "$extra" ] && bash "$extra" "$bin"
done
echo "main job done: PDFs in out/"
