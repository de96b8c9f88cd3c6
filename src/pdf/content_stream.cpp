#include "pdf/content_stream.h"

#include <cmath>

#include "pdf/pdf_text.h"
#include "pdf/text_painter.h"

namespace saraban::pdf {

namespace {
std::string num(double v) { return format_number(v); }
}  // namespace

void ContentStream::fill_color(const layout::Color& c) {
  out_ += num(c.r) + " " + num(c.g) + " " + num(c.b) + " rg\n";
}

void ContentStream::stroke_color(const layout::Color& c) {
  out_ += num(c.r) + " " + num(c.g) + " " + num(c.b) + " RG\n";
}

void ContentStream::rect(const layout::Rect& r) {
  if (!r.fill && !r.stroke) return;
  end_text();
  out_ += "q\n";
  if (r.fill) fill_color(*r.fill);
  if (r.stroke) {
    stroke_color(*r.stroke);
    out_ += num(r.line_width) + " w\n";
  }
  out_ += num(r.x) + " " + num(to_pdf_y(r.y + r.height)) + " " + num(r.width) + " " + num(r.height) + " re\n";
  out_ += r.fill && r.stroke ? "B\n" : r.fill ? "f\n" : "S\n";
  out_ += "Q\n";
}

void ContentStream::path(const layout::Path& p) {
  if (p.segments.empty()) return;
  end_text();
  out_ += "q\n";
  if (p.fill) fill_color(*p.fill);
  if (p.stroke) {
    stroke_color(*p.stroke);
    out_ += num(p.line_width) + " w\n";
    if (!p.dash.empty()) {
      out_ += "[";
      for (std::size_t i = 0; i < p.dash.size(); ++i) out_ += (i ? " " : "") + num(p.dash[i]);
      out_ += "] 0 d\n";
    }
  }
  auto pt = [&](const layout::Point& q) { return num(q.x) + " " + num(to_pdf_y(q.y)); };
  for (const auto& s : p.segments) {
    switch (s.kind) {
      case layout::PathSegment::Kind::MoveTo: out_ += pt(s.p1) + " m\n"; break;
      case layout::PathSegment::Kind::LineTo: out_ += pt(s.p1) + " l\n"; break;
      case layout::PathSegment::Kind::CubicTo: out_ += pt(s.p1) + " " + pt(s.p2) + " " + pt(s.p3) + " c\n"; break;
      case layout::PathSegment::Kind::Close: out_ += "h\n"; break;
    }
  }
  out_ += p.fill && p.stroke ? "B\n" : p.fill ? "f\n" : p.stroke ? "S\n" : "n\n";
  out_ += "Q\n";
}

void ContentStream::image(const layout::Image& img, const std::string& resource) {
  end_text();
  out_ += "q\n" + num(img.width) + " 0 0 " + num(img.height) + " " + num(img.x) + " " +
          num(to_pdf_y(img.y + img.height)) + " cm\n/" + resource + " Do\nQ\n";
}

void ContentStream::text_run(const layout::TextRun& run, FontEmbedder& font, const std::string& resource) {
  paint_text_run(out_, text_, run, font, resource, page_height_);
}

const std::string& ContentStream::bytes() {
  end_text();
  return out_;
}

}  // namespace saraban::pdf
