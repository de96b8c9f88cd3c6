// saraban manual: a work manual in Markdown → a finished PDF (cover, foreword, contents, body).
#include <cstdio>

#include "base/environment.h"
#include "base/error.h"
#include "cli/command.h"
#include "documents/manual_render.h"
#include "documents/manual_source.h"
#include "documents/manual_style.h"
#include "layout/font_set.h"

namespace saraban::cli {
namespace {

std::string folder_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

int manual(const GlobalOptions&, const std::vector<std::string>& args) {
  const Environment& env = system_environment();
  ArgReader r(args);
  std::string input, output, style_name, text_output;
  documents::ManualOptions opt;
  while (!r.done()) {
    std::string a = r.next();
    if (a == "-o" || a == "--output") output = r.value_of(a);
    else if (a == "--style") style_name = r.value_of(a);
    else if (a == "--text") text_output = r.value_of(a);
    else if (a == "--digits") {
      const std::string d = r.value_of(a);
      if (d == "thai") opt.digits = text::DigitStyle::Thai;
      else if (d == "arabic") opt.digits = text::DigitStyle::Arabic;
      else throw Error(ErrorCode::InvalidInput, "expected thai or arabic, got '" + d + "'", a);
    } else if (!a.empty() && a[0] == '-') throw Error(ErrorCode::InvalidInput, "unknown option", a);
    else if (input.empty()) input = a;
    else throw Error(ErrorCode::InvalidInput, "only one manual is taken", a);
  }
  if (input.empty()) throw Error(ErrorCode::InvalidInput, "missing MANUAL.md", "manual");
  if (output.empty()) throw Error(ErrorCode::InvalidInput, "missing -o OUT.pdf", "manual");

  const documents::ManualStyle style = documents::load_manual_style(env, style_name);
  const std::string markdown = read_text_file(env, input);
  documents::ManualSource source = documents::parse_manual(markdown, input);
  for (const auto& w : source.warnings)
    std::fprintf(stderr, "saraban: %s:%zu: warning: %s\n", input.c_str(), w.line, w.message.c_str());
  opt.base_dir = folder_of(input);
  opt.source = input;
  opt.created = env.document_time();
  opt.want_text = !text_output.empty();
  layout::FontSet fonts(env, layout::FontConfig::load_default(env));
  const auto rendered = documents::render_manual(std::move(source), style, opt, fonts, env);
  env.write_file_atomic(output, rendered.pdf);
  // The text layer as placed, for checking what readers' tools extract against it.
  if (!text_output.empty()) env.write_file_atomic(text_output, std::vector<std::uint8_t>(rendered.text.begin(), rendered.text.end()));
  return 0;
}

const bool registered = register_command(
    {"manual", "manual MANUAL.md -o OUT.pdf [--digits thai|arabic] [--style NAME|STYLE.json] [--text OUT.txt]",
     "a work manual in Markdown (front matter, tables, ```flow charts) as a finished PDF", manual});

}  // namespace
}  // namespace saraban::cli
