#pragma once
// The emblem at a letter's head. The Garuda's use is restricted by law, so the office supplies
// its own artwork; without it Saraban draws a neutral placeholder of its own (rings and a
// lozenge) as vector paths, the same design as templates/emblem/placeholder.png
// (make_placeholder.py): a few hundred bytes where the picture would take kilobytes.
#include <string>
#include <vector>

#include "base/environment.h"
#include "layout/frame.h"

namespace saraban::documents {

// The office's PNG/JPEG (errors name the file), or the placeholder when `path` is empty.
layout::ImageRef load_emblem(const Environment& env, const std::string& path);
layout::ImageRef placeholder_emblem();
// The placeholder drawn as filled paths in the square at (x, y) (top-left, pt) of side `size`.
std::vector<layout::FrameItem> placeholder_emblem_paths(double x, double y, double size);

}  // namespace saraban::documents
