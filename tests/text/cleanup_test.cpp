#include "text/cleanup.h"

#include <gtest/gtest.h>

#include "base/error.h"

namespace saraban::text {
namespace {

TEST(Cleanup, CorrectThaiIsUnchangedWithoutWarnings) {
  const std::string correct = "น้ำ ปี่ ที่ ญุ ฐู ผู้นำ กิ่ง จ๋ำ ฤๅ ก็ กั้น สำนักงาน";
  const CleanText clean = clean_text(correct);
  EXPECT_EQ(clean.text, correct);
  EXPECT_TRUE(clean.warnings.empty());
}

TEST(Cleanup, NikhahitAndSaraAaBecomeSaraAm) {
  // "ทํา" typed with U+0E4D U+0E32.
  const CleanText clean = clean_text("ให้ท\u0E4D\u0E32งาน");
  EXPECT_EQ(clean.text, "ให้ทำงาน");
  ASSERT_EQ(clean.warnings.size(), 1u);
  EXPECT_EQ(clean.warnings[0].byte_offset, 12u);
  EXPECT_NE(clean.warnings[0].message.find("SARA AM"), std::string::npos);
}

TEST(Cleanup, ToneMarkAroundNikhahitGivesNam) {
  // น + ้ + ํ + า and น + ํ + ้ + า both mean น้ำ.
  const CleanText tone_first = clean_text("น\u0E49\u0E4D\u0E32");
  EXPECT_EQ(tone_first.text, "น้ำ");
  ASSERT_EQ(tone_first.warnings.size(), 1u);
  EXPECT_EQ(tone_first.warnings[0].byte_offset, 6u);

  const CleanText nikhahit_first = clean_text("ดื่มน\u0E4D\u0E49\u0E32");
  EXPECT_EQ(nikhahit_first.text, "ดื่มน้ำ");
  ASSERT_EQ(nikhahit_first.warnings.size(), 1u);
  EXPECT_EQ(nikhahit_first.warnings[0].byte_offset, 15u);
}

TEST(Cleanup, ToneMarkBeforeVowelMovedAfterIt) {
  // ป + ่ + ี typed for ปี่; ก + ่ + ิ + ง for กิ่ง.
  const CleanText clean = clean_text("ปี่ ป\u0E48\u0E35 ก\u0E48\u0E34ง");
  EXPECT_EQ(clean.text, "ปี่ ปี่ กิ่ง");
  ASSERT_EQ(clean.warnings.size(), 2u);
  EXPECT_EQ(clean.warnings[0].byte_offset, 13u);
  EXPECT_EQ(clean.warnings[1].byte_offset, 23u);
  EXPECT_NE(clean.warnings[0].message.find("tone mark"), std::string::npos);
}

TEST(Cleanup, ToneMarkBeforeLowerVowelIsReportedNotSilentlyReordered) {
  const CleanText clean = clean_text("ผ\u0E49\u0E39");
  EXPECT_EQ(clean.text, "ผู้");
  ASSERT_EQ(clean.warnings.size(), 1u);
  EXPECT_EQ(clean.warnings[0].byte_offset, 3u);
}

TEST(Cleanup, DoubledMarkKeptOnce) {
  const CleanText clean = clean_text("พี\u0E48\u0E48น้อง");
  EXPECT_EQ(clean.text, "พี่น้อง");
  ASSERT_EQ(clean.warnings.size(), 1u);
  EXPECT_EQ(clean.warnings[0].byte_offset, 9u);
  EXPECT_NE(clean.warnings[0].message.find("twice"), std::string::npos);
}

TEST(Cleanup, CrLfBecomesLf) {
  EXPECT_EQ(clean_text("เรียน\r\nผู้อำนวยการ\r\n").text, "เรียน\nผู้อำนวยการ\n");
}

TEST(Cleanup, NfcAppliedAndReported) {
  const CleanText clean = clean_text("cafe\u0301 ก");
  EXPECT_EQ(clean.text, "caf\u00E9 ก");
  ASSERT_EQ(clean.warnings.size(), 1u);
  EXPECT_EQ(clean.warnings[0].byte_offset, 3u);
}

TEST(Cleanup, InvalidUtf8Throws) {
  try {
    clean_text("หนังสือ\xC3");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::InvalidUtf8);
    EXPECT_EQ(e.context(), "byte 21");
  }
}

}  // namespace
}  // namespace saraban::text
