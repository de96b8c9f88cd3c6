// Fuzz target: arbitrary bytes as a work manual's Markdown (front matter, cmark-gfm body,
// ```flow blocks). The only acceptable failure is saraban::Error; every element and warning
// must name a line inside the input, and a decision's branch must go to a step of its chart.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "base/error.h"
#include "documents/manual_source.h"
#include "fuzz_check.h"

namespace {

std::size_t line_of(const saraban::documents::ManualElement& e) {
  return std::visit([](const auto& x) { return x.line; }, e);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t lines = static_cast<std::size_t>(std::count(input.begin(), input.end(), '\n')) + 1;
  try {
    const auto manual = saraban::documents::parse_manual(input, "fuzz.md");
    SARABAN_FUZZ_CHECK(!manual.front.title.empty());
    for (const auto& e : manual.body) {
      SARABAN_FUZZ_CHECK(line_of(e) <= lines);
      if (const auto* flow = std::get_if<saraban::documents::ManualFlow>(&e)) {
        const auto& steps = flow->chart.steps;
        for (const auto& s : steps)
          if (s.branch) SARABAN_FUZZ_CHECK(s.branch->target < steps.size());
      }
    }
    for (const auto& w : manual.warnings) SARABAN_FUZZ_CHECK(w.line <= lines && !w.message.empty());
  } catch (const saraban::Error&) {
  }
  return 0;
}
