#!/usr/bin/env bash
# saraban migrate: a demo office's SQLite register (with secret letters, attachments, hand-made
# steps) moved into a fresh PostgreSQL database is the same register: the same audit chain row
# for row, list and search alike for every clearance, the same attachment bytes, verify passes,
# the next receive is max+1. Bad inputs (a used database, a missing file, not a register, a
# tampered chain, a failure late in the copy) are refused and leave nothing written.
# Needs SARABAN_TEST_PG (a maintenance database's connection string); skipped without (77).
set -euo pipefail
saraban=$1
[ -n "${SARABAN_TEST_PG:-}" ] || { echo "SARABAN_TEST_PG not set: no PostgreSQL server for this run"; exit 77; }
base=${SARABAN_TEST_PG%/*}
name=mig_$$_$RANDOM
work=$(mktemp -d)
dbs=()
cleanup() {
  for d in "${dbs[@]}"; do psql "$SARABAN_TEST_PG" -qc "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
newdb() { psql "$SARABAN_TEST_PG" -qc "CREATE DATABASE $1 TEMPLATE template0 ENCODING 'UTF8'"; dbs+=("$1"); echo "$base/$1"; }
export SARABAN_KEY_DIR=$work/keys
cd "$work"
src=$work/registry.db
sq() { sqlite3 "$src" "$@"; }
pg() { psql "$1" -Atc "$2"; }

# ---- a register worth moving
"$saraban" --db "$src" demo --year 2569 --letters 200 >/dev/null
printf 'เรื่อง ขอเชิญประชุมคณะกรรมการงบประมาณ\n\nเรียน ผู้อำนวยการ\n' >letter.txt
"$saraban" typeset letter.txt -o letter.pdf >/dev/null
: >empty.pdf
head -c 3000 /dev/urandom >junk.pdf
r() { "$saraban" --db "$src" --as "$1" receive "${@:2}" | sed -n 's/^[a-z]* \([0-9]*\/[0-9]*\) (address \([^,]*\),.*/\2/p'; }
with_pdf=$(r somsri --from "สพฐ." --subject "ขอเชิญประชุมผู้บริหาร" --file letter.pdf)
with_empty=$(r somsri --from "อบต." --subject "แจ้งกำหนดการประชุม" --file empty.pdf)
with_junk=$(r somsri --from "เทศบาล" --subject "ส่งเอกสารประกอบ" --file junk.pdf)
# Text whose bytes the two engines might treat differently: 4-byte UTF-8, quotes, a backslash.
odd=$(r somsri --from "ร้าน \"ดี\" 'เยี่ยม'" --subject "ประชุม 📎 ค่าใช้จ่าย C:\\งาน\\ปี" --ref "ศธ ๐๔/๒๕๖๙")
secret=$(r kanya --from "กองทัพภาค" --subject "แผนงบประมาณลับ" --secrecy ลับมาก --file letter.pdf)
"$saraban" --db "$src" --as wichai assign "$with_pdf" --to napa --note "ดำเนินการ" >/dev/null
"$saraban" --db "$src" --as wichai close "$with_empty" --note "ทราบ" >/dev/null
"$saraban" --db "$src" --as somsri file "$with_empty" >/dev/null
[ "$(sq "SELECT count(*) FROM entries WHERE secrecy > 0")" -gt 0 ] || fail "no secret entries to move"
[ "$(sq "SELECT count(*) FROM attachment_blob_bases")" -gt 0 ] || fail "no stamped copy stored as a suffix"
echo "source: $(sq "SELECT count(*) FROM entries") entries, $(sq "SELECT count(*) FROM audit_log") audit rows, $(sq "SELECT count(*) FROM attachments") attachments"

expect_fail() {  # what, pattern, command...
  local what=$1 pattern=$2; shift 2
  if out=$("$@" 2>&1); then echo "$out"; fail "$what succeeded"; fi
  echo "$what: $(tail -1 <<<"$out")"
  grep -q -- "$pattern" <<<"$out" || fail "$what: message lacks '$pattern'"
}
no_tables() {  # the database holds nothing and this machine no key for it
  [ "$(pg "$1" "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace")" = 0 ] || fail "$2 left tables behind"
  ! ls "$SARABAN_KEY_DIR"/postgresql-*"${1##*/}".key >/dev/null 2>&1 || fail "$2 left a key behind"
}
source_sum=$(sha256sum <"$src")

# ---- refused before anything is written
empty=$(newdb "${name}_empty")
expect_fail "missing source" "no register here" "$saraban" --as admin migrate --from "$work/nope.db" --to "$empty"
expect_fail "source not a register" "not a Saraban register" "$saraban" --as admin migrate --from letter.txt --to "$empty"
sqlite3 other.db "CREATE TABLE invoices(id INTEGER PRIMARY KEY)"
expect_fail "another application's SQLite file" "not a Saraban register" "$saraban" --as admin migrate --from other.db --to "$empty"
cp "$src" tampered.db; cp "$src.key" tampered.db.key; cp "$src.anchor" tampered.db.anchor
sqlite3 tampered.db "UPDATE entries SET subject = 'ปลอม' WHERE id = (SELECT min(id) FROM entries)"
expect_fail "tampered source" "does not verify" "$saraban" --as admin migrate --from tampered.db --to "$empty"
expect_fail "a clerk" "needs an admin" "$saraban" --as somsri migrate --from "$src" --to "$empty"
expect_fail "not a PostgreSQL target" "PostgreSQL connection string" "$saraban" --as admin migrate --from "$src" --to other.db
no_tables "$empty" "the refusals"
# A failure at the very end (the key cannot be written): the whole copy is rolled back.
expect_fail "key folder unusable" "" env SARABAN_KEY_DIR="$work/letter.txt" "$saraban" --as admin migrate --from "$src" --to "$empty"
no_tables "$empty" "a failed copy"
foreign=$(newdb "${name}_foreign")
pg "$foreign" "CREATE TABLE invoices(id int)" >/dev/null
expect_fail "target holds another application" "another application" "$saraban" --as admin migrate --from "$src" --to "$foreign"

# ---- the move
db=$(newdb "$name")
"$saraban" --json --as admin migrate --from "$src" --to "$db" >migrate.json
[ "$(sha256sum <"$src")" = "$source_sum" ] || fail "the source register changed"
jq -e '.verified.ok and .source.head_hash == .target.head_hash and .source.entries == .target.entries
       and .source.audit_rows == .target.audit_rows and .source.attachments == .target.attachments' migrate.json >/dev/null ||
  { cat migrate.json; fail "migrate's report"; }
echo "migrated: $(jq -c '.target' migrate.json)"
# The same chain, row for row (every hash), and the same rows.
[ "$(sq "SELECT seq || ' ' || hash FROM audit_log ORDER BY seq" | sha256sum)" = \
  "$(pg "$db" "SELECT seq || ' ' || hash FROM audit_log ORDER BY seq" | sha256sum)" ] || fail "audit chains differ"
[ "$(sq "SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1")" = "$(jq -r .target.head_hash migrate.json)" ] || fail "head hash"
numbers="SELECT register || ' ' || year || ' ' || count(*) || ' ' || max(number) FROM entries GROUP BY register, year ORDER BY 1"
[ "$(sq "$numbers")" = "$(pg "$db" "$numbers")" ] || fail "numbers differ"
[ "$(sq "SELECT hex(bytes) FROM attachment_blobs ORDER BY id" | sha256sum)" = \
  "$(pg "$db" "SELECT upper(encode(bytes, 'hex')) FROM attachment_blobs ORDER BY id" | sha256sum)" ] || fail "attachment bytes differ"
"$saraban" --db "$db" --as suchart verify
expect_fail "migrate twice" "already moved" "$saraban" --as admin migrate --from "$src" --to "$db"
expect_fail "migrate again elsewhere" "already moved" "$saraban" --as admin migrate --from "$src" --to "$empty"
# The SQLite register now refuses writes (a clerk who kept using it would split the register)
# and still reads; its file is as it was.
expect_fail "receive on the moved register" "was moved to" "$saraban" --db "$src" --as somsri receive --from "สพฐ." --subject "หลังย้าย"
"$saraban" --db "$src" --as admin list --limit 1 >/dev/null || fail "the moved register no longer reads"
[ "$(sha256sum <"$src")" = "$source_sum" ] || fail "the source register changed after the move"
[ "$(head -1 "$src.moved")" = "$db" ] || fail "the .moved file does not name the new register"
[ "$(pg "$db" "SELECT count(*) FROM audit_log")" = "$(jq .target.audit_rows migrate.json)" ] || fail "the second migrate changed the target"

# ---- the same register through saraban, for readers of every clearance
same() {  # what, saraban arguments...: equal output on both registers
  local what=$1; shift
  "$saraban" --json --db "$src" "$@" >a.out
  "$saraban" --json --db "$db" "$@" >b.out
  cmp -s a.out b.out || { diff a.out b.out | head -20; fail "$what differs"; }
}
for u in admin somchai kanya; do
  same "list as $u" --as "$u" list --limit 100000
  for w in งบประมาณ ประชุม โรงเรียน ลับ เยี่ยม "ค่าใช้จ่าย C"; do same "search $w as $u" --as "$u" search "$w" --limit 100000; done
done
[ "$(jq .count a.out)" -gt 0 ] || fail "the searches found nothing"
same "show $secret" --as kanya show "$secret"
same "show $odd" --as admin show "$odd"
k=0
for e in "$with_pdf" "$with_junk" "$with_empty" "$secret"; do
  k=$((k + 1))
  "$saraban" --db "$src" --as kanya attachment "$e" -o "a_$k.pdf" >/dev/null
  "$saraban" --db "$db" --as kanya attachment "$e" -o "b_$k.pdf" >/dev/null
  cmp "a_$k.pdf" "b_$k.pdf" || fail "the attachment of $e differs"
done
"$saraban" --db "$src" --as admin attachment "$with_pdf" --stamped -o a_stamped.pdf >/dev/null
"$saraban" --db "$db" --as admin attachment "$with_pdf" --stamped -o b_stamped.pdf >/dev/null
cmp a_stamped.pdf b_stamped.pdf || fail "stamped copy differs"

# ---- the PostgreSQL register carries on: next numbers, new ids, the chain extended
next=$("$saraban" --db "$db" --as somsri receive --from "สพฐ." --subject "หลังย้ายทะเบียน" --file letter.pdf)
year=$(sed -n 's/^receive \([0-9]*\)\/\([0-9]*\) .*/\1/p' <<<"$next"); number=$(sed -n 's/^receive \([0-9]*\)\/\([0-9]*\) .*/\2/p' <<<"$next")
want=$(( $(sq "SELECT COALESCE(max(number), 0) FROM entries WHERE register = 'receive' AND year = $year") + 1 ))
echo "next receive on PostgreSQL: $year/$number (SQLite's last + 1 = $want)"
[ "$number" = "$want" ] || fail "the next receive is not max+1"
"$saraban" --db "$db" --as admin user add newclerk --role clerk >/dev/null
"$saraban" --db "$db" --as suchart verify
echo "ok"
