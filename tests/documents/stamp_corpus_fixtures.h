#pragma once
// The receive-stamp corpus's PDFs, each made here at test time (raw_pdf.h, qpdf, Python with
// zlib, and the saraban binary for the engine's own letters): no downloads, nothing checked in.
// Each maker returns the original's bytes, or an empty vector with `why` set if a tool failed.
#include <cstdint>
#include <filesystem>
#include <utility>
#include <string>
#include <vector>

#include "support/raw_pdf.h"
#include "../pdf/pdf_test_support.h"

namespace saraban::testing {

// A one-page letter: object 1 catalog, 2 pages, 3 page, 4 content, 5 Helvetica, 6.. `extra`.
struct RawLetter {
  std::string media_box = "[0 0 595 842]";
  std::string page_extra;       // more page keys: /Rotate, /CropBox, /UserUnit, /Annots
  std::string resources_extra;  // more resources: /XObject << ... >>
  std::string catalog_extra;    // /AcroForm << ... >>
  std::string kids = "[3 0 R]";
  int count = 1;
  // The letter's own words at the top left and in the body, never blue.
  std::string content =
      "BT /F1 14 Tf 72 770 Td (ORIGINAL LETTER) Tj ET\n"
      "BT /F1 11 Tf 72 420 Td (The body of the letter stays readable.) Tj ET\n"
      "0 0 0 RG 1 w 72 400 m 523 400 l S";
  std::vector<std::string> extra;  // objects 6, 7, ...
  std::string version = "1.7";
};

inline std::string raw_letter(const RawLetter& l) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R " + l.catalog_extra + " >>",
      "<< /Type /Pages /Kids " + l.kids + " /Count " + std::to_string(l.count) + " >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox " + l.media_box + " /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> " +
          l.resources_extra + " >> " + l.page_extra + " >>",
      "<< /Length " + std::to_string(l.content.size()) + " >>\nstream\n" + l.content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
  objects.insert(objects.end(), l.extra.begin(), l.extra.end());
  return raw_pdf_text(objects, l.version);
}

inline std::vector<std::uint8_t> bytes_of(const std::string& s) { return {s.begin(), s.end()}; }

// Runs `command`; on failure says so in `why` and returns false.
inline bool tool(const std::string& command, std::string& why) {
  auto r = run_command("(" + command + ")");  // every step's stderr into the output, not the test log
  if (r.status != 0) why = command + "\n" + r.output;
  return r.status == 0;
}

// The plain letter written to `dir`, then rewritten by `qpdf <args> in out`.
inline std::vector<std::uint8_t> through_qpdf(const TempDir& dir, const std::string& args, std::string& why) {
  write_bytes(dir.file("plain.pdf"), bytes_of(raw_letter({})));
  if (!tool("qpdf " + args + " '" + dir.file("plain.pdf") + "' '" + dir.file("qpdf.pdf") + "'", why)) return {};
  return read_bytes(dir.file("qpdf.pdf"));
}

// An image whose stream says /Length 0 though its 48 bytes follow (a Canon scanner does this):
// a 4 x 4 green square drawn 200 pt wide at (72, 150).
inline std::string image_length_zero() {
  RawLetter l;
  l.content += "\nq 200 0 0 200 72 150 cm /Im1 Do Q";
  l.resources_extra = "/XObject << /Im1 6 0 R >>";
  std::string pixels;
  for (int i = 0; i < 16; ++i) pixels += std::string("\x00\x99\x00", 3);
  l.extra.push_back("<< /Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceRGB /BitsPerComponent 8 "
                    "/Length 0 >>\nstream\n" + pixels + "\nendstream");
  return raw_letter(l);
}

// A yellow square annotation with its own appearance over the page's top right 11 x 10 cm.
inline std::string annotation_top_right() {
  RawLetter l;
  l.page_extra = "/Annots [6 0 R]";
  l.extra.push_back("<< /Type /Annot /Subtype /Square /Rect [283 558 595 842] /F 4 /C [1 0.8 0] /IC [1 0.95 0.6] "
                    "/Contents (Checked) /AP << /N 7 0 R >> >>");
  const std::string ap = "1 0.95 0.6 rg 0 0 312 284 re f 1 0.8 0 RG 2 w 1 1 310 282 re S";
  l.extra.push_back("<< /Type /XObject /Subtype /Form /BBox [0 0 312 284] /Length " + std::to_string(ap.size()) +
                    " >>\nstream\n" + ap + "\nendstream");
  return raw_letter(l);
}

