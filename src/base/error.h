#pragma once
// One exception type for the whole product (after QPDF's QPDFExc): a code that the
// command line maps to an exit status, plus the context a user needs to fix the input.
#include <stdexcept>
#include <string>

namespace saraban {

enum class ErrorCode {
  InvalidInput,      // malformed text, JSON, dates, fields
  InvalidUtf8,       // bytes that are not UTF-8 (context names the byte offset)
  FontError,         // missing, unreadable or non-TrueType font
  IoError,           // cannot read or write a file, disk full
  PdfError,          // corrupt, encrypted or unwritable PDF
  LayoutError,       // content that cannot be placed
  DatabaseError,     // SQLite failures
  NotFound,          // unknown user, letter, register
  PermissionDenied,  // role or clearance refuses the action
  WrongStage,        // workflow order refuses the action
  Internal,
};

const char* error_code_name(ErrorCode code) noexcept;
// The process exit status a command uses for this code (never 0).
int exit_status(ErrorCode code) noexcept;

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string message, std::string context = {});
  ErrorCode code() const noexcept { return code_; }
  // What the error is about: a path, a byte offset, a JSON path.
  const std::string& context() const noexcept { return context_; }
  const std::string& message() const noexcept { return message_; }

 private:
  ErrorCode code_;
  std::string message_;
  std::string context_;
};

}  // namespace saraban
