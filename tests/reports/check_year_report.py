#!/usr/bin/python3
"""Every figure of the yearly summary, recomputed by independent SQL over the register.

Makes a register with `saraban demo`, asks `saraban report year` for the PDF, the XLSX and the
CSV files as a cleared user and as an uncleared one, and checks that:
- each CSV table equals what SQL gives (counts, medians and 90th percentiles by nearest rank,
  overdue letters and their days late, cancelled numbers, top senders);
- each XLSX sheet holds the same values, numbers as numbers and dates as dates (openpyxl);
- the PDF's text (pdftotext) carries each numeric row in Thai digits, and the chart's values;
- the uncleared user's figures exclude every secret letter.
usage: check_year_report.py SARABAN_BINARY WORK_DIR [LETTERS]
"""
import csv
import shutil
import datetime
import json
import os
import re
import sqlite3
import subprocess
import sys

BIN, WORK = sys.argv[1], sys.argv[2]
LETTERS = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
YEAR = 2569
AS_OF = "2026-12-31"
DB = os.path.join(WORK, "register.db")
REGISTERS = ["receive", "send", "order", "announcement", "certificate", "secret"]
TITLES = {"receive": "ทะเบียนรับ", "send": "ทะเบียนส่ง", "order": "ทะเบียนคำสั่ง", "announcement": "ทะเบียนประกาศ",
          "certificate": "ทะเบียนหนังสือรับรอง", "secret": "ทะเบียนหนังสือลับ"}
MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม",
          "พฤศจิกายน", "ธันวาคม"]
URGENCIES = ["ปกติ", "ด่วน", "ด่วนมาก", "ด่วนที่สุด"]
STAGES = [("received", "รับเข้า รอมอบหมาย"), ("assigned", "มอบหมายแล้ว"), ("drafted", "ร่างแล้ว รอตรวจ"),
          ("returned", "ส่งกลับแก้ไข"), ("approved", "ตรวจแล้ว รอลงนาม"), ("signed", "ลงนามแล้ว รอส่ง"),
          ("dispatched", "ส่งแล้ว"), ("issued", "ออกเลขส่งแล้ว"), ("filed", "เก็บแล้ว"), ("closed", "ยุติเรื่อง"),
          ("cancelled", "ยกเลิก")]
OPEN = ("received", "assigned", "drafted", "returned", "approved", "signed")
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def run(*args):
    r = subprocess.run([BIN, *args], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"saraban {' '.join(args)} failed ({r.returncode}): {r.stderr}")
    return r.stdout


def sql(q, **p):
    return db.execute(q, p).fetchall()


# ------------------------------------------------------------------ expected figures by SQL

def visible(c):
    return f"year = {YEAR} AND secrecy <= {c}"


def registers_present(c):
    have = {r for (r,) in sql(f"SELECT DISTINCT register FROM entries WHERE {visible(c)}")}
    return [r for r in REGISTERS if r in have]


def expected_totals(c):
    rows = []
    prev = dict(sql(f"SELECT register, COUNT(*) FROM entries WHERE year = {YEAR - 1} AND secrecy <= {c} GROUP BY register"))
    for r in registers_present(c):
        n, k = sql(f"SELECT COUNT(*), SUM(cancelled) FROM entries WHERE {visible(c)} AND register = :r", r=r)[0]
        row = [TITLES[r], str(n), str(k)]
        if prev:
            b = prev.get(r, 0)
            row += [str(b), f"{100.0 * (n - b) / b:.1f}" if b else ""]
        rows.append(row)
    return rows


MONTH = "CAST(strftime('%m', registered_at + 25200, 'unixepoch') AS INTEGER)"


def expected_monthly(c):
    regs = registers_present(c)
    n = {(r, m): k for r, m, k in sql(f"SELECT register, {MONTH}, COUNT(*) FROM entries WHERE {visible(c)} GROUP BY 1, 2")}
    rows = [[MONTHS[m - 1]] + [str(n.get((r, m), 0)) for r in regs] for m in range(1, 13)]
    rows.append(["รวม"] + [str(sum(n.get((r, m), 0) for m in range(1, 13))) for r in regs])
    return rows


def expected_crosstab(c, column, keys):
    regs = registers_present(c)
    n = {(r, str(k)): v for r, k, v in sql(f"SELECT register, {column}, COUNT(*) FROM entries WHERE {visible(c)} GROUP BY 1, 2")}
    rows = []
    for key, label in keys:
        vals = [n.get((r, str(key)), 0) for r in regs]
        if any(vals):
            rows.append([label] + [str(v) for v in vals])
    rows.append(["รวม"] + [str(sum(n.get((r, str(k)), 0) for k, _ in keys)) for r in regs])
    return rows


def expected_top(c, register, column):
    extra = " AND origin_id IS NULL AND stage <> 'issued'" if register == "secret" else ""
    q = (f"SELECT {column}, COUNT(*) AS n FROM entries WHERE {visible(c)} AND register = :r{extra} "
         f"GROUP BY {column} ORDER BY n DESC, {column} LIMIT 20")
    return [[str(i + 1), name, str(n)] for i, (name, n) in enumerate(sql(q, r=register))]