// A filled text field (AcroForm widget with an opaque grey appearance) at the top right; its
// words sit at its bottom left, clear of where the stamp goes.
inline std::string form_field_top_right() {
  RawLetter l;
  l.page_extra = "/Annots [6 0 R]";
  l.catalog_extra = "/AcroForm << /Fields [6 0 R] /DA (/F1 10 Tf 0 g) /DR << /Font << /F1 5 0 R >> >> >>";
  l.extra.push_back("<< /Type /Annot /Subtype /Widget /FT /Tx /T (sender_note) /V (FILLED BY THE SENDER) "
                    "/Rect [283 600 590 837] /F 4 /P 3 0 R /DA (/F1 10 Tf 0 g) /MK << /BG [0.85 0.85 0.85] >> "
                    "/AP << /N 7 0 R >> >>");
  const std::string ap = "0.85 0.85 0.85 rg 0 0 307 237 re f /Tx BMC BT /F1 10 Tf 0 g 6 10 Td (FILLED BY THE SENDER) Tj "
                         "ET EMC";
  l.extra.push_back("<< /Type /XObject /Subtype /Form /BBox [0 0 307 237] /Resources << /Font << /F1 5 0 R >> >> /Length " +
                    std::to_string(ap.size()) + " >>\nstream\n" + ap + "\nendstream");
  return raw_letter(l);
}

// An office letter's head as a hand-made page: a 2 cm top margin, a dark logo block and a
// right-aligned reference, address and date block filling the top right.
inline std::string ink_heavy_top_right() {
  RawLetter l;
  l.content =
      "0.25 g 250 700 95 85 re f\n"
      "BT /F1 12 Tf 360 773 Td (No. 0409.5/456) Tj 0 -15 Td (Education Service Area 5) Tj 0 -15 Td "
      "(Hot District, Chiang Mai) Tj 0 -15 Td (50240 Thailand) Tj 0 -15 Td (21 November 2026) Tj ET\n"
      "BT /F1 12 Tf 72 640 Td (Subject: Survey of school readiness) Tj ET\n"
      "BT /F1 11 Tf 72 610 Td (The body of the letter stays readable.) Tj ET";
  return raw_letter(l);
}

// A stray Q ends a save the page never made, then scales everything after it by half.
inline std::string stray_q() {
  RawLetter l;
  l.content = "Q 0.5 0 0 0.5 0 0 cm\n" + l.content;
  return raw_letter(l);
}

// The letter's content ends inside an unterminated string: readers draw what came before.
inline std::string content_syntax_error() {
  RawLetter l;
  l.content += "\nBT /F1 11 Tf 72 380 Td (an unterminated string Tj ET\n";
  return raw_letter(l);
}

inline std::string small_page() {
  RawLetter l;
  l.media_box = "[0 0 150 110]";  // 5.3 x 3.9 cm, smaller than the 6 x 4.5 cm the stamp needs
  l.content = "BT /F1 8 Tf 8 12 Td (SMALL SLIP) Tj ET";
  return raw_letter(l);
}

// A4 in units of 2 pt: the letter's coordinates are halved.
inline std::string user_unit_two() {
  RawLetter l;
  l.media_box = "[0 0 297.5 421]";
  l.page_extra = "/UserUnit 2";
  l.content = "BT /F1 7 Tf 36 385 Td (ORIGINAL LETTER) Tj ET\nBT /F1 6 Tf 36 210 Td (The body of the letter stays readable.) Tj ET";
  return raw_letter(l);
}

inline std::string page_listed_twice() {
  RawLetter l;
  l.kids = "[3 0 R 3 0 R]";
  l.count = 2;
  return raw_letter(l);
}

inline std::string without_eof() {
  std::string pdf = raw_letter({});
  return pdf.substr(0, pdf.rfind("%%EOF"));
}

// startxref points 100 bytes before the real xref table, into the last object.
inline std::string broken_xref_offset() {
  std::string pdf = raw_letter({});
  const std::size_t at = pdf.rfind("startxref\n") + 10;
  const std::size_t end = pdf.find('\n', at);
  const long xref = std::stol(pdf.substr(at, end - at));
  return pdf.substr(0, at) + std::to_string(xref - 100) + pdf.substr(end);
}

