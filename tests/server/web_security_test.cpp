// What the web application refuses, and that a refused request changes nothing in the register.
#include <gtest/gtest.h>

#include "registry/calendar.h"
#include "web_fixture.h"

namespace saraban::testing {
namespace {

using nlohmann::json;

std::string small_pdf(const std::string& dir) {
  const std::string in = dir + "/letter.json", out = dir + "/letter.pdf";
  write_file(in, R"({"kind": "memo", "ref": "ทส ๐๑๐๑/๑", "office": {"name": "กลุ่มทดสอบ"}, "date": "2026-12-01",
    "subject": "ขอส่งรายงานผลการทดสอบระบบ", "to": "ผู้อำนวยการ", "body": ["ขอส่งรายงานผลการทดสอบระบบมาเพื่อโปรดทราบ"],
    "signer": {"name": "นางสาวทดสอบ ระบบดี", "position": ["หัวหน้ากลุ่มทดสอบ"]}})");
  auto r = run(saraban("render " + quote(in) + " -o " + quote(out)));
  if (r.status != 0) throw std::runtime_error(r.output);
  return read_file(out);
}

httplib::MultipartFormDataItems letter_form(const std::string& pdf, const std::string& secrecy = "none",
                                            const std::string& filename = "letter.pdf") {
  httplib::MultipartFormDataItems items = {{"from", "สำนักงานศึกษาธิการจังหวัดทดสอบ", "", ""},
                                           {"subject", "ขอเชิญประชุมคณะทำงาน", "", ""},
                                           {"ref", "ศธ ๐๒๙๑/๗๗", "", ""},
                                           {"secrecy", secrecy, "", ""}};
  if (!pdf.empty()) items.push_back({"file", pdf, filename, "application/pdf"});
  return items;
}

std::int64_t received_id(const httplib::Result& res) {
  if (!res || res->status != 201) return 0;
  return json::parse(res->body)["id"].get<std::int64_t>();
}

class WebSecurity : public ::testing::Test {
 protected:
  WebFixture web;
  std::string pdf = small_pdf(web.dir());
};

TEST_F(WebSecurity, LoginGivesACookieThatScriptsCannotReadAndACsrfToken) {
  auto c = web.client();
  auto res = c.Post("/api/session", json({{"user", "somsri"}, {"password", password_of("somsri")}}).dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const std::string cookie = res->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_EQ(json::parse(res->body)["csrf"].get<std::string>().size(), 64u);
  EXPECT_EQ(json::parse(res->body)["role"], "clerk");
  EXPECT_NE(res->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(res->get_header_value("X-Frame-Options"), "SAMEORIGIN");
}

TEST_F(WebSecurity, RefusedRequestsLeaveTheRegisterAsItWas) {
  const Login clerk = login(web, "somsri"), officer = login(web, "napa"), uncleared = login(web, "manee");
  ASSERT_FALSE(clerk.csrf.empty());
  const std::int64_t secret = received_id(web.client().Post("/api/letters", clerk.writing(), letter_form(pdf, "ลับ")));
  const std::int64_t open = received_id(web.client().Post("/api/letters", clerk.writing(), letter_form(pdf)));
  ASSERT_GT(secret, 0);
  ASSERT_GT(open, 0);
  const std::string before = register_digest(web.db());
  auto c = web.client();
  auto status = [](const httplib::Result& r) { return r ? r->status : -1; };

  // No session at all.
  EXPECT_EQ(status(c.Get("/api/letters")), 401);
  EXPECT_EQ(status(c.Post("/api/letters", letter_form(pdf))), 401);
  // A session, but no CSRF token, or a wrong one.
  EXPECT_EQ(status(c.Post("/api/letters", clerk.reading(), letter_form(pdf))), 403);
  httplib::Headers forged = {{"Cookie", clerk.cookie}, {"X-CSRF-Token", officer.csrf}};
  EXPECT_EQ(status(c.Post("/api/letters", forged, letter_form(pdf))), 403);
  // Another role's step: an officer may not receive or assign; a clerk may not sign.
  EXPECT_EQ(status(c.Post("/api/letters", officer.writing(), letter_form(pdf))), 403);
  const std::string assign = json({{"to", "napa"}, {"note", "ดำเนินการ"}}).dump();
  EXPECT_EQ(status(c.Post("/api/letters/" + std::to_string(open) + "/assign", officer.writing(), assign, "application/json")), 403);
  EXPECT_EQ(status(c.Post("/api/letters/" + std::to_string(open) + "/sign", clerk.writing(),
                          json({{"typed_name", "สมศรี"}}).dump(), "application/json")), 403);
  // A secret letter for an uncleared clerk: not found, as if it did not exist.
  EXPECT_EQ(status(c.Get("/api/letters/" + std::to_string(secret), uncleared.reading())), 404);
  EXPECT_EQ(status(c.Get("/api/letters/" + std::to_string(secret) + "/files/original", uncleared.reading())), 404);
  const auto listed = c.Get("/api/letters?basket=all&limit=500", uncleared.reading());
  ASSERT_EQ(status(listed), 200);
  for (const auto& e : json::parse(listed->body)["entries"]) EXPECT_NE(e["id"], secret);
  // Paths: no request reaches a file by name.
  EXPECT_EQ(status(c.Get("/assets/../../registry.db")), 404);
  EXPECT_EQ(status(c.Get("/assets/%2e%2e%2fregistry.db")), 404);
  EXPECT_EQ(status(c.Get("/api/letters/" + std::to_string(open) + "/files/..%2F..%2Fregistry.db", clerk.reading())), 404);
  // A non-PDF upload, and one over the office's limit (2 MB here).
  EXPECT_EQ(status(c.Post("/api/letters", clerk.writing(), letter_form("GIF89a not a letter"))), 400);
  EXPECT_EQ(status(c.Post("/api/letters", clerk.writing(), letter_form("%PDF-1.7\n" + std::string(3u << 20, 'x')))), 413);
  // Malformed JSON, a wrong stage.
  EXPECT_EQ(status(c.Post("/api/letters/" + std::to_string(open) + "/review", clerk.writing(), "{\"approve\": tru", "application/json")), 400);
  const Login director = login(web, "wichai");
  EXPECT_EQ(status(c.Post("/api/letters/" + std::to_string(open) + "/review", director.writing(),
                          json({{"approve", true}}).dump(), "application/json")), 409);

  EXPECT_EQ(register_digest(web.db()), before) << "a refused request changed the register";
  // The digest does see a change: the director's own assign is taken.
  EXPECT_EQ(status(c.Post("/api/letters/" + std::to_string(open) + "/assign", director.writing(), assign, "application/json")), 200);
  EXPECT_NE(register_digest(web.db()), before);
}

TEST_F(WebSecurity, ANameWithPathPartsIsKeptAsItsLastPartOnly) {
  const Login clerk = login(web, "somsri");
  const std::int64_t id = received_id(web.client().Post("/api/letters", clerk.writing(), letter_form(pdf, "none", "../../../etc/passwd.pdf")));
  ASSERT_GT(id, 0);
  const auto page = web.client().Get("/api/letters/" + std::to_string(id), clerk.reading());
  ASSERT_TRUE(page);
  EXPECT_EQ(json::parse(page->body)["attachments"][0]["name"], "passwd.pdf");
  EXPECT_FALSE(exists(web.dir() + "/etc")) << "the upload was written outside the data folder";
}

TEST_F(WebSecurity, ManyWrongPasswordsAreThrottledAndChangeNothing) {
  const std::string before = register_digest(web.db());
  auto c = web.client();
  int refused = 0, throttled = 0;
  for (int i = 0; i < 8; ++i) {
    auto res = c.Post("/api/session", json({{"user", "somsri"}, {"password", "wrong-" + std::to_string(i)}}).dump(), "application/json");
    ASSERT_TRUE(res);
    if (res->status == 401) ++refused;
    if (res->status == 429) {
      ++throttled;
      EXPECT_FALSE(res->get_header_value("Retry-After").empty());
    }
  }
  EXPECT_EQ(refused, 5);
  EXPECT_EQ(throttled, 3);
  // Even the right password now waits: the throttle is not told apart by guessing right.
  auto right = c.Post("/api/session", json({{"user", "somsri"}, {"password", password_of("somsri")}}).dump(), "application/json");
  ASSERT_TRUE(right);
  EXPECT_EQ(right->status, 429);
  // An unknown user gets the wrong password's answer.
  auto unknown = web.client().Post("/api/session", json({{"user", "nobody"}, {"password", "x"}}).dump(), "application/json");
  ASSERT_TRUE(unknown);
  EXPECT_TRUE(unknown->status == 401 || unknown->status == 429);
  EXPECT_EQ(register_digest(web.db()), before);
}

TEST_F(WebSecurity, LoggingOutEndsTheSession) {
  const Login clerk = login(web, "somsri");
  auto c = web.client();
  ASSERT_EQ(c.Get("/api/letters", clerk.reading())->status, 200);
  ASSERT_EQ(c.Delete("/api/session", clerk.writing())->status, 200);
  EXPECT_EQ(c.Get("/api/letters", clerk.reading())->status, 401);
}

}  // namespace
}  // namespace saraban::testing

namespace saraban::testing {
namespace {

TEST(WebReports, TheYearsSummaryDownloadsAndLeavesSecretsOutForTheUncleared) {
  WebFixture web;
  const std::string pdf = small_pdf(web.dir());
  const Login clerk = login(web, "somsri"), uncleared = login(web, "manee");
  auto c = web.client();
  ASSERT_EQ(c.Post("/api/letters", clerk.writing(), letter_form(pdf))->status, 201);
  ASSERT_EQ(c.Post("/api/letters", clerk.writing(), letter_form(pdf, "ลับ"))->status, 201);
  const int year = registry::local_date(system_environment().now()).year + 543;
  const std::string path = "/api/reports/year/" + std::to_string(year) + ".pdf";
  auto cleared = c.Get(path, clerk.reading());
  auto hidden = c.Get(path, uncleared.reading());
  ASSERT_TRUE(cleared && hidden);
  ASSERT_EQ(cleared->status, 200) << cleared->body;
  ASSERT_EQ(hidden->status, 200) << hidden->body;
  EXPECT_EQ(cleared->get_header_value("Content-Type"), "application/pdf");
  write_file(web.dir() + "/cleared.pdf", cleared->body);
  write_file(web.dir() + "/hidden.pdf", hidden->body);
  EXPECT_NE(strip_white(pdftotext(web.dir() + "/cleared.pdf")).find("ทะเบียนหนังสือลับ"), std::string::npos);
  EXPECT_EQ(strip_white(pdftotext(web.dir() + "/hidden.pdf")).find("ทะเบียนหนังสือลับ"), std::string::npos);
  auto xlsx = c.Get("/api/reports/year/" + std::to_string(year) + ".xlsx", clerk.reading());
  ASSERT_TRUE(xlsx);
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");
  auto book = c.Get("/api/reports/book/receive/" + std::to_string(year) + ".pdf", clerk.reading());
  ASSERT_TRUE(book);
  EXPECT_EQ(book->status, 200);
  EXPECT_EQ(c.Get("/api/reports/book/nosuch/" + std::to_string(year) + ".pdf", clerk.reading())->status, 400);
  EXPECT_EQ(c.Get(path)->status, 401);
}

}  // namespace
}  // namespace saraban::testing
