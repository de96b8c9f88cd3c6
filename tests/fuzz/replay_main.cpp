// Replays a fuzz target's corpus as an ordinary test (after QPDF): every file in
// fuzz/corpus/<target>/ goes through LLVMFuzzerTestOneInput once. Built once per target
// (tests/CMakeLists.txt): SARABAN_FUZZ_TARGET names the corpus, SARABAN_FUZZ_TEST the test.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

TEST(FuzzReplay, SARABAN_FUZZ_TEST) {
  const std::filesystem::path dir = std::filesystem::path(SARABAN_SOURCE_DIR) / "fuzz/corpus" / SARABAN_FUZZ_TARGET;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(LLVMFuzzerTestOneInput(bytes.data(), bytes.size()), 0) << entry.path();
    ++files;
  }
  EXPECT_GT(files, 5);
}
