#include "documents/letter_template.h"

#include <nlohmann/json.hpp>

#include <map>

#include "base/error.h"
#include "base/json_depth.h"
#include "documents/letter_pagination.h"

namespace saraban::documents {

// Generated at build time from templates/letters/*.json (src/documents/CMakeLists.txt).
extern const std::map<std::string, std::string_view>& embedded_letter_templates();

namespace {

using Field = double LetterTemplate::*;

const std::map<std::string, Field>& fields() {
  static const std::map<std::string, Field> f = {
      {"page_width_cm", &LetterTemplate::page_width_cm},
      {"page_height_cm", &LetterTemplate::page_height_cm},
      {"margin_left_cm", &LetterTemplate::margin_left_cm},
      {"margin_right_cm", &LetterTemplate::margin_right_cm},
      {"margin_top_cm", &LetterTemplate::margin_top_cm},
      {"margin_bottom_cm", &LetterTemplate::margin_bottom_cm},
      {"body_size_pt", &LetterTemplate::body_size_pt},
      {"line_spacing", &LetterTemplate::line_spacing},
      {"paragraph_indent_cm", &LetterTemplate::paragraph_indent_cm},
      {"space_before_pt", &LetterTemplate::space_before_pt},
      {"emblem_height_cm", &LetterTemplate::emblem_height_cm},
      {"emblem_top_cm", &LetterTemplate::emblem_top_cm},
      {"emblem_left_cm", &LetterTemplate::emblem_left_cm},
      {"first_page_top_cm", &LetterTemplate::first_page_top_cm},
      {"title_size_pt", &LetterTemplate::title_size_pt},
      {"title_baseline_cm", &LetterTemplate::title_baseline_cm},
      {"date_left_cm", &LetterTemplate::date_left_cm},
      {"closing_left_cm", &LetterTemplate::closing_left_cm},
      {"signature_centre_cm", &LetterTemplate::signature_centre_cm},
      {"signature_space_cm", &LetterTemplate::signature_space_cm},
      {"signature_field_width_cm", &LetterTemplate::signature_field_width_cm},
      {"address_min_left_cm", &LetterTemplate::address_min_left_cm},
      {"memo_date_left_cm", &LetterTemplate::memo_date_left_cm},
      {"urgency_size_pt", &LetterTemplate::urgency_size_pt},
      {"urgency_baseline_cm", &LetterTemplate::urgency_baseline_cm},
      {"secrecy_size_pt", &LetterTemplate::secrecy_size_pt},
      {"secrecy_top_baseline_cm", &LetterTemplate::secrecy_top_baseline_cm},
      {"secrecy_bottom_baseline_cm", &LetterTemplate::secrecy_bottom_baseline_cm},
      {"page_number_baseline_cm", &LetterTemplate::page_number_baseline_cm},
      {"cue_baseline_cm", &LetterTemplate::cue_baseline_cm},
      {"stamp_diameter_cm", &LetterTemplate::stamp_diameter_cm},
      {"tighten_space_min_fraction", &LetterTemplate::tighten_space_min_fraction},
      {"tighten_signature_space_min_fraction", &LetterTemplate::tighten_signature_space_min_fraction},
      {"closing_min_body_lines", &LetterTemplate::closing_min_body_lines},
      {"mark_red", &LetterTemplate::mark_red},
      {"mark_green", &LetterTemplate::mark_green},
      {"mark_blue", &LetterTemplate::mark_blue},
  };
  return f;
}

}  // namespace

LetterTemplate parse_letter_template(std::string_view text, const std::string& source) {
  nlohmann::json j;
  try {
    check_json_depth(text, source);
    j = nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for a number like 1e999999
    throw Error(ErrorCode::InvalidInput, std::string("template is not valid JSON: ") + e.what(), source);
  }
  if (!j.is_object()) throw Error(ErrorCode::InvalidInput, "template: expected an object", source);
  LetterTemplate t;
  std::string problems;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!it.key().empty() && it.key()[0] == '_') continue;  // _comment
    auto f = fields().find(it.key());
    if (f == fields().end()) problems += "\n  $." + it.key() + ": unknown template key";
    else if (!it->is_number()) problems += "\n  $." + it.key() + ": expected a number";
    else t.*(f->second) = it->get<double>();
  }
  check_pagination_keys(t, problems);
  if (!problems.empty()) throw Error(ErrorCode::InvalidInput, "template problems:" + problems, source);
  return t;
}

std::string_view builtin_letter_template(LetterKind kind) {
  const auto& m = embedded_letter_templates();
  auto it = m.find(letter_kind_name(kind));
  if (it == m.end()) throw Error(ErrorCode::Internal, "no built-in template", letter_kind_name(kind));
  return it->second;
}

LetterTemplate load_letter_template(const Environment& env, LetterKind kind) {
  if (auto dir = env.variable("SARABAN_TEMPLATES"); dir && !dir->empty()) {
    const std::string path = *dir + "/letters/" + letter_kind_name(kind) + ".json";
    std::string text = read_text_file(env, path);
    return parse_letter_template(text, path);
  }
  return parse_letter_template(builtin_letter_template(kind), std::string("built-in ") + letter_kind_name(kind) + ".json");
}

}  // namespace saraban::documents
