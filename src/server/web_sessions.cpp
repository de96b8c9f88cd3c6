#include "server/web_sessions.h"

#include <sodium.h>

#include <algorithm>
#include <vector>

namespace saraban::server {

std::string random_token(std::size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
  hex.pop_back();
  return hex;
}

bool same_secret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string SessionTable::open(const std::string& user, std::int64_t now) {
  std::string token = random_token();
  std::lock_guard lock(mutex_);
  // Sessions left idle are dropped here, so the table cannot grow without end.
  std::erase_if(sessions_, [&](const auto& kv) { return now - kv.second.last_seen > idle_seconds_; });
  sessions_[token] = WebSession{user, random_token(), now};
  return token;
}

std::optional<WebSession> SessionTable::find(const std::string& token, std::int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(token);
  if (it == sessions_.end()) return std::nullopt;
  if (now - it->second.last_seen > idle_seconds_) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.last_seen = now;
  return it->second;
}

void SessionTable::close(const std::string& token) {
  std::lock_guard lock(mutex_);
  sessions_.erase(token);
}

std::int64_t LoginThrottle::wait(const std::string& key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  if (now - it->second.last > kWindow) {
    failures_.erase(it);
    return 0;
  }
  const int over = it->second.count - kFreeFailures;
  if (over < 0) return 0;
  const std::int64_t span = std::min(kLongestWait, kFirstWait << std::min(over, 10));
  return std::max<std::int64_t>(0, it->second.last + span - now);
}

void LoginThrottle::failed(const std::string& key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  auto& f = failures_[key];
  if (now - f.last > kWindow) f.count = 0;
  ++f.count;
  f.last = now;
}

void LoginThrottle::succeeded(const std::string& key) {
  std::lock_guard lock(mutex_);
  failures_.erase(key);
}

}  // namespace saraban::server
