#include "documents/receive_stamp.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "base/error.h"
#include "base/json_depth.h"
#include "layout/font_set.h"
#include "layout/line_box.h"
#include "layout/shaper.h"
#include "layout/units.h"
#include "documents/stamp_placement.h"
#include "pdf/pdf_overlay.h"
#include "text/cleanup.h"
#include "text/word_breaker.h"

namespace saraban::documents {

namespace {

// A copy of templates/receive_stamp.json, which is the source: edit that file and paste it
// here (receive_stamp_test checks the two are byte for byte the same). Kept as a raw string so
// src/documents/CMakeLists.txt, owned by the letters, need not change.
constexpr std::string_view kBuiltinTemplate = R"saraban_tpl({
  "_comment": "The receive stamp (ตรารับหนังสือ) drawn at the top right of an incoming letter's first page. Lengths in cm, sizes in pt, colour as 0..1 sRGB. {office}, {number}, {date} and {time} are filled in by the register; a line whose field is empty is left out. The box grows downwards if a long office name needs a second line. Where the letter already has ink at that place, the box moves within the top search_height_fraction and right search_width_fraction of the page to where it and clearance_cm around it touch nothing (shrinking down to min_scale if need be, trying positions search_step_cm apart, never nearer the edges than edge_cm); with no such place it stays put on a white background. src/documents/receive_stamp.cpp carries a copy of this file (a test checks they agree).",
  "box_width_cm": 5.0,
  "box_height_cm": 2.5,
  "top_cm": 1.0,
  "right_cm": 1.0,
  "padding_cm": 0.2,
  "border_pt": 0.8,
  "font_size_pt": 12,
  "min_font_size_pt": 8,
  "search_height_fraction": 0.333,
  "search_width_fraction": 0.5,
  "edge_cm": 0.5,
  "clearance_cm": 0.2,
  "search_step_cm": 0.25,
  "min_scale": 0.7,
  "color": [0.0, 0.0, 0.5],
  "lines": [
    {"text": "{office}", "align": "center", "bold": true},
    {"text": "เลขรับ {number}", "align": "left", "bold": false},
    {"text": "วันที่ {date}", "align": "left", "bold": false},
    {"text": "เวลา {time} น.", "align": "left", "bold": false}
  ]
}
)saraban_tpl";

using Field = double ReceiveStampTemplate::*;

const std::map<std::string, Field>& number_fields() {
  static const std::map<std::string, Field> f = {
      {"box_width_cm", &ReceiveStampTemplate::box_width_cm},
      {"box_height_cm", &ReceiveStampTemplate::box_height_cm},
      {"top_cm", &ReceiveStampTemplate::top_cm},
      {"right_cm", &ReceiveStampTemplate::right_cm},
      {"padding_cm", &ReceiveStampTemplate::padding_cm},
      {"border_pt", &ReceiveStampTemplate::border_pt},
      {"font_size_pt", &ReceiveStampTemplate::font_size_pt},
      {"min_font_size_pt", &ReceiveStampTemplate::min_font_size_pt},
      {"search_height_fraction", &ReceiveStampTemplate::search_height_fraction},
      {"search_width_fraction", &ReceiveStampTemplate::search_width_fraction},
      {"edge_cm", &ReceiveStampTemplate::edge_cm},
      {"clearance_cm", &ReceiveStampTemplate::clearance_cm},
      {"search_step_cm", &ReceiveStampTemplate::search_step_cm},
      {"min_scale", &ReceiveStampTemplate::min_scale},
  };
  return f;
}

void parse_lines(const nlohmann::json& lines, ReceiveStampTemplate& t, std::string& problems) {
  if (!lines.is_array() || lines.empty()) {
    problems += "\n  $.lines: expected a non-empty array";
    return;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string where = "\n  $.lines[" + std::to_string(i) + "]";
    const auto& l = lines[i];
    if (!l.is_object()) {
      problems += where + ": expected an object";
      continue;
    }
    ReceiveStampLine line;
    for (auto it = l.begin(); it != l.end(); ++it) {
      const std::string& k = it.key();
      if (k == "text" && it->is_string()) line.text = it->get<std::string>();
      else if (k == "bold" && it->is_boolean()) line.bold = it->get<bool>();
      else if (k == "align" && it->is_string()) {
        std::string a = it->get<std::string>();
        if (a == "left") line.align = layout::Alignment::Left;
        else if (a == "center") line.align = layout::Alignment::Center;
        else if (a == "right") line.align = layout::Alignment::Right;
        else problems += where + ".align: expected left, center or right";
      } else if (k == "text" || k == "bold" || k == "align") {
        problems += where + "." + k + ": wrong type";
      } else {
        problems += where + "." + k + ": unknown key";
      }
    }
    if (line.text.empty()) problems += where + ".text: missing";
    t.lines.push_back(std::move(line));
  }
}

