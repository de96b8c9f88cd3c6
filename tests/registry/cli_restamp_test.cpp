// `saraban restamp` through the real binary: a letter whose receive died before its late stamp
// was stored is shown pending by `show` and `verify`, stamped by `restamp` with its issued
// number, and a second restamp is refused naming the entry, the register untouched.
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "late_stamp_support.h"
#include "registry_test_support.h"

namespace saraban::registry {
namespace {

using testing::run_saraban;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string pdf_text(const std::string& pdf) {
  std::string text;
  if (FILE* p = ::popen(("pdftotext -enc UTF-8 " + pdf + " -").c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
    ::pclose(p);
  }
  return text;
}

TEST(RestampCli, DrawsTheMissingStampOnceAndThenRefuses) {
  const std::string dir = testing::temp_dir("cli-restamp"), db = dir + "/registry.db";
  auto sar = [&](std::vector<std::string> args, const std::string& as = "somchai") {
    args.insert(args.begin(), {"--db", db});
    return run_saraban(args, as);
  };
  ASSERT_EQ(sar({"init"}, "").status, 0);
  ASSERT_EQ(sar({"user", "add", "somchai", "--role", "clerk"}, "admin").status, 0);
  // A letter made by Saraban itself stands in for an incoming one.
  const std::string txt = dir + "/incoming.txt", pdf = dir + "/incoming.pdf";
  std::FILE* t = std::fopen(txt.c_str(), "w");
  std::fputs("ขอเชิญประชุมคณะกรรมการบริหารงบประมาณ\n", t);
  std::fclose(t);
  ASSERT_EQ(run_saraban({"typeset", txt, "-o", pdf}).status, 0);
  auto nofile = sar({"--json", "receive", "--from", "สพฐ.", "--subject", "ขอความอนุเคราะห์"});
  ASSERT_EQ(nofile.status, 0) << nofile.err;

  // The receive dies while its late stamp is drawn (in this process, with a stand-in stamper).
  std::string address;
  {
    const Environment& env = system_environment();
    auto store = SqlRegisterStore::open(db, env);
    Registry reg(*store, env);
    const User clerk = reg.acting_user("somchai");
    testing::BusyRegisterStamper stamper(db, env, clerk);
    stamper.on_late = [] { throw testing::SimulatedCrash{}; };
    ReceiveRequest q;
    q.sender = "สพฐ.";
    q.subject = "ขอเชิญประชุม";
    q.file = pdf;
    EXPECT_THROW(Registry(*store, env, &stamper).receive(clerk, q), testing::SimulatedCrash);
    ASSERT_EQ(stamper.numbers.size(), 4u);
    EntryFilter f;
    f.register_code = "receive";
    f.number_from = f.number_to = 5;  // after the letter without a file and the three other clerks'
    auto found = reg.list(clerk, f);
    ASSERT_EQ(found.size(), 1u);
    address = entry_address(found.front());
  }

  auto shown = sar({"show", address});
  ASSERT_EQ(shown.status, 0) << shown.err;
  EXPECT_TRUE(has(shown.out, "stamped copy pending") && has(shown.out, "saraban restamp " + address)) << shown.out;
  auto js = nlohmann::json::parse(sar({"--json", "show", address}).out);
  EXPECT_TRUE(js["stamp_pending"].get<bool>());
  auto v = sar({"verify"});
  EXPECT_EQ(v.status, 0) << v.err;
  EXPECT_TRUE(has(v.out, "note: stamp pending: entry " + address)) << v.out;

  auto r = sar({"restamp", address});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.out, "entry " + address + ": stamped copy stored")) << r.out;
  ASSERT_EQ(sar({"attachment", address, "--stamped", "-o", dir + "/stamped.pdf"}).status, 0);
  const std::string text = pdf_text(dir + "/stamped.pdf");
  EXPECT_TRUE(has(text, "เลขรับ ๕")) << text;  // the number the entry was issued
  EXPECT_TRUE(has(text, "ขอเชิญประชุมคณะกรรมการบริหารงบประมาณ")) << text;
  js = nlohmann::json::parse(sar({"--json", "show", address}).out);
  EXPECT_FALSE(js["stamp_pending"].get<bool>());
  EXPECT_EQ(js["attachments"].size(), 2u);
  EXPECT_EQ(js["attachments"][0]["note"], "stamped copy drawn after registration by restamp");
  v = sar({"verify"});
  EXPECT_EQ(v.status, 0) << v.err;
  EXPECT_FALSE(has(v.out, "stamp pending")) << v.out;

  // Nothing left to do: refused, naming the entry, and nothing written.
  const std::string before = testing::content_digest(db);
  auto again = sar({"restamp", address});
  EXPECT_NE(again.status, 0);
  EXPECT_TRUE(has(again.err, "entry " + address) && has(again.err, "already has a stamped copy")) << again.err;
  const std::string first = nlohmann::json::parse(nofile.out)["address"].get<std::string>();
  auto none = sar({"restamp", first});
  EXPECT_NE(none.status, 0);
  EXPECT_TRUE(has(none.err, "entry " + first) && has(none.err, "no original file")) << none.err;
  EXPECT_EQ(testing::content_digest(db), before);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace saraban::registry
