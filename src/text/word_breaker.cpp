#include "text/word_breaker.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/rbbi.h>
#include <unicode/uchar.h>

#include <algorithm>

#include "text/icu_handles.h"
#include "text/keep_units.h"
#include "text/keep_words.h"
#include "text/thai_dictionary.h"
#include "text/thai_stretches.h"
#include "text/utf8.h"

namespace saraban::text {
namespace {

// A dictionary-only stretch longer than this with no break left gets ICU's breaks back, so a
// line can always be broken somewhere.
constexpr std::size_t kLongestUnbrokenThai = 40;

std::size_t count_code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool is_hard_line_break(char32_t cp) {
  const auto lb = static_cast<ULineBreak>(
      u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_LINE_BREAK));
  return lb == U_LB_MANDATORY_BREAK || lb == U_LB_CARRIAGE_RETURN || lb == U_LB_LINE_FEED ||
         lb == U_LB_NEXT_LINE;
}

// Marks the (non-mandatory) opportunities strictly inside a keep-together unit; both lists
// are sorted by offset.
void mark_units(std::vector<BreakOpportunity>& opps, const std::vector<UnitSpan>& units) {
  auto unit = units.begin();
  for (BreakOpportunity& o : opps) {
    while (unit != units.end() && unit->end <= o.offset) ++unit;
    if (unit == units.end()) return;
    if (o.mandatory || o.offset <= unit->begin) continue;
    o.unit_begin = unit->begin;
    o.unit_end = unit->end;
  }
}

}  // namespace

struct WordBreaker::Impl {
  KeepWords keep;
  KeepUnits units;
  ThaiDictionary dictionary;
  BreakIteratorPtr line;
  BreakIteratorPtr chars;

  explicit Impl(const WordList& list) : keep(list) {
    UErrorCode status = U_ZERO_ERROR;
    line.reset(icu::BreakIterator::createLineInstance(icu::Locale("th"), status));
    check_icu(status, "ICU line break iterator unavailable");
    status = U_ZERO_ERROR;
    chars.reset(icu::BreakIterator::createCharacterInstance(icu::Locale("th"), status));
    check_icu(status, "ICU character break iterator unavailable");
  }

  // ICU's line boundaries strictly inside the paragraph.
  std::vector<std::size_t> line_breaks(std::string_view paragraph) const {
    UTextPtr text = open_utf8_text(paragraph);
    UErrorCode status = U_ZERO_ERROR;
    line->setText(text.get(), status);
    check_icu(status, "ICU cannot iterate the text");
    std::vector<std::size_t> out;
    for (int32_t b = line->next(); b != icu::BreakIterator::DONE; b = line->next()) {
      const auto offset = static_cast<std::size_t>(b);
      if (offset >= paragraph.size()) break;
      out.push_back(offset);
    }
    return out;
  }

  std::vector<bool> grapheme_starts(std::string_view paragraph) const {
    UTextPtr text = open_utf8_text(paragraph);
    UErrorCode status = U_ZERO_ERROR;
    chars->setText(text.get(), status);
    check_icu(status, "ICU cannot iterate the text");
    std::vector<bool> out(paragraph.size() + 1, false);
    for (int32_t b = chars->first(); b != icu::BreakIterator::DONE; b = chars->next()) {
      out[static_cast<std::size_t>(b)] = true;
    }
    return out;
  }
};

WordBreaker::WordBreaker(WordList keep) : impl_(std::make_unique<Impl>(keep)) {}
WordBreaker::~WordBreaker() = default;

std::vector<std::size_t> WordBreaker::icu_boundaries(std::string_view paragraph) const {
  validate_utf8(paragraph);
  return impl_->line_breaks(paragraph);
}

std::vector<std::size_t> WordBreaker::libthai_boundaries(std::string_view paragraph) const {
  validate_utf8(paragraph);
  std::vector<std::size_t> out;
  for (const ThaiStretch& s : thai_stretches(paragraph)) {
    for (std::size_t b : impl_->dictionary.breaks(paragraph.substr(s.begin, s.end - s.begin))) {
      out.push_back(s.begin + b);
    }
  }
  return out;
}

std::vector<BreakOpportunity> WordBreaker::word_opportunities(std::string_view paragraph) const {
  validate_utf8(paragraph);
  const std::size_t n = paragraph.size();
  const std::vector<std::size_t> icu = impl_->line_breaks(paragraph);
  std::vector<bool> icu_at(n + 1, false);
  std::vector<bool> candidate(n + 1, false);
  std::vector<bool> mandatory(n + 1, false);
  for (std::size_t b : icu) icu_at[b] = true;
  // Hard breaks by the class of the character before (UAX #14 BK, CR, LF, NL); ICU's rule
  // status is not reliable after its dictionary has run over Thai.
  for (std::size_t i = 0; i < n;) {
    const char32_t cp = next_code_point(paragraph, i);
    const bool crlf = cp == U'\r' && i < n && paragraph[i] == '\n';
    if (i < n && !crlf && is_hard_line_break(cp)) mandatory[i] = true;
  }

  // Outside Thai stretches (and at their edges) UAX #14 decides alone.
  std::vector<bool> thai_interior(n + 1, false);
  const std::vector<ThaiStretch> stretches = thai_stretches(paragraph);
  for (const ThaiStretch& s : stretches) {
    for (std::size_t p = s.begin + 1; p < s.end; ++p) thai_interior[p] = true;
  }
  for (std::size_t p = 1; p < n; ++p) candidate[p] = icu_at[p] && !thai_interior[p];

  // Inside Thai: both dictionaries must agree, each vetoing the other's known mis-splits.
  for (const ThaiStretch& s : stretches) {
    const std::string_view thai = paragraph.substr(s.begin, s.end - s.begin);
    std::vector<std::size_t> agreed;
    for (std::size_t b : impl_->dictionary.breaks(thai)) {
      if (icu_at[s.begin + b]) agreed.push_back(s.begin + b);
    }
    std::vector<std::size_t> edges{s.begin};
    edges.insert(edges.end(), agreed.begin(), agreed.end());
    edges.push_back(s.end);
    for (std::size_t p : agreed) candidate[p] = true;
    for (std::size_t k = 0; k + 1 < edges.size(); ++k) {
      const std::string_view gap = paragraph.substr(edges[k], edges[k + 1] - edges[k]);
      if (count_code_points(gap) <= kLongestUnbrokenThai) continue;
      bool any = false;
      for (std::size_t p = edges[k] + 1; p < edges[k + 1]; ++p) {
        if (icu_at[p]) candidate[p] = any = true;
      }
      // Text no dictionary knows (names, typos) may still break between clusters.
      if (!any) {
        for (std::size_t p = edges[k] + 1; p < edges[k + 1]; ++p) candidate[p] = true;
      }
    }
  }

  // Never inside a word the office keeps whole.
  for (const WordSpan& w : impl_->keep.occurrences(paragraph)) {
    for (std::size_t p = w.begin + 1; p < w.end; ++p) {
      if (!mandatory[p]) candidate[p] = false;
    }
  }

  const std::vector<bool> grapheme = impl_->grapheme_starts(paragraph);
  std::vector<BreakOpportunity> out;
  for (std::size_t p = 1; p < n; ++p) {
    if ((candidate[p] || mandatory[p]) && grapheme[p]) out.push_back({p, mandatory[p]});
  }
  return out;
}

std::vector<BreakOpportunity> WordBreaker::opportunities(std::string_view paragraph) const {
  std::vector<BreakOpportunity> out = word_opportunities(paragraph);
  mark_units(out, impl_->units.occurrences(paragraph));
  return out;
}

}  // namespace saraban::text
