// Registry: the office's limit on the size of a received file (`office set --max-attachment-mb`).
#include "base/error.h"
#include "registry/incoming_file.h"
#include "registry/registry.h"

namespace saraban::registry {

void Registry::set_max_attachment_mb(const User& actor, int mb) {
  require_role(actor, "office set --max-attachment-mb", {Role::Admin});
  if (mb < 1 || mb > kLargestMaxAttachmentMb)
    throw Error(ErrorCode::InvalidInput,
                "must be a whole number of MB from 1 to " + std::to_string(kLargestMaxAttachmentMb), "--max-attachment-mb");
  store_.write(actor.id, [&] { store_.set_max_attachment_mb(mb); });
}

std::uint64_t Registry::max_attachment_bytes() {
  std::optional<int> mb;
  store_.read([&] { mb = store_.max_attachment_mb(); });
  return static_cast<std::uint64_t>(mb.value_or(kDefaultMaxAttachmentMb)) * 1024 * 1024;
}

}  // namespace saraban::registry