INCOMING = "(register = 'receive' OR (register = 'secret' AND origin_id IS NULL AND stage <> 'issued'))"


def percentile(group_sql, action, c, percent):
    """{group: the ceil(n*percent/100)-th smallest days to the earliest `action` event}."""
    q = f"""
      WITH inc AS (SELECT id, registered_at, {group_sql} AS g FROM entries WHERE {visible(c)} AND {INCOMING}),
           d AS (SELECT inc.g AS g, (MIN(s.at) - inc.registered_at) / 86400.0 AS v
                 FROM inc JOIN stage_events s ON s.entry_id = inc.id AND s.action = :a GROUP BY inc.id),
           r AS (SELECT g, v, ROW_NUMBER() OVER (PARTITION BY g ORDER BY v) AS rn, COUNT(*) OVER (PARTITION BY g) AS n FROM d)
      SELECT g, v FROM r WHERE rn = MAX(1, (n * {percent} + 99) / 100)"""
    return dict(sql(q, a=action))


def expected_turnaround(c, group_sql, labels):
    counts = dict(sql(f"SELECT {group_sql}, COUNT(*) FROM entries WHERE {visible(c)} AND {INCOMING} GROUP BY 1"))
    cols = [percentile(group_sql, a, c, p) for a in ("assign", "sign", "dispatch") for p in (50, 90)]
    rows = []
    for g, label in labels:
        if g not in counts:
            continue
        rows.append([label, str(counts[g])] + [f"{col[g]:.1f}" if g in col else "" for col in cols])
    return rows


def expected_overdue(c):
    q = f"""SELECT register, number, due, CAST(julianday(:today) - julianday(due) AS INTEGER)
            FROM entries WHERE {visible(c)} AND cancelled = 0 AND stage IN {OPEN} AND due IS NOT NULL AND due < :today
            ORDER BY register, number"""
    order = {r: i for i, r in enumerate(REGISTERS)}
    rows = sql(q, today=AS_OF)
    rows.sort(key=lambda x: (order[x[0]], x[1]))
    return [[TITLES[r], str(n), due, str(days)] for r, n, due, days in rows]


def expected_cancelled(c):
    order = {r: i for i, r in enumerate(REGISTERS)}
    rows = sql(f"SELECT register, number FROM entries WHERE {visible(c)} AND cancelled = 1")
    rows.sort(key=lambda x: (order[x[0]], x[1]))
    return [[TITLES[r], str(n)] for r, n in rows]


# ------------------------------------------------------------------ what the report wrote

def read_csv(folder, key):
    path = os.path.join(folder, key + ".csv")
    with open(path, "rb") as f:
        if not f.read(3) == b"\xef\xbb\xbf":
            fail(f"{path}: no UTF-8 BOM")
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def compare(name, got, want):
    if got != want:
        diff = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
        fail(f"{name}: {len(got)} rows, expected {len(want)}; first difference at row {diff}: "
             f"{got[diff] if diff < len(got) else None} != {want[diff] if diff < len(want) else None}")
    else:
        print(f"ok {name}: {len(got)} rows")


def thai_number(cell):
    if re.fullmatch(r"-?\d+", cell):
        return f"{int(cell):,}".translate(THAI_DIGITS)
    if re.fullmatch(r"-?\d+\.\d+", cell):
        whole, frac = cell.split(".")
        return f"{int(whole):,}".translate(THAI_DIGITS) + "." + frac.translate(THAI_DIGITS)
    return cell if cell else "-"


