// PAdES signatures made by `saraban sign`: baseline B-B (/ETSI.CAdES.detached, signing-
// certificate-v2, no signing-time in the CMS) and B-T (an RFC 3161 token over the signature
// value from a local `openssl ts` responder), checked from outside with pdfsig, `openssl cms
// -verify` over the signed byte ranges, `openssl asn1parse` and `openssl ts -verify`; two
// signers stay valid; a time-stamp authority that is down or answers garbage writes nothing.
#include <gtest/gtest.h>
#include <openssl/cms.h>
#include <openssl/objects.h>
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Outcome {
  int status;
  std::string output;
};

Outcome run(const std::string& command) {
  Outcome r{0, {}};
  FILE* p = popen(("( " + command + " ) 2>&1").c_str(), "r");
  if (!p) return {-1, "popen failed"};
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.output.append(buf.data(), n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "saraban-pades-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

const std::string kBinary = SARABAN_BINARY;
const std::string kEnv = "SOURCE_DATE_EPOCH=1790000000 ";
fs::path sample(const std::string& kind) { return fs::path(SARABAN_SOURCE_DIR) / "samples/letters" / (kind + ".json"); }

// One signature as a verifier sees it: the DER CMS from /Contents and the bytes /ByteRange signs.
struct Extracted {
  std::string cms;
  std::string signed_bytes;
  std::string dictionary;  // the signature dictionary's text, /Contents' hex included
};

// The n-th signature (0-based, in file order: each signer appends its own update).
Extracted extract_signature(const std::string& pdf, std::size_t n) {
  std::size_t at = std::string::npos;
  for (std::size_t i = 0, from = 0; i <= n; ++i, from = at + 1) {
    at = pdf.find("/ByteRange[", from);
    if (at == std::string::npos) return {};
  }
  long long r[4] = {0, 0, 0, 0};
  std::istringstream ranges(pdf.substr(at + 11, 60));
  for (long long& v : r) ranges >> v;
  Extracted e;
  const std::size_t obj = pdf.rfind(" obj", at), end = pdf.find("endobj", at);
  e.dictionary = pdf.substr(obj, end - obj);
  e.signed_bytes = pdf.substr(0, static_cast<std::size_t>(r[1])) +
                   pdf.substr(static_cast<std::size_t>(r[2]), static_cast<std::size_t>(r[3]));
  const std::size_t open = static_cast<std::size_t>(r[1]), close = static_cast<std::size_t>(r[2]) - 1;
  if (pdf[open] != '<' || pdf[close] != '>') return {};
  std::string der;
  for (std::size_t i = open + 1; i + 1 < close; i += 2) der += static_cast<char>(std::stoi(pdf.substr(i, 2), nullptr, 16));
  // The hex is padded with zeros to its reserved size: keep the DER object's own length.
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(der[i]); };
  std::size_t len = 0, header = 2;
  if (b(1) & 0x80) {
    header += b(1) & 0x7F;
    for (std::size_t i = 2; i < header; ++i) len = (len << 8) | b(i);
  } else {
    len = b(1);
  }
  e.cms = der.substr(0, header + len);
  return e;
}

using CmsPtr = std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)>;

CmsPtr parse_cms(const std::string& der) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
  return CmsPtr(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())), CMS_ContentInfo_free);
}

CMS_SignerInfo* only_signer(CMS_ContentInfo* cms) {
  STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms);
  return infos && sk_CMS_SignerInfo_num(infos) == 1 ? sk_CMS_SignerInfo_value(infos, 0) : nullptr;
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// A local RFC 3161 responder: Python's http.server piping each query through `openssl ts -reply`
// (in "garbage" mode answering HTML, in "http500" an HTTP error, in "other" a valid token over
// other data), on a free port; killed when the test ends.
constexpr const char* kResponder = R"(import http.server, os, subprocess, sys
conf, mode = sys.argv[1], sys.argv[2]
work = os.path.dirname(os.path.abspath(conf))
class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        status = 200
        if mode == "garbage" or self.headers.get("Content-Type") != "application/timestamp-query":
            out = b"<html>this is not a time-stamp response</html>"
        elif mode == "http500":
            status, out = 500, b"internal error"
        else:
            q, r = os.path.join(work, "query.tsq"), os.path.join(work, "reply.tsr")
            if mode == "other":  # a valid token, but over other data than asked
                subprocess.run(["openssl", "ts", "-query", "-data", conf, "-sha256", "-cert", "-out", q], check=True, capture_output=True)
            else:
                with open(q, "wb") as f: f.write(body)
            subprocess.run(["openssl", "ts", "-reply", "-config", conf, "-queryfile", q, "-out", r], check=True, capture_output=True)
            with open(r, "rb") as f: out = f.read()
        self.send_response(status)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)
    def log_message(self, *args): pass
