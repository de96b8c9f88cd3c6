#pragma once
// The fuzz targets' one failure channel. A check that does not hold throws InvariantBroken
// naming it: under libFuzzer the exception escapes the target and terminates, a crash libFuzzer
// reports with the message; the corpus replay (tests/fuzz/replay_main.cpp) catches it and fails
// the test, naming the input. Targets return 0 always, as libFuzzer asks.
#include <stdexcept>
#include <string>

namespace saraban::fuzz {

struct InvariantBroken : std::logic_error {
  using std::logic_error::logic_error;
};

[[noreturn]] inline void broken(const char* check, const char* file, int line) {
  throw InvariantBroken(std::string(file) + ":" + std::to_string(line) + ": " + check);
}

}  // namespace saraban::fuzz

#define SARABAN_FUZZ_CHECK(cond) ((cond) ? void(0) : ::saraban::fuzz::broken(#cond, __FILE__, __LINE__))
