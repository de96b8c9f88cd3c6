#include "pdf/pdf_signer.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <podofo/podofo.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <string_view>

#include "base/error.h"
#include "pdf/openssl_handles.h"
#include "pdf/cades_signature.h"

namespace saraban::pdf {

using namespace PoDoFo;

namespace {

constexpr std::size_t kContentsBytes = 16384;  // room for the DER signature with its chain
constexpr std::size_t kTimestampBytes = 16384;  // and for a time-stamp token with the authority's chain

struct Credentials {
  KeyPtr key;
  CertPtr cert;
  ChainPtr chain;
};

Credentials open_pkcs12(const SignRequest& r) {
  const unsigned char* p = r.pkcs12.data();
  Pkcs12Ptr p12(d2i_PKCS12(nullptr, &p, static_cast<long>(r.pkcs12.size())));
  if (!p12) throw Error(ErrorCode::InvalidInput, "not a PKCS#12 (.p12) file", r.source);
  if (!PKCS12_verify_mac(p12.get(), r.password.c_str(), static_cast<int>(r.password.size()))) {
    ERR_clear_error();
    throw Error(ErrorCode::InvalidInput, "wrong password for the certificate file", r.source);
  }
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  STACK_OF(X509)* chain = nullptr;
  if (!PKCS12_parse(p12.get(), r.password.c_str(), &key, &cert, &chain))
    throw Error(ErrorCode::InvalidInput, "cannot read the key and certificate: " + openssl_error(), r.source);
  Credentials c{KeyPtr(key), CertPtr(cert), ChainPtr(chain)};
  if (!c.key || !c.cert) throw Error(ErrorCode::InvalidInput, "the file holds no private key and certificate", r.source);
  return c;
}

std::string pdf_time(std::int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "D:%Y%m%d%H%M%SZ", &tm);
  return buf;
}

std::string pdf_text_string(const std::string& utf8) {
  std::string out;
  PdfObject(PdfString(reinterpret_cast<const pdf_utf8*>(utf8.c_str()))).ToString(out, ePdfWriteMode_Clean);
  return out;
}

std::string serialize(const PdfObject& o) {
  std::string s;
  o.ToString(s, ePdfWriteMode_Clean);
  return s;
}

// The byte offset after the last "startxref".
long long previous_xref(std::string_view file) {
  std::size_t at = file.rfind("startxref");
  if (at == std::string_view::npos) throw Error(ErrorCode::PdfError, "no startxref in the file");
  at += 9;
  while (at < file.size() && (file[at] == ' ' || file[at] == '\r' || file[at] == '\n')) ++at;
  long long v = 0;
  bool any = false;
  while (at < file.size() && file[at] >= '0' && file[at] <= '9') {
    v = v * 10 + (file[at++] - '0');
    any = true;
  }
  if (!any) throw Error(ErrorCode::PdfError, "malformed startxref");
  std::string_view rest = file.substr(static_cast<std::size_t>(v), 4);
  if (rest != "xref")
    throw Error(ErrorCode::PdfError, "the file uses a cross-reference stream; only classic cross-reference tables can be updated");
  return v;
}

std::string field_name(const PdfDictionary& d) {
  const PdfObject* t = d.GetKey("T");
  if (!t || !t->IsString()) return {};
  return t->GetString().GetStringUtf8();
}

}  // namespace