// Replaces {office} {number} {date} {time}; empty when a field the line uses is empty.
std::string fill(const std::string& pattern, const ReceiveStampFields& v) {
  const std::pair<const char*, const std::string*> fields[] = {
      {"{office}", &v.office}, {"{number}", &v.number}, {"{date}", &v.date}, {"{time}", &v.time}};
  std::string out = pattern;
  for (const auto& [key, value] : fields) {
    for (std::size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + value->size())) {
      if (value->empty()) return {};
      out.replace(at, std::string_view(key).size(), *value);
    }
  }
  return out;
}

StampPlacementRules placement_rules(const ReceiveStampTemplate& t) {
  using layout::cm;
  return {cm(t.top_cm),       cm(t.right_cm),          cm(t.edge_cm),
          t.search_height_fraction, t.search_width_fraction, cm(t.clearance_cm),
          cm(t.search_step_cm),    t.min_scale};
}

}  // namespace

ReceiveStampTemplate parse_receive_stamp_template(std::string_view text, const std::string& source) {
  nlohmann::json j;
  try {
    check_json_depth(text, source);
    j = nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for a number like 1e999999
    throw Error(ErrorCode::InvalidInput, std::string("receive stamp template is not valid JSON: ") + e.what(), source);
  }
  if (!j.is_object()) throw Error(ErrorCode::InvalidInput, "receive stamp template: expected an object", source);
  ReceiveStampTemplate t;
  std::string problems;
  bool has_lines = false;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& k = it.key();
    if (!k.empty() && k[0] == '_') continue;  // _comment
    if (k == "lines") {
      has_lines = true;
      parse_lines(*it, t, problems);
    } else if (k == "color") {
      if (!it->is_array() || it->size() != 3 ||
          !std::all_of(it->begin(), it->end(), [](const auto& v) { return v.is_number() && v >= 0 && v <= 1; }))
        problems += "\n  $.color: expected [r, g, b] with each 0..1";
      else t.color = {(*it)[0].get<double>(), (*it)[1].get<double>(), (*it)[2].get<double>()};
    } else if (auto f = number_fields().find(k); f != number_fields().end()) {
      if (!it->is_number() || it->get<double>() < 0) problems += "\n  $." + k + ": expected a number >= 0";
      else t.*(f->second) = it->get<double>();
    } else {
      problems += "\n  $." + k + ": unknown template key";
    }
  }
  if (!has_lines) problems += "\n  $.lines: missing";
  if (t.box_width_cm <= 2 * t.padding_cm) problems += "\n  $.box_width_cm: no room inside the padding";
  if (t.font_size_pt <= 0 || t.min_font_size_pt <= 0 || t.min_font_size_pt > t.font_size_pt)
    problems += "\n  $.font_size_pt: need 0 < min_font_size_pt <= font_size_pt";
  for (auto [key, v] : {std::pair{"search_height_fraction", t.search_height_fraction},
                        std::pair{"search_width_fraction", t.search_width_fraction}, std::pair{"min_scale", t.min_scale}})
    if (v <= 0 || v > 1) problems += std::string("\n  $.") + key + ": expected 0 < value <= 1";
  if (t.search_step_cm < 0.05) problems += "\n  $.search_step_cm: expected at least 0.05";
  if (!problems.empty()) throw Error(ErrorCode::InvalidInput, "receive stamp template problems:" + problems, source);
  return t;
}

std::string_view builtin_receive_stamp_template() { return kBuiltinTemplate; }

