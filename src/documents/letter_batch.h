#pragma once
// Many letters at once, as a clerk prints a day's dispatch: the letters are shared out among
// worker threads, each with its own LetterRenderer (fonts, shaping and paragraph caches are
// per renderer, so nothing is locked while rendering).
#include <cstdint>
#include <functional>
#include <vector>

#include "base/environment.h"
#include "documents/letter.h"

namespace saraban::documents {

// Called from a worker thread as each letter finishes (index into `letters`, its PDF).
using LetterDone = std::function<void(std::size_t index, std::vector<std::uint8_t> pdf)>;

// Renders every letter on `jobs` threads (0: one per core). If a letter fails, the others
// still finish; the first failure is then rethrown with the letter's number in its context.
void render_letters(const Environment& env, const std::vector<Letter>& letters, unsigned jobs, const LetterDone& done);

}  // namespace saraban::documents
