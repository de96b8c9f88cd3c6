// saraban typeset: plain UTF-8 text → PDF on A4 with the standard margins.
#include <cstdio>

#include "base/environment.h"
#include "base/error.h"
#include "cli/command.h"
#include "layout/typesetter.h"
#include "pdf/pdf_writer.h"
#include "text/cleanup.h"

namespace saraban::cli {
namespace {

// Pages straight into the PDF as they are composed: a long text never holds all its frames.
class PagesToPdf : public layout::TypesetPages {
 public:
  explicit PagesToPdf(pdf::PdfPageWriter& writer) : writer_(writer) {}
  void page(layout::PageFrame&& page) override { writer_.add_page(page); }
  void furniture(std::size_t index, std::vector<layout::FrameItem>&& items) override {
    writer_.add_furniture(index, items);
  }

 private:
  pdf::PdfPageWriter& writer_;
};

layout::Alignment parse_align(const std::string& v) {
  if (v == "left") return layout::Alignment::Left;
  if (v == "right") return layout::Alignment::Right;
  if (v == "center" || v == "centre") return layout::Alignment::Center;
  if (v == "justify") return layout::Alignment::Justify;
  if (v == "thai-distributed") return layout::Alignment::ThaiDistributed;
  throw Error(ErrorCode::InvalidInput, "expected left, right, center, justify or thai-distributed, got '" + v + "'",
              "--align");
}

int typeset(const GlobalOptions&, const std::vector<std::string>& args) {
  const Environment& env = system_environment();
  ArgReader r(args);
  std::string input, output, font;
  layout::TypesetOptions opt;
  while (!r.done()) {
    std::string a = r.next();
    if (a == "-o" || a == "--output") output = r.value_of(a);
    else if (a == "--width") opt.column_width_cm = parse_double(a, r.value_of(a));
    else if (a == "--align") opt.align = parse_align(r.value_of(a));
    else if (a == "--digits") {
      std::string d = r.value_of(a);
      if (d == "thai") opt.digits = text::DigitStyle::Thai;
      else if (d == "arabic") opt.digits = text::DigitStyle::Arabic;
      else throw Error(ErrorCode::InvalidInput, "expected thai or arabic, got '" + d + "'", a);
    } else if (a == "--font") font = r.value_of(a);
    else if (a == "--size") opt.size = parse_double(a, r.value_of(a));
    else if (a == "--page-numbers") opt.page_numbers = true;
    else if (a == "--indent") opt.first_line_indent_cm = parse_double(a, r.value_of(a));
    else if (!a.empty() && a[0] == '-') throw Error(ErrorCode::InvalidInput, "unknown option", a);
    else if (input.empty()) input = a;
    else throw Error(ErrorCode::InvalidInput, "only one input file is taken", a);
  }
  if (input.empty()) throw Error(ErrorCode::InvalidInput, "missing INPUT.txt", "typeset");
  if (output.empty()) throw Error(ErrorCode::InvalidInput, "missing -o OUT.pdf", "typeset");
  if (opt.column_width_cm < 2 || opt.column_width_cm > 19)
    throw Error(ErrorCode::InvalidInput, "column width must be between 2 and 19 cm", "--width");
  if (opt.size < 4 || opt.size > 96) throw Error(ErrorCode::InvalidInput, "size must be between 4 and 96 pt", "--size");

  std::string raw = read_text_file(env, input);
  text::CleanText clean;
  try {
    clean = text::clean_text(raw);
  } catch (const Error& e) {
    throw Error(e.code(), e.message(), input + ": " + e.context());
  }
  for (const auto& w : clean.warnings)
    std::fprintf(stderr, "saraban: %s: byte %zu: warning: %s\n", input.c_str(), w.byte_offset, w.message.c_str());
  if (clean.text.find_first_not_of(" \t\n\r") == std::string::npos)
    throw Error(ErrorCode::InvalidInput, "the input has no text to typeset", input);

  layout::FontSet fonts(env, layout::FontConfig::load_default(env));
  if (!font.empty()) fonts.override_body(font);
  opt.title = input;
  pdf::PdfPageWriter writer(layout::typeset_info(opt, env.document_time()));
  PagesToPdf pages(writer);
  layout::typeset_text_pages(fonts, clean.text, opt, pages);
  env.write_file_atomic(output, writer.finish());
  return 0;
}

const bool registered = register_command(
    {"typeset", "typeset INPUT.txt -o OUT.pdf [--width CM] [--align MODE] [--digits thai|arabic] [--font FILE] [--size PT]",
     "lay plain UTF-8 text on A4 pages as PDF", typeset});

}  // namespace
}  // namespace saraban::cli
