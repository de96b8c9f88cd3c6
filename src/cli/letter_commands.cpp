// saraban render: a letter's JSON (and an office profile) → a PDF that follows the regulation
// on official correspondence, with empty signature fields over the signature spaces.
#include <algorithm>
#include <cstdio>

#include "base/environment.h"
#include "base/error.h"
#include "cli/command.h"
#include "documents/letter_batch.h"
#include "documents/letter_json.h"
#include "documents/letter_renderer.h"
#include "pdf/pdf_writer.h"

namespace saraban::cli {
namespace {

std::string folder_of(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? std::string(".") : path.substr(0, slash == 0 ? 1 : slash);
}

// One letter: -o OUT.pdf. Several: --out-dir DIR, each named after its JSON file, rendered on
// --jobs threads (default one per core); every letter is checked before any file is written.
int render(const GlobalOptions&, const std::vector<std::string>& args) {
  const Environment& env = system_environment();
  ArgReader r(args);
  std::vector<std::string> inputs;
  std::string output, out_dir, office_path;
  unsigned jobs = 0;
  while (!r.done()) {
    std::string a = r.next();
    if (a == "-o" || a == "--output") output = r.value_of(a);
    else if (a == "--out-dir") out_dir = r.value_of(a);
    else if (a == "--office") office_path = r.value_of(a);
    else if (a == "--jobs") {
      jobs = static_cast<unsigned>(parse_int(r.value_of(a), a, 1, 999));
    } else if (!a.empty() && a[0] == '-') throw Error(ErrorCode::InvalidInput, "unknown option", a);
    else inputs.push_back(a);
  }
  if (inputs.empty()) throw Error(ErrorCode::InvalidInput, "missing LETTER.json", "render");
  if (!output.empty() && !out_dir.empty()) throw Error(ErrorCode::InvalidInput, "give -o or --out-dir, not both", "render");
  if (inputs.size() > 1 && out_dir.empty())
    throw Error(ErrorCode::InvalidInput, "several letters need --out-dir DIR", "render");
  if (output.empty() && out_dir.empty()) throw Error(ErrorCode::InvalidInput, "missing -o OUT.pdf", "render");

  std::optional<documents::OfficeProfile> office;
  if (!office_path.empty())
    office = documents::parse_office_profile(read_text_file(env, office_path), office_path, folder_of(office_path));
  // Every letter is read and checked first: one bad letter writes nothing.
  std::vector<documents::Letter> letters;
  std::vector<std::string> problems;
  for (const auto& input : inputs) {
    try {
      letters.push_back(documents::parse_letter(read_text_file(env, input), input, folder_of(input),
                                                office ? &*office : nullptr));
    } catch (const Error& e) {
      if (inputs.size() == 1) throw;
      problems.push_back(e.context().empty() ? e.message() : e.context() + ": " + e.message());
    }
  }
  if (!problems.empty()) {
    std::string all;
    for (const auto& p : problems) all += "\n  " + p;
    throw Error(ErrorCode::InvalidInput, std::to_string(problems.size()) + " of " + std::to_string(inputs.size()) +
                                             " letters cannot be rendered; nothing was written:" + all);
  }
  if (!out_dir.empty()) {
    std::vector<std::string> outputs;
    for (const auto& input : inputs) {
      std::string name = input.substr(input.find_last_of('/') == std::string::npos ? 0 : input.find_last_of('/') + 1);
      if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) name.resize(name.size() - 5);
      outputs.push_back(out_dir + "/" + name + ".pdf");
    }
    std::vector<std::string> sorted = outputs;
    std::sort(sorted.begin(), sorted.end());
    if (auto dup = std::adjacent_find(sorted.begin(), sorted.end()); dup != sorted.end())
      throw Error(ErrorCode::InvalidInput, "two letters would both be written to the same file", *dup);
    documents::render_letters(env, letters, jobs, [&](std::size_t i, std::vector<std::uint8_t> pdf) {
      env.write_file_atomic(outputs[i], pdf);
    });
    std::printf("%zu letters written to %s\n", letters.size(), out_dir.c_str());
    return 0;
  }
  documents::LetterRenderer renderer(env);
  pdf::write_pdf_file(env, renderer.layout(letters.front()), output);
  return 0;
}

const bool registered = register_command(
    {"render", "render LETTER.json -o OUT.pdf [--office OFFICE.json] | render LETTER.json... --out-dir DIR [--jobs N]",
     "render an official letter (external, memo, stamped, order, announcement, regulation, certificate, minutes) as PDF",
     render});

}  // namespace

}  // namespace saraban::cli
