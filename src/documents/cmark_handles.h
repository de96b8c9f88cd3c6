#pragma once
// RAII for cmark-gfm's handles: the parser and the document tree it returns.
#include <cmark-gfm.h>

#include <memory>

namespace saraban::documents {

struct CmarkParserDeleter {
  void operator()(cmark_parser* p) const noexcept { cmark_parser_free(p); }
};
struct CmarkNodeDeleter {
  void operator()(cmark_node* n) const noexcept { cmark_node_free(n); }
};
using CmarkParserPtr = std::unique_ptr<cmark_parser, CmarkParserDeleter>;
using CmarkNodePtr = std::unique_ptr<cmark_node, CmarkNodeDeleter>;

}  // namespace saraban::documents
