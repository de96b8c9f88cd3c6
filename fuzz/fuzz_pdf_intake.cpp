// Fuzz target: arbitrary bytes as an incoming file, through what the register does with one:
// pdf::inspect_incoming_pdf, then (when it says "ok") the receive stamp on page 1 with fixed fields, and the
// stamped copy inspected again. The only acceptable failure is saraban::Error; a crash, a hang,
// any other exception, an altered original or a stamped copy that no longer reads is a bug.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "base/environment.h"
#include "base/error.h"
#include "fuzz_check.h"
#include "documents/receive_stamp.h"
#include "pdf/pdf_inspection.h"

namespace {

const saraban::documents::ReceiveStampFields kText{"สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำปาง เขต ๒", "๑๒๓",
                                                "๒๑ พ.ย. ๒๕๖๙", "๐๙:๓๐"};

bool known_status(const std::string& s) {
  return s == "ok" || s == "corrupt" || s == "encrypted" || s == "not-pdf";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // One stamper for the whole run: fonts and the template load once, as in the CLI.
  static saraban::documents::ReceiveStamper stamper(saraban::system_environment());
  const std::vector<std::uint8_t> original(data, data + size);
  const std::string status = saraban::pdf::to_string(saraban::pdf::inspect_incoming_pdf(original));
  SARABAN_FUZZ_CHECK(known_status(status));
  if (status != "ok") return 0;  // the register stamps only files that open
  std::vector<std::uint8_t> stamped;
  try {
    stamped = stamper.stamp(original, kText).bytes;
  } catch (const saraban::Error&) {
    return 0;  // refused with a reason: the register keeps the original and notes why
  }
  SARABAN_FUZZ_CHECK(std::equal(original.begin(), original.end(), data, data + size));
  // What the engine wrote must read back: the register stores it as the letter's copy.
  SARABAN_FUZZ_CHECK(saraban::pdf::inspect_incoming_pdf(stamped) == saraban::pdf::IncomingPdfStatus::Ok);
  return 0;
}
