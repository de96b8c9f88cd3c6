#include "documents/letter_renderer.h"

#include "documents/letter_builder.h"
#include "documents/letter_layouts.h"
#include "layout/font_set.h"
#include "layout/paragraph_layouter.h"
#include "layout/shaper.h"
#include "pdf/pdf_writer.h"
#include "text/word_breaker.h"

namespace saraban::documents {

struct LetterRenderer::Impl {
  explicit Impl(const Environment& e) : env(e), fonts(e, layout::FontConfig::load_default(e)), layouter(fonts, shaper, breaker) {}
  const Environment& env;
  layout::FontSet fonts;
  layout::Shaper shaper;
  text::WordBreaker breaker;
  layout::ParagraphLayouter layouter;
  std::map<LetterKind, LetterTemplate> templates;
};

LetterRenderer::LetterRenderer(const Environment& env) : impl_(std::make_unique<Impl>(env)) {}
LetterRenderer::~LetterRenderer() = default;

const LetterTemplate& LetterRenderer::template_for(LetterKind kind) {
  auto it = impl_->templates.find(kind);
  if (it == impl_->templates.end()) it = impl_->templates.emplace(kind, load_letter_template(impl_->env, kind)).first;
  return it->second;
}

std::string letter_title(const Letter& l) {
  if (!l.subject.empty()) return l.subject;
  switch (l.kind) {
    case LetterKind::Certificate: return "หนังสือรับรอง";
    case LetterKind::Minutes: return "รายงานการประชุม" + l.meeting;
    case LetterKind::Stamped: return "หนังสือประทับตรา";
    default: return "หนังสือราชการ";
  }
}

layout::DocumentFrame LetterRenderer::layout(const Letter& letter) {
  const LetterTemplate& t = template_for(letter.kind);
  LetterBuilder b(impl_->env, impl_->layouter, t, letter);
  switch (letter.kind) {
    case LetterKind::External:
    case LetterKind::Stamped: layout_external(b); break;
    case LetterKind::Memo: layout_memo(b); break;
    case LetterKind::Order:
    case LetterKind::Announcement:
    case LetterKind::Regulation: layout_directive(b); break;
    case LetterKind::Certificate: layout_certificate(b); break;
    case LetterKind::Minutes: layout_minutes(b); break;
  }
  return b.finish(letter_title(letter));
}

std::vector<std::uint8_t> LetterRenderer::render_pdf(const Letter& letter) { return pdf::write_pdf(layout(letter)); }

}  // namespace saraban::documents
