#include "pdf/timestamp_token.h"

#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pkcs7.h>
#include <openssl/rand.h>
#include <openssl/ts.h>
#include <openssl/x509.h>

#include <memory>

#include "base/error.h"
#include "pdf/openssl_handles.h"

namespace saraban::pdf {
namespace {

Bytes sha256(const Bytes& data) {
  Bytes md(32);
  unsigned int len = 0;
  if (!EVP_Digest(data.data(), data.size(), md.data(), &len, EVP_sha256(), nullptr) || len != md.size())
    throw Error(ErrorCode::Internal, "SHA-256 of the signature value failed");
  return md;
}

Bytes der_of(const ASN1_STRING* s) {
  const unsigned char* p = ASN1_STRING_get0_data(s);
  return Bytes(p, p + ASN1_STRING_length(s));
}

// The nonce as the unsigned big-endian bytes of its INTEGER, to compare with the reply's.
Bytes integer_bytes(const ASN1_INTEGER* i) {
  BnPtr bn(ASN1_INTEGER_to_BN(i, nullptr));
  if (!bn) return {};
  Bytes out(static_cast<std::size_t>(BN_num_bytes(bn.get())));
  BN_bn2bin(bn.get(), out.data());
  return out;
}

}  // namespace

TimestampQuery make_timestamp_query(const Bytes& data) {
  TimestampQuery q;
  q.digest = sha256(data);
  // A fresh 64-bit nonce (top bit set so its length is fixed) ties the reply to this query.
  q.nonce.resize(8);
  if (RAND_bytes(q.nonce.data(), static_cast<int>(q.nonce.size())) != 1)
    throw Error(ErrorCode::Internal, "no random bytes for the time-stamp nonce");
  q.nonce[0] |= 0x80;

  ReqPtr req(TS_REQ_new());
  ImprintPtr imprint(TS_MSG_IMPRINT_new());
  AlgorPtr algo(X509_ALGOR_new());
  BnPtr bn(BN_bin2bn(q.nonce.data(), static_cast<int>(q.nonce.size()), nullptr));
  if (!req || !imprint || !algo || !bn) throw Error(ErrorCode::Internal, "out of memory for the time-stamp query");
  IntegerPtr nonce(BN_to_ASN1_INTEGER(bn.get(), nullptr));
  if (!nonce || !X509_ALGOR_set0(algo.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr) ||
      !TS_MSG_IMPRINT_set_algo(imprint.get(), algo.get()) ||
      !TS_MSG_IMPRINT_set_msg(imprint.get(), q.digest.data(), static_cast<int>(q.digest.size())) ||
      !TS_REQ_set_version(req.get(), 1) || !TS_REQ_set_msg_imprint(req.get(), imprint.get()) ||
      !TS_REQ_set_nonce(req.get(), nonce.get()) || !TS_REQ_set_cert_req(req.get(), 1))
    throw Error(ErrorCode::Internal, "cannot build the time-stamp query");
  unsigned char* der = nullptr;
  const int len = i2d_TS_REQ(req.get(), &der);
  if (len <= 0) throw Error(ErrorCode::Internal, "cannot encode the time-stamp query");
  q.der.assign(der, der + len);
  OPENSSL_free(der);
  return q;
}

Bytes timestamp_token_from_reply(const Bytes& reply, const TimestampQuery& query, const std::string& url) {
  const unsigned char* p = reply.data();
  RespPtr resp(d2i_TS_RESP(nullptr, &p, static_cast<long>(reply.size())));
  ERR_clear_error();
  if (!resp || p != reply.data() + reply.size())
    throw Error(ErrorCode::InvalidInput,
                "the time-stamp authority answered something that is not a time-stamp response (" +
                    std::to_string(reply.size()) + " bytes)",
                url);
  const long status = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(resp.get())));
  if (status != 0 && status != 1)  // granted, grantedWithMods
    throw Error(ErrorCode::InvalidInput, "the time-stamp authority refused the request (PKIStatus " +
                                             std::to_string(status) + ")", url);
  TS_TST_INFO* info = TS_RESP_get_tst_info(resp.get());
  PKCS7* token = TS_RESP_get_token(resp.get());
  if (!info || !token) throw Error(ErrorCode::InvalidInput, "the time-stamp response holds no token", url);
  TS_MSG_IMPRINT* imprint = TS_TST_INFO_get_msg_imprint(info);
  const X509_ALGOR* algo = TS_MSG_IMPRINT_get_algo(imprint);
  if (OBJ_obj2nid(algo->algorithm) != NID_sha256 || der_of(TS_MSG_IMPRINT_get_msg(imprint)) != query.digest)
    throw Error(ErrorCode::InvalidInput, "the time-stamp token stamps other data than the signature", url);
  const ASN1_INTEGER* nonce = TS_TST_INFO_get_nonce(info);
  if (!nonce || integer_bytes(nonce) != query.nonce)
    throw Error(ErrorCode::InvalidInput, "the time-stamp token does not repeat the query's nonce", url);
  unsigned char* der = nullptr;
  const int len = i2d_PKCS7(token, &der);
  if (len <= 0) throw Error(ErrorCode::Internal, "cannot encode the time-stamp token");
  Bytes out(der, der + len);
  OPENSSL_free(der);
  return out;
}

}  // namespace saraban::pdf
