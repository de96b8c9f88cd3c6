#pragma once
// Test support for PDF output: temp files, running the poppler / MuPDF / qpdf tools, and
// comparing extracted text without caring about layout whitespace.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace saraban::testing {

struct CommandResult {
  int status = -1;
  std::string output;
};

inline CommandResult run_command(const std::string& command) {
  CommandResult result;
  // Grouped, so a command's own "2>/dev/null" still wins over the 2>&1 added here.
  FILE* pipe = popen(("{ " + command + "\n} 2>&1").c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) result.output.append(buf.data(), n);
  result.status = pclose(pipe);
  return result;
}

inline std::string without_whitespace(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f') out.push_back(c);
  }
  return out;
}

// Collapses every whitespace run to one space and trims the ends.
inline std::string squeeze_whitespace(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

inline std::string pdftotext(const std::string& pdf) { return run_command("pdftotext -enc UTF-8 '" + pdf + "' - 2>/dev/null").output; }

// mutool prints "warning: ICC support is not available" on stdout; those lines are dropped.
inline std::string mutool_text(const std::string& pdf) {
  std::string raw = run_command("mutool draw -q -F txt -o - '" + pdf + "' 2>/dev/null").output;
  std::string out;
  std::size_t start = 0;
  while (start < raw.size()) {
    std::size_t end = raw.find('\n', start);
    if (end == std::string::npos) end = raw.size();
    std::string line = raw.substr(start, end - start);
    if (line.rfind("warning:", 0) != 0) out += line + "\n";
    start = end + 1;
  }
  return out;
}

inline std::string pymupdf_text(const std::string& pdf) {
  return run_command("/usr/bin/python3 -c \"import fitz,sys; d=fitz.open(sys.argv[1]); "
                     "sys.stdout.write(''.join(p.get_text() for p in d))\" '" + pdf + "' 2>/dev/null")
      .output;
}

inline std::vector<std::uint8_t> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// A fresh directory under the system temp dir, removed when the test ends.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "saraban-pdf-XXXXXX").string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (mkdtemp(buf.data())) path_ = buf.data();
  }
  ~TempDir() {
    std::error_code ec;
    // SARABAN_KEEP_TEST_FILES=1 keeps the files of a failing test to look at.
    if (std::getenv("SARABAN_KEEP_TEST_FILES")) return;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace saraban::testing
