#pragma once
// An uploaded letter on its way into the register: written under the data folder, in a folder
// of its own, under a name cleaned of every path part, and removed once the register holds it.
#include <string>

namespace saraban::server {

// The name an uploaded file is kept under: its last path part (after / or \), without leading
// dots or control characters; "letter.pdf" when nothing is left.
std::string clean_upload_name(const std::string& filename);

class UploadedFile {
 public:
  // Writes `bytes` to DATA/uploads/<random>/<clean name>; IoError naming the path when it cannot.
  UploadedFile(const std::string& data_dir, const std::string& filename, const std::string& bytes);
  ~UploadedFile();
  UploadedFile(const UploadedFile&) = delete;
  UploadedFile& operator=(const UploadedFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string folder_, path_;
};

}  // namespace saraban::server
