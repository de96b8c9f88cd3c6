#pragma once
// A parsed manual's body → the blocks the composer flows (headings with their outline entries
// and destinations, paragraphs, lists, tables, flowcharts, images), and the headings the
// contents list. The foreword (the level-1 section named คำนำ) is kept apart for the front.
#include <string>
#include <vector>

#include "base/environment.h"
#include "documents/manual_source.h"
#include "documents/manual_style.h"
#include "layout/block.h"
#include "layout/paragraph_layouter.h"

namespace saraban::documents {

struct ContentsEntry {
  std::string title;        // as printed, numbering included
  int level = 1;
  std::string destination;  // the heading's Destination anchor
};

struct ManualBlocks {
  std::vector<layout::Block> foreword;  // may be empty
  std::vector<layout::Block> body;
  std::vector<ContentsEntry> contents;
};

struct ManualBuildContext {
  const Environment& env;
  const ManualStyle& style;
  layout::ParagraphLayouter& layouter;
  std::string base_dir;  // images are relative to the manual's folder
  std::string source;    // the manual's name, for messages
  bool thai_digits = true;  // list numbers and heading numbers
};

ManualBlocks build_manual_blocks(const ManualSource& manual, const ManualBuildContext& ctx);

}  // namespace saraban::documents
