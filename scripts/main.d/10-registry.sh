#!/usr/bin/env bash
# The main job's register: var/registry.db. A new register is filled by `demo` with a year
# (2569) of an office's correspondence, 20,000 letters made through the register's own steps
# (its office, clerks, directors, officers and signers with it); then three letters are received
# by hand and one of them taken through every stage. An existing register is only verified and
# listed, never rewritten.
set -euo pipefail
bin="$1"
db=var/registry.db
s() { "$bin" --db "$db" "$@"; }
if [ ! -f "$db" ]; then
  s demo --year 2569 --letters 20000 --seed 1
  id=$(s --as somsri --json receive --from "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน" \
        --subject "ขอเชิญประชุมชี้แจงการจัดสรรงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. ๒๕๗๐" \
        --ref "ศธ ๐๔๐๐๖/ว ๑๒๓๔" --dated 2026-11-16 --urgency ด่วน | tr -d "\n " | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
  s --as somsri receive --from "โรงเรียนบ้านสันป่าตอง" --subject "รายงานผลการสำรวจความพร้อมด้านคอมพิวเตอร์และอินเทอร์เน็ต" --dated 2026-11-18 >/dev/null
  s --as somsri receive --from "สำนักงานศึกษาธิการจังหวัดเชียงใหม่" --subject "ขอความร่วมมือสำรวจข้อมูลบุคลากร" --secrecy ลับ >/dev/null
  s --as wichai assign "$id" --to napa --due 2026-11-25 --note "ดำเนินการ"
  s --as napa draft "$id" --letter samples/letters/external.json
  s --as wichai review "$id" --approve --note "ถูกต้อง"
  s --as prasert sign "$id"
  s --as somsri dispatch "$id" --via "ระบบสารบรรณอิเล็กทรอนิกส์"
  s --as somsri file "$id" --keep-years 10
  # Passwords for the web application (README: "The web application"): NAME-2569 for each
  # sample user. A sample only: an office sets its own with `saraban user passwd NAME`.
  pw=$(mktemp)
  for u in admin somsri kanya wichai suchart prasert manee napa somchai pranee anan kittiya wanna sunisa; do
    echo "$u-2569" > "$pw"
    s --as admin user passwd "$u" --password-file "$pw" >/dev/null
  done
  rm -f "$pw"
fi
s --as admin verify
# The year's receive register is long: its last entries (the ones made by hand) and its count.
s --as admin list --register receive --year 2569 | tail -n 4
