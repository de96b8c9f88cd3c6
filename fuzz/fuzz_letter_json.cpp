// Fuzz target: arbitrary bytes as a letter and as an office profile (the JSON the documents
// stage reads, and the register checks at `draft`). The only acceptable failure is
// saraban::Error: a crash, a stack overflow on deep nesting, or a JSON library exception
// escaping is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/error.h"
#include "documents/letter_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  try {
    saraban::documents::parse_letter(input, "fuzz", "/nonexistent", nullptr);
  } catch (const saraban::Error&) {
  }
  try {
    saraban::documents::parse_office_profile(input, "fuzz", "/nonexistent");
  } catch (const saraban::Error&) {
  }
  return 0;
}
