#!/usr/bin/env bash
# Renders every sample work manual (samples/manuals/*.md) into out/manuals/. Called by the main
# job from the repository root with the saraban binary as $1.
set -euo pipefail
bin="${1:?usage: 30-manuals.sh SARABAN_BINARY}"
mkdir -p out/manuals
for manual in samples/manuals/*.md; do
  [ -e "$manual" ] || continue
  name=$(basename "$manual" .md)
  "$bin" manual "$manual" -o "out/manuals/$name.pdf"
  echo "out/manuals/$name.pdf"
done
