// The visible page against user space: the stamp is laid out in the first, page_ink measures in
// the second, and ink_in_visible_page maps the one into the other under /Rotate, a crop box
// with its own origin and /UserUnit.
#include <gtest/gtest.h>

#include "pdf/page_space.h"

namespace saraban::pdf {
namespace {

void expect_box(const InkBox& b, double x0, double y0, double x1, double y1, const char* what) {
  EXPECT_NEAR(b.x0, x0, 1e-9) << what;
  EXPECT_NEAR(b.y0, y0, 1e-9) << what;
  EXPECT_NEAR(b.x1, x1, 1e-9) << what;
  EXPECT_NEAR(b.y1, y1, 1e-9) << what;
}

// A 600 x 800 page with an annotation in its unrotated top-right corner, user x 500..580 and
// y 700..780. Turned by /Rotate, the corner is where a reader sees it.
TEST(PageSpace, AnAnnotationInTheTopRightCornerUnderEachRotation) {
  const InkBox corner{500, 700, 580, 780, InkBox::Kind::Annotation};
  struct Case {
    int rotate;
    double width, height, x0, y0, x1, y1;
  } cases[] = {
      {0, 600, 800, 500, 20, 580, 100},    // top right stays top right
      {90, 800, 600, 700, 500, 780, 580},  // turned clockwise: the top edge is on the right
      {180, 600, 800, 20, 700, 100, 780},  // upside down: bottom left
      {270, 800, 600, 20, 20, 100, 100},   // turned anticlockwise: the top edge is on the left
  };
  for (const Case& c : cases) {
    PageSpace page{0, 0, 600, 800, c.rotate, 1};
    EXPECT_NEAR(page.visible_width(), c.width, 1e-9) << c.rotate;
    EXPECT_NEAR(page.visible_height(), c.height, 1e-9) << c.rotate;
    auto ink = ink_in_visible_page(page, {corner});
    ASSERT_EQ(ink.size(), 1u);
    expect_box(ink[0], c.x0, c.y0, c.x1, c.y1, std::to_string(c.rotate).c_str());
    EXPECT_EQ(ink[0].kind, InkBox::Kind::Annotation);
  }
}

// A crop box away from the origin and two points per unit: the box comes back in real points
// from the crop box's top-left corner.
TEST(PageSpace, CropBoxOriginAndUserUnit) {
  PageSpace page{100, 200, 400, 600, 0, 2};
  EXPECT_NEAR(page.visible_width(), 600, 1e-9);
  EXPECT_NEAR(page.visible_height(), 800, 1e-9);
  auto ink = ink_in_visible_page(page, {{110, 580, 150, 590, InkBox::Kind::Text}});
  ASSERT_EQ(ink.size(), 1u);
  expect_box(ink[0], 20, 20, 100, 40, "unit 2");
  PageSpace turned{100, 200, 400, 600, 90, 2};
  ink = ink_in_visible_page(turned, {{110, 580, 150, 590, InkBox::Kind::Text}});
  expect_box(ink[0], 760, 20, 780, 100, "unit 2, rotate 90");
}

// The mapping is the exact inverse of the one the stamp is drawn with.
TEST(PageSpace, VisibleToUserAndBackIsTheIdentity) {
  for (int rotate : {0, 90, 180, 270}) {
    PageSpace page{-300, -400, 295.28, 441.89, rotate, 1.5};
    const Affine there = visible_to_user(page), back = user_to_visible(page);
    for (auto [x, y] : {std::pair{0.0, 0.0}, std::pair{123.0, 45.5}, std::pair{500.0, 700.0}}) {
      auto [ux, uy] = there.apply(x, y);
      auto [vx, vy] = back.apply(ux, uy);
      EXPECT_NEAR(vx, x, 1e-9) << rotate;
      EXPECT_NEAR(vy, y, 1e-9) << rotate;
    }
    // The visible top-left corner is the crop box corner a reader sees at the top left.
    auto [tx, ty] = there.apply(0, 0);
    const double expect_x[] = {-300, -300, 295.28, 295.28}, expect_y[] = {441.89, -400, -400, 441.89};
    EXPECT_NEAR(tx, expect_x[rotate / 90], 1e-9) << rotate;
    EXPECT_NEAR(ty, expect_y[rotate / 90], 1e-9) << rotate;
  }
}

}  // namespace
}  // namespace saraban::pdf
