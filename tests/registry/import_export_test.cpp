// CSV import and export: import refuses, naming line and column, what it cannot store
// faithfully; re-running it never duplicates; it cannot probe or write the secret register
// without clearance; export carries every stored field so that export -> import -> export is
// byte for byte the same register.
#include <gtest/gtest.h>

#include <sstream>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "base/error.h"
#include "registry/csv_transfer.h"
#include "chain_test_support.h"
#include "registry_test_support.h"

namespace saraban::registry {
namespace {

using testing::Fixture;

std::int64_t count_all(Fixture& f) {
  std::int64_t n = 0;
  f.reg->list(f.cleared_clerk, EntryFilter{.limit = 1}, &n);
  return n;
}

// Runs an import that must be refused: the error's code, its context (line and column) and
// message, and a register left exactly as it was.
Error refused_import(Fixture& f, const User& who, const std::string& csv) {
  std::string before = testing::content_digest(f.db);
  try {
    f.reg->import_csv(who, csv);
  } catch (const Error& e) {
    EXPECT_EQ(testing::content_digest(f.db), before) << "the register changed";
    return e;
  }
  ADD_FAILURE() << "accepted:\n" << csv;
  return Error(ErrorCode::Internal, "accepted");
}

void expect_refusal(Fixture& f, const std::string& csv, const std::string& where, const std::string& says) {
  Error e = refused_import(f, f.clerk, csv);
  EXPECT_NE(e.context().find(where), std::string::npos) << "context: " << e.context() << "\nmessage: " << e.message();
  EXPECT_NE(e.message().find(says), std::string::npos) << "message: " << e.message();
}

TEST(Import, RefusesMisspelledOrMissingHeaders) {
  Fixture f("import-headers");
  expect_refusal(f, "sender,subjet\nก,ข\n", "line 1, column 2", "unknown column 'subjet'");
  expect_refusal(f, "subject\nข\n", "line 1", "no 'sender' column");
  expect_refusal(f, "sender,subject,sender\nก,ข,ค\n", "line 1, column 3", "appears twice");
  EXPECT_EQ(count_all(f), 0);
}

TEST(Import, RefusesShortAndLongRows) {
  Fixture f("import-row-length");
  expect_refusal(f, "sender,subject,ref\nก,ข,ค\nก,ข\n", "line 3", "2 fields, the header 3");
  expect_refusal(f, "sender,subject\nก,ข\nก,ข,ค\n", "line 3", "3 fields, the header 2");
}

TEST(Import, RefusesNumbersWithTrailingTextOrExponents) {
  Fixture f("import-numbers");
  expect_refusal(f, "sender,subject,year,number\nก,ข,2569,12abc\n", "line 2, column 4 (number)", "12abc");
  expect_refusal(f, "sender,subject,year,number\nก,ข,2569,1e3\n", "line 2, column 4 (number)", "1e3");
  expect_refusal(f, "sender,subject,year,number\nก,ข,2569x,1\n", "line 2, column 3 (year)", "2569x");
  expect_refusal(f, "sender,subject,year,number\nก,ข,2569, 7\n", "line 2, column 4 (number)", "whole number");
  expect_refusal(f, "sender,subject,keep_until\nก,ข,4294967297\n", "line 2, column 3 (keep_until)", "whole number");
}

TEST(Import, RefusesTrailingJunkInTimes) {
  Fixture f("import-times");
  expect_refusal(f, "sender,subject,registered_at\nก,ข,2569-02-01 09:00junk\n", "line 2, column 3 (registered_at)",
                 "malformed time");
  expect_refusal(f, "sender,subject,registered_at\nก,ข,2569-02-01 9:00\n", "line 2, column 3", "malformed time");
  expect_refusal(f, "sender,subject,registered_at\nก,ข,2569-02-01 25:00\n", "line 2, column 3", "0 to 23");
}

TEST(Import, RefusesStagesTheRegisterDoesNotHave) {
  Fixture f("import-stages");
  expect_refusal(f, "register,sender,subject,stage\nsend,ก,ข,drafted\n", "line 2, column 4 (stage)",
                 "the send register has no stage 'drafted'");
  expect_refusal(f, "register,sender,subject,stage\nreceive,ก,ข,issued\n", "line 2, column 4 (stage)", "no stage");
  expect_refusal(f, "sender,subject,stage\nก,ข,lost\n", "line 2, column 3 (stage)", "unknown stage");
}

TEST(Import, RefusesCancelledValuesItWouldIgnore) {
  Fixture f("import-cancelled");
  expect_refusal(f, "sender,subject,cancelled\nก,ข,yes\n", "line 2, column 3 (cancelled)", "'yes'");
  expect_refusal(f, "sender,subject,stage,cancelled\nก,ข,received,1\n", "line 2, column 4 (cancelled)", "stage");
  auto r = f.reg->import_csv(f.clerk, "sender,subject,cancelled\nก,ข,1\n");
  EXPECT_EQ(r.imported, 1);
  auto e = f.reg->list(f.clerk, EntryFilter{});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_TRUE(e[0].cancelled);
  EXPECT_EQ(e[0].stage, Stage::Cancelled);
}

TEST(Import, RefusesEmptySenderAndSubject) {
  Fixture f("import-empty");
  expect_refusal(f, "sender,subject\n,ข\n", "line 2, column 1 (sender)", "empty");
  expect_refusal(f, "sender,subject\n\"  \",ข\n", "line 2, column 1 (sender)", "only spaces");
  expect_refusal(f, "sender,subject\nก,\"\xE2\x80\x8B \"\n", "line 2, column 2 (subject)", "only spaces");
}

TEST(Import, RefusesNulBytesAndControlCharacters) {
  Fixture f("import-nul");
  expect_refusal(f, std::string("sender,subject\nก,ข") + '\0' + "ค\n", "line 2, column 2 (subject)", "U+0000");
  expect_refusal(f, "sender,subject\nก,\"ข\nปลอม 2569/9\"\n", "line 2, column 2 (subject)", "control character");
  expect_refusal(f, "sender,subject\nก,\xFF\xFE\n", "line 2, column 2 (subject)", "UTF-8");
}

TEST(Import, RefusesYearsOutsideTheAcceptedRange) {
  Fixture f("import-years");
  expect_refusal(f, "sender,subject,year,number\nก,ข,2026,1\n", "line 2, column 3 (year)", "2400 to 2700");
  expect_refusal(f, "sender,subject,year,number\nก,ข,9999,1\n", "line 2, column 3 (year)", "2400 to 2700");
  expect_refusal(f, "sender,subject,registered_at\nก,ข,2399-01-01 09:00\n", "line 2, column 3 (registered_at)",
                 "outside the accepted range");
  expect_refusal(f, "sender,subject,dated\nก,ข,2999-01-01\n", "line 2, column 3 (dated)", "outside the accepted range");
}

// An imported holder must be one `assign` would accept: an officer (or an admin) cleared for it.
TEST(Import, RefusesAnAssigneeTheRegisterWouldNotAssign) {
  Fixture f("import-assignee");
  expect_refusal(f, "sender,subject,stage,assignee\nก,ข,assigned,director\n", "line 2 (assignee)",
                 "a letter is assigned to an officer");
  expect_refusal(f, "sender,subject,stage,assignee\nก,ข,assigned,somchai\n", "line 2 (assignee)", "is a clerk");
  Error e = refused_import(f, f.cleared_clerk, "sender,subject,secrecy,stage,assignee\nก,ข,ลับที่สุด,assigned,officer\n");
  EXPECT_NE(e.message().find("not cleared"), std::string::npos) << e.message();
  f.reg->import_csv(f.clerk, "sender,subject,stage,assignee\nก,ข,assigned,officer\n");
}

TEST(Import, RefusesRepeatedNumbersAndLinksToNowhere) {
  Fixture f("import-repeats");
  expect_refusal(f, "sender,subject,year,number\nก,ข,2569,1\nค,ง,2569,1\n", "line 3", "repeats line 2");
  expect_refusal(f, "sender,subject,year,number,reply\nก,ข,2569,1,send 2569/7\n", "line 2",
                 "neither in the file nor in the register");
}

TEST(Import, RefusesMalformedQuotingNamingLineAndColumn) {
  Fixture f("import-quoting");
  expect_refusal(f, "sender,subject\nก,ข\"ค\n", "line 2, column 2", "quote inside an unquoted field");
  expect_refusal(f, "sender,subject\n\"ก\" x,ข\n", "line 2, column 1", "text after the closing quote");
  expect_refusal(f, "sender,subject\nก,ข\n\"ค,ง\n", "line 3, column 1", "never closed");
  // A quoted newline is read as part of its field, and refused there (it would forge a row).
  expect_refusal(f, "sender,subject,remarks\nก,ข,\"a\"\nค,\"ง\",\"x\"\"\ny\"\nจ,ฉ\n", "line 3, column 3 (remarks)",
                 "U+000A");
}

TEST(Import, RerunningTheSameFileSkipsWhatItBroughtIn) {
  Fixture f("import-rerun");
  std::string head = "sender,subject,registered_at\n", rows;
  for (int i = 0; i < 50; ++i) rows += "โรงเรียน " + std::to_string(i % 7) + ",เรื่อง " + std::to_string(i % 10) + ",2569-02-01 09:00\n";
  // Two identical rows are two letters (the same circular twice): both are kept, once.
  rows += "สพฐ.,หนังสือเวียน,2569-02-02 09:00\nสพฐ.,หนังสือเวียน,2569-02-02 09:00\n";
  // An interrupted run stands for the first 30 rows.
  std::size_t cut = 0;
  for (int i = 0; i < 30; ++i) cut = rows.find('\n', cut) + 1;
  auto first = f.reg->import_csv(f.clerk, head + rows.substr(0, cut), 7);
  EXPECT_EQ(first.imported, 30);
  auto second = f.reg->import_csv(f.clerk, head + rows, 7);
  EXPECT_EQ(second.imported, 22);
  EXPECT_EQ(second.skipped, 30);
  auto third = f.reg->import_csv(f.clerk, head + rows, 1000);
  EXPECT_EQ(third.imported, 0);
  EXPECT_EQ(third.skipped, 52);
  EXPECT_EQ(count_all(f), 52);
  EXPECT_TRUE(f.reg->verify(f.admin).ok);
}

// The case of the report: an import killed part way and run again, to the end.
TEST(Import, KilledImportRunAgainEndsWithEveryRowOnce) {
  Fixture f("import-killed");
  std::string csv_path = f.dir + "/old.csv";
  constexpr int kRows = 12000;
  {
    std::ofstream out(csv_path);
    out << "sender,subject,registered_at\n";
    for (int i = 0; i < kRows; ++i) out << "โรงเรียนบ้านดอน " << i << ",ขอรายงานผล ครั้งที่ " << i << ",2569-02-01 09:00\n";
  }
  std::ifstream in(csv_path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string db = f.db;
  f.reg.reset();
  f.store.reset();
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    testing::TestEnvironment env(testing::kMarch2026);
    auto store = SqlRegisterStore::open(db, env);
    Registry reg(*store, env);
    reg.import_csv(reg.acting_user("somchai"), text, 200);
    std::_Exit(0);
  }
  for (int i = 0; i < 500; ++i) {
    ::usleep(10000);
    const std::string count = testing::query_one(db, "SELECT COUNT(*) FROM entries");
    if (!count.empty() && std::stoll(count) >= 600) break;
  }
  ::kill(pid, SIGKILL);
  int st = 0;
  ::waitpid(pid, &st, 0);
  ASSERT_TRUE(WIFSIGNALED(st)) << "the import finished before it could be killed";
  f.store = SqlRegisterStore::open(db, f.env);
  f.reg = std::make_unique<Registry>(*f.store, f.env);
  std::int64_t before = count_all(f);
  ASSERT_GT(before, 0);
  auto r = f.reg->import_csv(f.clerk, text, 200);
  EXPECT_EQ(r.skipped, before);
  EXPECT_EQ(r.imported, kRows - before);
  EXPECT_EQ(count_all(f), kRows);
  EXPECT_EQ(f.reg->import_csv(f.clerk, text).imported, 0);
  EXPECT_EQ(count_all(f), kRows);
}

TEST(Import, NumberTakenByAReceiveIsRefusedBeforeAnythingIsWritten) {
  Fixture f("import-taken");
  f.receive("รับเมื่อเช้า");  // receive 2569/1, received while the file was being prepared
  std::string csv = "register,year,number,sender,subject\n";
  for (int i = 1; i <= 5; ++i) csv += "receive,2569," + std::to_string(6 - i) + ",ก,เรื่อง " + std::to_string(i) + "\n";
  Error e = refused_import(f, f.clerk, csv);
  EXPECT_EQ(e.context(), "line 6");
  EXPECT_NE(e.message().find("receive 2569/1 is already in the register"), std::string::npos) << e.message();
  EXPECT_NE(e.message().find("nothing was imported"), std::string::npos) << e.message();
  for (const char* sql : {"INSERT", "UNIQUE", "SELECT", "entries."})
    EXPECT_EQ(std::string(e.what()).find(sql), std::string::npos) << e.what();
  EXPECT_EQ(count_all(f), 1);
}

// A clerk receiving while a numbered import runs: the import is whole (or cleanly refused
// when the receive came first), never half written, never an SQL message.
TEST(Import, ReceiveDuringANumberedImportNeverLeavesHalfAnImport) {
  Fixture f("import-concurrent");
  constexpr int kRows = 3000;
  std::string csv = "register,year,number,sender,subject,registered_at\n";
  for (int i = 1; i <= kRows; ++i)
    csv += "receive,2569," + std::to_string(i) + ",ก,เรื่อง " + std::to_string(i) + ",2569-01-05 09:00\n";
  std::string db = f.db, flag = f.dir + "/started";
  f.reg.reset();
  f.store.reset();
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    testing::TestEnvironment env(testing::kMarch2026);
    auto store = SqlRegisterStore::open(db, env);
    Registry reg(*store, env);
    std::ofstream(flag) << "1";
    try {
      reg.import_csv(reg.acting_user("somchai"), csv, 100);
    } catch (const Error& e) {
      std::string what = e.what();
      std::_Exit(what.find("already in the register") != std::string::npos ? 3 : 4);
    }
    std::_Exit(0);
  }
  while (!std::filesystem::exists(flag)) ::usleep(1000);
  ::usleep(30000);
  f.store = SqlRegisterStore::open(db, f.env);
  f.reg = std::make_unique<Registry>(*f.store, f.env);
  auto got = f.receive("รับระหว่างนำเข้า");
  int st = 0;
  ::waitpid(pid, &st, 0);
  ASSERT_TRUE(WIFEXITED(st));
  int status = WEXITSTATUS(st);
  ASSERT_TRUE(status == 0 || status == 3) << "the import failed otherwise: " << status;
  if (status == 0) {
    EXPECT_EQ(got.number, kRows + 1);
    EXPECT_EQ(count_all(f), kRows + 1);
  } else {
    EXPECT_EQ(got.number, 1);
    EXPECT_EQ(count_all(f), 1);
  }
  EXPECT_TRUE(f.reg->verify(f.admin).ok);
}

// ---------------------------------------------------------------- the secret register

TEST(Import, UnclearedClerkCannotProbeOrWriteTheSecretRegister) {
  Fixture f("import-secret");
  f.receive("สอบสวนวินัย", Secrecy::Secret);  // secret 2569/1
  auto message_for = [&](const std::string& csv) {
    Error e = refused_import(f, f.nosy, csv);
    EXPECT_EQ(e.code(), ErrorCode::PermissionDenied) << e.what();
    return std::string(e.message());
  };
  // Today's probe: a numbered row of the secret register without a secrecy level.
  std::string taken = message_for("register,year,number,sender,subject\nsecret,2569,1,ก,ข\n");
  std::string free = message_for("register,year,number,sender,subject\nsecret,2569,77,ก,ข\n");
  EXPECT_EQ(taken, free) << "the answer differs with what the secret register holds";
  EXPECT_EQ(taken.find("already"), std::string::npos) << taken;
  EXPECT_EQ(message_for("register,year,number,sender,subject,secrecy\nsecret,2569,1,ก,ข,ลับ\n"),
            message_for("register,year,number,sender,subject,secrecy\nsecret,2569,77,ก,ข,ลับ\n"));
  std::string unnumbered = message_for("sender,subject,secrecy\nก,ข,ลับ\n");
  EXPECT_EQ(unnumbered.find("2569/"), std::string::npos) << unnumbered;
  std::string unnumbered_register = message_for("register,sender,subject\nsecret,ก,ข\n");
  EXPECT_EQ(unnumbered_register.find("2569/"), std::string::npos) << unnumbered_register;
  // A link into the secret register would probe it too.
  Error link = refused_import(f, f.nosy, "register,year,number,sender,subject,origin\nsend,2569,1,ก,ข,secret 2569/1\n");
  EXPECT_EQ(link.code(), ErrorCode::PermissionDenied);
  // The cleared clerk may import into it.
  auto r = f.reg->import_csv(f.cleared_clerk, "register,year,number,sender,subject,secrecy\nsecret,2569,2,ก,ข,ลับ\n");
  EXPECT_EQ(r.imported, 1);
  EXPECT_EQ(count_all(f), 2);
}

// ---------------------------------------------------------------- export

TEST(Export, StartsWithABomAndNoCellCanBecomeAFormula) {
  Fixture f("export-formula");
  const std::vector<std::string> nasty = {"=HYPERLINK(\"http://x\")", "+66 2 123", "-5", "@SUM(A1)", "'=already quoted",
                                          "''+twice", "'plain apostrophe", "ปกติ"};
  for (const auto& s : nasty) {
    ReceiveRequest r;
    r.sender = s;
    r.subject = "เรื่อง " + s;
    r.remarks = s;
    f.reg->receive(f.clerk, r);
  }
  std::string csv = f.reg->export_csv(f.clerk, EntryFilter{});
  ASSERT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u) << "no BOM";
  for (const auto& row : std::vector<std::string>{",=", ",+", ",-", ",@", ",\"="}) {
    EXPECT_EQ(csv.find(row), std::string::npos) << "a cell starts a formula: " << row;
  }
  EXPECT_NE(csv.find(",\"'=HYPERLINK"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",''=already quoted"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",'plain apostrophe"), std::string::npos) << csv;
  // Import takes exactly the quote export added.
  Fixture g("export-formula-target");
  g.reg->import_csv(g.clerk, csv);
  auto back = g.reg->list(g.clerk, EntryFilter{});
  ASSERT_EQ(back.size(), nasty.size());
  for (std::size_t i = 0; i < nasty.size(); ++i) {
    EXPECT_EQ(back[i].sender, nasty[i]);
    EXPECT_EQ(back[i].remarks, nasty[i]);
  }
  EXPECT_EQ(g.reg->export_csv(g.clerk, EntryFilter{}), csv);
}

