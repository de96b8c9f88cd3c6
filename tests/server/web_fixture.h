#pragma once
// A register with an office's five roles (each with a password), served in this process on a
// free loopback port, and a client that logs in as one of them.
#include <httplib.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "../cli/cli_support.h"
#include "base/environment.h"
#include "registry/sha256.h"
#include "registry/test_store.h"
#include "server/web_server.h"

namespace saraban::testing {

struct WebUser {
  std::string name, role, clearance;
};
inline const WebUser kWebUsers[] = {{"somsri", "clerk", "ลับ"},     {"wichai", "director", "ลับ"}, {"napa", "officer", "none"},
                                    {"prasert", "signer", "ลับ"},   {"manee", "clerk", "none"}};
inline std::string password_of(const std::string& user) { return "รหัส-" + user + "-2569"; }

// Everything the register holds, table by table and row by row, as one SHA-256: a request
// that is refused must leave it exactly as it was. Either engine.
inline std::string register_digest(const std::string& db) { return registry::testing::content_digest(db); }

class WebFixture {
 public:
  // The register is an SQLite file, or in the PostgreSQL run (pg.*) a fresh database.
  explicit WebFixture(std::size_t max_attachment_mb = 2)
      : dir_(temp_dir()), db_(registry::testing::test_register_location(dir_, std::filesystem::path(dir_).filename())) {
    run_ok("init");
    for (const auto& u : kWebUsers) {
      run_ok("--as admin user add " + u.name + " --role " + u.role + " --clearance " + quote(u.clearance));
      write_file(dir_ + "/pw", password_of(u.name) + "\n");
      run_ok("--as admin user passwd " + u.name + " --password-file " + quote(dir_ + "/pw"));
    }
    run_ok("--as admin office set --name " + quote("สำนักงานทดสอบระบบสารบรรณ") + " --prefix " + quote("ทส ๐๑๐๑") +
           " --max-attachment-mb " + std::to_string(max_attachment_mb));
    server::ServeOptions o;
    o.db = db_;
    o.port = 0;
    o.data_dir = dir_ + "/data";
    o.threads = 8;
    server_ = std::make_unique<server::WebServer>(o, system_environment());
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->run(); });
  }
  ~WebFixture() {
    server_->stop();
    thread_.join();
    server_.reset();
    registry::testing::drop_test_register(db_);
  }

  const std::string& db() const { return db_; }
  const std::string& dir() const { return dir_; }
  int port() const { return port_; }
  std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string cli(const std::string& args) const { return run_ok(args); }
  httplib::Client client() const { return httplib::Client("127.0.0.1", port_); }

 private:
  std::string run_ok(const std::string& args) const {
    auto r = run(saraban("--db " + quote(db_) + " " + args));
    if (r.status != 0) throw std::runtime_error("saraban " + args + ": " + r.output);
    return r.output;
  }
  std::string dir_, db_;
  std::unique_ptr<server::WebServer> server_;
  int port_ = 0;
  std::thread thread_;
};

// A client logged in as one user: its cookie and its CSRF token.
struct Login {
  std::string cookie, csrf;
  httplib::Headers reading() const { return {{"Cookie", cookie}}; }
  httplib::Headers writing() const { return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}; }
};

inline Login login(const WebFixture& f, const std::string& user, const std::string& password) {
  auto c = f.client();
  const auto res = c.Post("/api/session", nlohmann::json({{"user", user}, {"password", password}}).dump(), "application/json");
  if (!res || res->status != 200) return {};
  const std::string set = res->get_header_value("Set-Cookie");
  return {set.substr(0, set.find(';')), nlohmann::json::parse(res->body)["csrf"]};
}
inline Login login(const WebFixture& f, const std::string& user) { return login(f, user, password_of(user)); }

}  // namespace saraban::testing
