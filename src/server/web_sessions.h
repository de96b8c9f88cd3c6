#pragma once
// Who is logged in to the web application, and who has failed to log in too often. Both live
// in memory only: a restarted server asks everyone to log in again, which is what an office
// expects of a tool that guards a register.
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace saraban::server {

struct WebSession {
  std::string user;
  std::string csrf;  // sent back in X-CSRF-Token by every state-changing request
  std::int64_t last_seen = 0;
};

class SessionTable {
 public:
  explicit SessionTable(std::int64_t idle_seconds) : idle_seconds_(idle_seconds) {}
  // A new session for `user`; returns its cookie token (random, 256 bits, hex).
  std::string open(const std::string& user, std::int64_t now);
  // The session of `token`, when it exists and has not been idle too long (which ends it).
  std::optional<WebSession> find(const std::string& token, std::int64_t now);
  void close(const std::string& token);

 private:
  std::int64_t idle_seconds_;
  std::mutex mutex_;
  std::map<std::string, WebSession> sessions_;
};

// Failed logins per key (a user name, a client address): after kFreeFailures within the
// window, each further try waits, doubling from kFirstWait seconds up to kLongestWait.
class LoginThrottle {
 public:
  static constexpr int kFreeFailures = 5;
  static constexpr std::int64_t kWindow = 15 * 60, kFirstWait = 30, kLongestWait = 15 * 60;
  // Seconds the key must still wait before it may try again (0: it may try now).
  std::int64_t wait(const std::string& key, std::int64_t now);
  void failed(const std::string& key, std::int64_t now);
  void succeeded(const std::string& key);

 private:
  struct Failures {
    int count = 0;
    std::int64_t last = 0;
  };
  std::mutex mutex_;
  std::map<std::string, Failures> failures_;
};

// 2·n hex digits of libsodium's CSPRNG.
std::string random_token(std::size_t bytes = 32);
// Compares in time that does not depend on where the two differ.
bool same_secret(const std::string& a, const std::string& b);

}  // namespace saraban::server