TEST(Export, GuardAndUnguardAreExactInverses) {
  for (std::string s : {"", "=", "'", "''", "'=", "''=", "a=b", "'a", "\t1", "-", "@", "'@x", "x'"}) {
    EXPECT_EQ(unguard_formula(guard_formula(s)), s) << s;
    std::string g = guard_formula(s);
    std::size_t q = g.find_first_not_of('\'');
    bool dangerous = !g.empty() && (g[0] == '=' || g[0] == '+' || g[0] == '-' || g[0] == '@' || g[0] == '\t');
    EXPECT_FALSE(dangerous) << s;
    (void)q;
  }
}

// ---------------------------------------------------------------- the round trip, end to end

const char* kReply = R"({"kind":"memo","ref":"ศธ ๐๔๑๗๕/๑๒","office":{"name":"กลุ่มนโยบายและแผน","address":[]},
  "date":"2026-11-21","subject":"รายงานผลการใช้จ่ายงบประมาณ","to":"ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา",
  "body":["ตามที่โรงเรียนบ้านหนองบัวได้รายงานผลการใช้จ่ายงบประมาณ บัดนี้กลุ่มนโยบายและแผนได้ตรวจสอบแล้ว"],
  "signer":{"name":"นางสาวนภา ใจงาม","position":["นักวิเคราะห์นโยบายและแผน"]}})";

