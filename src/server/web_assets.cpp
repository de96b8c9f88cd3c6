// The interface's files, from the binary (src/server/CMakeLists.txt embeds src/server/web/):
// a request names an asset by key, never a path, so no request can reach a file on disk.
#include <map>
#include <string>
#include <string_view>

#include "server/api.h"
#include "server/http_reply.h"

namespace saraban::server {

const std::map<std::string, std::string_view>& embedded_web_assets();

namespace {

std::string content_type(const std::string& name) {
  auto ends = [&](std::string_view s) { return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0; };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

void serve_asset(const std::string& name, httplib::Response& res) {
  const auto& assets = embedded_web_assets();
  auto it = assets.find(name);
  if (it == assets.end()) return reply_error(res, 404, "not-found", "no such page", name);
  res.set_header("Cache-Control", "no-cache");
  res.set_content(std::string(it->second), content_type(name));
}

}  // namespace

void add_asset_routes(httplib::Server& server) {
  server.Get("/", [](const httplib::Request&, httplib::Response& res) { serve_asset("index.html", res); });
  server.Get(R"(/assets/([a-z0-9_-]+\.(css|js|svg)))",
             [](const httplib::Request& req, httplib::Response& res) { serve_asset(req.matches[1].str(), res); });
}

}  // namespace saraban::server
