// saraban serve: the web application over the register (src/server), until Ctrl-C or SIGTERM.
#include <signal.h>

#include <cstdio>
#include <thread>

#include "base/environment.h"
#include "base/error.h"
#include "cli/command.h"
#include "server/web_server.h"

namespace saraban::cli {
namespace {

// "127.0.0.1:8080", "[::1]:8080" or ":8080" (all addresses).
void parse_listen(const std::string& text, server::ServeOptions& o) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos) throw Error(ErrorCode::InvalidInput, "give HOST:PORT", "--listen");
  std::string host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  o.host = host.empty() ? "0.0.0.0" : host;
  o.port = parse_int(text.substr(colon + 1), "--listen port", 0, 65535);
}

int serve(const GlobalOptions& g, const std::vector<std::string>& args) {
  server::ServeOptions o;
  o.db = g.db;
  ArgReader r(args);
  while (!r.done()) {
    std::string a = r.next();
    if (a == "--listen") parse_listen(r.value_of(a), o);
    else if (a == "--data") o.data_dir = r.value_of(a);
    else if (a == "--secure-cookies") o.secure_cookies = true;
    else if (a == "--threads") o.threads = static_cast<std::size_t>(parse_int(r.value_of(a), a, 1, 1024));
    else throw Error(ErrorCode::InvalidInput, "unknown option", a);
  }
  // SIGINT and SIGTERM are waited for on a thread of their own, which stops the server cleanly.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  server::WebServer web(o, system_environment());
  const int port = web.bind();
  std::printf("saraban: serving %s on http://%s:%d/ (Ctrl-C stops)\n", g.db.c_str(), o.host.c_str(), port);
  std::fflush(stdout);
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    web.stop();
  });
  web.run();
  if (waiter.joinable()) {
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
  }
  return 0;
}

const bool registered = register_command(
    {"serve", "serve [--listen HOST:PORT] [--data DIR] [--secure-cookies] [--threads N]",
     "the web application over the register (default 127.0.0.1:8080; uploads pass through DIR, default var/web)", serve});

}  // namespace
}  // namespace saraban::cli
