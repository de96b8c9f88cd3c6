#include "layout/typesetter.h"

#include "layout/page_composer.h"
#include "layout/paragraph_layouter.h"
#include "layout/units.h"
#include "text/word_breaker.h"

namespace saraban::layout {

std::vector<std::string> split_paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  std::size_t i = 0;
  auto flush = [&] {
    while (!cur.empty() && (cur.back() == '\n' || cur.back() == ' ')) cur.pop_back();
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  while (i < text.size()) {
    std::size_t nl = text.find('\n', i);
    std::string line = text.substr(i, nl == std::string::npos ? std::string::npos : nl - i);
    i = nl == std::string::npos ? text.size() : nl + 1;
    bool blank = line.find_first_not_of(" \t\r") == std::string::npos;
    if (blank) {
      flush();
      continue;
    }
    if (!cur.empty()) cur += '\n';
    cur += line;
  }
  flush();
  return out;
}

namespace {

// Lays out `clean_text` and hands the composer, set up with the options, to `compose`.
template <class Compose>
auto with_composer(FontSet& fonts, const std::string& clean_text, const TypesetOptions& options, Compose compose) {
  static thread_local const text::WordBreaker breaker;  // its ICU iterators are not shared across threads
  Shaper shaper;
  ParagraphLayouter layouter(fonts, shaper, breaker);
  PageGeometry geo;
  geo.margin_left = cm(3);
  geo.margin_right = geo.width - geo.margin_left - cm(options.column_width_cm);
  geo.margin_top = cm(2.5);
  geo.margin_bottom = cm(2);

  std::vector<Paragraph> paragraphs;
  for (auto& t : split_paragraphs(options.digits ? text::convert_digits(clean_text, *options.digits) : clean_text)) {
    ParagraphStyle st;
    st.align = options.align;
    st.size = options.size;
    st.first_line_indent = cm(options.first_line_indent_cm);
    st.space_after = 6;
    paragraphs.push_back(Paragraph::plain(std::move(t), st));
  }
  PageComposer composer(layouter, geo);
  const auto digits = options.digits.value_or(text::DigitStyle::Thai);
  const double size = options.size;
  if (options.page_numbers) composer.set_decorator([&layouter, &geo, digits, size](const PageInfo& page) {
    std::vector<FrameItem> items;
    if (page.index == 0) return items;
    ParagraphStyle st;
    st.size = size;
    st.align = Alignment::Center;
    Paragraph p = Paragraph::plain("- " + text::format_integer(page.index + 1, digits, false) + " -", st);
    auto lines = layouter.layout(p, geo.width - geo.margin_left - geo.margin_right);
    return place_line(lines.front(), geo.margin_left, cm(1.0) + lines.front().ascent);
  });
  return compose(composer, paragraphs);
}

}  // namespace

DocumentInfo typeset_info(const TypesetOptions& options, std::int64_t created) {
  DocumentInfo info;
  info.title = options.title;
  info.created = created;
  return info;
}

DocumentFrame typeset_text(FontSet& fonts, const std::string& clean_text, const TypesetOptions& options,
                           std::int64_t created) {
  return with_composer(fonts, clean_text, options, [&](PageComposer& composer, const std::vector<Paragraph>& paragraphs) {
    return composer.compose(paragraphs, typeset_info(options, created));
  });
}

std::size_t typeset_text_pages(FontSet& fonts, const std::string& clean_text, const TypesetOptions& options,
                               TypesetPages& out) {
  return with_composer(fonts, clean_text, options, [&](PageComposer& composer, const std::vector<Paragraph>& paragraphs) {
    const std::size_t count = composer.compose_pages(paragraphs, [&out](PageFrame&& page) { out.page(std::move(page)); });
    for (std::size_t i = 0; i < count; ++i) {
      std::vector<FrameItem> items = composer.furniture(i);
      if (!items.empty()) out.furniture(i, std::move(items));
    }
    return count;
  });
}

}  // namespace saraban::layout