server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
)";

class Responder {
 public:
  Responder(const fs::path& dir, const std::string& mode) {
    const fs::path port_file = dir / ("port-" + mode);
    Outcome r = run("/usr/bin/python3 " + q(dir / "responder.py") + " " + q(dir / "tsa.cnf") + " " + mode + " > " +
                    q(port_file) + " 2> " + q(dir / ("responder-" + mode + ".log")) + " & echo $!");
    pid_ = std::atoi(r.output.c_str());
    for (int i = 0; i < 100 && port_.empty(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      std::string text = read(port_file);
      if (!text.empty() && text.back() == '\n') port_ = text.substr(0, text.size() - 1);
    }
  }
  ~Responder() {
    if (pid_ > 0) kill(pid_, SIGTERM);
  }
  bool up() const { return pid_ > 0 && !port_.empty(); }
  std::string url() const { return "http://127.0.0.1:" + port_ + "/tsa"; }

 private:
  int pid_ = 0;
  std::string port_;
};

class Pades : public ::testing::Test {
 protected:
  void SetUp() override {
    if (run("command -v openssl && command -v pdfsig && test -x /usr/bin/python3").status != 0)
      GTEST_SKIP() << "openssl, pdfsig or /usr/bin/python3 missing";
    const fs::path d = dir.path();
    for (int n : {1, 2}) {
      const std::string s = std::to_string(n);
      Outcome r = run("cd " + q(d) + " && openssl req -x509 -newkey rsa:2048 -nodes -keyout k" + s + ".pem -out c" + s +
                      ".pem -days 2 -subj '/CN=Test Signer " + s + "' && openssl pkcs12 -export -inkey k" + s +
                      ".pem -in c" + s + ".pem -out s" + s + ".p12 -passout pass:secret" + s);
      ASSERT_EQ(r.status, 0) << r.output;
      write(d / ("pw" + s), "secret" + s + "\n");
    }
    // The time-stamp authority: its own CA, and a certificate for timeStamping only.
    write(d / "tsaext.cnf", "extendedKeyUsage=critical,timeStamping\nbasicConstraints=CA:FALSE\n"
                            "keyUsage=critical,digitalSignature\n");
    write(d / "tsaserial", "01\n");
    write(d / "tsa.cnf", "[ tsa ]\ndefault_tsa = tsa1\n[ tsa1 ]\ndir = " + d.string() +
                             "\nserial = $dir/tsaserial\ncrypto_device = builtin\nsigner_cert = $dir/tsa.pem\n"
                             "certs = $dir/tsaca.pem\nsigner_key = $dir/tsakey.pem\nsigner_digest = sha256\n"
                             "default_policy = 1.2.3.4.1\ndigests = sha256\naccuracy = secs:1\nordering = yes\n"
                             "tsa_name = yes\ness_cert_id_chain = no\ness_cert_id_alg = sha256\n");
    write(d / "responder.py", kResponder);
    Outcome r = run("cd " + q(d) +
                    " && openssl req -x509 -newkey rsa:2048 -nodes -keyout tsacakey.pem -out tsaca.pem -days 2"
                    " -subj '/CN=Test TSA CA' && openssl req -new -newkey rsa:2048 -nodes -keyout tsakey.pem"
                    " -out tsa.csr -subj '/CN=Test TSA' && openssl x509 -req -in tsa.csr -CA tsaca.pem"
                    " -CAkey tsacakey.pem -CAcreateserial -out tsa.pem -days 2 -extfile tsaext.cnf");
    ASSERT_EQ(r.status, 0) << r.output;
  }

  fs::path render(const std::string& kind) {
    fs::path out = dir.path() / (kind + ".pdf");
    Outcome r = run(kEnv + kBinary + " render " + q(sample(kind)) + " -o " + q(out));
    EXPECT_EQ(r.status, 0) << r.output;
    return out;
  }

  Outcome sign(const fs::path& in, int signer, const fs::path& out, const std::string& extra = "") {
    const std::string s = std::to_string(signer);
    return run(kBinary + " sign " + q(in) + " --p12 " + q(dir.path() / ("s" + s + ".p12")) + " --password-file " +
               q(dir.path() / ("pw" + s)) + " " + extra + " -o " + q(out));
  }