ReceiveStampTemplate load_receive_stamp_template(const Environment& env) {
  if (auto dir = env.variable("SARABAN_TEMPLATES"); dir && !dir->empty()) {
    const std::string path = *dir + "/receive_stamp.json";
    return parse_receive_stamp_template(read_text_file(env, path), path);
  }
  return parse_receive_stamp_template(kBuiltinTemplate, "built-in receive_stamp.json");
}

// How far the white background of a stamp without free space reaches past its border (pt).
constexpr double kOpaqueHalo = 2.0;

std::vector<layout::FrameItem> layout_receive_stamp(layout::ParagraphLayouter& layouter, const ReceiveStampTemplate& t,
                                                    const ReceiveStampFields& text, const pdf::VisiblePage& page) {
  using namespace layout;
  const double box_w = cm(t.box_width_cm), pad = cm(t.padding_cm), inner_w = box_w - 2 * pad;
  const double box_x = 0, box_y = 0;  // laid out at the origin, then placed (and scaled) on the page

  std::vector<LineBox> lines;
  for (const auto& tl : t.lines) {
    std::string s = fill(tl.text, text);
    if (s.empty()) continue;
    s = text::clean_text(s).text;
    ParagraphStyle st;
    st.align = tl.align;
    st.font_style = tl.bold ? FontStyle::Bold : FontStyle::Regular;
    st.color = t.color;
    st.size = t.font_size_pt;
    // A long office name shrinks to fit the box, down to the smallest size; then it wraps.
    double natural = layouter.measure(s, st.font_style, st.size);
    if (natural > inner_w) st.size = std::max(t.min_font_size_pt, st.size * inner_w / natural * 0.999);
    for (auto& l : layouter.layout(Paragraph::plain(s, st), inner_w)) lines.push_back(std::move(l));
  }

  double content_h = 0;
  for (const auto& l : lines) content_h += l.height;
  // The box keeps its template height unless the lines need more; spare room goes evenly
  // around the lines, as the rows of a rubber stamp are spaced.
  const double box_h = std::max(cm(t.box_height_cm), content_h + 2 * pad);
  const double gap = lines.empty() ? 0 : (box_h - 2 * pad - content_h) / static_cast<double>(lines.size());

  const StampPlacement at = place_stamp(page.width, page.height, page.ink, box_w, box_h, placement_rules(t));
  std::vector<FrameItem> items;
  // No free space: a white background, drawn first, reaching a little past the border so the
  // border too is read against white whatever the letter has under it.
  if (at.opaque) {
    const double halo = kOpaqueHalo + t.border_pt / 2;
    items.push_back(Rect{box_x - halo, box_y - halo, box_w + 2 * halo, box_h + 2 * halo, Color{1, 1, 1}, std::nullopt, 0});
  }
  items.push_back(Rect{box_x, box_y, box_w, box_h, std::nullopt, t.color, t.border_pt});
  double y = box_y + pad;
  for (const auto& l : lines) {
    y += gap / 2;
    for (auto& item : place_line(l, box_x + pad, y + l.ascent)) items.push_back(std::move(item));
    y += l.height + gap / 2;
  }
  apply_placement(items, at);
  return items;
}

struct ReceiveStamper::Engine {
  explicit Engine(const Environment& env)
      : tpl(load_receive_stamp_template(env)),
        fonts(env, layout::FontConfig::load_default(env)),
        layouter(fonts, shaper, breaker()) {}
  static const text::WordBreaker& breaker() {
    static thread_local const text::WordBreaker b;  // its ICU iterators are not shared across threads
    return b;
  }
  ReceiveStampTemplate tpl;
  layout::FontSet fonts;
  layout::Shaper shaper;
  layout::ParagraphLayouter layouter;
};

ReceiveStamper::ReceiveStamper(const Environment& env) : env_(env) {}
ReceiveStamper::~ReceiveStamper() = default;

StampedPdf ReceiveStamper::stamp(const std::vector<std::uint8_t>& original_pdf, const ReceiveStampFields& text) {
  if (!engine_) engine_ = std::make_unique<Engine>(env_);
  pdf::OverlayResult r = pdf::overlay_first_page_checked(original_pdf, [&](const pdf::VisiblePage& page) {
    return layout_receive_stamp(engine_->layouter, engine_->tpl, text, page);
  });
  return {std::move(r.bytes), r.repaired};
}

}  // namespace saraban::documents
