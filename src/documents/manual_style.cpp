#include "documents/manual_style.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <string_view>

#include "base/error.h"
#include "layout/units.h"

namespace saraban::documents {

const std::map<std::string, std::string_view>& embedded_manual_styles();

namespace {

using nlohmann::json;

// Reads a member with its type checked; a wrong type names the member.
class Reader {
 public:
  Reader(const json& j, std::string path, const std::string& source) : j_(j), path_(std::move(path)), source_(source) {}
  double number(const char* key, double fallback) const {
    const json* v = find(key);
    if (!v) return fallback;
    if (!v->is_number()) fail(key, "a number");
    return v->get<double>();
  }
  double cm(const char* key, double fallback_pt) const {
    const json* v = find(key);
    if (!v) return fallback_pt;
    if (!v->is_number()) fail(key, "a number of centimetres");
    return layout::cm(v->get<double>());
  }
  bool flag(const char* key, bool fallback) const {
    const json* v = find(key);
    if (!v) return fallback;
    if (!v->is_boolean()) fail(key, "true or false");
    return v->get<bool>();
  }
  std::string text(const char* key, const std::string& fallback) const {
    const json* v = find(key);
    if (!v) return fallback;
    if (!v->is_string()) fail(key, "a string");
    return v->get<std::string>();
  }
  layout::Color color(const char* key, layout::Color fallback) const {
    const json* v = find(key);
    if (!v) return fallback;
    if (!v->is_array() || v->size() != 3) fail(key, "[r, g, b] with each 0 to 1");
    layout::Color c;
    double* parts[] = {&c.r, &c.g, &c.b};
    for (std::size_t i = 0; i < 3; ++i) {
      if (!(*v)[i].is_number() || (*v)[i].get<double>() < 0 || (*v)[i].get<double>() > 1) fail(key, "[r, g, b] with each 0 to 1");
      *parts[i] = (*v)[i].get<double>();
    }
    return c;
  }
  Reader child(const char* key) const {
    const json* v = find(key);
    if (v && !v->is_object()) fail(key, "an object");
    return Reader(v ? *v : empty(), path_ + "." + key, source_);
  }
  const json* find(const char* key) const {
    if (!j_.is_object()) return nullptr;
    auto it = j_.find(key);
    return it == j_.end() ? nullptr : &*it;
  }
  [[noreturn]] void fail(const std::string& key, const std::string& want) const {
    throw Error(ErrorCode::InvalidInput, "expected " + want, source_ + ": " + path_ + "." + key);
  }
  const std::string& path() const { return path_; }
  const std::string& source() const { return source_; }

