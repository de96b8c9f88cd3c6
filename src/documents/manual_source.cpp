#include "documents/manual_source.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include <cstring>

#include "base/error.h"
#include "documents/cmark_handles.h"
#include "documents/flow_parse.h"
#include "documents/line_trim.h"
#include "text/cleanup.h"

namespace saraban::documents {

namespace {

std::string trim(std::string_view s) { return std::string(trim_line(s)); }

std::string at(const std::string& source, std::size_t line) { return source + ":" + std::to_string(line); }

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const auto nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      if (pos < text.size()) lines.push_back(text.substr(pos));
      break;
    }
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return lines;
}

// The front matter between `---` lines at the very start; returns the lines it took.
std::size_t parse_front_matter(const std::vector<std::string_view>& lines, const std::string& source,
                               ManualSource& out) {
  // The cover is made from the front matter, so a manual without one cannot be made.
  if (lines.empty() || trim(lines[0]) != "---")
    throw Error(ErrorCode::InvalidInput,
                "a manual begins with its front matter between '---' lines (title, author, position, office, year)",
                at(source, 1));
  std::size_t end = 1;
  while (end < lines.size() && trim(lines[end]) != "---") ++end;
  if (end == lines.size()) throw Error(ErrorCode::InvalidInput, "the front matter opened with '---' is never closed", at(source, 1));
  auto& f = out.front;
  for (std::size_t i = 1; i < end; ++i) {
    const std::string line = trim(lines[i]);
    if (line.empty() || line[0] == '#') continue;
    const auto colon = line.find(':');
    if (colon == std::string::npos)
      throw Error(ErrorCode::InvalidInput, "a front matter line must be 'key: value'", at(source, i + 1));
    const std::string key = trim(std::string_view(line).substr(0, colon));
    std::string value = trim(std::string_view(line).substr(colon + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
      value = value.substr(1, value.size() - 2);
    if (key == "title") f.title = value;
    else if (key == "author") f.author = value;
    else if (key == "position") f.position = value;
    else if (key == "office") f.office = value;
    else if (key == "year") f.year = value;
    else if (key == "logo") f.logo = value;
    else out.warnings.push_back({i + 1, "unknown front matter key '" + key + "' ignored"});
  }
  if (f.title.empty()) throw Error(ErrorCode::InvalidInput, "the front matter has no title", at(source, 1));
  return end + 1;
}

bool is_type(cmark_node* n, const char* type) { return std::strcmp(cmark_node_get_type_string(n), type) == 0; }

void append(Spans& spans, std::string text, layout::FontStyle style) {
  if (text.empty()) return;
  if (!spans.empty() && spans.back().font_style.value_or(layout::FontStyle::Regular) == style) {
    spans.back().text += text;
    return;
  }
  layout::TextSpan s;
  s.text = std::move(text);
  if (style != layout::FontStyle::Regular) s.font_style = style;
  spans.push_back(std::move(s));
}

layout::FontStyle with(layout::FontStyle s, bool bold, bool italic) {
  using F = layout::FontStyle;
  bold = bold || s == F::Bold || s == F::BoldItalic;
  italic = italic || s == F::Italic || s == F::BoldItalic;
  return bold && italic ? F::BoldItalic : bold ? F::Bold : italic ? F::Italic : F::Regular;
}

void inline_spans(cmark_node* parent, layout::FontStyle style, Spans& out) {
  for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE: append(out, cmark_node_get_literal(n), style); break;
      case CMARK_NODE_SOFTBREAK: append(out, " ", style); break;
      case CMARK_NODE_LINEBREAK: append(out, "\n", style); break;
      case CMARK_NODE_STRONG: inline_spans(n, with(style, true, false), out); break;
      case CMARK_NODE_EMPH: inline_spans(n, with(style, false, true), out); break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE: inline_spans(n, style, out); break;
      default: break;  // inline HTML draws nothing
    }
  }
}

Spans spans_of(cmark_node* n) {
  Spans s;
  inline_spans(n, layout::FontStyle::Regular, s);
  return s;
}

