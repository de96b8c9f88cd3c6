#pragma once
// A work manual's Markdown (CommonMark with GitHub tables, parsed by cmark-gfm) → plain
// values the manual builder lays out: the front matter and the body's elements in order,
// each with the line it came from. Errors name the line; what can still be made is a warning.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "layout/flowchart.h"
#include "layout/paragraph.h"
#include "layout/table_layout.h"

namespace saraban::documents {

struct ManualFrontMatter {
  std::string title, author, position, office, year, logo;
};

using Spans = std::vector<layout::TextSpan>;

struct ManualHeading {
  int level = 1;
  Spans spans;
  std::size_t line = 0;
};
struct ManualParagraph {
  Spans spans;
  std::size_t line = 0;
  bool quote = false;  // inside a block quote
};
struct ManualListItem {
  int depth = 0;         // 0: top level
  bool ordered = false;
  int number = 0;        // an ordered item's number
  Spans spans;
  std::size_t line = 0;
};
struct ManualTable {
  std::vector<layout::TableRow> rows;
  std::vector<std::optional<layout::Alignment>> column_align;  // GitHub's :--- :---: ---:, where given
  std::size_t line = 0;
};
struct ManualFlow {
  layout::Flowchart chart;
  std::size_t line = 0;
};
struct ManualImage {
  std::string path;     // as written, relative to the manual's folder
  std::string caption;  // the alt text
  std::size_t line = 0;
};
struct ManualPageBreak {
  std::size_t line = 0;
};

using ManualElement =
    std::variant<ManualHeading, ManualParagraph, ManualListItem, ManualTable, ManualFlow, ManualImage, ManualPageBreak>;

struct ManualWarning {
  std::size_t line = 0;
  std::string message;
};

struct ManualSource {
  ManualFrontMatter front;
  std::vector<ManualElement> body;
  std::vector<ManualWarning> warnings;
};

// `source` names the file in messages ("manual.md:12").
ManualSource parse_manual(std::string_view markdown, const std::string& source);

}  // namespace saraban::documents
