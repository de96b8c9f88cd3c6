#pragma once
// `saraban serve`: the office's web application over one register, in one process. The JSON
// API lives under /api/ (README: "The web application"); the Thai interface is plain HTML, CSS
// and JavaScript compiled into the binary.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "base/environment.h"

namespace saraban::server {

struct ServeOptions {
  std::string db;                   // the register (SQLite file)
  std::string host = "127.0.0.1";
  int port = 8080;                  // 0: any free port (tests)
  std::string data_dir = "var/web"; // uploads are written here, and only here, while received
  bool secure_cookies = false;      // behind a TLS proxy: cookies carry Secure
  std::size_t threads = 64;         // each keeps its own connection to the register
  std::int64_t session_idle_seconds = 8 * 3600;
};

class WebServer {
 public:
  WebServer(ServeOptions options, const Environment& env);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  // Binds the address; IoError naming it when it cannot. Returns the port bound.
  int bind();
  // Serves until stop() (from another thread or a signal handler's thread).
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace saraban::server
