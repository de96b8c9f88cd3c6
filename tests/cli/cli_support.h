#pragma once
// Running the real `saraban` binary and the tools users read PDFs with (poppler, MuPDF).
#include <sys/stat.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace saraban::testing {

struct CommandResult {
  int status = -1;
  std::string output;  // stdout and stderr together
};

inline CommandResult run(const std::string& command) {
  CommandResult r;
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.output.append(buf.data(), n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string saraban(const std::string& args) {
  return std::string("SOURCE_DATE_EPOCH=1795258800 ") + SARABAN_BINARY + " " + args;
}

inline bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline std::string temp_dir() {
  char tmpl[] = "/tmp/saraban-test-XXXXXX";
  const char* d = mkdtemp(tmpl);
  return d ? d : "/tmp";
}

// Drops every kind of white space: the text layer is judged on characters, not spacing.
inline std::string strip_white(const std::string& s) {
  std::string o;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') continue;
    o += s[i];
  }
  return o;
}

// Empty when equal; otherwise where the two texts part, briefly (Thai dumps are long).
inline std::string difference(const std::string& got, const std::string& want) {
  if (got == want) return {};
  size_t i = 0;
  while (i < got.size() && i < want.size() && got[i] == want[i]) ++i;
  size_t from = i > 24 ? i - 24 : 0;
  while (from > 0 && (static_cast<unsigned char>(want[from]) & 0xC0) == 0x80) --from;
  return "differs at byte " + std::to_string(i) + ": got [" + got.substr(from, 60) + "] want [" + want.substr(from, 60) +
         "] (lengths " + std::to_string(got.size()) + " vs " + std::to_string(want.size()) + ")";
}

inline std::string pdftotext(const std::string& pdf) { return run("pdftotext -enc UTF-8 " + quote(pdf) + " -").output; }
inline std::string mupdf_text(const std::string& pdf) {
  // MuPDF prints warnings on stderr (e.g. "ICC support is not available"); only stdout is text.
  std::string out = run("mutool draw -q -F txt -o - " + quote(pdf) + " 2>/dev/null").output;
  // ...and some builds print them on stdout too.
  for (size_t p; (p = out.find("warning: ")) != std::string::npos;) out.erase(p, out.find('\n', p) - p + 1);
  return out;
}

}  // namespace saraban::testing
