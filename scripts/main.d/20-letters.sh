#!/usr/bin/env bash
# Renders every sample letter (samples/letters/*.json) into out/letters/. Called by the main
# job from the repository root with the saraban binary as $1.
set -euo pipefail
bin="${1:?usage: 20-letters.sh SARABAN_BINARY}"
mkdir -p out/letters
for letter in samples/letters/*.json; do
  name=$(basename "$letter" .json)
  office_args=()
  # Letters named *-office-profile name only what changes; the office profile fills the rest.
  case "$name" in *-office-profile) office_args=(--office samples/letters/office/cmi5.json) ;; esac
  "$bin" render "$letter" "${office_args[@]}" -o "out/letters/$name.pdf"
  echo "out/letters/$name.pdf"
done
