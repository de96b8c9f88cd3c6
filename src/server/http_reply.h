#pragma once
// How the API answers: JSON bodies, and one error shape for every refusal,
//   {"error": {"code": "permission_denied", "message": "...", "context": "..."}}
// with the HTTP status that the register's error code means.
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "base/error.h"

namespace saraban::server {

int http_status(ErrorCode code);
void reply_json(httplib::Response& res, const nlohmann::ordered_json& body, int status = 200);
void reply_error(httplib::Response& res, int status, const std::string& code, const std::string& message,
                 const std::string& context = {});
void reply_error(httplib::Response& res, const Error& e);
// The request's JSON body; InvalidInput naming the byte when it is not JSON or not an object.
nlohmann::json json_body(const httplib::Request& req);

}  // namespace saraban::server
