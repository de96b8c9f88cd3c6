// Fuzz target: arbitrary bytes through the text stage (validation, clean-up, itemisation,
// break opportunities). The only acceptable failure is saraban::Error; anything else — a crash,
// an opportunity outside the text or inside a UTF-8 sequence — is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/error.h"
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
    if (run.begin != covered || run.end <= run.begin) std::abort();
    covered = run.end;
  }
  if (covered != t.size()) std::abort();
  std::size_t last = 0;
  for (const auto& o : breaker.opportunities(t)) {
    if (o.offset <= last || o.offset > t.size()) std::abort();
    if (o.offset < t.size() && (static_cast<unsigned char>(t[o.offset]) & 0xC0) == 0x80) std::abort();
    last = o.offset;
  }
  return 0;
}
