// RFC 3161 replies the signer must refuse (pdf/timestamp_token.h): each is a real reply made by
// `openssl ts -reply`, only not an answer to the query that was sent.
#include <gtest/gtest.h>

#include <string>

#include "base/error.h"
#include "pdf/timestamp_token.h"
#include "pdf_test_support.h"

using namespace saraban;
using namespace saraban::pdf;
using namespace saraban::testing;

namespace {

class TimestampReply : public ::testing::Test {
 protected:
  void SetUp() override {
    if (run_command("command -v openssl").status != 0) GTEST_SKIP() << "openssl missing";
    const std::string d = dir.path();
    write_bytes(dir.file("ext.cnf"), bytes("extendedKeyUsage=critical,timeStamping\nbasicConstraints=CA:FALSE\n"));
    write_bytes(dir.file("serial"), bytes("01\n"));
    write_bytes(dir.file("tsa.cnf"),
                bytes("[ tsa ]\ndefault_tsa = tsa1\n[ tsa1 ]\ndir = " + d +
                      "\nserial = $dir/serial\ncrypto_device = builtin\nsigner_cert = $dir/tsa.pem\n"
                      "certs = $dir/ca.pem\nsigner_key = $dir/tsakey.pem\nsigner_digest = sha256\n"
                      "default_policy = 1.2.3.4.1\ndigests = sha256\naccuracy = secs:1\n"
                      "ess_cert_id_alg = sha256\n"));
    auto r = run_command("cd '" + d +
                         "' && (openssl req -x509 -newkey rsa:2048 -nodes -keyout cakey.pem -out ca.pem -days 2"
                         " -subj '/CN=CA' && openssl req -new -newkey rsa:2048 -nodes -keyout tsakey.pem -out tsa.csr"
                         " -subj '/CN=TSA' && openssl x509 -req -in tsa.csr -CA ca.pem -CAkey cakey.pem"
                         " -CAcreateserial -out tsa.pem -days 2 -extfile ext.cnf) 2>&1");
    ASSERT_EQ(r.status, 0) << r.output;
  }

  static Bytes bytes(const std::string& s) { return Bytes(s.begin(), s.end()); }

  // The authority's reply to the DER query `query`.
  Bytes reply_to(const Bytes& query) {
    write_bytes(dir.file("q.tsq"), query);
    auto r = run_command("openssl ts -reply -config '" + dir.file("tsa.cnf") + "' -queryfile '" + dir.file("q.tsq") +
                         "' -out '" + dir.file("r.tsr") + "' 2>&1");
    EXPECT_EQ(r.status, 0) << r.output;
    return read_bytes(dir.file("r.tsr"));
  }

  // A query made by the openssl tool for the same signature value (its own nonce), `digest` naming
  // the algorithm.
  Bytes tool_query(const Bytes& data, const std::string& digest) {
    write_bytes(dir.file("data"), data);
    auto r = run_command("openssl ts -query -data '" + dir.file("data") + "' -" + digest + " -cert -out '" +
                         dir.file("tool.tsq") + "' 2>&1");
    EXPECT_EQ(r.status, 0) << r.output;
    return read_bytes(dir.file("tool.tsq"));
  }

  std::string refusal(const Bytes& reply, const TimestampQuery& query) {
    try {
      timestamp_token_from_reply(reply, query, "http://tsa.test/");
    } catch (const Error& e) {
      EXPECT_EQ(e.context(), "http://tsa.test/");
      return e.message();
    }
    return "accepted";
  }

  TempDir dir;
  const Bytes signature_value = bytes("the signature value");
};

TEST_F(TimestampReply, ItsOwnReplyGivesAToken) {
  const TimestampQuery query = make_timestamp_query(signature_value);
  const Bytes token = timestamp_token_from_reply(reply_to(query.der), query, "http://tsa.test/");
  write_bytes(dir.file("token.der"), token);
  write_bytes(dir.file("data"), signature_value);
  auto v = run_command("openssl ts -verify -token_in -in '" + dir.file("token.der") + "' -data '" + dir.file("data") +
                       "' -CAfile '" + dir.file("ca.pem") + "' 2>&1");
  EXPECT_EQ(v.status, 0) << v.output;
  EXPECT_NE(v.output.find("Verification: OK"), std::string::npos) << v.output;
}

TEST_F(TimestampReply, AnotherNonceIsRefused) {
  const TimestampQuery query = make_timestamp_query(signature_value);
  EXPECT_EQ(refusal(reply_to(tool_query(signature_value, "sha256")), query),
            "the time-stamp token does not repeat the query's nonce");
}

TEST_F(TimestampReply, AnotherImprintIsRefused) {
  const TimestampQuery query = make_timestamp_query(signature_value);
  EXPECT_EQ(refusal(reply_to(tool_query(bytes("other bytes"), "sha256")), query),
            "the time-stamp token stamps other data than the signature");
}

TEST_F(TimestampReply, ARejectionIsRefused) {
  const TimestampQuery query = make_timestamp_query(signature_value);
  // The authority takes SHA-256 only: a SHA-1 query is answered with status rejection (2).
  EXPECT_EQ(refusal(reply_to(tool_query(signature_value, "sha1")), query),
            "the time-stamp authority refused the request (PKIStatus 2)");
}

TEST_F(TimestampReply, GarbageAndTrailingBytesAreRefused) {
  const TimestampQuery query = make_timestamp_query(signature_value);
  EXPECT_NE(refusal(bytes("<html>busy</html>"), query).find("not a time-stamp response"), std::string::npos);
  Bytes padded = reply_to(query.der);
  padded.push_back(0);
  EXPECT_NE(refusal(padded, query).find("not a time-stamp response"), std::string::npos);
}

}  // namespace
