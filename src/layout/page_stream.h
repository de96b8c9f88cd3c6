#pragma once
// The pages the composer makes, passed on one at a time: a page goes to the sink when the next
// one starts, so a long text holds only the page being composed. It offers what the composer
// uses of a vector of pages (push_back, back, size).
#include <cstddef>
#include <functional>
#include <utility>

#include "layout/frame.h"

namespace saraban::layout {

// Takes each composed page, in order.
using PageSink = std::function<void(PageFrame&&)>;

class PageStream {
 public:
  explicit PageStream(const PageSink& sink) : sink_(sink) {}
  void push_back(PageFrame page) {
    if (count_ > 0) sink_(std::move(current_));
    current_ = std::move(page);
    ++count_;
  }
  PageFrame& back() { return current_; }
  std::size_t size() const { return count_; }
  // Sends the last page, unless it stayed empty after another (the text ended at a page's
  // foot). Returns the number of pages sent.
  std::size_t finish() {
    if (count_ == 0) return 0;
    if (count_ > 1 && current_.items.empty()) return --count_;
    sink_(std::move(current_));
    return count_;
  }

 private:
  const PageSink& sink_;
  PageFrame current_;
  std::size_t count_ = 0;
};

// What compose_impl fills: its `doc.pages` streams.
struct StreamedDocument {
  PageStream pages;
};

}  // namespace saraban::layout
