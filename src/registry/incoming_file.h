#pragma once
// Reading a letter's file for `receive --file`: only a regular file is read (a FIFO would
// block forever, /dev/zero never ends), and never past the office's attachment size limit.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace saraban::registry {

// A letter's file as read, checked and stamped before the register's write transaction.
struct IncomingFile {
  std::vector<std::uint8_t> bytes;  // the original, stored byte for byte
  std::string name;                 // its base name
  std::string status;               // IncomingPdfHandler::inspect(bytes)
  std::optional<std::vector<std::uint8_t>> stamped;
  std::string stamped_status;       // IncomingPdfHandler::inspect(*stamped)
  bool stamped_repaired = false;    // drawn on a repaired copy of a damaged original
  std::int64_t stamped_number = 0;  // the receive number drawn on the stamped copy
  int stamped_year = 0;
  std::string stamp_problem;        // why there is no stamped copy ("" when none was due or it was drawn)
};

inline constexpr int kDefaultMaxAttachmentMb = 100;
inline constexpr int kLargestMaxAttachmentMb = 1024 * 1024;  // registry/schema.sql office_limits

// `office set --max-attachment-mb`: a whole number from 1 to kLargestMaxAttachmentMb, else
// InvalidInput naming the option.
int parse_max_attachment_mb(const std::string& text);

// The bytes of the regular file at `path`, at most `max_bytes` of them. Throws
// Error(NotFound / IoError / InvalidInput) naming the path for a file that is missing, not a
// regular file, or larger than the limit (the message names the size and the limit).
std::vector<std::uint8_t> read_incoming_file(const std::string& path, std::uint64_t max_bytes);

}  // namespace saraban::registry