  // `openssl cms -verify` over the signed byte ranges, the signer's certificate as the trust anchor.
  Outcome cms_verify(const Extracted& e, int signer, const std::string& tag) {
    const fs::path d = dir.path();
    write(d / (tag + ".p7s"), e.cms);
    write(d / (tag + ".bin"), e.signed_bytes);
    return run("openssl cms -verify -binary -inform DER -in " + q(d / (tag + ".p7s")) + " -content " +
               q(d / (tag + ".bin")) + " -CAfile " + q(d / ("c" + std::to_string(signer) + ".pem")) +
               " -purpose any -out /dev/null");
  }

  // The B-B profile: SubFilter, signing-certificate-v2 naming the signer's certificate by its
  // SHA-256, content-type and message-digest signed, no signing-time.
  void expect_baseline_b(const Extracted& e, int signer, const std::string& tag) {
    EXPECT_NE(e.dictionary.find("/SubFilter/ETSI.CAdES.detached"), std::string::npos) << e.dictionary;
    EXPECT_EQ(e.dictionary.find("adbe.pkcs7"), std::string::npos) << e.dictionary;
    EXPECT_NE(e.dictionary.find("/M("), std::string::npos) << e.dictionary;
    Outcome v = cms_verify(e, signer, tag);
    EXPECT_EQ(v.status, 0) << v.output;
    EXPECT_NE(v.output.find("Verification successful"), std::string::npos) << v.output;

    CmsPtr cms = parse_cms(e.cms);
    ASSERT_TRUE(cms);
    CMS_SignerInfo* si = only_signer(cms.get());
    ASSERT_NE(si, nullptr);
    EXPECT_LT(CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1), 0);
    EXPECT_GE(CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, -1), 0);
    EXPECT_GE(CMS_signed_get_attr_by_NID(si, NID_pkcs9_contentType, -1), 0);
    EXPECT_GE(CMS_signed_get_attr_by_NID(si, NID_pkcs9_messageDigest, -1), 0);

    // From outside too: the printed signed attributes name signingCertificateV2 and no signingTime.
    Outcome printed = run("openssl cms -cmsout -print -inform DER -in " + q(dir.path() / (tag + ".p7s")));
    ASSERT_EQ(printed.status, 0) << printed.output;
    const std::size_t from = printed.output.find("signedAttrs:");
    const std::size_t to = printed.output.find("signatureAlgorithm:", from);
    ASSERT_NE(from, std::string::npos) << printed.output;
    const std::string attrs = printed.output.substr(from, to - from);
    EXPECT_NE(attrs.find("1.2.840.113549.1.9.16.2.47"), std::string::npos) << attrs;
    EXPECT_EQ(attrs.find("1.2.840.113549.1.9.5)"), std::string::npos) << attrs;  // signingTime
    Outcome hash = run("openssl x509 -in " + q(dir.path() / ("c" + std::to_string(signer) + ".pem")) +
                       " -outform DER | openssl dgst -sha256 -r");
    ASSERT_EQ(hash.status, 0) << hash.output;
    Outcome parsed = run("openssl asn1parse -inform DER -in " + q(dir.path() / (tag + ".p7s")));
    EXPECT_NE(parsed.output.find("[HEX DUMP]:" + upper(hash.output.substr(0, 64))), std::string::npos)
        << "no ESSCertIDv2 with the signer certificate's SHA-256\n"
        << parsed.output;
  }

  // The B-T token: present as id-aa-signatureTimeStampToken and, for `openssl ts -verify`, a
  // valid stamp of the signature value by the test authority.
  void expect_timestamp(const Extracted& e, const std::string& tag) {
    CmsPtr cms = parse_cms(e.cms);
    ASSERT_TRUE(cms);
    CMS_SignerInfo* si = only_signer(cms.get());
    ASSERT_NE(si, nullptr);
    const int at = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1);
    ASSERT_GE(at, 0) << "no signature time-stamp token";
    ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_unsigned_get_attr(si, at), 0);
    ASSERT_TRUE(value && value->type == V_ASN1_SEQUENCE);
    const ASN1_STRING* token = value->value.sequence;
    const ASN1_OCTET_STRING* sig = CMS_SignerInfo_get0_signature(si);
    const fs::path d = dir.path();
    write(d / (tag + ".tst"), std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(token)),
                                          static_cast<std::size_t>(ASN1_STRING_length(token))));
    write(d / (tag + ".sigvalue"), std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(sig)),
                                               static_cast<std::size_t>(ASN1_STRING_length(sig))));
    Outcome v = run("openssl ts -verify -token_in -in " + q(d / (tag + ".tst")) + " -data " +
                    q(d / (tag + ".sigvalue")) + " -CAfile " + q(d / "tsaca.pem"));
    EXPECT_EQ(v.status, 0) << v.output;
    EXPECT_NE(v.output.find("Verification: OK"), std::string::npos) << v.output;
    // And not a stamp of anything else: the same token refuses the signed bytes.
    v = run("openssl ts -verify -token_in -in " + q(d / (tag + ".tst")) + " -data " + q(d / (tag + ".bin")) +
            " -CAfile " + q(d / "tsaca.pem"));
    EXPECT_NE(v.status, 0) << v.output;
  }

  TempDir dir;
};

