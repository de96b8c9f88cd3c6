// The reports as downloads: the yearly summary (PDF or XLSX), the register books and the lists
// after the year, each computed from what the caller may see, as `saraban report` does.
#include "base/parse.h"
#include "documents/report_render.h"
#include "documents/report_xlsx.h"
#include "layout/font_set.h"
#include "registry/report_request.h"
#include "server/api.h"
#include "server/http_reply.h"

namespace saraban::server {
namespace {

void send_report(const httplib::Request& req, httplib::Response& res, Caller& c, const Environment& env,
                 registry::ReportRequest r, const std::string& format) {
  r.year = parse_int(req.matches[req.matches.size() - 2].str(), "year", 2400, 2700);
  const ReportDocument doc = registry::build_report(c.reg.registry, c.user, r, env.now());
  const std::string name = r.kind + (r.kind == "book" ? "-" + r.register_code : "") + "-" + std::to_string(r.year) + "." + format;
  res.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
  if (format == "xlsx") {
    std::vector<ReportTable> tables;
    for (const auto& part : doc.parts)
      if (const auto* t = std::get_if<ReportTable>(&part)) tables.push_back(*t);
    const auto bytes = documents::report_xlsx(tables, doc.title, doc.author, static_cast<std::time_t>(env.document_time()));
    res.set_content(std::string(bytes.begin(), bytes.end()), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    return;
  }
  layout::FontSet fonts(env, layout::FontConfig::load_default(env));
  documents::ReportRenderOptions opt;
  opt.created = env.document_time();
  const auto rendered = documents::render_report(doc, opt, fonts);
  res.set_content(std::string(rendered.pdf.begin(), rendered.pdf.end()), "application/pdf");
}

}  // namespace

void add_report_routes(httplib::Server& server, ApiContext& api) {
  const Environment& env = api.env;
  server.Get(R"(/api/reports/year/(\d{4})\.(pdf|xlsx))", with_caller(api, [&env](const httplib::Request& req, httplib::Response& res, Caller& c) {
               send_report(req, res, c, env, {"year"}, req.matches[2].str());
             }));
  server.Get(R"(/api/reports/book/([a-z]+)/(\d{4})\.(pdf))", with_caller(api, [&env](const httplib::Request& req, httplib::Response& res, Caller& c) {
               registry::ReportRequest r{"book"};
               r.register_code = registry::parse_register(req.matches[1].str());
               send_report(req, res, c, env, r, "pdf");
             }));
  server.Get(R"(/api/reports/(disposal|handover)/(\d{4})\.(pdf))", with_caller(api, [&env](const httplib::Request& req, httplib::Response& res, Caller& c) {
               send_report(req, res, c, env, {req.matches[1].str()}, "pdf");
             }));
}

}  // namespace saraban::server
