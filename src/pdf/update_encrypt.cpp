#include "pdf/update_encrypt.h"

#include <openssl/evp.h>
#include <podofo/podofo.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "base/error.h"

namespace saraban::pdf {

using namespace PoDoFo;

namespace {

struct CipherCtx {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  ~CipherCtx() { EVP_CIPHER_CTX_free(ctx); }
};

struct DigestCtx {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~DigestCtx() { EVP_MD_CTX_free(ctx); }
};

[[noreturn]] void unused(const char* what) {
  throw Error(ErrorCode::PdfError, std::string("internal: an update's encryption was asked to ") + what);
}

[[noreturn]] void crypto_failed(const char* what) {
  throw Error(ErrorCode::PdfError, std::string("cannot encrypt the stamp for the encrypted PDF: ") + what);
}

std::vector<unsigned char> digest(const EVP_MD* md, const std::vector<std::vector<unsigned char>>& parts) {
  DigestCtx d;
  unsigned int n = 0;
  std::vector<unsigned char> out(EVP_MAX_MD_SIZE);
  if (!d.ctx || EVP_DigestInit_ex(d.ctx, md, nullptr) != 1) crypto_failed("digest");
  for (const auto& p : parts)
    if (EVP_DigestUpdate(d.ctx, p.data(), p.size()) != 1) crypto_failed("digest");
  if (EVP_DigestFinal_ex(d.ctx, out.data(), &n) != 1) crypto_failed("digest");
  out.resize(n);
  return out;
}

// AES with the file's key, one object at a time (the current reference PoDoFo sets).
// (PoDoFo's AES classes are not exported, so this derives from PdfEncrypt itself; an update
// only ever encrypts, so the reading and key-making half is never called.)
class DeterministicAes : public PdfEncrypt {
 public:
  DeterministicAes(const PdfEncrypt& file, bool per_object_key)
      : per_object_key_(per_object_key), key_length_(std::clamp(file.GetKeyLength() / 8, 5, 32)) {
    std::memcpy(key_.data(), file.GetEncryptionKey(), key_.size());
  }

  void GenerateEncryptionKey(const PdfString&) override { unused("GenerateEncryptionKey"); }
  void CreateEncryptionDictionary(PdfDictionary&) const override { unused("CreateEncryptionDictionary"); }
  PdfOutputStream* CreateEncryptionOutputStream(PdfOutputStream*) override { unused("CreateEncryptionOutputStream"); }
  PdfInputStream* CreateEncryptionInputStream(PdfInputStream*) override { unused("CreateEncryptionInputStream"); }
  bool Authenticate(const std::string&, const PdfString&) override { unused("Authenticate"); }
  void Decrypt(const unsigned char*, pdf_long, unsigned char*, pdf_long&) const override { unused("Decrypt"); }

  pdf_long CalculateStreamOffset() const override { return 16; }
  // The vector, then the data padded to whole blocks (PKCS#7 always adds at least one byte).
  pdf_long CalculateStreamLength(pdf_long length) const override { return 16 + (length / 16 + 1) * 16; }

  void Encrypt(const unsigned char* in, pdf_long in_len, unsigned char* out, pdf_long out_len) const override {
    if (out_len != CalculateStreamLength(in_len)) crypto_failed("wrong output length");
    const std::vector<unsigned char> key = object_key();
    // Same key, object and data: same vector, so the same input always gives the same bytes.
    std::vector<unsigned char> data(in, in + in_len);
    const std::vector<unsigned char> iv = digest(EVP_sha256(), {key, reference_bytes(), data});
    std::memcpy(out, iv.data(), 16);
    CipherCtx c;
    const EVP_CIPHER* cipher = key.size() == 32 ? EVP_aes_256_cbc() : EVP_aes_128_cbc();
    int n = 0, tail = 0;
    if (!c.ctx || EVP_EncryptInit_ex(c.ctx, cipher, nullptr, key.data(), out) != 1 ||
        EVP_EncryptUpdate(c.ctx, out + 16, &n, in, static_cast<int>(in_len)) != 1 ||
        EVP_EncryptFinal_ex(c.ctx, out + 16 + n, &tail) != 1 || 16 + n + tail != out_len)
      crypto_failed("AES");
  }

 private:
  std::vector<unsigned char> reference_bytes() const {
    const auto num = m_curReference.ObjectNumber();
    const auto gen = m_curReference.GenerationNumber();
    return {static_cast<unsigned char>(num & 0xff), static_cast<unsigned char>((num >> 8) & 0xff),
            static_cast<unsigned char>((num >> 16) & 0xff), static_cast<unsigned char>(gen & 0xff),
            static_cast<unsigned char>((gen >> 8) & 0xff)};
  }

  // AESV2: MD5 of the file key, the object's number and generation (low bytes first) and
  // "sAlT", at most 16 bytes (algorithm 1). AESV3 uses the file key itself.
  std::vector<unsigned char> object_key() const {
    std::vector<unsigned char> file(key_.begin(), key_.begin() + key_length_);
    if (!per_object_key_) return file;
    std::vector<unsigned char> k = digest(EVP_md5(), {file, reference_bytes(), {'s', 'A', 'l', 'T'}});
    k.resize(std::min<std::size_t>(file.size() + 5, 16));
    return k;
  }

  bool per_object_key_;
  int key_length_;
  std::array<unsigned char, 32> key_{};
};

}  // namespace

UpdateEncrypt::UpdateEncrypt(PdfEncrypt* file) : active_(file) {
  if (!file) return;
  const auto algorithm = file->GetEncryptAlgorithm();
  if (algorithm == PdfEncrypt::ePdfEncryptAlgorithm_AESV2 || algorithm == PdfEncrypt::ePdfEncryptAlgorithm_AESV3 ||
      algorithm == PdfEncrypt::ePdfEncryptAlgorithm_AESV3R6) {
    owned_ = std::make_unique<DeterministicAes>(*file, algorithm == PdfEncrypt::ePdfEncryptAlgorithm_AESV2);
    active_ = owned_.get();
  }
}

UpdateEncrypt::~UpdateEncrypt() = default;

}  // namespace saraban::pdf
