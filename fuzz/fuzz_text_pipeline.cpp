// Fuzz target: arbitrary bytes through the text stage (validation, clean-up, itemisation,
// break opportunities). The only acceptable failure is saraban::Error; anything else — a crash,
// an opportunity outside the text or inside a UTF-8 sequence — is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/error.h"
#include "fuzz_check.h"
#include "text/cleanup.h"
#include "text/script_runs.h"
#include "text/word_breaker.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const saraban::text::WordBreaker breaker;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  saraban::text::CleanText clean;
  try {
    clean = saraban::text::clean_text(input);
  } catch (const saraban::Error&) {
    return 0;
  }
  const std::string& t = clean.text;
  std::size_t covered = 0;
  for (const auto& run : saraban::text::itemize_scripts(t)) {
    SARABAN_FUZZ_CHECK(run.begin == covered && run.end > run.begin);
    covered = run.end;
  }
  SARABAN_FUZZ_CHECK(covered == t.size());
  std::size_t last = 0;
  for (const auto& o : breaker.opportunities(t)) {
    SARABAN_FUZZ_CHECK(o.offset > last && o.offset <= t.size());
    SARABAN_FUZZ_CHECK(o.offset == t.size() || (static_cast<unsigned char>(t[o.offset]) & 0xC0) != 0x80);
    last = o.offset;
  }
  return 0;
}
