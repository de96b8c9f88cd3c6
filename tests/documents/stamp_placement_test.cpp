// Where the receive stamp goes: its usual place on a blank top right, free space nearby when a
// letter's own text is there, a smaller box when only that fits, an opaque box when nothing does.
#include "documents/stamp_placement.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace saraban::documents {
namespace {

constexpr double kW = 595.28, kH = 841.89;      // A4
constexpr double kBoxW = 141.73, kBoxH = 70.87;  // 5 × 2.5 cm
constexpr double kPreferredX = kW - 28.35 - kBoxW, kPreferredY = 28.35;

pdf::InkBox text(double x0, double y0, double x1, double y1) { return {x0, y0, x1, y1, pdf::InkBox::Kind::Text}; }

// The box with the rules' clearance touches none of the ink and stays on the page.
void expect_free(const StampPlacement& p, const std::vector<pdf::InkBox>& ink) {
  const StampPlacementRules r;
  const double x1 = p.x + kBoxW * p.scale, y1 = p.y + kBoxH * p.scale;
  for (const auto& b : ink) {
    const bool apart = b.x1 <= p.x - r.clearance || b.x0 >= x1 + r.clearance || b.y1 <= p.y - r.clearance ||
                       b.y0 >= y1 + r.clearance;
    EXPECT_TRUE(apart) << "stamp " << p.x << "," << p.y << " touches ink " << b.x0 << "," << b.y0;
  }
  EXPECT_GE(p.x, 0);
  EXPECT_GE(p.y, 0);
  EXPECT_LE(x1, kW);
  EXPECT_LE(y1, kH);
}

TEST(StampPlacement, BlankPageGetsThePreferredPlaceAtFullSize) {
  const StampPlacement p = place_stamp(kW, kH, {}, kBoxW, kBoxH, {});
  EXPECT_NEAR(p.x, kPreferredX, 1e-9);
  EXPECT_NEAR(p.y, kPreferredY, 1e-9);
  EXPECT_EQ(p.scale, 1.0);
  EXPECT_FALSE(p.opaque);
}

TEST(StampPlacement, InkElsewhereOnThePageDoesNotMoveIt) {
  const std::vector<pdf::InkBox> ink{text(70, 150, 530, 800), text(70, 60, 250, 80)};
  const StampPlacement p = place_stamp(kW, kH, ink, kBoxW, kBoxH, {});
  EXPECT_NEAR(p.x, kPreferredX, 1e-9);
  EXPECT_NEAR(p.y, kPreferredY, 1e-9);
  EXPECT_FALSE(p.opaque);
}

TEST(StampPlacement, AddressBlockAtTheTopRightMovesItToTheFreeSpaceBesideIt) {
  // A right-aligned address block from 2 cm down the right margin; the middle of the top is free.
  const std::vector<pdf::InkBox> ink{text(460, 56, 567, 72), text(480, 76, 567, 92), text(470, 96, 567, 200)};
  const StampPlacement p = place_stamp(kW, kH, ink, kBoxW, kBoxH, {});
  EXPECT_EQ(p.scale, 1.0);
  EXPECT_FALSE(p.opaque);
  EXPECT_NEAR(p.y, kPreferredY, 1e-9);  // moved left on its own row, the nearest free place
  EXPECT_LT(p.x, kPreferredX);
  EXPECT_GE(p.x, kW / 2);
  EXPECT_GT(p.x + kBoxW, 460 - StampPlacementRules{}.clearance - StampPlacementRules{}.step);  // as near as the grid allows
  expect_free(p, ink);
}

TEST(StampPlacement, LineAcrossTheRightHalfMovesItBelow) {
  // The ที่ line and an address line across the right half at 2.8..3.9 cm.
  const std::vector<pdf::InkBox> ink{text(300, 80, 570, 110)};
  const StampPlacement p = place_stamp(kW, kH, ink, kBoxW, kBoxH, {});
  EXPECT_EQ(p.scale, 1.0);
  EXPECT_FALSE(p.opaque);
  EXPECT_NEAR(p.x, kPreferredX, 1e-9);
  EXPECT_GE(p.y, 110 + StampPlacementRules{}.clearance);
  EXPECT_LT(p.y, 110 + StampPlacementRules{}.clearance + StampPlacementRules{}.step);
  expect_free(p, ink);
}

TEST(StampPlacement, OnlyRoomAboveTheTextShrinksIt) {
  // Text from 75 pt down through the whole search area: only the strip above it is free.
  const std::vector<pdf::InkBox> ink{text(300, 75, 580, 400)};
  const StampPlacement p = place_stamp(kW, kH, ink, kBoxW, kBoxH, {});
  EXPECT_FALSE(p.opaque);
  EXPECT_LT(p.scale, 1.0);
  EXPECT_GE(p.scale, 0.7);
  EXPECT_NEAR(p.scale, 0.75, 1e-9);  // the largest step that fits 14.17 .. 69.3 pt
  EXPECT_NEAR(p.x + kBoxW * p.scale, kW - 28.35, 1e-9);
  expect_free(p, ink);
}

TEST(StampPlacement, FullPageScanGetsAnOpaqueBoxAtThePreferredPlace) {
  const std::vector<pdf::InkBox> ink{{0, 0, kW, kH, pdf::InkBox::Kind::Image}};
  const StampPlacement p = place_stamp(kW, kH, ink, kBoxW, kBoxH, {});
  EXPECT_TRUE(p.opaque);
  EXPECT_EQ(p.scale, 1.0);
  EXPECT_NEAR(p.x, kPreferredX, 1e-9);
  EXPECT_NEAR(p.y, kPreferredY, 1e-9);
}

TEST(StampPlacement, SmallPageKeepsTheBoxOnIt) {
  // 1 cm from the top and right a full-size box would leave this page; a smaller one fits.
  const StampPlacement p = place_stamp(150, 80, {}, kBoxW, kBoxH, {});
  EXPECT_LT(p.scale, 1.0);
  EXPECT_GE(p.x, 0);
  EXPECT_GE(p.y, 0);
  EXPECT_LE(p.x + kBoxW * p.scale, 150 + 1e-9);
  EXPECT_LE(p.y + kBoxH * p.scale, 80 + 1e-9);
  EXPECT_FALSE(p.opaque);
  // Too small even for the smallest box: the top-left corner stays on the page, full size (the
  // overlay shrinks what leaves the page), and nothing under it asks for a background.
  const StampPlacement tiny = place_stamp(100, 50, {}, kBoxW, kBoxH, {});
  EXPECT_EQ(tiny.x, 0);
  EXPECT_EQ(tiny.y, 0);
  EXPECT_EQ(tiny.scale, 1.0);
  EXPECT_FALSE(tiny.opaque);
}

TEST(StampPlacement, FormFieldOverTheTopRightIsAvoidedEvenWhereTextMustBeCovered) {
  // A filled form field over the top right down to 240 pt, and the letter's text everywhere
  // else in the right half: no free space, but a place clear of the field exists below it.
  // Some readers draw form fields above every annotation, so the stamp must not sit under it.
  const std::vector<pdf::InkBox> ink{{283, 5, 590, 240, pdf::InkBox::Kind::Annotation}, text(60, 240, 580, 700)};
  const StampPlacement p = place_stamp(kW, kH, ink, kBoxW, kBoxH, {});
  EXPECT_TRUE(p.opaque) << "over the letter's text: on white";
  EXPECT_EQ(p.scale, 1.0);
  EXPECT_GE(p.y, 240 + StampPlacementRules{}.clearance - 1e-9) << "clear of the field";
  EXPECT_LE(p.y, kH / 3) << "its top still in the top third";
  EXPECT_GE(p.x + kBoxW, kW - 28.35 - 1e-9) << "at the right";
}

TEST(StampPlacement, ASlipNarrowerThanTwoStampsGetsItInItsFreeTopPart) {
  // A 150 × 110 pt slip with its one line at the bottom: the box may reach left of the page's
  // right half, so it shrinks into the free top part rather than covering the line.
  const std::vector<pdf::InkBox> ink{text(8, 89, 54, 100)};
  const StampPlacement p = place_stamp(150, 110, ink, kBoxW, kBoxH, {});
  EXPECT_FALSE(p.opaque);
  EXPECT_GE(p.scale, StampPlacementRules{}.min_scale);
  EXPECT_LE(p.y + kBoxH * p.scale, 89 - StampPlacementRules{}.clearance + 1e-9);
  EXPECT_LE(p.x + kBoxW * p.scale, 150 + 1e-9);
}

TEST(StampPlacement, SameInkInAnyOrderGivesTheSamePlace) {
  std::vector<pdf::InkBox> ink{text(450, 56, 567, 72), text(300, 150, 567, 170), text(100, 40, 200, 60),
                               text(480, 76, 567, 92)};
  const StampPlacement a = place_stamp(kW, kH, ink, kBoxW, kBoxH, {});
  std::reverse(ink.begin(), ink.end());
  const StampPlacement b = place_stamp(kW, kH, ink, kBoxW, kBoxH, {});
  EXPECT_EQ(a.x, b.x);
  EXPECT_EQ(a.y, b.y);
  EXPECT_EQ(a.scale, b.scale);
  EXPECT_EQ(a.opaque, b.opaque);
}

TEST(StampPlacement, ApplyScalesAboutTheBoxOriginAndMoves) {
  std::vector<layout::FrameItem> items{layout::Rect{0, 0, 100, 50, std::nullopt, layout::Color{}, 0.8},
                                       layout::TextRun{{}, 12, {}, {{7, 10, 20, 6}}, {}, {}}};
  apply_placement(items, {200, 30, 0.5, false});
  const auto& r = std::get<layout::Rect>(items[0]);
  EXPECT_DOUBLE_EQ(r.x, 200);
  EXPECT_DOUBLE_EQ(r.y, 30);
  EXPECT_DOUBLE_EQ(r.width, 50);
  EXPECT_DOUBLE_EQ(r.height, 25);
  EXPECT_DOUBLE_EQ(r.line_width, 0.4);
  const auto& t = std::get<layout::TextRun>(items[1]);
  EXPECT_DOUBLE_EQ(t.size, 6);
  EXPECT_DOUBLE_EQ(t.glyphs[0].x, 205);
  EXPECT_DOUBLE_EQ(t.glyphs[0].y, 40);
  EXPECT_DOUBLE_EQ(t.glyphs[0].advance, 3);
}

}  // namespace
}  // namespace saraban::documents