std::vector<std::uint8_t> sign_pdf(const std::vector<std::uint8_t>& pdf, const SignRequest& request) {
  Credentials cred = open_pkcs12(request);  // a wrong password stops here, before anything else
  std::string_view file(reinterpret_cast<const char*>(pdf.data()), pdf.size());
  const long long prev = previous_xref(file);

  PdfError::EnableDebug(false);  // PoDoFo would print the trailers it reads
  PdfError::EnableLogging(false);
  PdfMemDocument doc;
  try {
    doc.LoadFromBuffer(file.data(), static_cast<long>(file.size()));
  } catch (const PdfError& e) {
    throw Error(ErrorCode::PdfError, std::string("cannot read the PDF: ") + PdfError::ErrorMessage(e.GetError()));
  }
  PdfVecObjects& objects = doc.GetObjects();
  const PdfObject* trailer = doc.GetTrailer();
  PdfObject* catalog = doc.GetCatalog();
  if (!catalog) throw Error(ErrorCode::PdfError, "the PDF has no catalog");
  PdfObject* form = catalog->GetDictionary().GetKey("AcroForm");
  if (form && form->IsReference()) form = objects.GetObject(form->GetReference());
  PdfObject* fields = form && form->IsDictionary() ? form->GetDictionary().GetKey("Fields") : nullptr;
  if (fields && fields->IsReference()) fields = objects.GetObject(fields->GetReference());
  if (!fields || !fields->IsArray()) throw Error(ErrorCode::InvalidInput, "the PDF has no signature fields to sign");

  PdfObject* widget = nullptr;
  std::vector<std::string> names;
  for (const auto& f : fields->GetArray()) {
    if (!f.IsReference()) continue;
    PdfObject* o = objects.GetObject(f.GetReference());
    if (!o || !o->IsDictionary()) continue;
    const PdfObject* ft = o->GetDictionary().GetKey("FT");
    if (!ft || !ft->IsName() || ft->GetName().GetName() != "Sig") continue;
    const std::string name = field_name(o->GetDictionary());
    names.push_back(name);
    const bool signed_already = o->GetDictionary().HasKey("V");
    if (!request.field.empty() ? name == request.field : !signed_already) {
      if (signed_already) throw Error(ErrorCode::InvalidInput, "the signature field is already signed", name);
      widget = o;
      break;
    }
  }
  if (!widget) {
    if (!request.field.empty()) throw Error(ErrorCode::InvalidInput, "no signature field of that name", request.field);
    throw Error(ErrorCode::InvalidInput, "every signature field is already signed");
  }

  const PdfObject* size_obj = trailer->GetDictionary().GetKey("Size");
  const long long sig_num = size_obj ? size_obj->GetNumber() : static_cast<long long>(objects.GetObjectCount()) + 1;

  std::string update = "\n";
  struct Entry {
    long long num, gen, offset;
  };
  std::vector<Entry> entries;
  const std::size_t base = pdf.size();
  auto begin_obj = [&](long long num, long long gen) {
    entries.push_back({num, gen, static_cast<long long>(base + update.size())});
    update += std::to_string(num) + " " + std::to_string(gen) + " obj\n";
  };

  // The signature dictionary with fixed-size placeholders for /ByteRange and /Contents.
  begin_obj(sig_num, 0);
  // PAdES baseline: a CAdES detached CMS (pdf/cades_signature.h); the signing time is /M.
  update += "<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached";
  const std::size_t range_at = base + update.size() + std::strlen("/ByteRange[");
  update += "/ByteRange[" + std::string(43, ' ') + "]";
  update += "/Contents";
  const std::size_t contents_at = base + update.size();
  const std::size_t contents_bytes = kContentsBytes + (request.tsa_url.empty() ? 0 : kTimestampBytes);
  update += "<" + std::string(contents_bytes * 2, '0') + ">";
  update += "/M" + pdf_text_string(pdf_time(request.time));
  if (!request.reason.empty()) update += "/Reason" + pdf_text_string(request.reason);
  {
    char name[256] = {0};
    X509_NAME_get_text_by_NID(X509_get_subject_name(cred.cert.get()), NID_commonName, name, sizeof name - 1);
    if (name[0]) update += "/Name" + pdf_text_string(name);
  }
  update += ">>\nendobj\n";

  // The field, now pointing at its value.
  {
    PdfObject copy(widget->GetDictionary());
    copy.GetDictionary().AddKey("V", PdfReference(static_cast<pdf_objnum>(sig_num), 0));
    begin_obj(widget->Reference().ObjectNumber(), widget->Reference().GenerationNumber());
    update += serialize(copy) + "\nendobj\n";
  }
  // /SigFlags 3: the document has signatures; change it only by appending.
  {
    PdfObject* holder = catalog;
    PdfObject copy(catalog->GetDictionary());
    PdfObject* form_in_copy = copy.GetDictionary().GetKey("AcroForm");
    if (form_in_copy && form_in_copy->IsDictionary()) {
      form_in_copy->GetDictionary().AddKey("SigFlags", PdfObject(static_cast<pdf_int64>(3)));
    } else if (form && form->IsDictionary()) {
      holder = form;
      copy = PdfObject(form->GetDictionary());
      copy.GetDictionary().AddKey("SigFlags", PdfObject(static_cast<pdf_int64>(3)));
    }
    begin_obj(holder->Reference().ObjectNumber(), holder->Reference().GenerationNumber());
    update += serialize(copy) + "\nendobj\n";
  }

  const long long xref_at = static_cast<long long>(base + update.size());
  update += "xref\n0 1\n0000000000 65535 f \n";
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.num < b.num; });
  for (const auto& e : entries) {
    char line[64];
    std::snprintf(line, sizeof line, "%lld 1\n%010lld %05lld n \n", e.num, e.offset, e.gen);
    update += line;
  }
  PdfObject new_trailer(trailer->GetDictionary());
  new_trailer.GetDictionary().AddKey("Size", PdfObject(static_cast<pdf_int64>(sig_num + 1)));
  new_trailer.GetDictionary().AddKey("Prev", PdfObject(static_cast<pdf_int64>(prev)));
  new_trailer.GetDictionary().RemoveKey("XRefStm");
  update += "trailer\n" + serialize(new_trailer) + "\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";

  std::vector<std::uint8_t> out(pdf);
  out.insert(out.end(), update.begin(), update.end());

  // Byte ranges: everything but the /Contents hex string (its angle brackets included).
  const std::size_t gap_end = contents_at + contents_bytes * 2 + 2;
  char ranges[64];
  int n = std::snprintf(ranges, sizeof ranges, "0 %zu %zu %zu", contents_at, gap_end, out.size() - gap_end);
  if (n <= 0 || n > 43) throw Error(ErrorCode::Internal, "byte range does not fit its placeholder");
  std::memcpy(out.data() + range_at, ranges, static_cast<std::size_t>(n));

  CadesSigner signer{cred.key.get(), cred.cert.get(), cred.chain.get(), request.source, request.tsa_url,
                     request.tsa_post};
  const std::string_view signed_file(reinterpret_cast<const char*>(out.data()), out.size());
  const Bytes der = cades_detached_signature({signed_file.substr(0, contents_at), signed_file.substr(gap_end)}, signer);
  if (der.size() > contents_bytes)
    throw Error(ErrorCode::InvalidInput, "the signature is larger than its reserved space (certificate chain too long)",
                request.source);
  static const char* hex = "0123456789ABCDEF";
  for (std::size_t i = 0; i < der.size(); ++i) {
    out[contents_at + 1 + i * 2] = static_cast<std::uint8_t>(hex[der[i] >> 4]);
    out[contents_at + 2 + i * 2] = static_cast<std::uint8_t>(hex[der[i] & 15]);
  }
  return out;
}

}  // namespace saraban::pdf
