#include "server/upload_folder.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "base/error.h"
#include "server/web_sessions.h"

namespace saraban::server {
namespace {

void make_folder(const std::string& path) {
  if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST)
    throw Error(ErrorCode::IoError, std::string("cannot make the folder: ") + std::strerror(errno), path);
}

}  // namespace

std::string clean_upload_name(const std::string& filename) {
  std::string name = filename;
  if (auto cut = name.find_last_of("/\\"); cut != std::string::npos) name.erase(0, cut + 1);
  std::string out;
  for (unsigned char c : name)
    if (c >= 0x20 && c != 0x7f) out += static_cast<char>(c);
  while (!out.empty() && out.front() == '.') out.erase(out.begin());
  if (out.size() > 200) out.resize(200);  // may cut a UTF-8 sequence; the register refuses none
  return out.empty() ? "letter.pdf" : out;
}

UploadedFile::UploadedFile(const std::string& data_dir, const std::string& filename, const std::string& bytes) {
  make_folder(data_dir);
  make_folder(data_dir + "/uploads");
  folder_ = data_dir + "/uploads/" + random_token(16);
  make_folder(folder_);
  path_ = folder_ + "/" + clean_upload_name(filename);
  std::FILE* f = std::fopen(path_.c_str(), "wbx");
  bool ok = f && std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  if (f) ok = std::fclose(f) == 0 && ok;
  if (!ok) {
    const std::string why = std::strerror(errno);
    ::unlink(path_.c_str());
    ::rmdir(folder_.c_str());
    throw Error(ErrorCode::IoError, "cannot keep the upload: " + why, path_);
  }
}

UploadedFile::~UploadedFile() {
  ::unlink(path_.c_str());
  ::rmdir(folder_.c_str());
}

}  // namespace saraban::server