inline std::string version_2_0() {
  RawLetter l;
  l.version = "2.0";
  return raw_letter(l);
}

inline std::string rotated(int degrees) {
  RawLetter l;
  l.page_extra = "/Rotate " + std::to_string(degrees);
  return raw_letter(l);
}

inline std::string crop_box_offset() {
  RawLetter l;
  l.page_extra = "/CropBox [60 90 520 800]";
  return raw_letter(l);
}

// An engine letter made by `saraban render` from samples/letters/<kind>.json.
inline std::vector<std::uint8_t> engine_letter(const TempDir& dir, const std::string& kind, std::string& why) {
  const std::string out = dir.file(kind + ".pdf");
  if (!tool("SOURCE_DATE_EPOCH=1790000000 '" + std::string(SARABAN_BINARY) + "' render '" + SARABAN_SOURCE_DIR +
                "/samples/letters/" + kind + ".json' -o '" + out + "'",
            why))
    return {};
  return read_bytes(out);
}

// The engine's external letter laid out as offices with a 2 cm top margin do: ที่ at the left
// and the office's address block at the right both start 2 cm from the top (a small Garuda
// above them), through a letter template given to `saraban render` with SARABAN_TEMPLATES.
inline std::vector<std::uint8_t> engine_letter_2cm_top(const TempDir& dir, std::string& why) {
  const auto stock = read_bytes(std::string(SARABAN_SOURCE_DIR) + "/templates/letters/external.json");
  std::string t(stock.begin(), stock.end());
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"\"first_page_top_cm\": 4.7", "\"first_page_top_cm\": 2.0"},
                                 {"\"emblem_top_cm\": 1.5", "\"emblem_top_cm\": 0.4"},
                                 {"\"emblem_height_cm\": 3.0", "\"emblem_height_cm\": 1.4"},
                                 {"\"urgency_baseline_cm\": 4.2", "\"urgency_baseline_cm\": 1.5"}}) {
    const std::size_t at = t.find(from);
    if (at == std::string::npos) {
      why = "templates/letters/external.json no longer has " + from;
      return {};
    }
    t.replace(at, from.size(), to);
  }
  std::filesystem::create_directories(dir.file("templates/letters"));
  write_bytes(dir.file("templates/letters/external.json"), bytes_of(t));
  const std::string out = dir.file("external-2cm.pdf");
  if (!tool("SARABAN_TEMPLATES='" + dir.file("templates") + "' SOURCE_DATE_EPOCH=1790000000 '" +
                std::string(SARABAN_BINARY) + "' render '" + SARABAN_SOURCE_DIR + "/samples/letters/external.json' -o '" +
                out + "'",
            why))
    return {};
  return read_bytes(out);
}

// The engine's memo signed by `saraban sign` with a throw-away self-signed certificate.
inline std::vector<std::uint8_t> signed_letter(const TempDir& dir, std::string& why) {
  if (engine_letter(dir, "memo", why).empty()) return {};
  const std::string d = "'" + dir.path() + "'";
  if (!tool("cd " + d + " && openssl req -x509 -newkey rsa:2048 -nodes -keyout k.pem -out c.pem -days 2 "
                "-subj '/CN=Corpus Sender' && openssl pkcs12 -export -inkey k.pem -in c.pem -out s.p12 -passout pass:pw "
                "&& echo pw > pw.txt",
            why))
    return {};
  if (!tool("'" + std::string(SARABAN_BINARY) + "' sign '" + dir.file("memo.pdf") + "' --p12 '" + dir.file("s.p12") +
                "' --password-file '" + dir.file("pw.txt") + "' -o '" + dir.file("signed.pdf") + "'",
            why))
    return {};
  return read_bytes(dir.file("signed.pdf"));
}

inline std::vector<std::uint8_t> scan_like(const TempDir& dir, std::string& why) {
  if (!tool("/usr/bin/python3 -I '" + std::string(SARABAN_SOURCE_DIR) + "/tests/fixtures/make_scan_pdf.py' '" +
                dir.file("scan.pdf") + "'",
            why))
    return {};
  return read_bytes(dir.file("scan.pdf"));
}

}  // namespace saraban::testing
