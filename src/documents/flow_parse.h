#pragma once
// A manual's ```flow block → a Flowchart. One step a line, top to bottom:
//   (เริ่มต้น)                      a start or end (terminator)
//   [ROLE] step text                a step in ROLE's lane
//   [ROLE] ? question -> label: step  a decision; "yes" goes on, `label` goes to `step`
// Errors name the manual's line.
#include <cstddef>
#include <string>
#include <string_view>

#include "layout/flowchart.h"

namespace saraban::documents {

// `first_line`: the manual's line number of the block's first line, for messages.
layout::Flowchart parse_flow(std::string_view block, std::size_t first_line, const std::string& source);

}  // namespace saraban::documents
