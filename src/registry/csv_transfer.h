#pragma once
// A register in and out as CSV: `export` writes every stored field of the entries a reader
// may see, `import` brings an office's existing register in. Import refuses, naming the line
// and column, anything it cannot store faithfully, and is idempotent: each row's import key
// (the SHA-256 of its fields, and how many identical rows came before it) is the comment of
// the 'import' stage event of the entry it made (audited like every event; no schema change), so
// re-running an interrupted or finished import skips the rows already in and says how many.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/environment.h"
#include "registry/register_store.h"
#include "registry/types.h"
#include "text/typed_dates.h"

namespace saraban::registry {

// The Buddhist-era years an import accepts in `year`, dates and times (keep_until may run up
// to 100 years past the last): the product's one accepted range (text/typed_dates.h).
inline constexpr int kImportMinYearBe = text::kFirstAcceptedYearCe + text::kBuddhistEraOffset;
inline constexpr int kImportMaxYearBe = text::kLastAcceptedYearCe + text::kBuddhistEraOffset;

struct ImportResult {
  std::int64_t imported = 0;
  std::int64_t skipped = 0;  // rows an earlier run of the same file already brought in
  std::int64_t last_id = 0;
};

// The columns, in the order export writes them; import takes any order and subset that has
// `sender` and `subject`.
const std::vector<std::string>& csv_columns();

// `entries` as CSV (UTF-8 with a BOM, so spreadsheets read Thai; a cell that a spreadsheet
// would run as a formula is prefixed with a single quote, which import removes). Runs inside
// the caller's read transaction; links to entries above `clearance` are left empty.
std::string entries_to_csv(RegisterStore& store, const std::vector<Entry>& entries, Secrecy clearance);

// Every check is made before anything is written. Rows with explicit numbers are written in
// one transaction that first checks none of their numbers is taken (a letter received while
// the file was read gives a clear refusal, never half an import); rows without numbers are
// then numbered and written in transactions of `chunk` rows.
ImportResult import_entries_csv(RegisterStore& store, const Environment& env, const User& actor, std::string_view text,
                                std::size_t chunk);

// What a spreadsheet would run as a formula: a cell starting with = + - @ tab or CR, with
// any single quotes before it. export adds one quote, import removes one: an exact round trip.
std::string guard_formula(std::string_view cell);
std::string unguard_formula(std::string_view cell);

}  // namespace saraban::registry