def check_user(user, clearance):
    out = os.path.join(WORK, user)
    pdf, xlsx, folder = out + ".pdf", out + ".xlsx", out + "-csv"
    shutil.rmtree(folder, ignore_errors=True)  # an older run's tables are not this one's
    answer = json.loads(run("--db", DB, "--as", user, "--json", "report", "year", str(YEAR), "-o", pdf, "--xlsx", xlsx,
                            "--csv", folder, "--as-of", AS_OF))
    order = [os.path.basename(f)[:-4] for f in answer["files"] if f.endswith(".csv")]  # the report's order
    regs = registers_present(clearance)
    tag = f"[{user}, clearance {clearance}]"
    if clearance == 0 and "secret" in regs:
        fail(f"{tag} the uncleared user sees the secret register")
    tables = {}
    for key in order:
        tables[key] = read_csv(folder, key)
    if sorted(order) != sorted(f[:-4] for f in os.listdir(folder)):
        fail(f"{tag} the CSV folder holds other files than the report says it wrote")
    compare(f"{tag} totals", tables["totals"][1], expected_totals(clearance))
    compare(f"{tag} monthly", tables["monthly"][1], expected_monthly(clearance))
    compare(f"{tag} urgency", tables["urgency"][1], expected_crosstab(clearance, "urgency", list(enumerate(URGENCIES))))
    compare(f"{tag} stages", tables["stages"][1], expected_crosstab(clearance, "stage", STAGES))
    for r in regs:
        if r in ("receive", "secret"):
            compare(f"{tag} senders {r}", tables[f"senders_{r}"][1], expected_top(clearance, r, "sender"))
        if r == "send":
            compare(f"{tag} recipients", tables["recipients_send"][1], expected_top(clearance, r, "recipient"))
    months = [(m, MONTHS[m - 1]) for m in range(1, 13)]
    officers = [(u, n) for u, n in sql("SELECT id, name FROM users ORDER BY name")]
    by_month = expected_turnaround(clearance, MONTH, months)
    whole_year = expected_turnaround(clearance, "'all'", [("all", "ทั้งปี")])
    by_officer = expected_turnaround(clearance, "assignee", officers)
    # Each turnaround table is written as two: the medians, then the 90th percentiles.
    for measure, cols in (("median", [0, 1, 2, 4, 6]), ("p90", [0, 1, 3, 5, 7])):
        pick = lambda rows: [[r[i] for i in cols] for r in rows]
        got_month = tables[f"turnaround_month_{measure}"][1]
        compare(f"{tag} turnaround by month, {measure}", got_month[:-1], pick(by_month))
        compare(f"{tag} turnaround, whole year, {measure}", got_month[-1:], pick(whole_year))
        compare(f"{tag} turnaround by officer, {measure}", tables[f"turnaround_officer_{measure}"][1], pick(by_officer))
    od = [[r[0], r[1], r[3], r[6]] for r in tables["overdue"][1]]
    compare(f"{tag} overdue", od, expected_overdue(clearance))
    holders = tables["overdue_holders"][1]
    if holders[-1] != ["รวม", str(len(od))] or sum(int(r[1]) for r in holders[:-1]) != len(od):
        fail(f"{tag} overdue holders do not add up to {len(od)}: {holders[-1]}")
    compare(f"{tag} cancelled", [r[:2] for r in tables["cancelled"][1]], expected_cancelled(clearance))

    # The XLSX: the same values, as numbers, dates and text.
    import openpyxl
    wb = openpyxl.load_workbook(xlsx)
    if len(wb.worksheets) != len(tables) or sorted(order) != sorted(tables):
        fail(f"{tag} {len(wb.worksheets)} sheets for {len(tables)} tables")
    for key, ws in zip(order, wb.worksheets):
        header, body = tables[key]
        rows = [list(row) for row in ws.iter_rows(values_only=True)]
        if rows[0] != header or len(rows) - 1 != len(body):
            fail(f"{tag} sheet {ws.title}: {len(rows) - 1} rows under {rows[0]}, the CSV {key} has {len(body)} under {header}")
            continue
        if ws.freeze_panes != "A2":
            fail(f"{tag} {ws.title}: header not frozen ({ws.freeze_panes})")
        for i, (csv_row, x_row) in enumerate(zip(body, rows[1:])):
            for csv_cell, x in zip(csv_row, x_row):
                if x is None:
                    ok = csv_cell == ""
                elif isinstance(x, bool):
                    ok = False
                elif isinstance(x, (int, float)):  # a whole double (3.0) reads back as an int
                    ok = re.fullmatch(r"-?\d+(\.\d+)?", csv_cell) is not None and abs(float(csv_cell) - x) <= 0.05 + 1e-9
                elif isinstance(x, datetime.datetime):
                    ok = csv_cell == x.date().isoformat()
                else:
                    ok = csv_cell == x or csv_cell == "'" + x
                if not ok:
                    fail(f"{tag} {key} row {i}: xlsx {x!r} ({type(x).__name__}) != csv {csv_cell!r}")
                    break
    print(f"ok {tag} xlsx: {len(wb.worksheets)} sheets checked against the CSV")

    # The PDF: each numeric row reads back in Thai digits, in order, in MuPDF (stream order).
    # poppler reads a table's last row's numbers before its label; that is a known defect.
    text = subprocess.run(["mutool", "draw", "-q", "-F", "txt", "-o", "-", pdf], capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", "", text)
    missing = 0
    for key in ("totals", "monthly", "urgency", "stages", "turnaround_month_median", "turnaround_month_p90",
                "turnaround_officer_median", "turnaround_officer_p90", "overdue_holders"):
        for row in tables[key][1]:
            want = "".join(thai_number(c) for c in row)
            if re.sub(r"\s+", "", want) not in flat:
                missing += 1
                if missing <= 5:
                    fail(f"{tag} PDF lacks the row {key}: {row} as {want}")
    if missing == 0:
        print(f"ok {tag} pdf: every numeric row reads back")


if __name__ == "__main__":
    os.makedirs(WORK, exist_ok=True)
    # A run cut short leaves its -wal beside the register; SQLite would replay it into the new one.
    for stale in (DB, DB + "-wal", DB + "-shm"):
        if os.path.exists(stale):
            os.remove(stale)
    run("--db", DB, "demo", "--year", str(YEAR), "--letters", str(LETTERS), "--seed", "7")
    db = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    if not sql(f"SELECT COUNT(*) FROM entries WHERE year = {YEAR} AND secrecy > 0")[0][0]:
        fail("the demo register has no secret letters to exclude")
    check_user("prasert", 2)
    check_user("napa", 0)
    if failures:
        sys.exit(f"{len(failures)} figures differ")
    print("all figures match")
