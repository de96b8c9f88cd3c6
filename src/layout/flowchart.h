#pragma once
// A process flowchart as plain values: steps top to bottom, each in a role's lane or in one
// column. The manual's `flow` blocks parse into this; the layout draws it.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace saraban::layout {

struct FlowBranch {
  std::string label;       // drawn on the branch ("ไม่ถูกต้อง")
  std::size_t target = 0;  // index of the step it goes to
};

struct FlowStep {
  enum class Kind { Terminal, Process, Decision } kind = Kind::Process;
  std::string text;
  std::optional<std::size_t> lane;    // index into Flowchart::lanes; unset: a terminal's neighbour's
  std::optional<FlowBranch> branch;   // a decision's other way (its "yes" goes to the next step)
};

struct Flowchart {
  std::vector<std::string> lanes;  // role names in order of first appearance; empty: one column
  std::vector<FlowStep> steps;
};

}  // namespace saraban::layout
