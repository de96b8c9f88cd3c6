#include "pdf/outline_writer.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <memory>

#include "base/error.h"
#include "pdf/pdf_text.h"

namespace saraban::pdf {

using namespace PoDoFo;

namespace {

struct Node {
  const layout::Bookmark* bookmark = nullptr;
  PdfObject* object = nullptr;
  std::vector<std::unique_ptr<Node>> children;
};

// Every item is open, so /Count is the number of all descendants.
pdf_int64 link(Node& parent) {
  pdf_int64 count = 0;
  for (std::size_t i = 0; i < parent.children.size(); ++i) {
    auto& d = parent.children[i]->object->GetDictionary();
    d.AddKey("Parent", parent.object->Reference());
    if (i > 0) d.AddKey("Prev", parent.children[i - 1]->object->Reference());
    if (i + 1 < parent.children.size()) d.AddKey("Next", parent.children[i + 1]->object->Reference());
    count += 1 + link(*parent.children[i]);
  }
  auto& pd = parent.object->GetDictionary();
  if (!parent.children.empty()) {
    pd.AddKey("First", parent.children.front()->object->Reference());
    pd.AddKey("Last", parent.children.back()->object->Reference());
    pd.AddKey("Count", PdfObject(count));
  }
  return count;
}

}  // namespace

PdfObject* write_outlines(PdfVecObjects& objects, const std::vector<layout::Bookmark>& bookmarks,
                          const std::vector<OutlinePage>& pages) {
  if (bookmarks.empty()) return nullptr;
  Node root;
  root.object = objects.CreateObject("Outlines");
  std::vector<Node*> stack{&root};  // stack[k] is the latest node at depth k (root = 0)
  for (const auto& b : bookmarks) {
    if (b.page < 0 || static_cast<std::size_t>(b.page) >= pages.size()) {
      throw Error(ErrorCode::InvalidInput, "bookmark points at a missing page", b.title);
    }
    std::size_t depth = std::clamp<std::size_t>(static_cast<std::size_t>(std::max(b.level, 0)) + 1, 1, stack.size());
    stack.resize(depth);
    auto node = std::make_unique<Node>();
    node->bookmark = &b;
    node->object = objects.CreateObject();
    auto& d = node->object->GetDictionary();
    std::string title = utf8_to_utf16be_with_bom(b.title);
    d.AddKey("Title", PdfString(title.data(), static_cast<pdf_long>(title.size()), true));
    const auto& page = pages[static_cast<std::size_t>(b.page)];
    PdfArray dest;
    dest.push_back(*page.page);
    dest.push_back(PdfName("XYZ"));
    dest.push_back(PdfObject(static_cast<pdf_int64>(0)));
    dest.push_back(PdfObject(PdfVariant(std::round((page.height - b.y) * 100.0) / 100.0)));
    dest.push_back(PdfObject(static_cast<pdf_int64>(0)));
    d.AddKey("Dest", dest);
    Node* raw = node.get();
    stack.back()->children.push_back(std::move(node));
    stack.push_back(raw);
  }
  link(root);
  return root.object;
}

}  // namespace saraban::pdf
