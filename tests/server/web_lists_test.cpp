// Lists and baskets over the API: pages by cursor cover a register exactly once, newest first.
#include <gtest/gtest.h>

#include <set>

#include "web_fixture.h"

namespace saraban::testing {
namespace {

using nlohmann::json;

TEST(WebLists, CursorPagesCoverTheRegisterOnceNewestFirst) {
  WebFixture web;
  const Login clerk = login(web, "somsri");
  auto c = web.client();
  for (int i = 1; i <= 7; ++i) {
    httplib::MultipartFormDataItems form = {{"from", "โรงเรียนบ้านทดสอบ", "", ""},
                                            {"subject", "รายงานผลการเรียนครั้งที่ " + std::to_string(i), "", ""}};
    ASSERT_EQ(c.Post("/api/letters", clerk.writing(), form)->status, 201);
  }
  std::vector<std::int64_t> numbers;
  std::string before;
  for (int page = 0; page < 5; ++page) {
    auto res = c.Get("/api/letters?limit=3" + (before.empty() ? std::string() : "&before=" + before), clerk.reading());
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    const json j = json::parse(res->body);
    EXPECT_EQ(j["count"], 7);
    for (const auto& e : j["entries"]) numbers.push_back(e["number"]);
    if (!j.contains("next")) break;
    before = j["next"];
  }
  EXPECT_EQ(numbers, (std::vector<std::int64_t>{7, 6, 5, 4, 3, 2, 1}));
  EXPECT_EQ(c.Get("/api/letters?before=x", clerk.reading())->status, 400);
  // The baskets count what the lists hold: seven to assign, none yet to dispatch.
  const json baskets = json::parse(c.Get("/api/baskets", clerk.reading())->body)["baskets"];
  for (const auto& b : baskets) {
    if (b["key"] == "assign") {
      EXPECT_EQ(b["count"], 7);
    }
    if (b["key"] == "dispatch") {
      EXPECT_EQ(b["count"], 0);
    }
  }
}

}  // namespace
}  // namespace saraban::testing

namespace saraban::testing {
namespace {

TEST(WebLists, ASecretLettersPageShowsWhoReadIt) {
  WebFixture web;
  const Login clerk = login(web, "somsri"), director = login(web, "wichai");
  auto c = web.client();
  httplib::MultipartFormDataItems form = {{"from", "กองบัญชาการตำรวจภูธรภาค ๕", "", ""},
                                          {"subject", "ขอข้อมูลบุคคลเพื่อประกอบการสอบสวน", "", ""},
                                          {"secrecy", "ลับ", "", ""}};
  auto made = c.Post("/api/letters", clerk.writing(), form);
  ASSERT_EQ(made->status, 201);
  const std::string id = std::to_string(nlohmann::json::parse(made->body)["id"].get<std::int64_t>());
  ASSERT_EQ(c.Get("/api/letters/" + id, director.reading())->status, 200);
  const auto page = nlohmann::json::parse(c.Get("/api/letters/" + id, clerk.reading())->body);
  std::set<std::string> readers;
  for (const auto& a : page["access_log"]) readers.insert(a["user"].get<std::string>() + ":" + a["command"].get<std::string>());
  EXPECT_TRUE(readers.count("wichai:web")) << page["access_log"].dump();
  EXPECT_TRUE(readers.count("somsri:web")) << page["access_log"].dump();
}

}  // namespace
}  // namespace saraban::testing
