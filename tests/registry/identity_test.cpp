// Who is acting: the decision (registry/identity.h) for every branch, the users' logins and
// passwords as the Registry keeps them, the user-name rules, and what backup demands.
#include <gtest/gtest.h>

#include <algorithm>
#include <sys/stat.h>

#include <functional>

#include "registry/identity.h"
#include "registry/password.h"
#include "registry/schema.h"
#include "registry/user_name.h"
#include "registry_test_support.h"

namespace saraban::registry {
namespace {

using testing::Fixture;

Error error_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error was thrown";
  return Error(ErrorCode::Internal, "none");
}

constexpr std::int64_t kOwner = 1000, kOther = 1001;

User user(std::int64_t id, const std::string& name, Role role = Role::Clerk) { return User{id, name, role, Secrecy::None}; }

IdentityQuery query(std::int64_t caller, std::optional<std::string> as, std::optional<std::string> password = {}) {
  IdentityQuery q;
  q.file_owner_uid = kOwner;
  q.caller_uid = caller;
  q.caller_login = caller == kOwner ? "saraban" : "somchai.j";
  q.requested = std::move(as);
  q.password = std::move(password);
  return q;
}

IdentityFacts facts(std::optional<User> requested, std::optional<std::string> hash = {}, std::optional<User> mapped = {}) {
  IdentityFacts f;
  f.requested = std::move(requested);
  f.requested_credentials.password_hash = std::move(hash);
  f.mapped = std::move(mapped);
  return f;
}

// ---------------------------------------------------------------- the decision, branch by branch

TEST(IdentityDecision, FileOwnerMayActAsAnyUserWithoutPassword) {
  auto who = decide_identity(query(kOwner, "director"), facts(user(3, "director", Role::Director)));
  ASSERT_TRUE(who);
  EXPECT_EQ(who->user.name, "director");
  EXPECT_EQ(who->proof, Proof::FileOwner);
}

TEST(IdentityDecision, FileOwnerNamingAnUnknownUserIsTold) {
  auto e = error_of([] { decide_identity(query(kOwner, "ghost"), facts(std::nullopt)); });
  EXPECT_EQ(e.code(), ErrorCode::NotFound);
  EXPECT_NE(std::string(e.what()).find("unknown user"), std::string::npos);
}

TEST(IdentityDecision, FileOwnerWithoutAsActsAsItsMappedUserOrIsAskedForOne) {
  auto who = decide_identity(query(kOwner, std::nullopt), facts(std::nullopt, {}, user(1, "admin", Role::Admin)));
  ASSERT_TRUE(who);
  EXPECT_EQ(who->user.name, "admin");
  auto e = error_of([] { decide_identity(query(kOwner, std::nullopt), facts(std::nullopt)); });
  EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
  EXPECT_NE(std::string(e.what()).find("no acting user: pass --as USER"), std::string::npos);
}

TEST(IdentityDecision, OtherAccountActsAsItsMappedUserByDefault) {
  auto who = decide_identity(query(kOther, std::nullopt), facts(std::nullopt, {}, user(2, "somchai")));
  ASSERT_TRUE(who);
  EXPECT_EQ(who->user.name, "somchai");
  EXPECT_EQ(who->proof, Proof::MappedLogin);
}

TEST(IdentityDecision, OtherAccountMayNameItsMappedUser) {
  auto who = decide_identity(query(kOther, "somchai"), facts(user(2, "somchai"), {}, user(2, "somchai")));
  ASSERT_TRUE(who);
  EXPECT_EQ(who->proof, Proof::MappedLogin);
}

TEST(IdentityDecision, OtherAccountNamingAnotherUserNeedsItsPassword) {
  IdentityQuery q = query(kOther, "director");
  IdentityFacts f = facts(user(3, "director", Role::Director), std::nullopt, user(2, "somchai"));
  EXPECT_FALSE(decide_identity(q, f));  // only a password could prove it
  Error e = password_needed(q, f);
  EXPECT_EQ(e.code(), ErrorCode::PermissionDenied);
  EXPECT_NE(std::string(e.what()).find("may act only as 'somchai' without a password"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("--password-file"), std::string::npos);
}

TEST(IdentityDecision, UnmappedOtherAccountWithoutAsIsRefused) {
  auto e = error_of([] { decide_identity(query(kOther, std::nullopt), facts(std::nullopt)); });
  EXPECT_EQ(e.code(), ErrorCode::PermissionDenied);
  EXPECT_NE(std::string(e.what()).find("saraban user login NAME somchai.j"), std::string::npos) << e.what();
}

TEST(IdentityDecision, AccountWithoutANameIsNamedByItsUid) {
  IdentityQuery q = query(kOther, std::nullopt);
  q.caller_login.clear();
  auto e = error_of([&] { decide_identity(q, facts(std::nullopt)); });
  EXPECT_NE(std::string(e.what()).find("uid 1001"), std::string::npos) << e.what();
}

TEST(IdentityDecision, TheRightPasswordProvesTheUser) {
  std::string hash = hash_password("ช้างเผือก-42");
  auto who = decide_identity(query(kOther, "director", "ช้างเผือก-42"), facts(user(3, "director"), hash));
  ASSERT_TRUE(who);
  EXPECT_EQ(who->user.name, "director");
  EXPECT_EQ(who->proof, Proof::Password);
}

TEST(IdentityDecision, WrongPasswordUnknownUserAndNoPasswordSetAreOneMessage) {
  std::string hash = hash_password("ช้างเผือก-42");
  auto wrong = error_of([&] { decide_identity(query(kOther, "director", "guess"), facts(user(3, "director"), hash)); });
  auto unknown = error_of([&] { decide_identity(query(kOther, "ghost", "guess"), facts(std::nullopt)); });
  auto unset = error_of([&] { decide_identity(query(kOther, "officer", "guess"), facts(user(4, "officer"))); });
  for (const Error* e : {&wrong, &unknown, &unset}) {
    EXPECT_EQ(e->code(), ErrorCode::PermissionDenied);
    EXPECT_EQ(e->message(), kWrongPasswordOrUser);
  }
}

TEST(IdentityDecision, AMappedAccountGivingAnotherUsersPasswordActsAsThatUser) {
  std::string hash = hash_password("ใบตอง");
  auto who = decide_identity(query(kOther, "director", "ใบตอง"), facts(user(3, "director"), hash, user(2, "somchai")));
  ASSERT_TRUE(who);
  EXPECT_EQ(who->user.name, "director");
}

TEST(IdentityDecision, AGivenPasswordIsCheckedEvenWhereNoneIsNeeded) {
  std::string hash = hash_password("ถูก");
  auto owner = error_of([&] { decide_identity(query(kOwner, "director", "ผิด"), facts(user(3, "director"), hash)); });
  EXPECT_EQ(owner.message(), kWrongPasswordOrUser);
  auto mapped = error_of([&] {
    decide_identity(query(kOther, "somchai", "ผิด"), facts(user(2, "somchai"), hash, user(2, "somchai")));
  });
  EXPECT_EQ(mapped.message(), kWrongPasswordOrUser);
  EXPECT_TRUE(decide_identity(query(kOwner, "director", "ถูก"), facts(user(3, "director"), hash)));
}

// ---------------------------------------------------------------- passwords

TEST(Password, OnlyAnArgon2idHashIsKept) {
  std::string hash = hash_password("รหัสลับ");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_EQ(hash.find("รหัสลับ"), std::string::npos);
  EXPECT_TRUE(password_matches(hash, "รหัสลับ"));
  EXPECT_FALSE(password_matches(hash, "รหัสลับ "));
}

TEST(Password, EmptyPasswordIsRefused) {
  EXPECT_EQ(error_of([] { hash_password(""); }).code(), ErrorCode::InvalidInput);
  EXPECT_EQ(error_of([] { hash_password("   "); }).code(), ErrorCode::InvalidInput);
}

// ---------------------------------------------------------------- the Registry's rules

TEST(IdentityRegistry, LoginMapsAnOsAccountToOneUser) {
  Fixture f("identity-login");
  f.reg->set_login(f.admin, "somchai", "somchai.j");
  IdentityQuery q = query(kOther, std::nullopt);
  auto facts_now = identity_facts(*f.store, q);
  ASSERT_TRUE(facts_now.mapped);
  EXPECT_EQ(facts_now.mapped->name, "somchai");
  // One OS account, one user.
  auto e = error_of([&] { f.reg->set_login(f.admin, "nosy", "somchai.j"); });
  EXPECT_NE(std::string(e.what()).find("already mapped to user 'somchai'"), std::string::npos) << e.what();
  EXPECT_EQ(error_of([&] { f.reg->set_login(f.clerk, "somchai", "other"); }).code(), ErrorCode::PermissionDenied);
  EXPECT_EQ(error_of([&] { f.reg->set_login(f.admin, "somchai", "bad name"); }).code(), ErrorCode::InvalidInput);
  f.reg->set_login(f.admin, "somchai", std::nullopt);
  EXPECT_FALSE(identity_facts(*f.store, q).mapped);
  EXPECT_TRUE(f.reg->verify(f.cleared_clerk).ok);  // every change is in the audit chain
}

TEST(IdentityRegistry, AddUserWithLogin) {
  Fixture f("identity-add-login");
  f.reg->add_user(f.admin, "wichai", Role::Officer, Secrecy::None, "wichai");
  IdentityQuery q = query(kOther, std::nullopt);
  q.caller_login = "wichai";
  auto who = decide_identity(q, identity_facts(*f.store, q));
  ASSERT_TRUE(who);
  EXPECT_EQ(who->user.name, "wichai");
}

TEST(IdentityRegistry, AnAccountWithoutANameMapsToNobody) {
  Fixture f("identity-empty-login");
  f.reg->set_login(f.admin, "somchai", "somchai.j");
  IdentityQuery q = query(kOther, std::nullopt);
  q.caller_login.clear();
  EXPECT_FALSE(identity_facts(*f.store, q).mapped);
}

TEST(IdentityRegistry, PasswordIsSetByAnAdminOrTheUserThemselves) {
  Fixture f("identity-passwd");
  f.reg->set_password(f.admin, "director", "หนึ่ง");
  f.reg->set_password(f.clerk, "somchai", "สอง");
  EXPECT_EQ(error_of([&] { f.reg->set_password(f.clerk, "director", "สาม"); }).code(), ErrorCode::PermissionDenied);
  EXPECT_EQ(error_of([&] { f.reg->set_password(f.admin, "director", ""); }).code(), ErrorCode::InvalidInput);
  EXPECT_EQ(error_of([&] { f.reg->set_password(f.admin, "ghost", "x"); }).code(), ErrorCode::NotFound);
  auto director = decide_identity(query(kOther, "director", "หนึ่ง"), identity_facts(*f.store, query(kOther, "director")));
  ASSERT_TRUE(director);
  EXPECT_EQ(director->user.name, "director");
  auto e = error_of([&] { decide_identity(query(kOther, "director", "สาม"), identity_facts(*f.store, query(kOther, "director"))); });
  EXPECT_EQ(e.message(), kWrongPasswordOrUser);
  EXPECT_TRUE(f.reg->verify(f.cleared_clerk).ok);
}

// ---------------------------------------------------------------- user names

TEST(UserName, RefusesSpacesControlsAndMixedOrForeignScripts) {
  Fixture f("identity-names");
  auto refused = [&](const std::string& name, const std::string& why) {
    auto e = error_of([&] { f.reg->add_user(f.admin, name, Role::Clerk, Secrecy::None); });
    EXPECT_EQ(e.code(), ErrorCode::InvalidInput) << name;
    EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << name << ": " << e.what();
    EXPECT_NE(std::string(e.what()).find("one script: Latin letters, digits and . _ -"), std::string::npos)
        << "the refusal states the rule: " << e.what();
  };
  refused("malee ", "space");
  refused(" malee", "space");
  refused("ma\tlee", "control character");
  refused("ma\nlee", "control character");
  refused("malee\x7f", "control character");
  refused("m\xd0\xb0lee", "U+0430");         // Cyrillic а among Latin letters
  refused("\xd0\xb0" "dmin", "U+0430");         // looks exactly like "admin"
  refused("maleeมาลี", "mixes Latin and Thai");
  refused("ma\xe2\x80\x8blee", "invisible");  // zero-width space
  refused("ma\xffl", "not valid UTF-8");
  refused("", "empty");
  refused(".malee", "starts with a letter");
  refused("12345", "no letter");
  refused("ป\xe0\xb9\x88\xe0\xb8\xb9", "NFC");  // ป + tone mark + vowel: looks like ปู่
  refused("ก\xe0\xb9\x8d\xe0\xb8\xb2", "sara am");
  refused(std::string(33, 'a'), "longer than 32");
}

TEST(UserName, AcceptsLatinAndThaiNames) {
  Fixture f("identity-good-names");
  for (std::string n : {"s.jaidee", "Wichai_2", "สมศรี", "ปู่เย็น", "นภา.ใจดี"}) {
    EXPECT_NO_THROW(f.reg->add_user(f.admin, n, Role::Clerk, Secrecy::None)) << n;
  }
}

TEST(UserName, RefusesANameThatLooksLikeAnExistingOne) {
  Fixture f("identity-confusable");
  for (std::string n : {"Admin", "ADMIN", "sornchai", "n0sy"}) {
    auto e = error_of([&] { f.reg->add_user(f.admin, n, Role::Clerk, Secrecy::None); });
    EXPECT_EQ(e.code(), ErrorCode::InvalidInput) << n;
    EXPECT_NE(std::string(e.what()).find("looks like the existing user"), std::string::npos) << n << ": " << e.what();
  }
}

// ---------------------------------------------------------------- backup

TEST(Backup, NeedsAnAdminClearedForTheHighestLevelPresent) {
  SARABAN_SQLITE_ONLY("a PostgreSQL register is copied with pg_dump, not saraban backup");
  Fixture f("identity-backup");
  f.receive("เรื่องลับ", Secrecy::Confidential);
  std::string copy = f.dir + "/copy.db";
  auto e = error_of([&] { f.reg->backup(f.admin, copy); });  // admin, clearance none
  EXPECT_EQ(e.code(), ErrorCode::PermissionDenied);
  struct stat st {};
  EXPECT_NE(::stat(copy.c_str(), &st), 0) << "no copy is made";
  f.reg->add_user(f.admin, "keeper", Role::Admin, Secrecy::Confidential);
  User keeper = f.reg->acting_user("keeper");
  f.reg->backup(keeper, copy);  // ลับ is the highest present: clearance 1 is enough
  f.receive("เรื่องลับที่สุด", Secrecy::TopSecret);
  EXPECT_EQ(error_of([&] { f.reg->backup(keeper, f.dir + "/copy2.db"); }).code(), ErrorCode::PermissionDenied);
  f.reg->add_user(f.admin, "vault", Role::Admin, Secrecy::TopSecret);
  f.reg->backup(f.reg->acting_user("vault"), f.dir + "/copy2.db");
  // A clerk cleared for everything is still no admin.
  EXPECT_EQ(error_of([&] { f.reg->backup(f.cleared_clerk, f.dir + "/copy3.db"); }).code(), ErrorCode::PermissionDenied);
}

TEST(Backup, EverySecretEntryCopiedIsInTheAccessLog) {
  SARABAN_SQLITE_ONLY("a PostgreSQL register is copied with pg_dump, not saraban backup");
  Fixture f("identity-backup-log");
  auto a = f.receive("ลับหนึ่ง", Secrecy::Confidential);
  auto b = f.receive("ลับที่สุดสอง", Secrecy::TopSecret);
  f.receive("เปิดเผย");
  f.reg->add_user(f.admin, "vault", Role::Admin, Secrecy::TopSecret);
  User vault = f.reg->acting_user("vault");
  f.reg->backup(vault, f.dir + "/copy.db");
  std::vector<std::int64_t> logged;
  for (const auto& r : f.reg->access_log(vault, std::nullopt))
    if (r.command == "backup") {
      EXPECT_EQ(r.user, "vault");
      logged.push_back(r.entry_id);
    }
  std::vector<std::int64_t> expected{a.id, b.id};
  std::sort(logged.begin(), logged.end());  // ids carry no order within a second
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(logged, expected);
  EXPECT_TRUE(f.reg->verify(vault).ok);
}

// ---------------------------------------------------------------- an older register

TEST(IdentityMigration, AVersionOneRegisterGainsCredentialsAndStillVerifies) {
  SARABAN_SQLITE_ONLY("a migration of SQLite registers older than PostgreSQL support");
  Fixture f("identity-migrate");
  f.receive("ก่อนย้าย");
  std::string db = f.db;
  f.reg.reset();
  f.store.reset();
  ASSERT_EQ(testing::tamper(db, "DROP TABLE user_credentials; DROP TABLE office_files; PRAGMA user_version = 1"), SQLITE_OK);
  f.store = SqlRegisterStore::open(db, f.env);
  f.reg = std::make_unique<Registry>(*f.store, f.env);
  EXPECT_EQ(f.store->connection().pragma_int("user_version"), kSchemaVersion);
  f.reg->set_login(f.admin, "somchai", "somchai.j");
  f.reg->set_password(f.admin, "somchai", "ใหม่");
  EXPECT_TRUE(f.reg->verify(f.cleared_clerk).ok);
}

}  // namespace
}  // namespace saraban::registry