std::string plain(const Spans& spans) {
  std::string t;
  for (const auto& s : spans) t += s.text;
  return t;
}

class Walker {
 public:
  Walker(const std::string& source, std::size_t offset, const std::vector<std::string_view>& lines, ManualSource& out)
      : source_(source), offset_(offset), lines_(lines), out_(out) {}

  void block(cmark_node* n, bool quote) {
    const std::size_t line = cmark_node_get_start_line(n) + offset_;
    if (is_type(n, "table")) return table(n, line);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HEADING: return heading(n, line);
      case CMARK_NODE_PARAGRAPH: return paragraph(n, line, quote);
      case CMARK_NODE_LIST: return list(n, 0);
      case CMARK_NODE_BLOCK_QUOTE:
        for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) block(c, true);
        return;
      case CMARK_NODE_CODE_BLOCK: return code(n, line);
      case CMARK_NODE_THEMATIC_BREAK: out_.body.push_back(ManualPageBreak{line}); return;
      case CMARK_NODE_HTML_BLOCK: {
        const std::string html = cmark_node_get_literal(n);
        if (html.find("pagebreak") != std::string::npos || html.find("page-break") != std::string::npos)
          out_.body.push_back(ManualPageBreak{line});
        else
          out_.warnings.push_back({line, "HTML is not drawn"});
        return;
      }
      default: out_.warnings.push_back({line, std::string("a ") + cmark_node_get_type_string(n) + " is not drawn"});
    }
  }

 private:
  void heading(cmark_node* n, std::size_t line) {
    const int level = cmark_node_get_heading_level(n);
    if (level > last_level_ + 1)
      out_.warnings.push_back({line, "heading level " + std::to_string(level) + " follows level " +
                                         std::to_string(last_level_) + ": a level is skipped"});
    last_level_ = level;
    Spans s = spans_of(n);
    if (plain(s).empty()) throw Error(ErrorCode::InvalidInput, "a heading without text", at(source_, line));
    out_.body.push_back(ManualHeading{level, std::move(s), line});
  }

  void paragraph(cmark_node* n, std::size_t line, bool quote) {
    cmark_node* only = cmark_node_first_child(n);
    if (only && !cmark_node_next(only) && cmark_node_get_type(only) == CMARK_NODE_IMAGE) {
      out_.body.push_back(ManualImage{cmark_node_get_url(only), plain(spans_of(only)), line});
      return;
    }
    Spans s = spans_of(n);
    const std::string text = plain(s);
    if (!text.empty() && text[0] == '|')
      throw Error(ErrorCode::InvalidInput,
                  "a table row without a table: the header row must be followed by a delimiter row such as |---|---|",
                  at(source_, line));
    out_.body.push_back(ManualParagraph{std::move(s), line, quote});
  }

  void list(cmark_node* n, int depth) {
    const bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
    int number = cmark_node_get_list_start(n);
    for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item), ++number) {
      bool first = true;
      for (cmark_node* c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
        const std::size_t line = cmark_node_get_start_line(c) + offset_;
        if (cmark_node_get_type(c) == CMARK_NODE_LIST) {
          list(c, depth + 1);
        } else if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) {
          // A second paragraph in an item continues it, without a marker of its own.
          out_.body.push_back(ManualListItem{depth, ordered && first, first ? number : 0, spans_of(c), line});
          if (!first) std::get<ManualListItem>(out_.body.back()).number = -1;
          first = false;
        } else {
          block(c, false);
        }
      }
    }
  }

  void code(cmark_node* n, std::size_t line) {
    const std::string info = trim(cmark_node_get_fence_info(n) ? cmark_node_get_fence_info(n) : "");
    const std::string literal = cmark_node_get_literal(n);
    if (info == "flow") {
      out_.body.push_back(ManualFlow{parse_flow(literal, line + 1, source_), line});
      return;
    }
    out_.warnings.push_back({line, "a code block is set as plain paragraphs"});
    for (const auto& l : split_lines(literal))
      if (!trim(l).empty()) out_.body.push_back(ManualParagraph{{layout::TextSpan{std::string(l), {}, {}, {}}}, line, false});
  }

  // Cells the source line holds, counted by its unescaped pipes (cmark-gfm drops extras).
  std::size_t cells_written(std::size_t line) const {
    if (line == 0 || line > lines_.size()) return 0;
    std::string s = trim(lines_[line - 1]);
    if (!s.empty() && s.front() == '|') s.erase(0, 1);
    if (!s.empty() && s.back() == '|' && (s.size() < 2 || s[s.size() - 2] != '\\')) s.pop_back();
    std::size_t cells = 1;
    for (std::size_t i = 0; i < s.size(); ++i)
      if (s[i] == '\\') ++i;
      else if (s[i] == '|') ++cells;
    return cells;
  }

  void table(cmark_node* n, std::size_t line) {
    ManualTable t;
    t.line = line;
    const std::size_t columns = cmark_gfm_extensions_get_table_columns(n);
    const std::uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
    for (std::size_t c = 0; c < columns; ++c) {
      const char a = align ? static_cast<char>(align[c]) : 0;
      if (a == 'c') t.column_align.emplace_back(layout::Alignment::Center);
      else if (a == 'r') t.column_align.emplace_back(layout::Alignment::Right);
      else if (a == 'l') t.column_align.emplace_back(layout::Alignment::Left);
      else t.column_align.emplace_back(std::nullopt);
    }
    for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
      const std::size_t row_line = cmark_node_get_start_line(row) + offset_;
      layout::TableRow r;
      r.header = cmark_gfm_extensions_get_table_row_is_header(row) != 0;
      for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
        r.cells.push_back(layout::TableCell{spans_of(cell)});
      const std::size_t written = cells_written(row_line);
      if (written > columns)
        out_.warnings.push_back({row_line, "this row has " + std::to_string(written) + " cells where the header has " +
                                               std::to_string(columns) + ": the extra cells are dropped"});
      t.rows.push_back(std::move(r));
    }
    out_.body.push_back(std::move(t));
  }

  const std::string& source_;
  std::size_t offset_;
  const std::vector<std::string_view>& lines_;
  ManualSource& out_;
  int last_level_ = 0;
};

}  // namespace

