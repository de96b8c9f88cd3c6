#include "base/error.h"

namespace saraban {

namespace {
std::string compose(const std::string& message, const std::string& context) {
  return context.empty() ? message : context + ": " + message;
}
}  // namespace

Error::Error(ErrorCode code, std::string message, std::string context)
    : std::runtime_error(compose(message, context)),
      code_(code),
      message_(std::move(message)),
      context_(std::move(context)) {}

const char* error_code_name(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::InvalidInput: return "invalid-input";
    case ErrorCode::InvalidUtf8: return "invalid-utf8";
    case ErrorCode::FontError: return "font-error";
    case ErrorCode::IoError: return "io-error";
    case ErrorCode::PdfError: return "pdf-error";
    case ErrorCode::LayoutError: return "layout-error";
    case ErrorCode::DatabaseError: return "database-error";
    case ErrorCode::NotFound: return "not-found";
    case ErrorCode::PermissionDenied: return "permission-denied";
    case ErrorCode::WrongStage: return "wrong-stage";
    case ErrorCode::Internal: return "internal";
  }
  return "internal";
}

int exit_status(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::InvalidInput:
    case ErrorCode::InvalidUtf8: return 65;  // EX_DATAERR
    case ErrorCode::NotFound: return 66;     // EX_NOINPUT
    case ErrorCode::PermissionDenied:
    case ErrorCode::WrongStage: return 77;   // EX_NOPERM
    case ErrorCode::IoError: return 74;      // EX_IOERR
    case ErrorCode::FontError:
    case ErrorCode::PdfError:
    case ErrorCode::LayoutError: return 65;
    case ErrorCode::DatabaseError: return 75;
    case ErrorCode::Internal: return 70;     // EX_SOFTWARE
  }
  return 70;
}

}  // namespace saraban