 private:
  static const json& empty() {
    static const json e = json::object();
    return e;
  }
  const json& j_;
  std::string path_;
  const std::string& source_;
};

layout::Alignment alignment(const Reader& r, const char* key, layout::Alignment fallback) {
  const std::string a = r.text(key, "");
  if (a.empty()) return fallback;
  if (a == "left") return layout::Alignment::Left;
  if (a == "right") return layout::Alignment::Right;
  if (a == "center" || a == "centre") return layout::Alignment::Center;
  if (a == "justify") return layout::Alignment::Justify;
  if (a == "thai-distributed") return layout::Alignment::ThaiDistributed;
  r.fail(key, "left, right, center, justify or thai-distributed");
}

FurnitureSpot spot(const Reader& r, FurnitureSpot fallback) {
  using W = FurnitureSpot::Where;
  static const std::map<std::string, W> names = {
      {"top-left", W::TopLeft},       {"top-center", W::TopCenter},       {"top-right", W::TopRight},
      {"bottom-left", W::BottomLeft}, {"bottom-center", W::BottomCenter}, {"bottom-right", W::BottomRight},
      {"none", W::None}};
  FurnitureSpot s = fallback;
  const std::string where = r.text("position", "");
  if (!where.empty()) {
    auto it = names.find(where);
    if (it == names.end()) r.fail("position", "top-left, top-center, top-right, bottom-left, bottom-center, bottom-right or none");
    s.where = it->second;
  }
  s.size = r.number("size_pt", s.size);
  s.distance = r.cm("distance_cm", s.distance);
  return s;
}

layout::ParagraphStyle heading_style(const Reader& r) {
  layout::ParagraphStyle st;
  st.size = r.number("size_pt", 16);
  st.font_style = r.flag("bold", true) ? layout::FontStyle::Bold : layout::FontStyle::Regular;
  st.align = alignment(r, "align", layout::Alignment::Left);
  st.space_before = r.number("space_before_pt", 8);
  st.space_after = r.number("space_after_pt", 4);
  st.page_break_before = r.flag("page_break_before", false);
  st.keep_with_next = true;
  st.keep_together = true;
  return st;
}

// A key the default style does not have is a typo an office would never notice (its setting
// silently does nothing), so it is refused by name. Keys starting with "_" are comments.
void refuse_unknown_keys(const json& given, const json& known, const std::string& path, const std::string& source) {
  if (given.is_object() && known.is_object()) {
    for (auto it = given.begin(); it != given.end(); ++it) {
      if (!it.key().empty() && it.key()[0] == '_') continue;
      const auto k = known.find(it.key());
      if (k == known.end())
        throw Error(ErrorCode::InvalidInput, "unknown style key (see templates/manual/default.json)", source + ": " + path + "." + it.key());
      refuse_unknown_keys(it.value(), *k, path + "." + it.key(), source);
    }
  } else if (given.is_array() && known.is_array() && !known.empty()) {
    for (std::size_t i = 0; i < given.size(); ++i)
      refuse_unknown_keys(given[i], known[std::min(i, known.size() - 1)], path + "[" + std::to_string(i) + "]", source);
  }
}

}  // namespace

const layout::ParagraphStyle& ManualStyle::heading(int level) const {
  const std::size_t i = static_cast<std::size_t>(std::max(1, level) - 1);
  return headings[std::min(i, headings.size() - 1)];
}

ManualStyle parse_manual_style(const std::string& json_text, const std::string& source) {
  json j = json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw Error(ErrorCode::InvalidInput, "not a JSON object", source);
  const auto& styles = embedded_manual_styles();
  if (auto d = styles.find("default"); d != styles.end())
    refuse_unknown_keys(j, json::parse(d->second), "style", source);
  const Reader root(j, "style", source);
  ManualStyle s;
  const Reader page = root.child("page");
  s.page.margin_top = page.cm("margin_top_cm", layout::cm(2.5));
  s.page.margin_bottom = page.cm("margin_bottom_cm", layout::cm(2.0));
  s.page.margin_left = page.cm("margin_left_cm", layout::cm(3.0));
  s.page.margin_right = page.cm("margin_right_cm", layout::cm(2.0));
  if (s.column_width() < layout::cm(5) || s.body_height() < layout::cm(8))
    throw Error(ErrorCode::InvalidInput, "the margins leave too little of the page", source + ": style.page");

  const Reader body = root.child("body");
  s.body.size = body.number("size_pt", 16);
  s.body.line_spacing = body.number("line_spacing", 1.0);
  s.body.first_line_indent = body.cm("first_line_indent_cm", layout::cm(1.25));
  s.body.space_after = body.number("space_after_pt", 4);
  s.body.align = alignment(body, "align", layout::Alignment::ThaiDistributed);
  // Page numbers are text a reader finds, so a paragraph never runs over a page break: its
  // text stays one piece when copied.
  s.body.keep_together = true;
  if (s.body.size < 6 || s.body.size > 40) body.fail("size_pt", "a size from 6 to 40 pt");

  if (const json* hs = root.find("headings")) {
    if (!hs->is_array() || hs->empty()) root.fail("headings", "a non-empty array, one entry per level");
    for (std::size_t i = 0; i < hs->size(); ++i)
      s.headings.push_back(heading_style(Reader((*hs)[i], "style.headings[" + std::to_string(i) + "]", source)));
  } else {
    s.headings = {heading_style(Reader(json::object(), "style.headings[0]", source))};
  }
  s.heading_numbers = root.flag("heading_numbers", false);

  const Reader list = root.child("list");
  s.list_indent = list.cm("indent_cm", s.list_indent);
  s.list_step = list.cm("step_cm", s.list_step);
  s.list_space_after = list.number("space_after_pt", s.list_space_after);

  const Reader table = root.child("table");
  s.table.body = s.body;
  s.table.body.size = table.number("size_pt", 14);
  s.table.body.keep_together = false;
  s.table.body.align = layout::Alignment::Left;
  // Under 1.5 em between baselines: poppler then reads a cell's lines as one block, and a
  // row's wrapped cells come out whole, one after the other.
  s.table.body.line_spacing = table.number("line_spacing", 0.9);
  s.table.body.first_line_indent = 0;
  s.table.header = s.table.body;
  s.table.header.font_style = layout::FontStyle::Bold;
  s.table.padding_x = table.cm("padding_x_cm", s.table.padding_x);
  s.table.padding_y = table.number("padding_y_pt", s.table.padding_y);
  s.table.border_width = table.number("border_pt", s.table.border_width);
  s.table.header_fill = table.color("header_fill", *s.table.header_fill);
  s.table.space_before = table.number("space_before_pt", s.table.space_before);
  s.table.space_after = table.number("space_after_pt", s.table.space_after);
  s.caption_bold = table.flag("caption_bold", true);

  const Reader flow = root.child("flow");
  s.flow.text = s.table.body;
  s.flow.text.size = flow.number("size_pt", 13);
  s.flow.text.line_spacing = flow.number("line_spacing", 0.9);
  s.flow.lane_head = s.flow.text;
  s.flow.lane_head.font_style = layout::FontStyle::Bold;
  s.flow.gap = flow.number("gap_pt", s.flow.gap);
  s.flow.box_max_width = flow.cm("box_max_width_cm", s.flow.box_max_width);
  s.flow.line_width = flow.number("line_pt", s.flow.line_width);
  s.flow.lane_fill = flow.color("lane_fill", s.flow.lane_fill);
  s.flow.yes_label = flow.text("yes_label", s.flow.yes_label);

  s.page_number = spot(root.child("page_number"), {FurnitureSpot::Where::TopRight, 16, layout::cm(1.3)});
  const Reader header = root.child("running_header");
  s.running_header = spot(header, {FurnitureSpot::Where::None, 12, layout::cm(1.0)});
  s.running_header_text = header.text("text", s.running_header_text);

  const Reader cover = root.child("cover");
  s.cover_title_size = cover.number("title_size_pt", s.cover_title_size);
  s.cover_subtitle_size = cover.number("subtitle_size_pt", s.cover_subtitle_size);
  s.cover_logo_height = cover.cm("logo_height_cm", s.cover_logo_height);
  s.cover_top = cover.cm("top_cm", s.cover_top);

  const Reader contents = root.child("contents");
  s.contents_title = contents.text("title", s.contents_title);
  s.contents_page_heading = contents.text("page_heading", s.contents_page_heading);
  s.contents_indent = contents.cm("indent_cm", s.contents_indent);
  s.contents_levels = static_cast<int>(contents.number("levels", s.contents_levels));

  const std::string front = root.text("front_numbering", "thai-letters");
  if (front != "thai-letters" && front != "roman") root.fail("front_numbering", "thai-letters or roman");
  s.front_thai_letters = front == "thai-letters";
  s.image_max_height = root.cm("image_max_height_cm", s.image_max_height);
  return s;
}

ManualStyle load_manual_style(const Environment& env, const std::string& name_or_path) {
  const auto& styles = embedded_manual_styles();
  const std::string name = name_or_path.empty() ? "default" : name_or_path;
  if (auto it = styles.find(name); it != styles.end()) return parse_manual_style(std::string(it->second), "templates/manual/" + name + ".json");
  const auto bytes = env.read_file(name_or_path);
  return parse_manual_style(std::string(bytes.begin(), bytes.end()), name_or_path);
}

}  // namespace saraban::documents
