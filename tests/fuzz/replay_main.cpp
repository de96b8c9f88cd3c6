// Replays a fuzz target's corpus as an ordinary test (after QPDF): every file in
// fuzz/corpus/<target>/ goes through LLVMFuzzerTestOneInput once. Built once per target
// (tests/CMakeLists.txt): SARABAN_FUZZ_TARGET names the corpus, SARABAN_FUZZ_TEST the test.
// A target fails an input by throwing (fuzz/fuzz_check.h, or an exception it let escape); the
// replay turns that into a test failure naming the file.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/error.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

using Target = int (*)(const std::uint8_t*, std::size_t);

// One input through `target`: empty when it held, else what went wrong.
std::string replay_one(Target target, const std::vector<std::uint8_t>& bytes) {
  try {
    const int rc = target(bytes.data(), bytes.size());
    if (rc != 0 && rc != -1) return "returned " + std::to_string(rc) + " (libFuzzer takes 0 or -1)";
  } catch (const saraban::fuzz::InvariantBroken& e) {
    return std::string("invariant broken: ") + e.what();
  } catch (const saraban::Error& e) {
    return std::string("saraban::Error escaped the target: ") + e.what();
  } catch (const std::exception& e) {
    return std::string("exception escaped the target: ") + e.what();
  } catch (...) {
    return "a non-standard exception escaped the target";
  }
  return {};
}

TEST(FuzzReplay, SARABAN_FUZZ_TEST) {
  const std::filesystem::path dir = std::filesystem::path(SARABAN_SOURCE_DIR) / "fuzz/corpus" / SARABAN_FUZZ_TARGET;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string failure = replay_one(&LLVMFuzzerTestOneInput, bytes);
    EXPECT_TRUE(failure.empty()) << entry.path() << ": " << failure;
    ++files;
  }
  EXPECT_GT(files, 5);
}

// The channel itself must be able to fail: a broken check and an escaping exception are caught
// and named, a held input passes.
int checks_empty(const std::uint8_t*, std::size_t size) {
  SARABAN_FUZZ_CHECK(size == 0);
  return 0;
}
int lets_an_exception_out(const std::uint8_t*, std::size_t) { throw std::out_of_range("vector::at"); }

TEST(FuzzReplayChannel, SARABAN_FUZZ_TEST) {
  EXPECT_EQ(replay_one(&checks_empty, {}), "");
  const std::string broken = replay_one(&checks_empty, {1, 2, 3});
  EXPECT_NE(broken.find("invariant broken"), std::string::npos) << broken;
  EXPECT_NE(broken.find("size == 0"), std::string::npos) << broken;
  EXPECT_NE(replay_one(&lets_an_exception_out, {1}).find("vector::at"), std::string::npos);
}

}  // namespace
