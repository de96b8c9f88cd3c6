#pragma once
// unique_ptr owners for the HarfBuzz handles the writer uses, so every exit path releases them.
#include <hb-subset.h>
#include <hb.h>

#include <memory>

namespace saraban::pdf {

struct HbBlobDeleter { void operator()(hb_blob_t* p) const noexcept { hb_blob_destroy(p); } };
struct HbFaceDeleter { void operator()(hb_face_t* p) const noexcept { hb_face_destroy(p); } };
struct HbFontDeleter { void operator()(hb_font_t* p) const noexcept { hb_font_destroy(p); } };
struct HbSubsetInputDeleter {
  void operator()(hb_subset_input_t* p) const noexcept { hb_subset_input_destroy(p); }
};

using HbBlob = std::unique_ptr<hb_blob_t, HbBlobDeleter>;
using HbFace = std::unique_ptr<hb_face_t, HbFaceDeleter>;
using HbFont = std::unique_ptr<hb_font_t, HbFontDeleter>;
using HbSubsetInput = std::unique_ptr<hb_subset_input_t, HbSubsetInputDeleter>;
struct HbSubsetPlanDeleter {
  void operator()(hb_subset_plan_t* p) const noexcept { hb_subset_plan_destroy(p); }
};
using HbSubsetPlan = std::unique_ptr<hb_subset_plan_t, HbSubsetPlanDeleter>;

}  // namespace saraban::pdf
