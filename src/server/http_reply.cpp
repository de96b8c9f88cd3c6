#include "server/http_reply.h"

#include "base/json_depth.h"

namespace saraban::server {

int http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::InvalidInput:
    case ErrorCode::InvalidUtf8:
    case ErrorCode::PdfError:
    case ErrorCode::LayoutError: return 400;
    case ErrorCode::PermissionDenied: return 403;
    case ErrorCode::NotFound: return 404;
    case ErrorCode::WrongStage: return 409;
    case ErrorCode::FontError:
    case ErrorCode::IoError:
    case ErrorCode::DatabaseError:
    case ErrorCode::Internal: return 500;
  }
  return 500;
}

void reply_json(httplib::Response& res, const nlohmann::ordered_json& body, int status) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json; charset=utf-8");
}

void reply_error(httplib::Response& res, int status, const std::string& code, const std::string& message,
                 const std::string& context) {
  reply_json(res, {{"error", {{"code", code}, {"message", message}, {"context", context}}}}, status);
}

void reply_error(httplib::Response& res, const Error& e) {
  reply_error(res, http_status(e.code()), error_code_name(e.code()), e.message(), e.context());
}

nlohmann::json json_body(const httplib::Request& req) {
  check_json_depth(req.body, "request body");
  try {
    auto j = nlohmann::json::parse(req.body);
    if (!j.is_object()) throw Error(ErrorCode::InvalidInput, "the body must be a JSON object", "request body");
    return j;
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(ErrorCode::InvalidInput, "malformed JSON at byte " + std::to_string(e.byte), "request body");
  }
}

}  // namespace saraban::server
