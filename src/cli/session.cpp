#include "cli/session.h"

#include "base/environment.h"
#include "cli/acting_user.h"
#include "cli/incoming_pdf_adapter.h"
#include "documents/letter_json.h"
#include "registry/file_access.h"

namespace saraban::cli {

Session open_session(const GlobalOptions& g) {
  Session s;
  s.store = registry::SqlRegisterStore::open(g.db, system_environment());
  static IncomingPdfAdapter pdfs(system_environment());  // loads fonts only when stamping
  s.registry = std::make_unique<registry::Registry>(*s.store, system_environment(), &pdfs);
  s.actor = prove_acting_user(g, *s.store).user;
  s.registry->set_letter_validator([](const std::string& text) { documents::parse_letter(text, "--letter", ".", nullptr); });
  return s;
}

void write_output(Session& s, const std::string& path, std::span<const std::uint8_t> bytes) {
  registry::write_register_output(path, bytes, s.registry->file_access());
}

}  // namespace saraban::cli
