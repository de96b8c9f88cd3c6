// saraban render: a letter's JSON (and an office profile) → a PDF that follows the regulation
// on official correspondence, with empty signature fields over the signature spaces.
#include <cstdio>

#include "base/environment.h"
#include "base/error.h"
#include "cli/command.h"
#include "documents/letter_json.h"
#include "documents/letter_renderer.h"
#include "pdf/pdf_writer.h"

namespace saraban::cli {
namespace {

std::string folder_of(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? std::string(".") : path.substr(0, slash == 0 ? 1 : slash);
}

int render(const GlobalOptions&, const std::vector<std::string>& args) {
  const Environment& env = system_environment();
  ArgReader r(args);
  std::string input, output, office_path;
  while (!r.done()) {
    std::string a = r.next();
    if (a == "-o" || a == "--output") output = r.value_of(a);
    else if (a == "--office") office_path = r.value_of(a);
    else if (!a.empty() && a[0] == '-') throw Error(ErrorCode::InvalidInput, "unknown option", a);
    else if (input.empty()) input = a;
    else throw Error(ErrorCode::InvalidInput, "only one letter is taken", a);
  }
  if (input.empty()) throw Error(ErrorCode::InvalidInput, "missing LETTER.json", "render");
  if (output.empty()) throw Error(ErrorCode::InvalidInput, "missing -o OUT.pdf", "render");

  std::optional<documents::OfficeProfile> office;
  if (!office_path.empty())
    office = documents::parse_office_profile(read_text_file(env, office_path), office_path, folder_of(office_path));
  documents::Letter letter =
      documents::parse_letter(read_text_file(env, input), input, folder_of(input), office ? &*office : nullptr);
  documents::LetterRenderer renderer(env);
  pdf::write_pdf_file(env, renderer.layout(letter), output);
  return 0;
}

const bool registered = register_command(
    {"render", "render LETTER.json -o OUT.pdf [--office OFFICE.json]",
     "render an official letter (external, memo, stamped, order, announcement, regulation, certificate, minutes) as PDF",
     render});

}  // namespace

}  // namespace saraban::cli
