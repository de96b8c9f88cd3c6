#pragma once
// RAII for libxlsxwriter's handles, and the one place that includes the library. A workbook is
// freed by workbook_close, which also writes the file (a failed workbook is still freed by it);
// its formats and worksheets belong to it and are freed with it.
#include <xlsxwriter.h>

#include <memory>

namespace saraban::documents {

struct WorkbookClose {
  void operator()(lxw_workbook* w) const noexcept { workbook_close(w); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookClose>;

}  // namespace saraban::documents
