#pragma once
// The parts every kind shares: paragraphs in the template's styles, the emblem and marks on
// page 1, the signature block with its empty signature field, the contact block, the running
// page number, the next-page cue and secrecy marks. Each family's layout file composes these.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "base/environment.h"
#include "documents/letter.h"
#include "documents/letter_template.h"
#include "layout/frame.h"
#include "layout/paragraph.h"
#include "layout/paragraph_layouter.h"

namespace saraban::documents {

class LetterBuilder {
 public:
  LetterBuilder(const Environment& env, layout::ParagraphLayouter& layouter, const LetterTemplate& t, const Letter& l);

  const LetterTemplate& tpl() const { return t_; }
  const Letter& letter() const { return l_; }
  layout::ParagraphLayouter& layouter() { return layouter_; }
  double column_width() const;  // pt
  double margin_left() const;   // pt

  // Styles
  layout::ParagraphStyle plain() const;      // left, body size
  layout::ParagraphStyle body() const;       // first-line indent, Thai distributed, space before
  layout::ParagraphStyle centred(bool bold = false, double size = 0) const;
  layout::ParagraphStyle from_left_cm(double left_cm) const;  // left edge at cm from the page edge
  // As from_left_cm, moved left as far as needed for `text` to fit on one line.
  layout::ParagraphStyle fitting_from_left_cm(const std::string& text, double left_cm);

  // Generated text in the letter's digits.
  std::string number(long long n) const;
  std::string date_full() const;      // ๒๑ พฤศจิกายน ๒๕๖๙
  std::string date_with_era() const;  // ๒๑ พฤศจิกายน พ.ศ. ๒๕๖๙

  void add(layout::Paragraph p) { paragraphs_.push_back(std::move(p)); }
  // "label  text" with wrapped lines hanging under the text.
  void add_labelled(const std::string& label, const std::string& text, bool space_before = true, bool bold_label = false);
  // A label followed by a list: one item stands alone, several are numbered ๑. ๒. ...
  void add_labelled_list(const std::string& label, const std::vector<std::string>& items);
  void add_body(const std::vector<std::string>& paragraphs);
  // Closing (may be empty), signature space with its field, (name), position lines.
  void add_signature(const Signer& s, const std::string& closing, double closing_left_cm, int index);
  // "<said> ณ วันที่ ๒๑ พฤศจิกายน พ.ศ. ๒๕๖๙" kept with every signer's block under it (orders,
  // announcements, regulations: สั่ง / ประกาศ; certificates: ให้ไว้).
  void add_dated_signatures(const std::string& said);
  // The stamped letter's red office stamp: rings around the office's name, centred under the body.
  void add_stamp();
  void add_contact();
  void add_copies();
  // ที่ at the left margin; the office's name and address as a block ending at the right margin.
  void add_ref_and_address(bool print_address);

  // Page 1 items above the flowed text.
  void place_emblem();
  void place_title(const std::string& text, double size, bool bold, double baseline_cm);
  void place_urgency();
  void place_item(layout::FrameItem item) { first_page_items_.push_back(std::move(item)); }

  layout::DocumentFrame finish(const std::string& title);

 private:
  // What a letter draws at an anchor it set: the stamp's rings, a signer's signature field.
  void put_at_anchor(const layout::Anchor& a, std::vector<layout::FrameItem>& out) const;
  std::vector<layout::FrameItem> line_items(const std::string& text, layout::ParagraphStyle st, double x, double baseline,
                                            double width = 0);

  const Environment& env_;
  layout::ParagraphLayouter& layouter_;
  const LetterTemplate& t_;
  const Letter& l_;
  std::vector<layout::Paragraph> paragraphs_;
  std::vector<layout::FrameItem> first_page_items_;
  std::vector<std::size_t> body_paragraphs_;      // for the closing keep rule
  std::optional<std::size_t> closing_start_;      // first paragraph of the first signature block
  std::size_t closing_end_ = 0;                   // one past that block's last paragraph (or contact line)
  // A signer's field, drawn at the SignatureSpace anchor of the same name.
  struct PendingField {
    std::string name;
    double height;
    std::size_t paragraph;  // the signer's name, whose space before is the signature space
  };
  std::vector<PendingField> fields_;
  std::size_t stamp_lines_ = 0;  // lines of the office name inside the stamp
  double stamp_after_ = 0;
  std::optional<std::size_t> stamp_index_;  // the office name inside the ring
  double stamp_ring_clearance_ = 0;         // of its space before, what clears the ring

 public:
  // Space the paragraph after the stamp needs so the ring clears it (pt).
  double stamp_clearance() const { return stamp_after_; }
};

// The first words of a page's first line, for the "/…" cue on the page before.
std::string first_words(const std::string& line);

}  // namespace saraban::documents
