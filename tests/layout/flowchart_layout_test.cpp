// Swimlane charts: one slice per step, lane heads repeated, text inside its box and in step
// order, and no arrow through a box.
#include <gtest/gtest.h>

#include "layout/flowchart_layout.h"
#include "layout/units.h"
#include "layout_fixture.h"

namespace saraban::layout {
namespace {

using testing::LayoutFixture;
using K = FlowStep::Kind;

Flowchart sample_chart() {
  Flowchart c;
  c.lanes = {"ธุรการ", "ผู้รับผิดชอบงาน", "ผู้อำนวยการกลุ่ม", "ผู้อำนวยการเขต"};
  c.steps = {
      {K::Terminal, "เริ่มต้น", std::nullopt, std::nullopt},
      {K::Process, "รับหนังสือแจ้งการจัดทำแผนจากสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", 0, std::nullopt},
      {K::Process, "ยกร่างแผนปฏิบัติการประจำปี", 1, std::nullopt},
      {K::Decision, "ร่างแผนถูกต้องครบถ้วนหรือไม่", 2, FlowBranch{"ไม่ถูกต้อง", 2}},
      {K::Process, "เสนอแผนต่อคณะกรรมการ", 1, std::nullopt},
      {K::Decision, "อนุมัติหรือไม่", 3, FlowBranch{"ไม่อนุมัติ", 2}},
      {K::Process, "แจ้งเวียนโรงเรียนในสังกัด", 0, std::nullopt},
      {K::Terminal, "สิ้นสุด", std::nullopt, std::nullopt},
  };
  return c;
}

FlowchartStyle style() {
  FlowchartStyle st;
  st.text.size = 13;
  st.text.line_spacing = 0.9;
  st.lane_head = st.text;
  st.lane_head.font_style = FontStyle::Bold;
  return st;
}

struct Box {
  double x0, y0, x1, y1;
};

// Step shapes in chart coordinates (slice tops stacked): rects, diamonds and stadiums filled
// white. Stroked paths without fill are arrows and lane lines.
void collect(const Figure& f, std::vector<Box>& boxes, std::vector<std::pair<Point, Point>>& segments,
             std::vector<std::string>& texts) {
  double top = 0;
  for (std::size_t i = 0; i < f.slices.size(); ++i) {
    const Slice& s = f.slices[i];
    for (const auto& item : s.items) {
      if (const auto* r = std::get_if<Rect>(&item); r && r->fill && i > 0)
        boxes.push_back({r->x, top + r->y, r->x + r->width, top + r->y + r->height});
      if (const auto* p = std::get_if<Path>(&item)) {
        if (p->fill && p->stroke) {  // a diamond or a stadium: its bounding box
          Box b{1e9, 1e9, -1e9, -1e9};
          for (const auto& seg : p->segments)
            if (seg.kind != PathSegment::Kind::Close)
              for (const Point* q : {&seg.p1, &seg.p3})
                if (q == &seg.p1 || seg.kind == PathSegment::Kind::CubicTo)
                  b = {std::min(b.x0, q->x), std::min(b.y0, top + q->y), std::max(b.x1, q->x), std::max(b.y1, top + q->y)};
          boxes.push_back(b);
        } else if (p->stroke && !p->fill) {
          for (std::size_t k = 1; k < p->segments.size(); ++k)
            segments.push_back({{p->segments[k - 1].p1.x, top + p->segments[k - 1].p1.y}, {p->segments[k].p1.x, top + p->segments[k].p1.y}});
        }
      }
      if (const auto* run = std::get_if<TextRun>(&item)) {
        std::string t;
        for (const auto& c : run->clusters) t += c.text;
        texts.push_back(t);
      }
    }
    top += s.height;
  }
}

TEST(FlowchartLayout, OneSliceAStepUnderLaneHeadsThatRepeat) {
  LayoutFixture f;
  const Figure fig = layout_flowchart(sample_chart(), cm(16), style(), f.layouter);
  ASSERT_EQ(fig.slices.size(), 1 + sample_chart().steps.size());
  ASSERT_EQ(fig.repeat_header.size(), 1u);
  EXPECT_TRUE(fig.slices.front().keep_with_next);
  for (std::size_t i = 1; i + 1 < fig.slices.size(); ++i) {
    EXPECT_FALSE(fig.slices[i].on_break_after.empty()) << "a break after step " << i << " draws a connector";
    EXPECT_FALSE(fig.slices[i + 1].on_break_before.empty());
  }
}

TEST(FlowchartLayout, TextIsInStepOrderAndLongStepsWrapInsideTheirBox) {
  LayoutFixture f;
  const Figure fig = layout_flowchart(sample_chart(), cm(16), style(), f.layouter);
  std::vector<Box> boxes;
  std::vector<std::pair<Point, Point>> segments;
  std::vector<std::string> texts;
  collect(fig, boxes, segments, texts);
  std::string all;
  for (const auto& t : texts) all += t;
  std::size_t at = 0;
  for (const auto& step : sample_chart().steps) {
    const auto found = all.find(step.text.substr(0, 12), at);
    ASSERT_NE(found, std::string::npos) << step.text;
    at = found;
  }
  EXPECT_EQ(boxes.size(), sample_chart().steps.size());
  // The long second step wraps: its box is taller than one line.
  EXPECT_GT(boxes[1].y1 - boxes[1].y0, 13 * 2);
}

TEST(FlowchartLayout, NoArrowCrossesABox) {
  LayoutFixture f;
  const Figure fig = layout_flowchart(sample_chart(), cm(16), style(), f.layouter);
  std::vector<Box> boxes;
  std::vector<std::pair<Point, Point>> segments;
  std::vector<std::string> texts;
  collect(fig, boxes, segments, texts);
  ASSERT_FALSE(segments.empty());
  const double in = 0.5;  // touching a box's edge (an arrow arriving) is fine; entering it is not
  for (const auto& [a, b] : segments)
    for (const auto& box : boxes) {
      const double x0 = std::min(a.x, b.x), x1 = std::max(a.x, b.x), y0 = std::min(a.y, b.y), y1 = std::max(a.y, b.y);
      const bool crosses = x1 > box.x0 + in && x0 < box.x1 - in && y1 > box.y0 + in && y0 < box.y1 - in;
      EXPECT_FALSE(crosses) << "segment (" << a.x << "," << a.y << ")-(" << b.x << "," << b.y << ") crosses box (" << box.x0
                            << "," << box.y0 << ")-(" << box.x1 << "," << box.y1 << ")";
    }
}

TEST(FlowchartLayout, WithoutRolesOneColumn) {
  LayoutFixture f;
  Flowchart c = sample_chart();
  c.lanes.clear();
  for (auto& s : c.steps) s.lane.reset();
  const Figure fig = layout_flowchart(c, cm(16), style(), f.layouter);
  EXPECT_TRUE(fig.repeat_header.empty());
  EXPECT_EQ(fig.slices.size(), c.steps.size());
}

}  // namespace
}  // namespace saraban::layout
