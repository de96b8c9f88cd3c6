#pragma once
// The API's routes, grouped by what they serve, and what every route shares: the options, the
// sessions, the login throttle and the wrapper that proves who calls.
#include <httplib.h>

#include <functional>

#include "registry/types.h"
#include "server/web_server.h"
#include "server/web_sessions.h"
#include "server/worker_register.h"

namespace saraban::server {

struct ApiContext {
  ServeOptions options;
  const Environment& env;
  SessionTable sessions;
  LoginThrottle throttle;
};

// Who calls, proved by the session cookie, with this thread's register.
struct Caller {
  registry::User user;
  WebSession session;
  WorkerRegister reg;
};

using CallerHandler = std::function<void(const httplib::Request&, httplib::Response&, Caller&)>;
// A route that needs a session (401 without one) and, unless it only reads (GET), the session's
// CSRF token in X-CSRF-Token (403 without it). Register errors become the API's error shape.
httplib::Server::Handler with_caller(ApiContext& api, CallerHandler handler);
// The session cookie's token in a request, or "".
std::string session_token(const httplib::Request& req);

void add_session_routes(httplib::Server& server, ApiContext& api);
void add_letter_routes(httplib::Server& server, ApiContext& api);
void add_action_routes(httplib::Server& server, ApiContext& api);
void add_report_routes(httplib::Server& server, ApiContext& api);
void add_asset_routes(httplib::Server& server);

}  // namespace saraban::server
