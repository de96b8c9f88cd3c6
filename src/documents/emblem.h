#pragma once
// The emblem at a letter's head. The Garuda's use is restricted by law, so the office supplies
// its own artwork; without it Saraban draws a neutral placeholder of its own (rings and a
// lozenge), the same design as templates/emblem/placeholder.png (make_placeholder.py).
#include <string>

#include "base/environment.h"
#include "layout/frame.h"

namespace saraban::documents {

// The office's PNG/JPEG (errors name the file), or the placeholder when `path` is empty.
layout::ImageRef load_emblem(const Environment& env, const std::string& path);
layout::ImageRef placeholder_emblem();

}  // namespace saraban::documents