struct CliRegister {
  std::string db;
  explicit CliRegister(std::string path) : db(std::move(path)) {
    EXPECT_EQ(run({"init"}, "").status, 0);
    for (auto [name, role, clearance] : {std::tuple{"somchai", "clerk", "none"}, {"officer", "officer", "ลับ"},
                                         {"boss", "director", "ลับ"}, {"signer", "signer", "ลับ"},
                                         {"malee", "clerk", "ลับที่สุด"}})
      EXPECT_EQ(run({"user", "add", name, "--role", role, "--clearance", clearance}, "admin").status, 0);
  }
  testing::RunResult run(std::vector<std::string> args, const std::string& as) {
    args.insert(args.begin(), {"--db", db});
    return testing::run_saraban(args, as);
  }
  void ok(const std::vector<std::string>& args, const std::string& as) {
    auto r = run(args, as);
    ASSERT_EQ(r.status, 0) << args.front() << ": " << r.err;
  }
};

TEST(Export, ExportImportExportIsTheSameRegister) {
  std::string dir = testing::temp_dir("roundtrip");
  CliRegister src(dir + "/src.db");
  src.ok({"receive", "--from", "โรงเรียนบ้านหนองบัว", "--subject", "ขอรายงานผลการใช้จ่ายงบประมาณ", "--urgency", "ด่วน",
          "--ref", "ศธ ๐๔๐๔๗.๑๒๓/๔๕", "--dated", "2569-02-14", "--to", "ผอ.สพป.", "--remarks", "=ต้นฉบับ"},
         "somchai");
  src.ok({"receive", "--from", "สพฐ.", "--subject", "ขอเชิญประชุม, \"ด่วน\""}, "somchai");
  src.ok({"receive", "--from", "สำนักงาน ก.พ.", "--subject", "สอบสวนวินัย", "--secrecy", "ลับ"}, "malee");
  src.ok({"assign", testing::address("receive", 1), "--to", "officer", "--due", "2569-12-01", "--note", "โปรดดำเนินการ"}, "boss");
  std::ofstream(dir + "/reply.json") << kReply;
  src.ok({"draft", testing::address("receive", 1), "--letter", dir + "/reply.json"}, "officer");
  src.ok({"review", testing::address("receive", 1), "--approve"}, "boss");
  src.ok({"sign", testing::address("receive", 1)}, "signer");
  src.ok({"dispatch", testing::address("receive", 1), "--via", "ไปรษณีย์ EMS"}, "somchai");
  src.ok({"file", testing::address("receive", 1), "--keep-years", "10"}, "somchai");
  src.ok({"file", testing::address("send", 1), "--keep-years", "5"}, "somchai");
  src.ok({"cancel", testing::address("receive", 2), "--note", "ซ้ำ"}, "somchai");
  src.ok({"export", "--csv", dir + "/a.csv"}, "malee");
  std::string a = testing::slurp(dir + "/a.csv");
  // Every stored field is there: assignee, due, channel, retention, both reply links, creator.
  const std::string year = std::to_string(testing::this_year_be());
  for (const std::string& field : std::vector<std::string>{",officer,", "2569-12-01", "ไปรษณีย์ EMS", ",send " + year + "/1,",
                                  ",receive " + year + "/1,", ",malee", "," + std::to_string(testing::this_year_be() + 10) + ",",
                                  ",'=ต้นฉบับ,"})
    EXPECT_NE(a.find(field), std::string::npos) << field << " missing from\n" << a;

  CliRegister dst(dir + "/dst.db");
  dst.ok({"import", "--csv", dir + "/a.csv"}, "malee");
  dst.ok({"export", "--csv", dir + "/b.csv"}, "malee");
  EXPECT_EQ(testing::slurp(dir + "/b.csv"), a);
  auto la = src.run({"--json", "list"}, "malee"), lb = dst.run({"--json", "list"}, "malee");
  ASSERT_EQ(la.status, 0) << la.err;
  // Ids are drawn afresh by each register (they carry no count); everything else is the same.
  auto without_ids = [](const std::string& json_text) {
    std::istringstream in(json_text);
    std::string line, out;
    while (std::getline(in, line))
      if (line.find("\"id\":") == std::string::npos && line.find("_id\":") == std::string::npos) out += line + "\n";
    return out;
  };
  EXPECT_EQ(without_ids(lb.out), without_ids(la.out));
  EXPECT_NE(la.out.find("\"reply_id\":"), std::string::npos) << "the links are compared by the addresses above";
  EXPECT_EQ(dst.run({"verify"}, "admin").status, 0);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace saraban::registry
