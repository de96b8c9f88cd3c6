#include "server/web_server.h"

#include <sodium.h>

#include "base/error.h"
#include "server/api.h"
#include "server/http_reply.h"

namespace saraban::server {
namespace {

// Every answer: no inline script or style, nothing from elsewhere, never framed by another
// site (the app frames its own PDFs, hence 'self' and blob: for frames).
void security_headers(httplib::Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                 "connect-src 'self'; frame-src 'self' blob:; form-action 'self'; base-uri 'none'; frame-ancestors 'self'");
  res.set_header("X-Frame-Options", "SAMEORIGIN");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cross-Origin-Opener-Policy", "same-origin");
}

}  // namespace

struct WebServer::Impl {
  Impl(ServeOptions o, const Environment& env, std::int64_t idle) : api{std::move(o), env, SessionTable(idle), {}} {}
  ApiContext api;
  httplib::Server http;
};

WebServer::WebServer(ServeOptions options, const Environment& env) {
  if (sodium_init() < 0) throw Error(ErrorCode::Internal, "libsodium cannot start");
  const std::int64_t idle = options.session_idle_seconds;
  impl_ = std::make_unique<Impl>(std::move(options), env, idle);
  (void)worker_register(impl_->api.options.db, env);  // a wrong register is refused before serving
  auto& http = impl_->http;
  const std::size_t threads = impl_->api.options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // The largest letter the office accepts, plus the form's other fields.
  http.set_payload_max_length(worker_register(impl_->api.options.db, env).registry.max_attachment_bytes() + (1u << 20));
  http.set_keep_alive_max_count(1000);
  http.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) { security_headers(res); });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    try {
      std::rethrow_exception(ep);
    } catch (const Error& e) {
      reply_error(res, e);
    } catch (const std::exception& e) {
      reply_error(res, 500, "internal", e.what());
    }
    security_headers(res);
  });
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413) reply_error(res, 413, "too-large", "the upload is larger than the office's attachment limit");
    else if (res.status == 404) reply_error(res, 404, "not-found", "no such page", req.path);
    else reply_error(res, res.status, "http", "the request was refused", req.path);
  });
  add_session_routes(http, impl_->api);
  add_letter_routes(http, impl_->api);
  add_action_routes(http, impl_->api);
  add_report_routes(http, impl_->api);
  add_asset_routes(http);
}

WebServer::~WebServer() = default;

int WebServer::bind() {
  const auto& o = impl_->api.options;
  const int port = o.port == 0 ? impl_->http.bind_to_any_port(o.host) : (impl_->http.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port < 0) throw Error(ErrorCode::IoError, "cannot listen there (in use, or not this machine's address)",
                            o.host + ":" + std::to_string(o.port));
  return port;
}

void WebServer::run() { impl_->http.listen_after_bind(); }
void WebServer::stop() { impl_->http.stop(); }

}  // namespace saraban::server
