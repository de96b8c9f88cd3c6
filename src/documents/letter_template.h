#pragma once
// A kind's layout numbers (templates/letters/<kind>.json): centimetres from the page's edges
// and sizes in points. Built into the binary; SARABAN_TEMPLATES=DIR overrides with
// DIR/letters/<kind>.json.
#include <string>
#include <string_view>

#include "base/environment.h"
#include "documents/letter.h"
#include "layout/frame.h"

namespace saraban::documents {

struct LetterTemplate {
  // Page (cm)
  double page_width_cm = 21.0, page_height_cm = 29.7;
  double margin_left_cm = 3.0, margin_right_cm = 2.0, margin_top_cm = 2.5, margin_bottom_cm = 2.0;
  // Text (pt)
  double body_size_pt = 16;
  double line_spacing = 0.8;  // of the body font's natural line height (Laksaman's is 1.66 em)
  double paragraph_indent_cm = 2.5;
  double space_before_pt = 6;  // before เรื่อง, เรียน, อ้างถึง, สิ่งที่ส่งมาด้วย and each paragraph
  // Emblem (cm); height 0: none. emblem_left_cm < 0: centred on the page.
  double emblem_height_cm = 3.0, emblem_top_cm = 1.5, emblem_left_cm = -1;
  // Where page 1's flowed text starts (cm from the top)
  double first_page_top_cm = 4.8;
  // Title (memo's บันทึกข้อความ, คำสั่ง/ประกาศ/ระเบียบ headings)
  double title_size_pt = 16, title_baseline_cm = 2.9;
  // Parts at the page centre (cm from the page's left edge)
  double date_left_cm = 10.5, closing_left_cm = 10.5, signature_centre_cm = 12.5;
  double signature_space_cm = 2.0, signature_field_width_cm = 6.0;
  // External letters: the address block ends at the right margin, starting no further left than this
  double address_min_left_cm = 10.5;
  // Memo: where วันที่ starts on the ที่/วันที่ line (cm from the left edge)
  double memo_date_left_cm = 10.5;
  // Marks (pt and cm)
  double urgency_size_pt = 24, urgency_baseline_cm = 4.3;
  double secrecy_size_pt = 20, secrecy_top_baseline_cm = 1.0, secrecy_bottom_baseline_cm = 29.1;
  double page_number_baseline_cm = 1.7;
  double cue_baseline_cm = 28.3;
  // Stamped letter: the red office stamp (cm)
  double stamp_diameter_cm = 3.6;
  // Pagination: a letter that overflows is first tightened, spacing between parts shrinking to
  // no less than these fractions, if that saves a page; the closing block then starts no page
  // without this many body lines above it.
  double tighten_space_min_fraction = 0.5, tighten_signature_space_min_fraction = 0.75;
  double closing_min_body_lines = 2;
  // Red of urgency, secrecy and the stamp (0..1 sRGB)
  double mark_red = 0.85, mark_green = 0.0, mark_blue = 0.0;

  layout::Color mark_colour() const { return {mark_red, mark_green, mark_blue}; }
};

// Parses a template; unknown keys and wrong types are errors (a typo must not pass silently).
LetterTemplate parse_letter_template(std::string_view json, const std::string& source);
// The template for a kind: SARABAN_TEMPLATES override, else the built-in copy.
LetterTemplate load_letter_template(const Environment& env, LetterKind kind);
// The built-in JSON text for a kind (tests compare measurements with it).
std::string_view builtin_letter_template(LetterKind kind);

}  // namespace saraban::documents
