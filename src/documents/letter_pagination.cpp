#include "documents/letter_pagination.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace saraban::documents {

namespace {

// Tightness u in [0, 1]: 0 is the template's spacing, 1 its tightest allowed.
std::vector<layout::Paragraph> tightened(const LetterFlow& flow, const LetterTemplate& t, double u) {
  std::vector<layout::Paragraph> out = *flow.paragraphs;
  if (u <= 0) return out;
  const double space = 1 - u * (1 - t.tighten_space_min_fraction);
  const double signature = 1 - u * (1 - t.tighten_signature_space_min_fraction);
  for (auto& p : out) {
    p.style.space_before *= space;
    p.style.space_after *= space;
  }
  // The signature space keeps room to sign: its own, usually gentler, bound.
  for (std::size_t i : flow.signature_spaces)
    if (i < out.size()) out[i].style.space_before = (*flow.paragraphs)[i].style.space_before * signature;
  for (const auto& [i, fixed] : flow.fixed_space)
    if (i < out.size()) {
      const double given = (*flow.paragraphs)[i].style.space_before;
      out[i].style.space_before = std::min(given, fixed) + std::max(0.0, given - fixed) * space;
    }
  return out;
}

struct Composed {
  layout::DocumentFrame doc;
  std::vector<std::vector<int>> line_pages;
};

Composed compose(layout::PageComposer& composer, const std::vector<layout::Paragraph>& paragraphs,
                 const layout::DocumentInfo& info, std::map<std::size_t, std::size_t> breaks = {}) {
  composer.set_forced_breaks(std::move(breaks));
  Composed c{composer.compose(paragraphs, info), composer.line_pages()};
  composer.set_forced_breaks({});
  return c;
}

// Body lines above the closing block on the page where it starts; -1 when the rule does not
// apply (no closing block, or it starts on page 1 where the letterhead precedes it).
int body_lines_above_closing(const LetterFlow& flow, const Composed& c) {
  if (!flow.closing_start || *flow.closing_start >= c.line_pages.size()) return -1;
  const auto& closing = c.line_pages[*flow.closing_start];
  if (closing.empty() || closing.front() == 0) return -1;
  int n = 0;
  for (std::size_t b : flow.body)
    if (b < *flow.closing_start)
      for (int page : c.line_pages[b]) n += page == closing.front() ? 1 : 0;
  return n;
}

// The closing block on one page: keep-with-next looks only one paragraph ahead, so a closing
// can fit at a page's foot while the signer's name and position do not.
bool closing_block_together(const LetterFlow& flow, const Composed& c) {
  if (!flow.closing_start) return true;
  std::optional<int> page;
  for (std::size_t i = *flow.closing_start; i < flow.closing_end && i < c.line_pages.size(); ++i)
    for (int p : c.line_pages[i]) {
      if (page && *page != p) return false;
      page = p;
    }
  return true;
}

bool closing_kept(const LetterFlow& flow, const Composed& c, int need) {
  const int have = body_lines_above_closing(flow, c);
  return (have < 0 || have >= need) && closing_block_together(flow, c);
}

// The forced break that carries the body's last `carry` lines to the next page, moved so that
// the paragraph it splits keeps its own widow and orphan counts.
std::pair<std::size_t, std::size_t> carry_break(const LetterFlow& flow, const Composed& c, std::size_t carry) {
  if (carry == 0) return {*flow.closing_start, 0};
  std::vector<std::pair<std::size_t, std::size_t>> lines;  // (paragraph, line) of each body line
  for (std::size_t b : flow.body)
    if (b < *flow.closing_start)
      for (std::size_t j = 0; j < c.line_pages[b].size(); ++j) lines.emplace_back(b, j);
  auto [p, j] = lines[lines.size() - std::min(carry, lines.size())];
  const auto& st = (*flow.paragraphs)[p].style;
  const std::size_t n = c.line_pages[p].size();
  const auto widows = static_cast<std::size_t>(std::max(1, st.widows));
  const auto orphans = static_cast<std::size_t>(std::max(1, st.orphans));
  if (j > 0 && n - j < widows) j = n >= widows ? n - widows : 0;
  if (j > 0 && j < orphans) j = 0;
  return {p, j};
}

}  // namespace

PaginatedLetter paginate_letter(layout::PageComposer& composer, const LetterFlow& flow, const LetterTemplate& t,
                                const layout::DocumentInfo& info) {
  PaginatedLetter out;
  std::vector<layout::Paragraph> tightest;  // empty: the paragraphs as given
  composer.set_reuse_lines(false);  // lets go of another text's lines
  composer.set_reuse_lines(true);   // notes each line's page; later passes change only spacing and breaks
  Composed c = compose(composer, *flow.paragraphs, info);

  // A typist first tightens the spacing between parts to save a page, never past the bounds.
  if (c.doc.pages.size() > 1) {
    tightest = tightened(flow, t, 1);
    Composed tight = compose(composer, tightest, info);
    if (tight.doc.pages.size() < c.doc.pages.size()) {
      // The least tightening that still saves the page.
      double lo = 0, hi = 1;
      for (int step = 0; step < 6; ++step) {
        const double mid = (lo + hi) / 2;
        auto paras = tightened(flow, t, mid);
        Composed m = compose(composer, paras, info);
        if (m.doc.pages.size() < c.doc.pages.size()) {
          hi = mid;
          tight = std::move(m);
          tightest = std::move(paras);
        } else {
          lo = mid;
        }
      }
      out.spacing_scale = 1 - hi * (1 - t.tighten_space_min_fraction);
      c = std::move(tight);
    } else {
      tightest.clear();
    }
  }
  const auto& paragraphs = tightest.empty() ? *flow.paragraphs : tightest;

  // Then the closing never stands alone: carry body lines over until enough precede it.
  const auto need = static_cast<int>(std::lround(t.closing_min_body_lines));
  if (!closing_kept(flow, c, need)) {
    std::size_t body_lines = 0;
    for (std::size_t b : flow.body)
      if (b < *flow.closing_start) body_lines += c.line_pages[b].size();
    for (auto carry = static_cast<std::size_t>(need); carry <= body_lines && carry < static_cast<std::size_t>(need) + 8;
         ++carry) {
      const auto [p, j] = carry_break(flow, c, carry);
      Composed tried = compose(composer, paragraphs, info, {{p, j}});
      if (closing_kept(flow, tried, need)) {
        c = std::move(tried);
        break;
      }
    }
  }
  composer.set_reuse_lines(false);
  out.doc = std::move(c.doc);
  for (std::size_t i : flow.signature_spaces) out.signature_spaces.push_back(paragraphs[i].style.space_before);
  return out;
}

void check_pagination_keys(const LetterTemplate& t, std::string& problems) {
  auto fraction = [&](const char* key, double v) {
    if (!(v > 0 && v <= 1)) problems += std::string("\n  $.") + key + ": must be a fraction in (0, 1] (1: never tightened)";
  };
  fraction("tighten_space_min_fraction", t.tighten_space_min_fraction);
  fraction("tighten_signature_space_min_fraction", t.tighten_signature_space_min_fraction);
  const double n = t.closing_min_body_lines;
  if (!(n >= 0 && n <= 10 && n == std::floor(n)))
    problems += "\n  $.closing_min_body_lines: must be a whole number of lines from 0 to 10";
}

}  // namespace saraban::documents
