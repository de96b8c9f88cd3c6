// saraban report: the yearly summary, the register books and the lists made after each year,
// in PDF (and XLSX / CSV). Every output is made in memory and every destination checked before
// the first file is written, so a refused or failed report leaves no partial set behind.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/environment.h"
#include "base/error.h"
#include "base/parse.h"
#include "cli/command.h"
#include "cli/session.h"
#include "documents/report_csv.h"
#include "documents/report_render.h"
#include "documents/report_xlsx.h"
#include "layout/font_set.h"
#include "registry/calendar.h"
#include "registry/register_files.h"
#include "registry/report_request.h"

namespace saraban::cli {
namespace {

using namespace saraban::registry;

struct ReportArgs : ReportRequest {
  std::string pdf, xlsx, csv, text;
};

// Progress on a terminal only: a line that is rewritten in place.
void progress(const char* what) {
  static const bool tty = ::isatty(2) == 1;
  if (tty) std::fprintf(stderr, "\rreport: %-40s", what), std::fflush(stderr);
}
void progress_done() {
  if (::isatty(2) == 1) std::fprintf(stderr, "\r%60s\r", "");
}

ReportArgs parse_args(const std::vector<std::string>& args) {
  ReportArgs a;
  ArgReader r(args);
  if (r.done()) throw Error(ErrorCode::InvalidInput, "needs year, book, disposal or handover", "report");
  a.kind = r.next();
  if (a.kind != "year" && a.kind != "book" && a.kind != "disposal" && a.kind != "handover")
    throw Error(ErrorCode::InvalidInput, "unknown report '" + a.kind + "' (year, book, disposal, handover)", "report");
  while (!r.done()) {
    const std::string o = r.next();
    if (o == "-o" || o == "--output") a.pdf = r.value_of(o);
    else if (o == "--xlsx") a.xlsx = r.value_of(o);
    else if (o == "--csv") a.csv = r.value_of(o);
    else if (o == "--text") a.text = r.value_of(o);
    else if (o == "--as-of") a.as_of = r.value_of(o);
    else if (o == "--register") a.register_code = parse_register(r.value_of(o));
    else if (o == "--year") a.year = parse_year_be(r.value_of(o), "--year");
    else if (!o.empty() && o[0] != '-' && a.kind == "year" && a.year == 0) a.year = parse_year_be(o, "report year");
    else throw Error(ErrorCode::InvalidInput, "unknown option", o);
  }
  if (a.year == 0) throw Error(ErrorCode::InvalidInput, "needs the year (Buddhist era, e.g. 2569)", "report " + a.kind);
  if (a.pdf.empty()) throw Error(ErrorCode::InvalidInput, "needs -o OUT.pdf", "report " + a.kind);
  return a;
}

struct Output {
  std::string path;
  std::vector<std::uint8_t> bytes;
};

std::vector<std::uint8_t> bytes_of(const std::string& s) { return {s.begin(), s.end()}; }

std::string folder_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

// Refuses before anything is written: a destination over the register, or in a folder that
// does not exist or cannot be written.
void check_destinations(const std::vector<Output>& outputs, const std::string& db) {
  for (const auto& o : outputs) {
    refuse_register_path(o.path, db);
    const std::string dir = folder_of(o.path);
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
      throw Error(ErrorCode::IoError, "the folder does not exist; nothing was written", o.path);
    if (::access(dir.c_str(), W_OK) != 0) throw Error(ErrorCode::IoError, "the folder cannot be written; nothing was written", o.path);
  }
}

// Writes them all; when one fails, the ones this run created are removed again.
void write_all(Session& s, const std::vector<Output>& outputs) {
  std::vector<std::string> created;
  try {
    for (const auto& o : outputs) {
      struct stat st {};
      const bool existed = ::stat(o.path.c_str(), &st) == 0;
      write_output(s, o.path, o.bytes);
      if (!existed) created.push_back(o.path);
    }
  } catch (...) {
    for (const auto& p : created) ::unlink(p.c_str());
    throw;
  }
}

// `created` is the time the workbook records: SOURCE_DATE_EPOCH when set, so it is reproducible.
void add_tables(std::vector<Output>& out, const ReportArgs& a, const ReportDocument& doc, std::time_t created) {
  std::vector<ReportTable> tables;
  for (const auto& part : doc.parts)
    if (const auto* t = std::get_if<ReportTable>(&part)) tables.push_back(*t);
  if (!a.xlsx.empty()) out.push_back({a.xlsx, documents::report_xlsx(tables, doc.title, doc.author, created)});
  if (a.csv.empty()) return;
  if (a.kind == "year") {  // a folder: one file per table
    ::mkdir(a.csv.c_str(), 0750);
    for (const auto& t : tables) out.push_back({a.csv + "/" + t.key + ".csv", bytes_of(documents::report_csv(t))});
  } else if (!tables.empty()) {  // an empty list is still a file with its header row
    out.push_back({a.csv, bytes_of(documents::report_csv(tables.front()))});
  }
}

int report(const GlobalOptions& g, const std::vector<std::string>& args) {
  const ReportArgs a = parse_args(args);
  const Environment& env = system_environment();
  Session s = open_session(g);
  progress("reading the register");
  const ReportDocument doc = build_report(*s.registry, s.actor, a, env.now());
  progress("setting the pages");
  layout::FontSet fonts(env, layout::FontConfig::load_default(env));
  documents::ReportRenderOptions opt;
  opt.created = env.document_time();
  opt.want_text = !a.text.empty();
  const auto rendered = documents::render_report(doc, opt, fonts);
  std::vector<Output> outputs{{a.pdf, rendered.pdf}};
  if (!a.text.empty()) outputs.push_back({a.text, bytes_of(rendered.text)});
  add_tables(outputs, a, doc, static_cast<std::time_t>(opt.created));
  check_destinations(outputs, g.db);
  progress("writing");
  write_all(s, outputs);
  progress_done();
  if (g.json) {
    nlohmann::ordered_json j = {{"report", a.kind}, {"year", a.year}, {"pages", rendered.pages}, {"files", nlohmann::json::array()}};
    for (const auto& o : outputs) j["files"].push_back(o.path);
    std::printf("%s\n", j.dump(2).c_str());
  } else {
    std::printf("%s: %zu pages\n", a.pdf.c_str(), rendered.pages);
  }
  return 0;
}

const bool registered = register_command(
    {"report",
     "report year YEAR|book --register R --year YEAR|disposal --year YEAR|handover --year YEAR -o OUT.pdf [--xlsx FILE] "
     "[--csv DIR|FILE] [--as-of DATE] [--text OUT.txt]",
     "the yearly summary, a register book, the disposal and handover lists (PDF, XLSX, CSV)", report});

}  // namespace
}  // namespace saraban::cli
