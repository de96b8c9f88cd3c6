#!/usr/bin/env bash
# The sample register's reports into out/reports/: the yearly summary (PDF, XLSX, CSV folder)
# as a cleared signer and as an uncleared officer, both register books, and the lists made
# after the year. Called by the main job from the repository root with the saraban binary as $1.
set -euo pipefail
bin="${1:?usage: 40-reports.sh SARABAN_BINARY}"
db=var/registry.db
mkdir -p out/reports
r() { "$bin" --db "$db" --as "$@"; }
r prasert report year 2569 -o out/reports/summary-2569.pdf --xlsx out/reports/summary-2569.xlsx --csv out/reports/summary-2569-csv
r napa report year 2569 -o out/reports/summary-2569-uncleared.pdf
r prasert report book --register receive --year 2569 -o out/reports/receive-book-2569.pdf --csv out/reports/receive-book-2569.csv
r prasert report book --register send --year 2569 -o out/reports/send-book-2569.pdf
r prasert report disposal --year 2570 -o out/reports/disposal-2570.pdf --csv out/reports/disposal-2570.csv
r prasert report handover --year 2589 -o out/reports/handover-2589.pdf
ls out/reports/*.pdf
