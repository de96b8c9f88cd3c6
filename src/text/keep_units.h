#pragma once
// Units that typing practice never splits across two lines: a reference (ที่ ศธ ๐๔๐๐๙/ว ๖๙๘๘),
// a date (๒๒ พฤศจิกายน ๒๕๖๙), an era year (พ.ศ. ๒๕๔๗), a title with a name (นายสมชาย ใจดี),
// a time (๐๙.๐๐ น.), a legal clause (มาตรา ๓๓), an amount with its unit (๑๒,๐๐๐ บาท) and a
// phone number. Each kind is one ICU regular expression built from the word lists in
// keep_units.cpp; matching runs over UTF-8, so spans are byte offsets like every break.
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace saraban::text {

enum class UnitKind { Reference, Date, EraYear, TitledName, Time, LegalClause, Amount, Phone };

// "reference", "date", ... for messages and tests.
std::string_view unit_kind_name(UnitKind kind);

struct UnitSpan {
  std::size_t begin;  // byte offsets; the unit is [begin, end)
  std::size_t end;
  UnitKind kind;
};

class KeepUnits {
 public:
  KeepUnits();
  ~KeepUnits();
  KeepUnits(const KeepUnits&) = delete;
  KeepUnits& operator=(const KeepUnits&) = delete;

  // Every unit in `paragraph`, sorted by begin, never overlapping (a unit that overlaps an
  // earlier one, as พ.ศ. ๒๕๖๙ inside a date, is merged into it and keeps the first kind).
  // Not thread-safe: one instance per thread, as WordBreaker.
  std::vector<UnitSpan> occurrences(std::string_view paragraph) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace saraban::text
