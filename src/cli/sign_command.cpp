// saraban sign: fills a PDF's empty signature field with a PAdES signature (B-B; B-T with
// --tsa URL) in an incremental update, so earlier signatures stay valid.
#include "base/environment.h"
#include "base/error.h"
#include "cli/command.h"
#include "cli/tsa_http.h"
#include "pdf/pdf_signer.h"

namespace saraban::cli {
namespace {

int sign_pdf_file(const std::vector<std::string>& args) {
  const Environment& env = system_environment();
  ArgReader r(args);
  std::string input, output, p12, password_file;
  pdf::SignRequest req;
  bool tsa_given = false;
  while (!r.done()) {
    std::string a = r.next();
    if (a == "-o" || a == "--output") output = r.value_of(a);
    else if (a == "--p12") p12 = r.value_of(a);
    else if (a == "--password-file") password_file = r.value_of(a);
    else if (a == "--reason") req.reason = r.value_of(a);
    else if (a == "--field") req.field = r.value_of(a);
    else if (a == "--tsa") req.tsa_url = r.value_of(a), tsa_given = true;
    else if (!a.empty() && a[0] == '-') throw Error(ErrorCode::InvalidInput, "unknown option", a);
    else if (input.empty()) input = a;
    else throw Error(ErrorCode::InvalidInput, "only one PDF is taken", a);
  }
  if (input.empty()) throw Error(ErrorCode::InvalidInput, "missing IN.pdf", "sign");
  if (output.empty()) throw Error(ErrorCode::InvalidInput, "missing -o OUT.pdf", "sign");
  if (p12.empty()) throw Error(ErrorCode::InvalidInput, "missing --p12 CERT.p12", "sign");
  if (password_file.empty()) throw Error(ErrorCode::InvalidInput, "missing --password-file FILE", "sign");

  req.pkcs12 = env.read_file(p12);
  req.source = p12;
  req.password = read_text_file(env, password_file);
  while (!req.password.empty() && (req.password.back() == '\n' || req.password.back() == '\r')) req.password.pop_back();
  req.time = env.document_time();
  // The office's authority (SARABAN_TSA_URL, like SARABAN_TEMPLATES) unless --tsa says otherwise;
  // --tsa none signs B-B for once.
  if (!tsa_given) req.tsa_url = env.variable("SARABAN_TSA_URL").value_or("");
  if (req.tsa_url == "none") req.tsa_url.clear();
  if (!req.tsa_url.empty()) req.tsa_post = post_timestamp_query;
  std::vector<std::uint8_t> in = env.read_file(input);
  std::vector<std::uint8_t> out;
  try {
    out = pdf::sign_pdf(in, req);
  } catch (const Error& e) {
    throw Error(e.code(), e.message(), e.context().empty() ? input : e.context());
  }
  env.write_file_atomic(output, out);
  return 0;
}

bool looks_like_pdf_signing(const std::vector<std::string>& args) {
  for (const auto& a : args)
    if (a == "--p12" || a == "--password-file" || (a.size() > 4 && a.compare(a.size() - 4, 4, ".pdf") == 0)) return true;
  return false;
}

}  // namespace

int sign_entry_command(const GlobalOptions& global, const std::vector<std::string>& args);  // registry_commands.cpp

namespace {
// One `sign` for both meanings the issues give it: a PDF file (--p12 …) or a register entry's
// sign step (sign ID). The arguments say which.
int sign_command(const GlobalOptions& global, const std::vector<std::string>& args) {
  return looks_like_pdf_signing(args) ? sign_pdf_file(args) : sign_entry_command(global, args);
}

const bool registered = register_command(
    {"sign", "sign IN.pdf --p12 CERT.p12 --password-file FILE [--reason TEXT] [--field NAME] [--tsa URL|none] -o OUT.pdf | sign ID [--note T]",
     "sign a PDF's first empty signature field (PAdES B-B, or B-T time-stamped by the RFC 3161 authority at "
     "--tsa URL or SARABAN_TSA_URL; incremental update), or a register entry "
     "(signer)",
     sign_command});
}  // namespace
}  // namespace saraban::cli
