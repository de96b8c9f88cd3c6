#include "text/keep_units.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/word_breaker.h"

namespace saraban::text {
namespace {

struct UnitCase {
  UnitKind kind;
  std::string sentence;
  std::string unit;  // the text the unit must cover exactly
};

// Running text as letters write it, every unit kind in Thai and (where offices use them)
// Arabic digits.
const std::vector<UnitCase> kCases = {
    {UnitKind::Reference, "ตามหนังสือ ที่ ศธ ๐๔๐๐๙/ว ๖๙๘๘ ลงวันที่ต้นเดือน", "ที่ ศธ ๐๔๐๐๙/ว ๖๙๘๘"},
    {UnitKind::Reference, "อ้างถึงหนังสือกระทรวงการคลัง กค ๐๔๐๖.๔/ว ๑๒๓ ซึ่งแจ้งไว้แล้ว", "กค ๐๔๐๖.๔/ว ๑๒๓"},
    {UnitKind::Reference, "ส่งคืนเรื่องเดิม ที่ นร 0105/1234 ให้ทราบ", "ที่ นร 0105/1234"},
    {UnitKind::Date, "จึงขอเชิญประชุมในวันที่ ๒๒ พฤศจิกายน ๒๕๖๙ ณ ห้องประชุมใหญ่", "๒๒ พฤศจิกายน ๒๕๖๙"},
    {UnitKind::Date, "ให้ส่งรายงานภายในวันที่ 22 พฤศจิกายน 2569 ทางไปรษณีย์", "22 พฤศจิกายน 2569"},
    {UnitKind::Date, "ตามที่ได้ประชุมเมื่อ ๓ ก.พ. ๖๙ ที่ผ่านมา", "๓ ก.พ. ๖๙"},
    {UnitKind::Date, "โครงการนี้เริ่มในเดือนมกราคม พ.ศ. ๒๕๗๐ เป็นต้นไป", "มกราคม พ.ศ. ๒๕๗๐"},
    {UnitKind::EraYear, "ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๗ ให้หน่วยงานเปิดเผย", "พ.ศ. ๒๕๔๗"},
    {UnitKind::EraYear, "ระเบียบนี้ใช้บังคับตั้งแต่ ค.ศ. 2004 เป็นต้นไป", "ค.ศ. 2004"},
    {UnitKind::TitledName, "ขอแต่งตั้งนายสมชาย ใจดี เป็นผู้แทนของโรงเรียน", "นายสมชาย ใจดี"},
    {UnitKind::TitledName, "โดยมอบหมายให้นางสาวมณีรัตน์ แก้วประเสริฐ ประสานงาน", "นางสาวมณีรัตน์ แก้วประเสริฐ"},
    {UnitKind::TitledName, "ทั้งนี้ นางสุดา รักไทย จะเดินทางไปด้วย", "นางสุดา รักไทย"},
    {UnitKind::TitledName, "ได้รับเกียรติจาก ดร. ประเสริฐ มั่นคง เป็นวิทยากร", "ดร. ประเสริฐ มั่นคง"},
    {UnitKind::TitledName, "และว่าที่ร้อยตรีวีระ กล้าหาญ เป็นเลขานุการ", "ว่าที่ร้อยตรีวีระ กล้าหาญ"},
    {UnitKind::Time, "การประชุมเริ่มเวลา ๐๙.๐๐ น. เป็นต้นไป", "๐๙.๐๐ น."},
    {UnitKind::Time, "อบรมระหว่างเวลา ๙.๓๐ – ๑๒.๐๐ น. ที่ห้องสมุด", "๙.๓๐ – ๑๒.๐๐ น."},
    {UnitKind::Time, "ลงทะเบียนเวลา 13.30 น. ทุกวัน", "13.30 น."},
    {UnitKind::LegalClause, "ทั้งนี้ตามมาตรา ๓๓ แห่งพระราชบัญญัติดังกล่าว", "มาตรา ๓๓"},
    {UnitKind::LegalClause, "ให้ถือปฏิบัติตามข้อ ๕ ของระเบียบนี้โดยเคร่งครัด", "ข้อ ๕"},
    {UnitKind::LegalClause, "ตามอนุมาตรา (๓) ให้ยื่นคำขอ", "อนุมาตรา (๓)"},
    {UnitKind::LegalClause, "บทบัญญัติในวรรค ๒ ไม่ใช้บังคับ", "วรรค ๒"},
    {UnitKind::Amount, "โดยใช้งบประมาณทั้งสิ้น ๑๒,๐๐๐ บาท จากเงินบำรุง", "๑๒,๐๐๐ บาท"},
    {UnitKind::Amount, "ขอยืมครุภัณฑ์จำนวน ๕ ชุด เพื่อใช้ในงาน", "๕ ชุด"},
    {UnitKind::Amount, "ได้ส่งเอกสารมาด้วยแล้ว ๓ เล่ม กรุณาตรวจรับ", "๓ เล่ม"},
    {UnitKind::Amount, "มีผู้เข้าร่วมประชุม ๑๐ คน จากทุกกลุ่มงาน", "๑๐ คน"},
    {UnitKind::Amount, "วงเงินงบประมาณ 1,250,000 บาท ตามที่ได้รับจัดสรร", "1,250,000 บาท"},
    {UnitKind::Phone, "หากมีข้อสงสัยโปรดติดต่อ ๐ ๒๒๘๘ ๕๕๕๕ ในเวลาราชการ", "๐ ๒๒๘๘ ๕๕๕๕"},
};

const KeepUnits& units() {
  static const KeepUnits instance;
  return instance;
}

TEST(KeepUnits, FindsEachKindInRunningText) {
  for (const UnitCase& c : kCases) {
    const std::size_t at = c.sentence.find(c.unit);
    ASSERT_NE(at, std::string::npos) << c.unit;
    const std::vector<UnitSpan> found = units().occurrences(c.sentence);
    bool hit = false;
    for (const UnitSpan& u : found) {
      if (u.begin == at && u.end == at + c.unit.size()) {
        hit = true;
        EXPECT_EQ(unit_kind_name(u.kind), unit_kind_name(c.kind)) << c.unit;
      }
    }
    EXPECT_TRUE(hit) << unit_kind_name(c.kind) << " not found: " << c.unit << " in " << c.sentence;
  }
}

// Every opportunity the breaker reports inside a unit is marked with that unit, and without
// the marks the line breaker would have had somewhere to split it.
TEST(KeepUnits, WordBreakerMarksEveryOpportunityInsideAUnit) {
  static const WordBreaker breaker;
  for (const UnitCase& c : kCases) {
    const std::size_t begin = c.sentence.find(c.unit), end = begin + c.unit.size();
    std::size_t inside = 0;
    for (const BreakOpportunity& o : breaker.opportunities(c.sentence)) {
      if (o.offset > begin && o.offset < end) {
        ++inside;
        EXPECT_TRUE(o.inside_unit()) << c.unit << " at byte " << o.offset;
        EXPECT_EQ(o.unit_begin, begin) << c.unit;
        EXPECT_EQ(o.unit_end, end) << c.unit;
      } else {
        EXPECT_FALSE(o.inside_unit()) << c.sentence << " at byte " << o.offset;
      }
    }
    EXPECT_GT(inside, 0u) << "no break to keep out of " << c.unit;
  }
}

TEST(KeepUnits, OverlappingUnitsMergeIntoOne) {
  // พ.ศ. ๒๕๖๙ (an era year) lies inside the date: one unit, the date.
  const std::string s = "ลงวันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๙ แล้ว";
  const std::vector<UnitSpan> found = units().occurrences(s);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(s.substr(found[0].begin, found[0].end - found[0].begin), "๑ ตุลาคม พ.ศ. ๒๕๖๙");
  EXPECT_EQ(found[0].kind, UnitKind::Date);
}

TEST(KeepUnits, WordsThatOnlyLookLikeUnitsAreNotUnits) {
  for (const std::string s : {
           "นายกรัฐมนตรี ได้สั่งการแล้ว",             // a title's letters starting another word
           "นายทะเบียน ตรวจสอบแล้ว",                  //
           "ข้อมูลทั้งหมด ๕ รายการ",                   // ข้อ starting ข้อมูล; the amount is a unit
           "มีคน ๑๐ กลุ่ม",                            // consonants and a number: no slash, no reference
           "ปี ๒๕๖๙ เป็นปีแห่งการเปลี่ยนแปลง",           // a bare year
       }) {
    for (const UnitSpan& u : units().occurrences(s)) {
      const std::string text = s.substr(u.begin, u.end - u.begin);
      EXPECT_TRUE(u.kind == UnitKind::Amount && text == "๕ รายการ")
          << unit_kind_name(u.kind) << " \"" << text << "\" in " << s;
    }
  }
}

TEST(KeepUnits, EmptyAndUnitlessTextHaveNone) {
  EXPECT_TRUE(units().occurrences("").empty());
  EXPECT_TRUE(units().occurrences("ขอแสดงความนับถือ").empty());
}

}  // namespace
}  // namespace saraban::text
