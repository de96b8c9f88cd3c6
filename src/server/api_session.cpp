// Logging in and out, and the wrapper every other route goes through.
#include <nlohmann/json.hpp>

#include "registry/identity.h"
#include "server/api.h"
#include "server/http_reply.h"

namespace saraban::server {
namespace {

constexpr const char* kCookie = "saraban_session";

std::string cookie_header(const ApiContext& api, const std::string& value, bool expire) {
  std::string c = std::string(kCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
  if (api.options.secure_cookies) c += "; Secure";
  if (expire) c += "; Max-Age=0";
  return c;
}

bool only_reads(const httplib::Request& req) { return req.method == "GET" || req.method == "HEAD"; }

// The password alone proves the user here: the web server's own OS account proves nothing.
registry::User proved_user(registry::RegisterStore& store, const std::string& name, const std::string& password) {
  registry::IdentityQuery q;
  q.file_owner_uid = -1;
  q.caller_uid = -2;
  q.requested = name;
  q.password = password;
  auto who = registry::decide_identity(q, registry::identity_facts(store, q));
  if (!who) throw Error(ErrorCode::PermissionDenied, registry::kWrongPasswordOrUser, name);
  return who->user;
}

nlohmann::ordered_json me_json(const registry::User& u, const std::string& csrf) {
  return {{"user", u.name}, {"role", registry::role_name(u.role)}, {"clearance", registry::secrecy_name(u.clearance)},
          {"csrf", csrf}};
}

void login(ApiContext& api, const httplib::Request& req, httplib::Response& res) {
  const auto body = json_body(req);
  if (!body.contains("user") || !body["user"].is_string() || !body.contains("password") || !body["password"].is_string())
    throw Error(ErrorCode::InvalidInput, "needs {\"user\": NAME, \"password\": PASSWORD}", "request body");
  const std::string name = body["user"], password = body["password"];
  const std::int64_t now = api.env.now();
  const std::string by_user = "user:" + name, by_address = "address:" + req.remote_addr;
  const std::int64_t wait = std::max(api.throttle.wait(by_user, now), api.throttle.wait(by_address, now));
  if (wait > 0) {
    res.set_header("Retry-After", std::to_string(wait));
    return reply_error(res, 429, "too-many-logins", "too many failed logins; try again in " + std::to_string(wait) + " s", name);
  }
  auto reg = worker_register(api.options.db, api.env);
  registry::User user;
  try {
    user = proved_user(reg.store, name, password);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::PermissionDenied && e.code() != ErrorCode::NotFound) throw;
    api.throttle.failed(by_user, now);
    api.throttle.failed(by_address, now);
    return reply_error(res, 401, "wrong-login", registry::kWrongPasswordOrUser, name);
  }
  api.throttle.succeeded(by_user);
  api.throttle.succeeded(by_address);
  const std::string token = api.sessions.open(user.name, now);
  res.set_header("Set-Cookie", cookie_header(api, token, false));
  reply_json(res, me_json(user, api.sessions.find(token, now)->csrf));
}

}  // namespace

std::string session_token(const httplib::Request& req) {
  const std::string cookies = req.get_header_value("Cookie");
  const std::string key = std::string(kCookie) + "=";
  for (std::size_t at = 0; at < cookies.size();) {
    while (at < cookies.size() && (cookies[at] == ' ' || cookies[at] == ';')) ++at;
    std::size_t end = cookies.find(';', at);
    if (end == std::string::npos) end = cookies.size();
    if (cookies.compare(at, key.size(), key) == 0) return cookies.substr(at + key.size(), end - at - key.size());
    at = end;
  }
  return "";
}

httplib::Server::Handler with_caller(ApiContext& api, CallerHandler handler) {
  return [&api, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    try {
      auto session = api.sessions.find(session_token(req), api.env.now());
      if (!session) return reply_error(res, 401, "no-session", "log in first (POST /api/session)");
      if (!only_reads(req) && !same_secret(req.get_header_value("X-CSRF-Token"), session->csrf))
        return reply_error(res, 403, "csrf", "a state-changing request needs the session's X-CSRF-Token header");
      auto reg = worker_register(api.options.db, api.env);
      Caller caller{reg.registry.acting_user(session->user), *session, reg};
      handler(req, res, caller);
    } catch (const Error& e) {
      reply_error(res, e);
    }
  };
}

void add_session_routes(httplib::Server& server, ApiContext& api) {
  server.Post("/api/session", [&api](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    try {
      login(api, req, res);
    } catch (const Error& e) {
      reply_error(res, e);
    }
  });
  server.Get("/api/session", with_caller(api, [](const httplib::Request&, httplib::Response& res, Caller& c) {
               reply_json(res, me_json(c.user, c.session.csrf));
             }));
  server.Delete("/api/session", with_caller(api, [&api](const httplib::Request& req, httplib::Response& res, Caller&) {
                  api.sessions.close(session_token(req));
                  res.set_header("Set-Cookie", cookie_header(api, "", true));
                  reply_json(res, {{"logged_out", true}});
                }));
}

}  // namespace saraban::server
