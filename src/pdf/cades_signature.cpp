#include "pdf/cades_signature.h"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>

#include <algorithm>
#include <memory>

#include "base/error.h"
#include "pdf/openssl_handles.h"

namespace saraban::pdf {
namespace {

BioPtr content_bio(const std::vector<std::string_view>& parts) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio) throw Error(ErrorCode::Internal, "out of memory for the signed bytes");
  for (std::string_view p : parts)
    if (!p.empty() && BIO_write(bio.get(), p.data(), static_cast<int>(p.size())) != static_cast<int>(p.size()))
      throw Error(ErrorCode::Internal, "cannot buffer the signed bytes");
  return bio;
}

// DER of the signed attributes as the signature covers them: a SET OF, its members sorted by
// their encodings (X.690 11.6), which is also how OpenSSL writes them into the SignerInfo.
Bytes signed_attributes_der(CMS_SignerInfo* si) {
  std::vector<Bytes> members;
  for (int i = 0; i < CMS_signed_get_attr_count(si); ++i) {
    unsigned char* der = nullptr;
    const int len = i2d_X509_ATTRIBUTE(CMS_signed_get_attr(si, i), &der);
    if (len <= 0) throw Error(ErrorCode::Internal, "cannot encode a signed attribute");
    members.emplace_back(der, der + len);
    OPENSSL_free(der);
  }
  std::sort(members.begin(), members.end());
  std::size_t body = 0;
  for (const Bytes& m : members) body += m.size();
  Bytes out{0x31};
  if (body < 0x80) {
    out.push_back(static_cast<std::uint8_t>(body));
  } else {
    Bytes len;
    for (std::size_t n = body; n; n >>= 8) len.insert(len.begin(), static_cast<std::uint8_t>(n & 0xFF));
    out.push_back(static_cast<std::uint8_t>(0x80 | len.size()));
    out.insert(out.end(), len.begin(), len.end());
  }
  for (const Bytes& m : members) out.insert(out.end(), m.begin(), m.end());
  return out;
}

// OpenSSL 3.0 always adds signing-time when it signs; PAdES forbids it, so it is taken out and
// the signed attributes are signed again with the same key and digest.
void drop_signing_time(CMS_SignerInfo* si, const CadesSigner& signer) {
  const int at = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
  if (at < 0) return;
  AttrPtr(CMS_signed_delete_attr(si, at));
  const Bytes attrs = signed_attributes_der(si);
  MdCtxPtr md(EVP_MD_CTX_new());
  std::size_t len = 0;
  if (!md || EVP_DigestSignInit(md.get(), nullptr, EVP_sha256(), nullptr, signer.key) != 1 ||
      EVP_DigestSign(md.get(), nullptr, &len, attrs.data(), attrs.size()) != 1)
    throw Error(ErrorCode::InvalidInput, "cannot sign with this key: " + openssl_error(), signer.source);
  Bytes sig(len);
  if (EVP_DigestSign(md.get(), sig.data(), &len, attrs.data(), attrs.size()) != 1)
    throw Error(ErrorCode::InvalidInput, "cannot sign with this key: " + openssl_error(), signer.source);
  if (!ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), sig.data(), static_cast<int>(len)))
    throw Error(ErrorCode::Internal, "cannot store the signature value");
}

// B-T: the authority's token over the signature value, as id-aa-signatureTimeStampToken.
void add_signature_timestamp(CMS_SignerInfo* si, const CadesSigner& signer) {
  const ASN1_OCTET_STRING* value = CMS_SignerInfo_get0_signature(si);
  const unsigned char* p = ASN1_STRING_get0_data(value);
  const TimestampQuery query = make_timestamp_query(Bytes(p, p + ASN1_STRING_length(value)));
  if (!signer.tsa_post) throw Error(ErrorCode::Internal, "no transport for the time-stamp authority", signer.tsa_url);
  const Bytes token = timestamp_token_from_reply(signer.tsa_post(signer.tsa_url, query.der), query, signer.tsa_url);
  if (!CMS_unsigned_add1_attr_by_NID(si, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE, token.data(),
                                     static_cast<int>(token.size())))
    throw Error(ErrorCode::Internal, "cannot add the time-stamp token: " + openssl_error());
}

}  // namespace

Bytes cades_detached_signature(const std::vector<std::string_view>& parts, const CadesSigner& signer) {
  constexpr unsigned kFlags = CMS_DETACHED | CMS_BINARY;
  CmsPtr cms(CMS_sign(nullptr, nullptr, signer.chain, nullptr, kFlags | CMS_PARTIAL));
  if (!cms) throw Error(ErrorCode::Internal, "CMS_sign: " + openssl_error());
  // CMS_CADES adds signing-certificate-v2 (ESSCertIDv2, SHA-256 of the signer's certificate).
  CMS_SignerInfo* si =
      CMS_add1_signer(cms.get(), signer.cert, signer.key, EVP_sha256(), CMS_BINARY | CMS_CADES | CMS_NOSMIMECAP);
  if (!si) throw Error(ErrorCode::InvalidInput, "cannot sign with this key: " + openssl_error(), signer.source);
  BioPtr data = content_bio(parts);
  if (!CMS_final(cms.get(), data.get(), nullptr, kFlags)) throw Error(ErrorCode::Internal, "CMS_final: " + openssl_error());
  drop_signing_time(si, signer);

  // Check the re-signed attributes before anything leaves: a key type whose padding the plain
  // re-signing does not reproduce (RSA-PSS) is refused here instead of writing a broken file.
  BioPtr again = content_bio(parts);
  if (CMS_verify(cms.get(), nullptr, nullptr, again.get(), nullptr, kFlags | CMS_NO_SIGNER_CERT_VERIFY) != 1)
    throw Error(ErrorCode::InvalidInput, "the signature made with this key does not verify: " + openssl_error(),
                signer.source);
  if (!signer.tsa_url.empty()) add_signature_timestamp(si, signer);

  unsigned char* der = nullptr;
  const int len = i2d_CMS_ContentInfo(cms.get(), &der);
  if (len <= 0) throw Error(ErrorCode::Internal, "cannot encode the signature: " + openssl_error());
  Bytes out(der, der + len);
  OPENSSL_free(der);
  return out;
}

}  // namespace saraban::pdf
