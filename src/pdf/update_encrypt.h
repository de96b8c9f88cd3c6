#pragma once
// The key an incremental update is encrypted with, for AES files. PoDoFo 0.9.8 reads AES files
// but cannot write into them the way an update needs: after authenticating an AES-256 file its
// cipher context is left without padding and every encryption fails ("Error AES-encrypting
// data"), and its AES initialisation vectors are random, so the same input would not give the
// same bytes. This encrypts with the file's key itself (ISO 32000-1 7.6.2, algorithm 1 for
// AESV2; the file key as is for AESV3), AES-CBC with PKCS#7 padding, the vector derived from
// the key, the object and the data. RC4 files keep PoDoFo's own encryption.
#include <memory>

namespace PoDoFo {
class PdfEncrypt;
}

namespace saraban::pdf {

// What to pass to PdfObject::WriteObject for an update to a file encrypted with `file`:
// `file` itself for RC4, an owned AES replacement for AES, nullptr for no encryption.
class UpdateEncrypt {
 public:
  explicit UpdateEncrypt(PoDoFo::PdfEncrypt* file);
  ~UpdateEncrypt();
  UpdateEncrypt(const UpdateEncrypt&) = delete;
  UpdateEncrypt& operator=(const UpdateEncrypt&) = delete;
  PoDoFo::PdfEncrypt* get() const { return active_; }

 private:
  std::unique_ptr<PoDoFo::PdfEncrypt> owned_;
  PoDoFo::PdfEncrypt* active_ = nullptr;
};

}  // namespace saraban::pdf