ManualSource parse_manual(std::string_view markdown, const std::string& source) {
  ManualSource out;
  text::CleanText clean;
  try {
    clean = text::clean_text(markdown);
  } catch (const Error& e) {
    throw Error(e.code(), e.message(), source + ": " + e.context());
  }
  // A byte-order mark (Windows editors write one) is not text.
  if (clean.text.rfind("\xEF\xBB\xBF", 0) == 0) clean.text.erase(0, 3);
  const std::vector<std::string_view> lines = split_lines(clean.text);
  for (const auto& w : clean.warnings) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < w.byte_offset && i < markdown.size(); ++i) line += markdown[i] == '\n';
    out.warnings.push_back({line, w.message});
  }
  const std::size_t front_lines = parse_front_matter(lines, source, out);
  std::size_t body_start = 0;
  for (std::size_t i = 0; i < front_lines; ++i) body_start += lines[i].size() + 1;
  const std::string_view body = std::string_view(clean.text).substr(std::min(body_start, clean.text.size()));

  cmark_gfm_core_extensions_ensure_registered();
  CmarkParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  if (cmark_syntax_extension* table = cmark_find_syntax_extension("table"))
    cmark_parser_attach_syntax_extension(parser.get(), table);
  cmark_parser_feed(parser.get(), body.data(), body.size());
  CmarkNodePtr doc(cmark_parser_finish(parser.get()));
  if (!doc) throw Error(ErrorCode::Internal, "cmark-gfm returned no document", source);

  Walker walker(source, front_lines, lines, out);
  for (cmark_node* n = cmark_node_first_child(doc.get()); n; n = cmark_node_next(n)) walker.block(n, false);
  return out;
}

}  // namespace saraban::documents
