#include "text/thai_numbers.h"

#include <gtest/gtest.h>

#include "base/error.h"

namespace saraban::text {
namespace {

TEST(ThaiNumbers, ConvertDigitsBothWays) {
  EXPECT_EQ(convert_digits("ปี 2569 ฉบับที่ 12/3", DigitStyle::Thai), "ปี ๒๕๖๙ ฉบับที่ ๑๒/๓");
  EXPECT_EQ(convert_digits("๑,๒๓๔.๕๐ บาท", DigitStyle::Arabic), "1,234.50 บาท");
}

TEST(ThaiNumbers, FormatInteger) {
  EXPECT_EQ(format_integer(1234567, DigitStyle::Arabic), "1,234,567");
  EXPECT_EQ(format_integer(1234567, DigitStyle::Thai), "๑,๒๓๔,๕๖๗");
  EXPECT_EQ(format_integer(-1000, DigitStyle::Arabic), "-1,000");
  EXPECT_EQ(format_integer(999, DigitStyle::Arabic), "999");
  EXPECT_EQ(format_integer(1234567, DigitStyle::Arabic, false), "1234567");
  EXPECT_EQ(format_integer(0, DigitStyle::Thai), "๐");
}

TEST(ThaiNumbers, NumberWords) {
  EXPECT_EQ(thai_number_words(0), "ศูนย์");
  EXPECT_EQ(thai_number_words(1), "หนึ่ง");
  EXPECT_EQ(thai_number_words(10), "สิบ");
  EXPECT_EQ(thai_number_words(11), "สิบเอ็ด");
  EXPECT_EQ(thai_number_words(15), "สิบห้า");
  EXPECT_EQ(thai_number_words(20), "ยี่สิบ");
  EXPECT_EQ(thai_number_words(21), "ยี่สิบเอ็ด");
  EXPECT_EQ(thai_number_words(101), "หนึ่งร้อยเอ็ด");
  EXPECT_EQ(thai_number_words(1000001), "หนึ่งล้านเอ็ด");
  EXPECT_EQ(thai_number_words(1000000), "หนึ่งล้าน");
  EXPECT_EQ(thai_number_words(21000000), "ยี่สิบเอ็ดล้าน");
  EXPECT_EQ(thai_number_words(1234567), "หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ด");
  EXPECT_EQ(thai_number_words(1000000000000), "หนึ่งล้านล้าน");
  EXPECT_EQ(thai_number_words(-5), "ลบห้า");
}

TEST(ThaiNumbers, BahtText) {
  EXPECT_EQ(baht_text("1234.50"), "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์");
  EXPECT_EQ(baht_text("1,234.50"), "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์");
  EXPECT_EQ(baht_text("๑,๒๓๔.๕๐"), "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์");
  EXPECT_EQ(baht_text("100"), "หนึ่งร้อยบาทถ้วน");
  EXPECT_EQ(baht_text("100.00"), "หนึ่งร้อยบาทถ้วน");
  EXPECT_EQ(baht_text("0.50"), "ห้าสิบสตางค์");
  EXPECT_EQ(baht_text("0"), "ศูนย์บาทถ้วน");
  EXPECT_EQ(baht_text("21.01"), "ยี่สิบเอ็ดบาทหนึ่งสตางค์");
  EXPECT_EQ(baht_text("1000001"), "หนึ่งล้านเอ็ดบาทถ้วน");
  EXPECT_EQ(baht_text("11.215"), "สิบเอ็ดบาทยี่สิบสองสตางค์");  // rounded half up
  EXPECT_EQ(baht_text("99.999"), "หนึ่งร้อยบาทถ้วน");
}

TEST(ThaiNumbers, BahtTextRejectsMalformedAmounts) {
  for (const char* bad : {"", "abc", "1.2.3", "12,34", "1,2345", ".50", "5.", "-3", "1 000"}) {
    try {
      baht_text(bad);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
      EXPECT_EQ(e.context(), bad);
    }
  }
}

TEST(ThaiDates, FullAndShort) {
  EXPECT_EQ(thai_date_full({2026, 11, 21}, DigitStyle::Thai), "๒๑ พฤศจิกายน ๒๕๖๙");
  EXPECT_EQ(thai_date_short({2026, 11, 21}, DigitStyle::Thai), "๒๑ พ.ย. ๖๙");
  EXPECT_EQ(thai_date_full({2026, 1, 5}, DigitStyle::Arabic), "5 มกราคม 2569");
  EXPECT_EQ(thai_date_short({2000, 2, 29}, DigitStyle::Arabic), "29 ก.พ. 43");
  EXPECT_EQ(buddhist_year(2026), 2569);
  EXPECT_STREQ(thai_month_full(2), "กุมภาพันธ์");
  EXPECT_STREQ(thai_month_short(12), "ธ.ค.");
}

TEST(ThaiDates, ParseIsoDate) {
  const CivilDate d = parse_iso_date("2026-11-21");
  EXPECT_EQ(d.year, 2026);
  EXPECT_EQ(d.month, 11);
  EXPECT_EQ(d.day, 21);
  EXPECT_EQ(parse_iso_date("2024-02-29").day, 29);
  for (const char* bad : {"2026-02-30", "2026-13-01", "21/11/2026", "2025-02-29", "2026-1-01", ""}) {
    try {
      parse_iso_date(bad);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
      EXPECT_EQ(e.context(), bad);
    }
  }
}

TEST(ThaiDates, Validity) {
  EXPECT_TRUE(is_valid_date({2024, 2, 29}));
  EXPECT_FALSE(is_valid_date({1900, 2, 29}));
  EXPECT_TRUE(is_valid_date({2000, 2, 29}));
  EXPECT_FALSE(is_valid_date({2026, 4, 31}));
  EXPECT_FALSE(is_valid_date({2026, 0, 1}));
}

}  // namespace
}  // namespace saraban::text
