// With /ActualText kept only where readers need it, every Thai vowel, tone mark, SARA AM and
// stacked mark still reads back exactly, through poppler and MuPDF, at every width, in the
// system font and in a font whose marks exist only as PUA glyphs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli_support.h"

namespace saraban::testing {
namespace {

// Every above/below vowel and tone mark on short and tall bases, SARA AM after tones, stacked
// marks, mai han-akat + tone, descenders with below vowels, and Latin/digits between.
const std::vector<std::string> kTexts = {
    "กะทิ กัน กา กำไร กิน กีฬา กึ่ง กือ กุ้ง กู้ เกาะ แก้ว โกง ใกล้ ไกล ก็ ก่อ ก้าว ก๊าซ ก๋วยเตี๋ยว การ์ตูน ฯลฯ ต่าง ๆ",
    "ป่า ป้า ป๊า ป๋า ฝั่ง ฟื้น ฟ้า ปั้น ปี่ ปี้ ปี๊ ปี๋ ฝ้าย ฟั่น ฬ่า ฬ้า",
    "น้ำ น่ำ จ๋ำ ต่ำ ค้ำ ทำ ป้ำ ฟ้ำ ล้ำค่า ซ้ำซาก กำลัง ดำเนินการ ทำให้",
    "ญุ ฐู ฎุ ฏู ญู ฐุ รู้ ดู่ ปุ๋ย ผู้ ตู้ ฤๅ ฦๅ ฤทธิ์ กษัตริย์ พระพุทธรูป",
    "กิ่ง ที่ นี่ ชื่อ ซื้อ ครั้ง อื่น ๆ เป็น เห็น เล่น เช่น เก็บ เข็ม สิ่ง",
    "หนังสือที่ ศธ ๐๔๐๐๙/ว ๖๙๘๘ ลงวันที่ ๒๒ พฤศจิกายน ๒๕๖๙ เวลา ๐๙.๐๐ น. (Saraban v1.0)",
    "การประชุมครั้งนี้เป็นการติดตามผลการฟื้นฟูป่าต้นน้ำและการปลูกป่าทดแทนของโรงเรียนในเขตพื้นที่ "
    "ซึ่งเป็นภารกิจที่ต้องปฏิบัติให้เป็นไปตามแผนที่กำหนด ฝั่งตะวันตกของอำเภอมีฝนตกหนักเป็นเวลาหลายวัน",
};

std::string joined() {
  std::string all;
  for (const auto& t : kTexts) all += t + "\n";
  return all;
}

class ActualTextRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(ActualTextRoundTrip, EveryThaiMarkReadsBackAtEveryWidthInBothReaders) {
  const std::string dir = temp_dir();
  const std::string in = dir + "/t.txt";
  const std::string text = joined();
  write_file(in, text);
  const bool pua = GetParam() == "pua-font";
  for (const std::string align : {"thai-distributed", "justify", "left"}) {
    for (int w : {8, 10, 12, 14, 16}) {
      const std::string out = dir + "/" + align + std::to_string(w) + ".pdf";
      auto r = run(saraban("typeset " + in + " -o " + out + " --align " + align + " --width " + std::to_string(w) +
                           (pua ? std::string(" --font ") + SARABAN_PUA_FONT : std::string())));
      ASSERT_EQ(r.status, 0) << r.output;
      EXPECT_EQ(difference(strip_white(pdftotext(out)), strip_white(text)), "") << "pdftotext " << align << " " << w << " cm";
      EXPECT_EQ(difference(strip_white(mupdf_text(out)), strip_white(text)), "") << "MuPDF " << align << " " << w << " cm";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Fonts, ActualTextRoundTrip, ::testing::Values("laksaman", "pua-font"),
                         [](const auto& info) { return info.param == "pua-font" ? std::string("pua_font") : info.param; });

}  // namespace
}  // namespace saraban::testing
