#pragma once
// Each of the server's worker threads opens the register once and keeps it: its own SQLite
// connection (WAL readers run side by side, writers queue on BEGIN IMMEDIATE), its own PDF
// stamper and letter renderer (fonts and shaping caches are per thread, never shared).
#include <string>

#include "base/environment.h"
#include "documents/letter_renderer.h"
#include "registry/registry.h"
#include "registry/sql_store.h"

namespace saraban::server {

struct WorkerRegister {
  registry::SqlRegisterStore& store;
  registry::Registry& registry;
  documents::LetterRenderer& renderer;
};

// The calling thread's register at `db`, opened on first use.
WorkerRegister worker_register(const std::string& db, const Environment& env);

}  // namespace saraban::server
