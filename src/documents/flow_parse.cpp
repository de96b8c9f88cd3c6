#include "documents/flow_parse.h"

#include <map>

#include "base/error.h"
#include "documents/line_trim.h"

namespace saraban::documents {

namespace {

std::string_view trim(std::string_view s) { return trim_line(s); }

[[noreturn]] void fail(const std::string& what, const std::string& source, std::size_t line) {
  throw Error(ErrorCode::InvalidInput, "flow: " + what, source + ":" + std::to_string(line));
}

struct PendingBranch {
  std::size_t step;
  std::string target;
  std::size_t line;
};

}  // namespace

layout::Flowchart parse_flow(std::string_view block, std::size_t first_line, const std::string& source) {
  layout::Flowchart chart;
  std::map<std::string, std::size_t> lane_of;
  std::map<std::string, std::size_t> step_of;
  std::vector<PendingBranch> branches;
  std::size_t line_no = first_line;
  for (std::size_t pos = 0; pos <= block.size(); ++line_no) {
    const auto nl = block.find('\n', pos);
    std::string_view s = trim(block.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    pos = nl == std::string_view::npos ? block.size() + 1 : nl + 1;
    if (s.empty()) continue;
    layout::FlowStep step;
    if (s.front() == '[') {
      const auto close = s.find(']');
      if (close == std::string_view::npos) fail("a role opened with '[' is not closed with ']'", source, line_no);
      const std::string role(trim(s.substr(1, close - 1)));
      if (role.empty()) fail("an empty role '[]'", source, line_no);
      auto [it, added] = lane_of.emplace(role, chart.lanes.size());
      if (added) chart.lanes.push_back(role);
      step.lane = it->second;
      s = trim(s.substr(close + 1));
    }
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
      step.kind = layout::FlowStep::Kind::Terminal;
      step.text = std::string(trim(s.substr(1, s.size() - 2)));
    } else if (!s.empty() && s.front() == '?') {
      step.kind = layout::FlowStep::Kind::Decision;
      const auto arrow = s.find("->");
      if (arrow == std::string_view::npos)
        fail("a decision needs its other way: '? question -> label: step'", source, line_no);
      step.text = std::string(trim(s.substr(1, arrow - 1)));
      std::string_view rest = trim(s.substr(arrow + 2));
      const auto colon = rest.find(':');
      std::string label = colon == std::string_view::npos ? std::string("ไม่ใช่") : std::string(trim(rest.substr(0, colon)));
      std::string target(trim(colon == std::string_view::npos ? rest : rest.substr(colon + 1)));
      if (target.empty()) fail("the decision's branch names no step after '->'", source, line_no);
      step.branch = layout::FlowBranch{label, 0};
      branches.push_back({chart.steps.size(), target, line_no});
    } else {
      step.kind = layout::FlowStep::Kind::Process;
      step.text = std::string(s);
    }
    if (step.text.empty()) fail("a step without text", source, line_no);
    step_of.emplace(step.text, chart.steps.size());
    chart.steps.push_back(std::move(step));
  }
  if (chart.steps.empty()) fail("an empty flow block", source, first_line);
  for (const auto& b : branches) {
    const auto it = step_of.find(b.target);
    if (it == step_of.end()) fail("the branch goes to '" + b.target + "', which is no step of this chart", source, b.line);
    if (it->second == b.step) fail("a decision's branch goes to itself", source, b.line);
    chart.steps[b.step].branch->target = it->second;
  }
  return chart;
}

}  // namespace saraban::documents
