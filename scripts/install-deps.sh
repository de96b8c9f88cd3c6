#!/usr/bin/env bash
# Installs the Debian 12 packages Saraban builds and runs with (as root; uses sudo otherwise).
# Only what is missing is installed, so a second run costs a dpkg query.
set -euo pipefail
packages=(
  build-essential cmake pkg-config
  ccache                   # keeps rebuilds short (used when present)
  libpodofo-dev            # PDF object model and file writing
  libqpdf-dev              # repairs damaged incoming PDFs (bad /Length, xref, header) before stamping
  libharfbuzz-dev          # shaping, and hb-subset for font subsets
  libfreetype-dev          # font loading under HarfBuzz
  libicu-dev               # NFC, grapheme and line breaking (UAX #14, Thai dictionary)
  libthai-dev libthai-data # Thai word breaking, the second dictionary
  libsqlite3-dev sqlite3   # the register (FTS5 for search)
  nlohmann-json3-dev       # JSON letters, templates and font configuration
  libssl-dev               # SHA-256 hashes, CMS signatures
  libcpp-httplib-dev       # HTTP client: `sign --tsa` posts RFC 3161 time-stamp queries
  libsodium-dev            # passwords (Argon2id) and the audit chain's key (BLAKE2b MAC)
  libpqxx-dev              # the register on PostgreSQL (one register for many machines)
  postgresql-15            # the tests start a throw-away PostgreSQL server (scripts/test.sh)
  jq                       # the PostgreSQL migrate test reads saraban's JSON reports
  curl                     # the PostgreSQL web test talks to saraban serve over HTTP
  libpng-dev libjpeg-dev   # emblem and attachment images
  libdeflate-dev           # deflates PDF streams (smaller than zlib, in less time)
  libcmark-gfm-dev         # parses manuals: CommonMark with GitHub tables
  libcmark-gfm-extensions-dev
  libxlsxwriter-dev        # the yearly reports as XLSX workbooks
  libgtest-dev libgmock-dev libbenchmark-dev  # tests and benchmarks
  fonts-tlwg-laksaman-ttf  # the default Thai font (TH Sarabun New derivative)
  fonts-dejavu-core        # fallback for characters Laksaman lacks
  poppler-utils qpdf       # pdftotext / pdffonts / pdftoppm / pdfsig / qpdf --check in the tests
  openssl                  # the tests make throw-away signing certificates
  mupdf-tools              # a second, independent text extractor in the tests
  python3 python3-fonttools  # builds the tests' PUA fixture font
  python3-fitz             # PyMuPDF: the tests' second text extractor (MuPDF)
  python3-openpyxl         # the tests open the XLSX reports as a spreadsheet user's tools do
  chromium                 # the tests look at stamped letters in Chromium's PDF viewer
  nodejs                   # runs puppeteer-core (tests/browser), which drives chromium
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Debian's nodejs comes without npm (NodeSource's includes it): Debian's npm is added only then.
command -v npm >/dev/null 2>&1 || missing+=(npm)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
else
  echo "install-deps: installing ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The browser tests' npm packages (puppeteer-core, pinned by package-lock.json), once.
browser_dir="$(cd "$(dirname "$0")/.." && pwd)/tests/browser"
if [ ! -f "$browser_dir/node_modules/puppeteer-core/package.json" ]; then
  echo "install-deps: npm ci in tests/browser"
  npm ci --prefix "$browser_dir" --no-audit --no-fund --loglevel=error
fi
