// Work manuals warm in one process: Markdown → parsed manual → PDF bytes, fonts loaded once.
// Each file named on the command line is one benchmark; bench/manual_bench.sh passes the
// 30-page sample and a 300-page one made from it, and adds fresh commands, peak memory and
// the same content through Chromium and LibreOffice.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "base/environment.h"
#include "documents/manual_render.h"
#include "documents/manual_source.h"
#include "documents/manual_style.h"
#include "layout/font_set.h"

namespace {

using namespace saraban;

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void render_warm(benchmark::State& state, const std::string& path) {
  const Environment& env = system_environment();
  const std::string markdown = read_all(path);
  const documents::ManualStyle style = documents::load_manual_style(env, "");
  layout::FontSet fonts(env, layout::FontConfig::load_default(env));
  documents::ManualOptions opt;
  opt.source = path;
  opt.created = 1795258800;
  std::size_t pages = 0, bytes = 0;
  for (auto _ : state) {
    auto rendered = documents::render_manual(documents::parse_manual(markdown, path), style, opt, fonts, env);
    pages = rendered.front_pages + rendered.body_pages;
    bytes = rendered.pdf.size();
    benchmark::DoNotOptimize(rendered.pdf.data());
  }
  state.counters["pages"] = static_cast<double>(pages);
  state.counters["pdf_kb"] = static_cast<double>(bytes) / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  for (int i = 1; i < argc; ++i) {
    const std::string path = argv[i];
    benchmark::RegisterBenchmark(("BM_ManualWarm/" + path.substr(path.find_last_of('/') + 1)).c_str(),
                                 [path](benchmark::State& s) { render_warm(s, path); })
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
