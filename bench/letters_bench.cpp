// Letter rendering speed: one long-lived renderer (fonts, shaping caches and templates kept)
// turning the sample external letter into PDF bytes, as a server or a batch would.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "base/environment.h"
#include "documents/letter_json.h"
#include "documents/letter_renderer.h"
#include "pdf/pdf_writer.h"

namespace {

using namespace saraban;

std::string sample_text(const std::string& kind) {
  std::ifstream in(std::string(SARABAN_SOURCE_DIR) + "/samples/letters/" + kind + ".json");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

documents::LetterRenderer& renderer() {
  static documents::LetterRenderer r(system_environment());
  return r;
}

void render_kind(benchmark::State& state, const std::string& kind) {
  const std::string text = sample_text(kind);
  std::size_t bytes = 0;
  for (auto _ : state) {
    documents::Letter l = documents::parse_letter(text, kind, ".", nullptr);
    auto pdf = renderer().render_pdf(l);
    bytes = pdf.size();
    benchmark::DoNotOptimize(pdf.data());
  }
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
  state.counters["letters_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_RenderExternal(benchmark::State& s) { render_kind(s, "external"); }
void BM_RenderMemo(benchmark::State& s) { render_kind(s, "memo"); }
void BM_RenderOrder(benchmark::State& s) { render_kind(s, "order"); }
BENCHMARK(BM_RenderExternal)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderMemo)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderOrder)->Unit(benchmark::kMillisecond);

// The figure: 1,000 letters in one process (first letter's font loading included).
void BM_Render1000Letters(benchmark::State& state) {
  const std::string text = sample_text("external");
  for (auto _ : state) {
    documents::LetterRenderer r(system_environment());
    for (int i = 0; i < 1000; ++i) {
      documents::Letter l = documents::parse_letter(text, "external", ".", nullptr);
      auto pdf = r.render_pdf(l);
      benchmark::DoNotOptimize(pdf.data());
    }
  }
}
BENCHMARK(BM_Render1000Letters)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