TEST_F(Pades, BaselineBOnALetter) {
  const fs::path letter = render("external");
  const fs::path out = dir.path() / "signed.pdf";
  Outcome r = sign(letter, 1, out, "--reason 'อนุมัติ'");
  ASSERT_EQ(r.status, 0) << r.output;
  Outcome v = run("pdfsig " + q(out));
  EXPECT_EQ(count_of(v.output, "Signature is Valid."), 1u) << v.output;
  EXPECT_NE(v.output.find("Signature Type: ETSI.CAdES.detached"), std::string::npos) << v.output;
  const Extracted e = extract_signature(read(out), 0);
  ASSERT_FALSE(e.cms.empty());
  expect_baseline_b(e, 1, "bb");
  CmsPtr cms = parse_cms(e.cms);
  ASSERT_TRUE(cms);
  EXPECT_LT(CMS_unsigned_get_attr_by_NID(only_signer(cms.get()), NID_id_smime_aa_timeStampToken, -1), 0)
      << "B-B carries no time-stamp";
}

// No signing-time in the CMS: with the document time fixed, B-B signing is byte for byte
// reproducible (RSA PKCS#1 v1.5 signatures are deterministic); the time is the dictionary's /M.
TEST_F(Pades, BaselineBIsReproducible) {
  const fs::path letter = render("external");
  for (const char* name : {"a.pdf", "b.pdf"}) {
    Outcome r = run(kEnv + kBinary + " sign " + q(letter) + " --p12 " + q(dir.path() / "s1.p12") +
                    " --password-file " + q(dir.path() / "pw1") + " -o " + q(dir.path() / name));
    ASSERT_EQ(r.status, 0) << r.output;
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // a wall-clock time would now differ
  }
  EXPECT_TRUE(read(dir.path() / "a.pdf") == read(dir.path() / "b.pdf"));
  Outcome v = run("TZ=UTC pdfsig " + q(dir.path() / "a.pdf"));
  EXPECT_NE(v.output.find("Signing Time: Sep 21 2026 14:13:20"), std::string::npos) << v.output;  // /M
}

TEST_F(Pades, TwoBaselineSignersBothValid) {
  const fs::path letter = render("minutes");  // recorder and reviewer: two signature fields
  ASSERT_EQ(sign(letter, 1, dir.path() / "one.pdf").status, 0);
  Outcome r = sign(dir.path() / "one.pdf", 2, dir.path() / "two.pdf");
  ASSERT_EQ(r.status, 0) << r.output;
  Outcome v = run("pdfsig " + q(dir.path() / "two.pdf"));
  EXPECT_EQ(count_of(v.output, "Signature is Valid."), 2u) << v.output;
  EXPECT_EQ(count_of(v.output, "Signature Type: ETSI.CAdES.detached"), 2u) << v.output;
  const std::string two = read(dir.path() / "two.pdf");
  expect_baseline_b(extract_signature(two, 0), 1, "first");
  expect_baseline_b(extract_signature(two, 1), 2, "second");
}

