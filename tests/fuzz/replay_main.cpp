// Replays a fuzz target's corpus as an ordinary test (after QPDF): every file in
// fuzz/corpus/<target>/ goes through LLVMFuzzerTestOneInput once.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

TEST(FuzzReplay, TextPipelineCorpus) {
  const std::filesystem::path dir = std::filesystem::path(SARABAN_SOURCE_DIR) / "fuzz/corpus/text_pipeline";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(LLVMFuzzerTestOneInput(bytes.data(), bytes.size()), 0) << entry.path();
    ++files;
  }
  EXPECT_GT(files, 5);
}
