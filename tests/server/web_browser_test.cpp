// The web application end to end in Debian's Chromium (tests/browser/web_flow.mjs drives it):
// one letter through every step by four people (after four received before it), then the register checked from the command line.
#include <gtest/gtest.h>

#include <cstdlib>

#include "web_fixture.h"

namespace saraban::testing {
namespace {

using nlohmann::json;

std::string incoming_pdf(const std::string& dir) {
  const std::string in = dir + "/incoming.json", out = dir + "/incoming.pdf";
  write_file(in, R"({"kind": "external", "ref": "ศธ ๐๔๐๐๖/ว ๕๕๕", "office": {"name": "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
    "address": ["ถนนราชดำเนินนอก เขตดุสิต", "กรุงเทพมหานคร ๑๐๓๐๐"]}, "date": "2026-11-30",
    "subject": "ขอให้รายงานผลการใช้จ่ายงบประมาณไตรมาสที่หนึ่ง", "to": "ผู้อำนวยการสำนักงาน",
    "body": ["ด้วยสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐานจะรวบรวมผลการใช้จ่ายงบประมาณไตรมาสที่หนึ่ง จึงขอให้รายงานผลภายในวันที่ ๑๕ ธันวาคม ๒๕๖๙",
             "จึงเรียนมาเพื่อโปรดดำเนินการ"],
    "signer": {"name": "นายสมหมาย ตั้งใจ", "position": ["รองเลขาธิการ"]}})");
  auto r = run(saraban("render " + quote(in) + " -o " + quote(out)));
  if (r.status != 0) throw std::runtime_error(r.output);
  return out;
}

TEST(WebBrowser, OneLetterGoesThroughEveryStepInChromium) {
  WebFixture web;
  const std::string pdf = incoming_pdf(web.dir());
  const char* wanted = std::getenv("SARABAN_WEB_SHOTS");  // README pictures: set to docs/web
  const std::string shots = wanted ? wanted : web.dir();
  std::string env;
  for (const char* u : {"somsri", "wichai", "napa", "prasert"}) {
    std::string upper = u;
    for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    env += "SARABAN_PASSWORD_" + upper + "=" + quote(password_of(u)) + " ";
  }
  // Letters received before, so the register's list is not empty (they take numbers 1 to 4).
  const Login clerk = login(web, "somsri");
  const char* earlier[][3] = {{"โรงเรียนบ้านหนองบัว", "ขอรับการสนับสนุนงบประมาณปรับปรุงห้องสมุด", "ปกติ"},
                              {"สำนักงานสาธารณสุขอำเภอ", "ขอเชิญประชุมคณะกรรมการสุขภาพระดับอำเภอ", "ด่วน"},
                              {"องค์การบริหารส่วนตำบลบ้านกลาง", "ขอความอนุเคราะห์ใช้สถานที่จัดกิจกรรมวันเด็ก", "ปกติ"},
                              {"สำนักงานศึกษาธิการจังหวัด", "แจ้งกำหนดการประเมินคุณภาพภายนอก", "ด่วนมาก"}};
  for (const auto& l : earlier) {
    httplib::MultipartFormDataItems form = {{"from", l[0], "", ""}, {"subject", l[1], "", ""}, {"urgency", l[2], "", ""}};
    ASSERT_EQ(web.client().Post("/api/letters", clerk.writing(), form)->status, 201);
  }
  const std::string script = std::string(SARABAN_SOURCE_DIR) + "/tests/browser/web_flow.mjs";
  const auto r = run(env + "timeout 240 node " + quote(script) + " " + quote(web.base()) + " " + quote(pdf) + " " + quote(shots));
  ASSERT_EQ(r.status, 0) << "the flow failed in Chromium (install-deps installs chromium, nodejs and tests/browser's "
                            "puppeteer-core):\n"
                         << r.output;
  const json flow = json::parse(r.output.substr(r.output.rfind("\n{") == std::string::npos ? 0 : r.output.rfind("\n{") + 1));
  EXPECT_EQ(flow["history"], json({"receive", "assign", "draft", "return", "draft", "approve", "sign", "dispatch", "file"}));
  EXPECT_NE(flow["receive_title"].get<std::string>().find("รับ ๕/"), std::string::npos) << flow.dump();
  EXPECT_EQ(flow["listed"], 6) << "five received and one sent";
  EXPECT_NE(flow["dispatch_message"].get<std::string>().find("ทส ๐๑๐๑/๑"), std::string::npos) << flow.dump();
  EXPECT_NE(flow["preview_text"].get<std::string>().find("มิลลิวินาที"), std::string::npos) << flow.dump();

  // The register, read from the command line: the stages, the numbers, the stamped copy, the chain.
  const std::int64_t id = flow["id"];
  const json shown = json::parse(web.cli("--as admin --json show " + std::to_string(id)));
  EXPECT_EQ(shown["stage"], "filed");
  EXPECT_EQ(shown["number"], 5);
  EXPECT_EQ(shown["urgency"], "ด่วน");
  bool stamped = false;
  for (const auto& a : shown["attachments"]) stamped = stamped || a["kind"] == "stamped";
  EXPECT_TRUE(stamped) << shown.dump(1);
  EXPECT_EQ(shown["history"][3]["comment"], "โปรดระบุจำนวนเงินที่เบิกจ่ายแล้ว");
  EXPECT_NE(shown["history"][6]["comment"].get<std::string>().find("นายประเสริฐ ศรีสุข"), std::string::npos);
  const json sent = json::parse(web.cli("--as admin --json list --register send"));
  ASSERT_EQ(sent["count"], 1);
  EXPECT_EQ(sent["entries"][0]["number"], 1);
  EXPECT_EQ(sent["entries"][0]["origin_id"], id);
  const std::string out = web.dir() + "/stamped.pdf";
  web.cli("--as admin attachment " + std::to_string(id) + " --stamped -o " + quote(out));
  EXPECT_NE(strip_white(pdftotext(out)).find("เลขรับ๕"), std::string::npos);
  EXPECT_NO_THROW(web.cli("--as admin verify"));
  for (const char* shot : {"baskets.png", "draft-preview.png", "letter-page.png"}) EXPECT_TRUE(exists(shots + "/" + shot)) << shot;
}

}  // namespace
}  // namespace saraban::testing
