#include "cli/tsa_http.h"

#include <httplib.h>

#include "base/error.h"

namespace saraban::cli {
namespace {

// "scheme://host[:port]" and the path (at least "/"), as httplib::Client takes them.
std::pair<std::string, std::string> split_url(const std::string& url) {
  const std::size_t scheme_end = url.find("://");
  const std::string scheme = scheme_end == std::string::npos ? "" : url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https")
    throw Error(ErrorCode::InvalidInput, "the time-stamp authority's URL must start with http:// or https://", url);
  const std::size_t path_at = url.find('/', scheme_end + 3);
  if (path_at == scheme_end + 3 || scheme_end + 3 >= url.size())
    throw Error(ErrorCode::InvalidInput, "the time-stamp authority's URL has no host", url);
  if (path_at == std::string::npos) return {url, "/"};
  return {url.substr(0, path_at), url.substr(path_at)};
}

// httplib's own names ("Connection", "Read") say little to a clerk.
std::string failure(httplib::Error e) {
  switch (e) {
    case httplib::Error::Connection: return "cannot connect";
    case httplib::Error::ConnectionTimeout: return "no answer to the connection within 10 s";
    case httplib::Error::Read: return "the reply could not be read (timed out or cut off)";
    case httplib::Error::Write: return "the query could not be sent";
    case httplib::Error::SSLConnection: return "the TLS connection failed";
    case httplib::Error::SSLServerVerification: return "its TLS certificate is not trusted";
    default: return httplib::to_string(e);
  }
}

}  // namespace

pdf::Bytes post_timestamp_query(const std::string& url, const pdf::Bytes& query) {
  const auto [origin, path] = split_url(url);
  httplib::Client client(origin);
  if (!client.is_valid()) throw Error(ErrorCode::InvalidInput, "cannot use the time-stamp authority's URL", url);
  client.set_connection_timeout(10);
  client.set_read_timeout(30);
  client.set_write_timeout(30);
  httplib::Result res =
      client.Post(path, reinterpret_cast<const char*>(query.data()), query.size(), "application/timestamp-query");
  if (!res)
    throw Error(ErrorCode::IoError, "the time-stamp authority cannot be reached: " + failure(res.error()),
                url);
  if (res->status != 200)
    throw Error(ErrorCode::IoError, "the time-stamp authority answered HTTP " + std::to_string(res->status), url);
  return pdf::Bytes(res->body.begin(), res->body.end());
}

}  // namespace saraban::cli
