#include "server/worker_register.h"

#include <map>
#include <memory>

#include "cli/incoming_pdf_adapter.h"
#include "documents/letter_json.h"

namespace saraban::server {
namespace {

struct Opened {
  std::unique_ptr<registry::SqlRegisterStore> store;
  std::unique_ptr<cli::IncomingPdfAdapter> pdfs;
  std::unique_ptr<registry::Registry> registry;
  std::unique_ptr<documents::LetterRenderer> renderer;
};

}  // namespace

WorkerRegister worker_register(const std::string& db, const Environment& env) {
  thread_local std::map<std::string, Opened> opened;
  auto it = opened.find(db);
  if (it == opened.end()) {
    Opened o;
    o.store = registry::SqlRegisterStore::open(db, env);
    o.pdfs = std::make_unique<cli::IncomingPdfAdapter>(env);
    o.registry = std::make_unique<registry::Registry>(*o.store, env, o.pdfs.get());
    o.registry->set_letter_validator([](const std::string& text) { documents::parse_letter(text, "letter", ".", nullptr); });
    o.renderer = std::make_unique<documents::LetterRenderer>(env);
    it = opened.emplace(db, std::move(o)).first;
  }
  return {*it->second.store, *it->second.registry, *it->second.renderer};
}

}  // namespace saraban::server
