// Speed of the text stage's per-paragraph work: clean-up, itemisation and line-break
// opportunities over an official-letter paragraph.
#include <benchmark/benchmark.h>

#include <string>

#include "text/cleanup.h"
#include "text/script_runs.h"
#include "text/word_breaker.h"

namespace {

const std::string kParagraph =
    "ด้วยสำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต ๑ ได้จัดหาเซิร์ฟเวอร์และซอฟต์แวร์"
    "สำหรับระบบสารบรรณอิเล็กทรอนิกส์ (PDF/A-2u) โดยซัพพลายเออร์จะติดตั้งระบบแบ็กอัปข้อมูลบน"
    "คลาวด์ให้แล้วเสร็จภายในวันที่ ๒๑ พฤศจิกายน ๒๕๖๙ วงเงิน ๑,๒๓๔,๕๖๗.๕๐ บาท";

void BM_Opportunities(benchmark::State& state) {
  const saraban::text::WordBreaker breaker;
  for (auto _ : state) benchmark::DoNotOptimize(breaker.opportunities(kParagraph));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * kParagraph.size()));
}
BENCHMARK(BM_Opportunities);

void BM_CleanText(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(saraban::text::clean_text(kParagraph));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * kParagraph.size()));
}
BENCHMARK(BM_CleanText);

void BM_ItemizeScripts(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(saraban::text::itemize_scripts(kParagraph));
}
BENCHMARK(BM_ItemizeScripts);

}  // namespace

BENCHMARK_MAIN();