TEST_F(Pades, BaselineTWithALocalAuthority) {
  Responder tsa(dir.path(), "good");
  ASSERT_TRUE(tsa.up()) << read(dir.path() / "responder-good.log");
  const fs::path letter = render("minutes");
  Outcome r = sign(letter, 1, dir.path() / "one.pdf", "--tsa " + tsa.url());
  ASSERT_EQ(r.status, 0) << r.output << read(dir.path() / "responder-good.log");
  r = sign(dir.path() / "one.pdf", 2, dir.path() / "two.pdf", "--tsa " + tsa.url());
  ASSERT_EQ(r.status, 0) << r.output << read(dir.path() / "responder-good.log");
  Outcome v = run("pdfsig " + q(dir.path() / "two.pdf"));
  EXPECT_EQ(count_of(v.output, "Signature is Valid."), 2u) << v.output;
  const std::string two = read(dir.path() / "two.pdf");
  for (std::size_t n : {0u, 1u}) {
    const std::string tag = "bt" + std::to_string(n);
    const Extracted e = extract_signature(two, n);
    ASSERT_FALSE(e.cms.empty());
    expect_baseline_b(e, static_cast<int>(n) + 1, tag);
    expect_timestamp(e, tag);
  }
}

TEST_F(Pades, AuthorityDownIsNamedAndWritesNothing) {
  // A port nothing listens on: bound, read and released.
  Outcome port = run("/usr/bin/python3 -c \"import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); "
                     "print(s.getsockname()[1])\"");
  ASSERT_EQ(port.status, 0) << port.output;
  const std::string url = "http://127.0.0.1:" + port.output.substr(0, port.output.find('\n')) + "/";
  const fs::path letter = render("external");
  Outcome r = sign(letter, 1, dir.path() / "out.pdf", "--tsa " + url);
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find(url), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("cannot be reached: cannot connect"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir.path() / "out.pdf"));
}

TEST_F(Pades, AuthorityAnsweringGarbageIsNamedAndWritesNothing) {
  Responder tsa(dir.path(), "garbage");
  ASSERT_TRUE(tsa.up()) << read(dir.path() / "responder-garbage.log");
  const fs::path letter = render("external");
  Outcome r = sign(letter, 1, dir.path() / "out.pdf", "--tsa " + tsa.url());
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find(tsa.url()), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("not a time-stamp response"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir.path() / "out.pdf"));
}

TEST_F(Pades, AuthorityStampingOtherDataIsRefused) {
  Responder tsa(dir.path(), "other");
  ASSERT_TRUE(tsa.up()) << read(dir.path() / "responder-other.log");
  Outcome r = sign(render("external"), 1, dir.path() / "out.pdf", "--tsa " + tsa.url());
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find(tsa.url()), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("stamps other data than the signature"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir.path() / "out.pdf"));
}

TEST_F(Pades, AuthorityHttpErrorIsNamed) {
  Responder tsa(dir.path(), "http500");
  ASSERT_TRUE(tsa.up()) << read(dir.path() / "responder-http500.log");
  Outcome r = sign(render("external"), 1, dir.path() / "out.pdf", "--tsa " + tsa.url());
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find(tsa.url()), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("HTTP 500"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir.path() / "out.pdf"));
}

// The office's authority comes from SARABAN_TSA_URL; `--tsa none` signs B-B for once.
TEST_F(Pades, OfficeAuthorityFromTheEnvironment) {
  Responder tsa(dir.path(), "good");
  ASSERT_TRUE(tsa.up()) << read(dir.path() / "responder-good.log");
  const fs::path letter = render("external");
  const std::string office = "SARABAN_TSA_URL=" + tsa.url() + " ";
  auto has_token = [&](const fs::path& pdf) {
    CmsPtr cms = parse_cms(extract_signature(read(pdf), 0).cms);
    return cms && CMS_unsigned_get_attr_by_NID(only_signer(cms.get()), NID_id_smime_aa_timeStampToken, -1) >= 0;
  };
  Outcome r = run(office + kBinary + " sign " + q(letter) + " --p12 " + q(dir.path() / "s1.p12") +
                  " --password-file " + q(dir.path() / "pw1") + " -o " + q(dir.path() / "bt.pdf"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_TRUE(has_token(dir.path() / "bt.pdf"));
  r = run(office + kBinary + " sign " + q(letter) + " --p12 " + q(dir.path() / "s1.p12") + " --password-file " +
          q(dir.path() / "pw1") + " --tsa none -o " + q(dir.path() / "bb.pdf"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_FALSE(has_token(dir.path() / "bb.pdf"));
  EXPECT_EQ(count_of(run("pdfsig " + q(dir.path() / "bt.pdf")).output, "Signature is Valid."), 1u);
}

TEST_F(Pades, AuthorityUrlMustBeHttp) {
  const fs::path letter = render("external");
  Outcome r = sign(letter, 1, dir.path() / "out.pdf", "--tsa ftp://tsa.example/");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("ftp://tsa.example/"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir.path() / "out.pdf"));
}

}  // namespace
