#pragma once
// Letter → pages → PDF. One renderer holds the fonts, shaper caches and templates, so a
// long-lived process (the server, the benchmark) renders many letters cheaply.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/environment.h"
#include "documents/letter.h"
#include "documents/letter_template.h"
#include "layout/frame.h"

namespace saraban::documents {

class LetterRenderer {
 public:
  explicit LetterRenderer(const Environment& env);
  ~LetterRenderer();
  LetterRenderer(const LetterRenderer&) = delete;
  LetterRenderer& operator=(const LetterRenderer&) = delete;

  const LetterTemplate& template_for(LetterKind kind);
  layout::DocumentFrame layout(const Letter& letter);
  std::vector<std::uint8_t> render_pdf(const Letter& letter);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The document title a letter's PDF carries: its subject, else its kind's Thai name.
std::string letter_title(const Letter& letter);

}  // namespace saraban::documents
