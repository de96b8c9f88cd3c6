// Load on the web application over loopback: N clients, each logged in as a clerk, receive and
// list letters for a fixed time; requests per second and latency percentiles per kind.
//   web_load --port P --user U --password-file F [--clients 50] [--seconds 60] [--pdf FILE]
// Each client alternates: one receive (multipart, with FILE when given), one list of 50.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Args {
  int port = 8080, clients = 50, seconds = 60;
  std::string user, password, pdf;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Samples {
  std::mutex m;
  std::vector<double> receive_ms, list_ms;
  std::atomic<long> failures{0};
  std::vector<std::string> why;  // the first few failures' answers
  void failed(const httplib::Result& r, const char* what) {
    ++failures;
    std::lock_guard lock(m);
    if (why.size() < 5)
      why.push_back(std::string(what) + ": " + (r ? std::to_string(r->status) + " " + r->body.substr(0, 200) : httplib::to_string(r.error())));
  }
};

double pct(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

struct Session {
  std::string cookie, csrf;
};

// Logged in before the clock starts: a login is an Argon2id check, not the load measured.
Session log_in(const Args& a, Samples& out) {
  httplib::Client c("127.0.0.1", a.port);
  auto res = c.Post("/api/session", nlohmann::json({{"user", a.user}, {"password", a.password}}).dump(), "application/json");
  if (!res || res->status != 200) {
    out.failed(res, "login");
    return {};
  }
  return {res->get_header_value("Set-Cookie").substr(0, res->get_header_value("Set-Cookie").find(';')),
          nlohmann::json::parse(res->body)["csrf"]};
}

void client(const Args& a, const Session& s, int index, Clock::time_point until, Samples& out) {
  if (s.cookie.empty()) return;
  httplib::Client c("127.0.0.1", a.port);
  c.set_keep_alive(true);
  c.set_read_timeout(30, 0);
  const httplib::Headers h = {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}};
  const std::string pdf = a.pdf.empty() ? "" : slurp(a.pdf);
  std::vector<double> rec, lst;
  for (int i = 0; Clock::now() < until; ++i) {
    httplib::MultipartFormDataItems form = {
        {"from", "สำนักงานเขตพื้นที่การศึกษาทดสอบภาระ เขต " + std::to_string(index), "", ""},
        {"subject", "ขอความร่วมมือรายงานข้อมูลนักเรียนรายบุคคล ครั้งที่ " + std::to_string(i), "", ""},
        {"ref", "ศธ ๐๔๑๙๙/" + std::to_string(index * 100000 + i), "", ""}};
    if (!pdf.empty()) form.push_back({"file", pdf, "letter.pdf", "application/pdf"});
    auto t0 = Clock::now();
    auto r1 = c.Post("/api/letters", h, form);
    auto t1 = Clock::now();
    if (!r1 || r1->status != 201) {
      out.failed(r1, ("receive after " + std::to_string(static_cast<long>(std::chrono::duration<double, std::milli>(t1 - t0).count())) + " ms").c_str());
    }
    else rec.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    auto r2 = c.Get("/api/letters?basket=all&limit=50&offset=" + std::to_string((i * 50) % 5000), h);
    auto t2 = Clock::now();
    if (!r2 || r2->status != 200) out.failed(r2, "list");
    else lst.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
  }
  std::lock_guard lock(out.m);
  out.receive_ms.insert(out.receive_ms.end(), rec.begin(), rec.end());
  out.list_ms.insert(out.list_ms.end(), lst.begin(), lst.end());
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--port") a.port = std::stoi(v);
    else if (k == "--clients") a.clients = std::stoi(v);
    else if (k == "--seconds") a.seconds = std::stoi(v);
    else if (k == "--user") a.user = v;
    else if (k == "--password-file") {
      a.password = slurp(v);
      while (!a.password.empty() && (a.password.back() == '\n' || a.password.back() == '\r')) a.password.pop_back();
    } else if (k == "--pdf") a.pdf = v;
    else {
      std::fprintf(stderr, "web_load: unknown option %s\n", k.c_str());
      return 64;
    }
  }
  Samples s;
  std::vector<Session> sessions;
  for (int i = 0; i < a.clients; ++i) sessions.push_back(log_in(a, s));
  const auto start = Clock::now(), until = start + std::chrono::seconds(a.seconds);
  std::vector<std::thread> threads;
  for (int i = 0; i < a.clients; ++i) threads.emplace_back(client, std::cref(a), std::cref(sessions[static_cast<std::size_t>(i)]), i, until, std::ref(s));
  for (auto& t : threads) t.join();
  const double secs = std::chrono::duration<double>(Clock::now() - start).count();
  const double n_rec = static_cast<double>(s.receive_ms.size()), n_lst = static_cast<double>(s.list_ms.size());
  std::printf("== web load: %d clients, %.0f s%s: %.0f requests/s (%.0f receives/s, %.0f lists/s), %ld failed\n", a.clients, secs,
              a.pdf.empty() ? ", receives without a file" : ", each receive with a PDF (stamped)", (n_rec + n_lst) / secs,
              n_rec / secs, n_lst / secs, s.failures.load());
  std::printf("   receive: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms over %zu\n", pct(s.receive_ms, .5),
              pct(s.receive_ms, .95), pct(s.receive_ms, .99), pct(s.receive_ms, 1), s.receive_ms.size());
  std::printf("   list 50: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms over %zu\n", pct(s.list_ms, .5), pct(s.list_ms, .95),
              pct(s.list_ms, .99), pct(s.list_ms, 1), s.list_ms.size());
  for (const auto& w : s.why) std::printf("   failed: %s\n", w.c_str());
  return s.failures.load() == 0 ? 0 : 1;
}
