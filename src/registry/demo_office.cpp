#include "registry/demo_office.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "base/error.h"
#include "registry/calendar.h"
#include "registry/user_name.h"
#include "text/thai_numbers.h"

namespace saraban::registry {
namespace {

// splitmix64, and integer arithmetic for every choice: std:: distributions give different
// numbers from different standard libraries, and the same seed must give the same register.
class Random {
 public:
  explicit Random(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // [0, n); the modulo's bias is below 2^-40 for the n used here.
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool chance(int per, int of) { return below(of) < per; }
  // An index drawn by integer weights.
  int weighted(const std::vector<int>& weights) {
    int total = 0;
    for (int w : weights) total += w;
    int x = below(total);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return static_cast<int>(i);
      x -= weights[i];
    }
    return static_cast<int>(weights.size()) - 1;
  }

 private:
  std::uint64_t s_;
};

std::string thai(std::int64_t n) { return text::convert_digits(std::to_string(n), text::DigitStyle::Thai); }

// ------------------------------------------------------------------ the office's people

constexpr int kNoGroup = -1;
const char* const kGroups[] = {"กลุ่มนโยบายและแผน", "กลุ่มบริหารงานบุคคล"};
const char* const kGroupPhones[] = {"๐ ๕๓๓๔ ๑๐๗๕ ต่อ ๑๑๒", "๐ ๕๓๓๔ ๑๐๗๕ ต่อ ๑๒๔"};

struct Person {
  const char* name;
  Role role;
  Secrecy clearance;
  int group;              // directors and officers: the group they work in
  int pace;               // mean working days to act on a letter, in tenths
  const char* full_name;  // signers: the name under the signature
  const char* position;
};

// The sample register's four (somsri, wichai, napa, prasert) keep their roles and clearances.
// The second clerk keeps the secret register; the director's office signs what the deputy
// (prasert) may not, ลับที่สุด included.
const std::vector<Person>& people() {
  static const std::vector<Person> p = {{"somsri", Role::Clerk, Secrecy::Confidential, kNoGroup, 3, "", ""},
                                        {"kanya", Role::Clerk, Secrecy::TopSecret, kNoGroup, 5, "", ""},
                                        {"wichai", Role::Director, Secrecy::Confidential, 0, 5, "", ""},
                                        {"suchart", Role::Director, Secrecy::TopSecret, 1, 9, "", ""},
                                        {"prasert", Role::Signer, Secrecy::Secret, kNoGroup, 8, "นายประเสริฐ วงศ์สวัสดิ์",
                                         "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต ๕"},
                                        {"manee", Role::Signer, Secrecy::TopSecret, kNoGroup, 13, "นางมณี ศรีสุวรรณ",
                                         "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต ๕"},
                                        {"napa", Role::Officer, Secrecy::None, 0, 20, "", ""},
                                        {"somchai", Role::Officer, Secrecy::Confidential, 0, 35, "", ""},
                                        {"pranee", Role::Officer, Secrecy::None, 0, 60, "", ""},
                                        {"anan", Role::Officer, Secrecy::None, 0, 110, "", ""},
                                        {"kittiya", Role::Officer, Secrecy::Confidential, 1, 25, "", ""},
                                        {"wanna", Role::Officer, Secrecy::None, 1, 45, "", ""},
                                        {"sunisa", Role::Officer, Secrecy::TopSecret, 1, 30, "", ""}};
  return p;
}

int person_index(const char* name) {
  const auto& p = people();
  for (std::size_t i = 0; i < p.size(); ++i)
    if (std::string_view(p[i].name) == name) return static_cast<int>(i);
  throw Error(ErrorCode::Internal, "no such demo user", name);
}

// ------------------------------------------------------------------ who writes to the office

enum class SenderKind { Obec, Agency, District, School, Local };

struct Sender {
  std::string name;
  std::string addressee;  // whom a reply is addressed to
  std::string ref_prefix;
  SenderKind kind;
  int circular_permille;  // share of its letters that are circulars (ว)
};

// สพฐ.'s bureaus each number their own letters.
const char* const kObecBureaus[] = {"ศธ ๐๔๐๐๒", "ศธ ๐๔๐๐๔", "ศธ ๐๔๐๐๖", "ศธ ๐๔๐๐๘", "ศธ ๐๔๐๐๙", "ศธ ๐๔๐๑๐"};

const char* const kVillages[] = {
    "สบเตี๊ยะ",   "ข่วงเปา",  "ดอยแก้ว",   "หลวง",   "แม่สอย",    "แปะ",     "ท่าศาลา",   "แม่ตูบ",   "สบโขง",     "ยางเปียง",
    "นาเกียน",   "ม่อนจอง",  "แม่ตื่น",     "อมก๋อย",  "ท่าเดื่อ",    "มืดกา",    "บงตัน",     "โปงทุ่ง",  "ดอยเต่า",    "ห้วยไม้หก",
    "ท่าข้าม",    "หางดง",   "บ่อหลวง",   "บ่อสลี",   "นาคอเรือ",  "ห้วยทราย", "แม่ลาย",    "ตีนตก",   "นาฮ่อม",     "วังลุง",
    "ทุ่งปูเลย",   "หนองบัว",  "สันทราย",   "ป่าแป๋",   "ห้วยน้ำขาว", "สบลอง",   "โบสถ์",     "ทุ่งยาว",  "ขุนแตะ",     "ผาแดง",
    "แม่แอบ",    "ท่าเกวียน", "ศรีดงเย็น",  "ดอยน้อย", "สันกลาง",   "หนองอุ้ม",  "แม่แจ๋ม",    "ป่าตึง",   "ห้วยบง",     "ตาล",
    "ห้วยส้ม",    "ป่ากล้วย",  "แม่ปอน",    "ทุ่งโป่ง",  "กองแขก",   "แม่นาจร",  "ยางครก",   "สามหมื่น", "ห้วยหอย",    "ป่าฮี้",
    "แม่หอย",    "นาฟ่อน",   "กิ่วลม",     "ต้นผึ้ง",   "หนองห้า",   "บ่อแก้ว",   "ปางหินฝน",  "แม่มะลอ", "ห้วยหินดำ",   "อูตม",
    "แม่ตาละ",   "แม่เตี๋ยะ",  "ห้วยโค้ง",   "ยั้งเมิน",  "แม่กองคา",  "ขุนยะ",    "ห้วยตองก๊อ", "ดงดำ",   "แม่ฮ่องกลาง", "สันหนอง",
    "ห้วยม่วง",   "แม่ขนาด",  "วังขามป้อม", "สองแคว", "ท่าไม้",     "ห้วยแก้ว",  "ทุ่งแป้น",    "แม่หลอง", "ผาปูจอม",    "แม่ก๋อน",
    "ตาดสวรรค์", "นาบัว",    "แม่ออน",    "หนองคัน", "ห้วยผักหละ"};

const char* const kTambons[] = {"บ้านหลวง", "ข่วงเปา", "สบเตี๊ยะ",  "บ้านแปะ",  "ดอยแก้ว", "แม่สอย", "ฮอด",
                                "บ้านตาล",  "บ่อหลวง", "บ่อสลี",    "นาคอเรือ", "หางดง",  "ท่าเดื่อ", "มืดกา",
                                "บงตัน",    "โปงทุ่ง",  "ยางเปียง", "แม่ตื่น",    "ม่อนจอง", "สบโขง"};

// About 150 senders in order of how often they write (a Zipf-like weight by rank): สพฐ. and
// the province's offices first, the schools of the area after, so a top 20 means something.
std::vector<Sender> make_senders() {
  std::vector<Sender> s = {
      {"สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", "เลขาธิการคณะกรรมการการศึกษาขั้นพื้นฐาน", "", SenderKind::Obec, 800},
      {"สำนักงานศึกษาธิการจังหวัดเชียงใหม่", "ศึกษาธิการจังหวัดเชียงใหม่", "ศธ ๐๒๙๓", SenderKind::Agency, 600},
      {"จังหวัดเชียงใหม่", "ผู้ว่าราชการจังหวัดเชียงใหม่", "ชม ๐๐๑๗.๒", SenderKind::Agency, 500},
      {"สำนักงานปลัดกระทรวงศึกษาธิการ", "ปลัดกระทรวงศึกษาธิการ", "ศธ ๐๒๐๑", SenderKind::Agency, 700},
      {"สำนักงานคณะกรรมการข้าราชการครูและบุคลากรทางการศึกษา", "เลขาธิการคณะกรรมการข้าราชการครูและบุคลากรทางการศึกษา", "ศธ ๐๒๐๖",
       SenderKind::Agency, 700},
      {"โรงเรียนอนุบาลจอมทอง", "ผู้อำนวยการโรงเรียนอนุบาลจอมทอง", "ศธ ๐๔๑๗๕.๑๐๑", SenderKind::School, 0},
      {"ที่ว่าการอำเภอจอมทอง", "นายอำเภอจอมทอง", "ชม ๐๓๑๘", SenderKind::District, 400},
      {"สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาเชียงใหม่", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาเชียงใหม่", "ศธ ๐๔๒๙๗",
       SenderKind::Agency, 300},
      {"ที่ว่าการอำเภอฮอด", "นายอำเภอฮอด", "ชม ๐๕๑๘", SenderKind::District, 400},
      {"สำนักงานคลังจังหวัดเชียงใหม่", "คลังจังหวัดเชียงใหม่", "กค ๐๔๒๒.๒๐", SenderKind::Agency, 500},
      {"โรงเรียนอนุบาลฮอด", "ผู้อำนวยการโรงเรียนอนุบาลฮอด", "ศธ ๐๔๑๗๕.๑๐๒", SenderKind::School, 0},
      {"ที่ว่าการอำเภอดอยเต่า", "นายอำเภอดอยเต่า", "ชม ๐๖๑๘", SenderKind::District, 400},
      {"ที่ว่าการอำเภออมก๋อย", "นายอำเภออมก๋อย", "ชม ๐๗๑๘", SenderKind::District, 400},
      {"สำนักงานสาธารณสุขจังหวัดเชียงใหม่", "นายแพทย์สาธารณสุขจังหวัดเชียงใหม่", "ชม ๐๐๓๓.๐๐๕", SenderKind::Agency, 400},
      {"สำนักงานตรวจเงินแผ่นดินจังหวัดเชียงใหม่", "ผู้อำนวยการสำนักงานตรวจเงินแผ่นดินจังหวัดเชียงใหม่", "ตผ ๐๐๒๘", SenderKind::Agency,
       200},
      {"สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต ๑", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต ๑", "ศธ ๐๔๑๗๑",
       SenderKind::Agency, 300},
      {"องค์การบริหารส่วนจังหวัดเชียงใหม่", "นายกองค์การบริหารส่วนจังหวัดเชียงใหม่", "ชม ๕๑๐๐๑", SenderKind::Local, 300},
      {"มหาวิทยาลัยราชภัฏเชียงใหม่", "อธิการบดีมหาวิทยาลัยราชภัฏเชียงใหม่", "อว ๐๖๑๖", SenderKind::Agency, 200},
      {"โรงเรียนอนุบาลดอยเต่า", "ผู้อำนวยการโรงเรียนอนุบาลดอยเต่า", "ศธ ๐๔๑๗๕.๑๐๓", SenderKind::School, 0},
      {"สถานีตำรวจภูธรจอมทอง", "ผู้กำกับการสถานีตำรวจภูธรจอมทอง", "ตช ๐๐๑๘(ชม).๑๒", SenderKind::Agency, 100},
      {"มหาวิทยาลัยเชียงใหม่", "อธิการบดีมหาวิทยาลัยเชียงใหม่", "อว ๘๓๙๓", SenderKind::Agency, 200},
      {"สำนักงานส่งเสริมการเรียนรู้ประจำจังหวัดเชียงใหม่", "ผู้อำนวยการสำนักงานส่งเสริมการเรียนรู้ประจำจังหวัดเชียงใหม่", "ศธ ๐๗๑๓๗",
       SenderKind::Agency, 300},
      {"โรงเรียนอนุบาลอมก๋อย", "ผู้อำนวยการโรงเรียนอนุบาลอมก๋อย", "ศธ ๐๔๑๗๕.๑๐๔", SenderKind::School, 0},
      {"สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต ๖", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต ๖", "ศธ ๐๔๑๗๖",
       SenderKind::Agency, 300},
      {"สำนักงานพระพุทธศาสนาจังหวัดเชียงใหม่", "ผู้อำนวยการสำนักงานพระพุทธศาสนาจังหวัดเชียงใหม่", "พศ ๐๐๐๙.๒", SenderKind::Agency,
       300},
      {"สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงใหม่", "พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงใหม่", "ชม ๐๐๒๓",
       SenderKind::Agency, 300},
      {"ที่ว่าการอำเภอสันป่าตอง", "นายอำเภอสันป่าตอง", "ชม ๐๘๑๘", SenderKind::District, 400},
      {"สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดเชียงใหม่", "ผู้อำนวยการสำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดเชียงใหม่",
       "ลต (ชม) ๐๐๐๑", SenderKind::Agency, 300},
      {"ที่ว่าการอำเภอแม่วาง", "นายอำเภอแม่วาง", "ชม ๐๙๑๘", SenderKind::District, 400},
      {"ที่ว่าการอำเภอดอยหล่อ", "นายอำเภอดอยหล่อ", "ชม ๑๐๑๘", SenderKind::District, 400},
      {"เทศบาลตำบลจอมทอง", "นายกเทศมนตรีตำบลจอมทอง", "ชม ๕๒๑๐๑", SenderKind::Local, 100},
      {"เทศบาลตำบลฮอด", "นายกเทศมนตรีตำบลฮอด", "ชม ๕๒๑๐๒", SenderKind::Local, 100},
      {"เทศบาลตำบลดอยเต่า", "นายกเทศมนตรีตำบลดอยเต่า", "ชม ๕๒๑๐๓", SenderKind::Local, 100},
      {"เทศบาลตำบลอมก๋อย", "นายกเทศมนตรีตำบลอมก๋อย", "ชม ๕๒๑๐๔", SenderKind::Local, 100},
      {"เทศบาลตำบลบ้านแปะ", "นายกเทศมนตรีตำบลบ้านแปะ", "ชม ๕๒๑๐๕", SenderKind::Local, 100}};
  // The area's schools, with a subdistrict administration every fifth place.
  std::size_t tambon = 0;
  int code = 110;
  for (std::size_t i = 0; i < std::size(kVillages); ++i) {
    const std::string v = kVillages[i];
    const std::string school = (i % 13 == 5 ? "โรงเรียนวัด" : i % 17 == 8 ? "โรงเรียนชุมชนบ้าน" : "โรงเรียนบ้าน") + v;
    s.push_back({school, "ผู้อำนวยการ" + school, "ศธ ๐๔๑๗๕." + thai(code++), SenderKind::School, 0});
    if (i % 5 == 4 && tambon < std::size(kTambons)) {
      const std::string t = kTambons[tambon];
      s.push_back({"องค์การบริหารส่วนตำบล" + t, "นายกองค์การบริหารส่วนตำบล" + t,
                   "ชม ๗" + thai(3601 + static_cast<std::int64_t>(tambon)), SenderKind::Local, 150});
      ++tambon;
    }
  }
  return s;
}

// ------------------------------------------------------------------ what they write about

struct Subject {
  const char* head;
  std::vector<const char*> rest;
};

// "{FY}" the fiscal year, "{AY}" the academic year, "{AY1}" the next one, "{n}" a small
// number, "{q}" the fiscal quarter, "{month}" the month's name (all in Thai digits).
const std::vector<Subject>& subjects() {
  static const std::vector<Subject> s = {
      {"ขอเชิญประชุม",
       {"ชี้แจงการจัดสรรงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. {FY}", "ผู้บริหารสถานศึกษา ครั้งที่ {n}/{Y}",
        "คณะทำงานขับเคลื่อนนโยบายการศึกษา", "เชิงปฏิบัติการจัดทำแผนพัฒนาการศึกษา", "คณะกรรมการติดตามและประเมินผล",
        "หัวหน้าส่วนราชการประจำเดือน{month}"}},
      {"ขอความอนุเคราะห์",
       {"ใช้สถานที่จัดกิจกรรม", "บุคลากรเป็นวิทยากร", "ยานพาหนะในการเดินทางไปราชการ", "ข้อมูลเพื่อประกอบการวิจัย", "ตรวจสุขภาพนักเรียน",
        "ประชาสัมพันธ์โครงการ"}},
      {"แจ้งการจัดสรรงบประมาณ",
       {"รายจ่ายประจำปีงบประมาณ พ.ศ. {FY} งวดที่ {n}", "ค่าจัดการเรียนการสอน", "ค่าอาหารกลางวันนักเรียน",
        "ค่าซ่อมแซมอาคารเรียนและสิ่งก่อสร้าง", "ค่าใช้จ่ายในการจัดการศึกษาตั้งแต่ระดับอนุบาลจนจบการศึกษาขั้นพื้นฐาน",
        "โครงการพัฒนาครูและบุคลากรทางการศึกษา"}},
      {"ขอส่งรายงาน",
       {"ผลการดำเนินงานโครงการอาหารกลางวัน", "การใช้จ่ายงบประมาณไตรมาสที่ {q}", "ผลการประเมินคุณภาพภายในสถานศึกษา",
        "ข้อมูลนักเรียนรายบุคคล ปีการศึกษา {AY}", "ผลการสอบธรรมศึกษา", "การเบิกจ่ายเงินอุดหนุน", "ผลการปฏิบัติงานประจำเดือน{month}"}},
      {"ขอความร่วมมือ",
       {"สำรวจข้อมูลบุคลากร", "ประชาสัมพันธ์การรับสมัครนักเรียน", "รณรงค์ป้องกันโรคไข้เลือดออก", "ป้องกันและแก้ไขปัญหายาเสพติดในสถานศึกษา",
        "ตอบแบบสอบถามความพึงพอใจ", "ลดการใช้พลังงานในหน่วยงานของรัฐ"}},
      {"ขออนุมัติ", {"เดินทางไปราชการ", "จัดซื้อวัสดุการศึกษา", "ใช้เงินรายได้สถานศึกษา", "จัดทัศนศึกษานอกสถานที่", "ยืมเงินทดรองราชการ"}},
      {"ขออนุญาต", {"นำนักเรียนไปทัศนศึกษา", "ใช้อาคารเรียนจัดกิจกรรมชุมชน", "ลาศึกษาต่อ", "รื้อถอนอาคารเรียนที่ชำรุด"}},
      {"แจ้งแนวทางการดำเนินงาน",
       {"โครงการโรงเรียนคุณภาพประจำตำบล", "การรับนักเรียน ปีการศึกษา {AY1}", "การประเมินผลการปฏิบัติงานข้าราชการครู",
        "การจัดการเรียนรู้ประวัติศาสตร์", "ระบบดูแลช่วยเหลือนักเรียน"}},
      {"ขอเชิญเข้าร่วมอบรม",
       {"เชิงปฏิบัติการการใช้ระบบสารบรรณอิเล็กทรอนิกส์", "หลักสูตรการพัฒนาครูด้านดิจิทัล", "การจัดการเรียนรู้เชิงรุก", "การปฐมพยาบาลเบื้องต้น"}},
      {"ส่งสำเนาคำสั่ง", {"แต่งตั้งคณะกรรมการดำเนินการสอบ", "มอบหมายหน้าที่ราชการ", "ย้ายข้าราชการครู", "แต่งตั้งคณะทำงาน"}},
      {"ขอทราบข้อมูล",
       {"จำนวนนักเรียนที่ขาดแคลนทุนทรัพย์", "ข้าราชการครูที่จะเกษียณอายุราชการ", "อาคารเรียนที่ต้องซ่อมแซม", "สถานศึกษาขนาดเล็ก"}},
      {"ขอเชิญเป็นเกียรติ", {"ในพิธีเปิดงานวันวิชาการ", "ในงานวันเด็กแห่งชาติ", "ในพิธีมอบวุฒิบัตร", "ในพิธีทอดผ้าป่าการศึกษา"}},
      {"ขอเชิญร่วมงาน", {"ประเพณียี่เป็ง", "วันท้องถิ่นไทย", "กีฬาต้านยาเสพติด", "ประเพณีสรงน้ำพระธาตุ"}},
      {"ขอรับการสนับสนุน", {"งบประมาณก่อสร้างรั้วโรงเรียน", "ครุภัณฑ์คอมพิวเตอร์", "อัตรากำลังครู", "ทุนการศึกษาสำหรับนักเรียนที่ขาดแคลน"}},
      {"ประชาสัมพันธ์", {"การรับสมัครสอบแข่งขัน", "การยื่นแบบแสดงรายการภาษี", "โครงการฝึกอบรมอาชีพ", "การเลือกตั้งสมาชิกสภาท้องถิ่น"}}};
  return s;
}

enum SubjectHead {
  kMeeting,
  kHelp,
  kBudget,
  kReport,
  kCooperation,
  kApproval,
  kPermission,
  kGuidance,
  kTraining,
  kOrderCopy,
  kInformation,
  kHonour,
  kEvent,
  kSupport,
  kPublicity
};

// How often each kind of sender writes about what (weights per head); budget letters crowd
// the months money moves (October to December for the new year, March for mid-year).
std::vector<int> head_weights(SenderKind kind, int month) {
  std::vector<int> w(subjects().size(), 0);
  const bool budget_month = month >= 10 || month == 3;
  switch (kind) {
    case SenderKind::Obec:
      w[kMeeting] = 15, w[kBudget] = budget_month ? 45 : 15, w[kCooperation] = 15, w[kGuidance] = 15;
      w[kTraining] = 8, w[kInformation] = 10, w[kOrderCopy] = 5;
      break;
    case SenderKind::Agency:
      w[kMeeting] = 20, w[kCooperation] = 20, w[kHelp] = 10, w[kBudget] = budget_month ? 15 : 5, w[kOrderCopy] = 5;
      w[kInformation] = 10, w[kTraining] = 8, w[kPublicity] = 8;
      break;
    case SenderKind::District:
      w[kMeeting] = 20, w[kCooperation] = 25, w[kEvent] = 15, w[kPublicity] = 15, w[kHelp] = 10;
      break;
    case SenderKind::School:
      w[kReport] = 30, w[kHelp] = 15, w[kPermission] = 15, w[kApproval] = 15, w[kSupport] = 10, w[kHonour] = 8;
      break;
    case SenderKind::Local:
      w[kHelp] = 20, w[kEvent] = 20, w[kMeeting] = 10, w[kPublicity] = 15, w[kCooperation] = 15, w[kHonour] = 10;
      break;
  }
  return w;
}

const char* const kMonths[] = {"มกราคม",  "กุมภาพันธ์", "มีนาคม",  "เมษายน", "พฤษภาคม",  "มิถุนายน",
                               "กรกฎาคม", "สิงหาคม",  "กันยายน", "ตุลาคม",  "พฤศจิกายน", "ธันวาคม"};

void replace_all(std::string& s, std::string_view what, const std::string& with) {
  for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + with.size()))
    s.replace(p, what.size(), with);
}

// The subject of a letter, drawn from its own seed so the reply can say it again.
std::string subject_of(std::uint64_t seed, SenderKind kind, Date received) {
  Random r(seed);
  const Subject& s = subjects()[static_cast<std::size_t>(r.weighted(head_weights(kind, received.month)))];
  std::string out = std::string(s.head) + s.rest[static_cast<std::size_t>(r.below(static_cast<int>(s.rest.size())))];
  const int be = received.year + text::kBuddhistEraOffset;
  const int fiscal = be + (received.month >= 10 ? 1 : 0);
  const int academic = be - (received.month < 5 ? 1 : 0);
  replace_all(out, "{FY}", thai(fiscal));
  replace_all(out, "{AY1}", thai(academic + 1));
  replace_all(out, "{AY}", thai(academic));
  replace_all(out, "{Y}", thai(be));
  replace_all(out, "{n}", thai(1 + r.below(4)));
  replace_all(out, "{q}", thai((received.month + 2) % 12 / 3 + 1));
  replace_all(out, "{month}", kMonths[received.month - 1]);
  return out;
}

// ------------------------------------------------------------------ the calendar

// Thailand's fixed public holidays (month, day); those that move with the moon are left out.
constexpr int kHolidays[][2] = {{1, 1},  {4, 6},  {4, 13},  {4, 14},  {4, 15}, {5, 1},   {5, 4},  {6, 3},
                                {7, 28}, {8, 12}, {10, 13}, {10, 23}, {12, 5}, {12, 10}, {12, 31}};

bool working_day(Date d) {
  const std::int64_t n = days_from_civil(d);
  const int weekday = static_cast<int>(((n % 7) + 7 + 3) % 7);  // 0 = Monday (1970-01-01 was a Thursday)
  if (weekday >= 5) return false;
  for (const auto& h : kHolidays)
    if (h[0] == d.month && h[1] == d.day) return false;
  return true;
}

int weekday_of(Date d) { return static_cast<int>(((days_from_civil(d) % 7) + 7 + 3) % 7); }

// The first day of a numbering year (Buddhist era) that starts in `start_month`.
Date year_opening(int year_be, int start_month) {
  return Date{year_be - text::kBuddhistEraOffset - (start_month > 1 ? 1 : 0), start_month, 1};
}

constexpr int kOpen = 8 * 3600 + 1800;    // 08:30
constexpr int kClose = 16 * 3600 + 1800;  // 16:30
constexpr int kOfficeMinutes = (kClose - kOpen) / 60;

// ------------------------------------------------------------------ the journey

enum class Action : std::uint8_t { Receive, Cancel, Assign, Close, Draft, Review, Sign, Dispatch, File };
constexpr int kPhases = 9;

// A day's work runs in phases (receiving first, filing last); a step may follow its letter's
// previous step the same day only in a later phase. A phase's work is one transaction per
// person: the register's write lock is taken a few dozen times a day, not once per step.
struct Event {
  int phase;
  int second;  // of the local day
  int letter;
  Action action;
};

constexpr std::int64_t kNoDue = std::numeric_limits<std::int64_t>::min();

struct Letter {
  std::uint64_t text_seed = 0;
  std::int64_t id = 0;
  std::int64_t due = kNoDue;  // days_from_civil of the deadline
  std::int64_t ref_number = 0;
  int day = 0;         // working-day index it was received on
  int dated_back = 0;  // calendar days from ลงวันที่ to receipt
  int sender = 0;
  int bureau = 0;
  Urgency urgency = Urgency::Normal;
  Secrecy secrecy = Secrecy::None;
  std::uint8_t clerk = 0, director = 0, officer = 0, signer = 0;
  std::uint8_t keep_years = 10;
  bool circular = false, cancel = false, close = false, file_after_close = false;
  bool will_return = false, returned = false, lingering = false, assign_due = false;
  Stage stage = Stage::Received;
};

// Entry ids are the second they were issued plus random bits from libsodium (entry_ids.h).
// For the same seed to give the same register, the demo draws those bits from its own seeded
// stream while it runs; the chain key was made or read before, with the system's randomness,
// and the system's generator is back when the demo ends.
class SeededEntryIds {
 public:
  explicit SeededEntryIds(std::uint64_t seed) {
    if (sodium_init() < 0) throw Error(ErrorCode::Internal, "libsodium cannot start (no random numbers)");
    system_internal_ = std::string_view(randombytes_implementation_name()) ==
                       randombytes_internal_implementation.implementation_name();
    stream() = Random(seed ^ 0x5A5A5A5A5A5A5A5Aull);
    randombytes_set_implementation(&implementation_);
  }
  ~SeededEntryIds() {
    randombytes_set_implementation(system_internal_ ? &randombytes_internal_implementation
                                                    : &randombytes_sysrandom_implementation);
  }
  SeededEntryIds(const SeededEntryIds&) = delete;
  SeededEntryIds& operator=(const SeededEntryIds&) = delete;

 private:
  static Random& stream() {
    static Random r(0);
    return r;
  }
  static std::uint32_t draw() { return static_cast<std::uint32_t>(stream().next() >> 32); }
  static const char* name() { return "saraban-demo-seeded"; }
  static void fill(void* const buf, const size_t size) {
    auto* p = static_cast<unsigned char*>(buf);
    for (size_t i = 0; i < size; ++i) p[i] = static_cast<unsigned char>(draw());
  }
  randombytes_implementation implementation_{&name, &draw, nullptr, nullptr, &fill, nullptr};
  bool system_internal_ = false;
};

class Simulation {
 public:
  Simulation(RegisterStore& store, Registry& registry, SimulatedEnvironment& clock, const DemoOptions& o)
      : store_(store), registry_(registry), clock_(clock), o_(o), random_(o.seed), senders_(make_senders()) {
    int start_month = 1;
    store_.read([&] { start_month = store_.year_start_month("receive"); });
    const Date first = year_opening(o.year, start_month);
    const Date next = year_opening(o.year + 1, start_month);
    for (Date d = first; days_from_civil(d) < days_from_civil(next); d = add_days(d, 1))
      if (working_day(d)) days_.push_back(d);
    buckets_.resize(days_.size());
    for (const auto& p : people()) users_.push_back(registry_.acting_user(p.name));
    office_ = registry_.office();
    plan_days();
    for (std::size_t i = 0; i < senders_.size(); ++i) sender_weights_.push_back(1000000 / static_cast<int>(i + 4));
    ref_counters_.resize(senders_.size() * 2);
    for (std::size_t i = 0; i < ref_counters_.size(); ++i) {
      const bool school = senders_[i / 2].kind == SenderKind::School;
      ref_counters_[i] = school ? 1 + random_.below(40) : 50 + random_.below(i % 2 ? 3000 : 900);
    }
  }

  DemoSummary run() {
    letters_.reserve(static_cast<std::size_t>(o_.letters));
    for (std::size_t d = 0; d < days_.size(); ++d) {
      plan_receipts(d);
      for (int phase = 0; phase < kPhases; ++phase) run_phase(d, phase);
      buckets_[d] = {};
    }
    const std::int64_t last = days_from_civil(days_.back());
    for (const Letter& l : letters_) {
      const bool done = l.stage == Stage::Cancelled || l.stage == Stage::Closed || l.stage == Stage::Filed ||
                        l.stage == Stage::Dispatched;
      if (done) continue;
      ++summary_.open;
      if (l.due != kNoDue && l.due < last) ++summary_.overdue;
    }
    return summary_;
  }

 private:
  // How many letters each working day brings: busier in the budget months (August to
  // November, March), quiet in April (Songkran); Mondays bring the weekend's mail.
  void plan_days() {
    static const int month_weight[12] = {95, 100, 110, 55, 95, 100, 100, 110, 130, 115, 110, 85};
    static const int weekday_weight[5] = {115, 105, 100, 100, 85};
    std::vector<std::int64_t> cumulative;
    std::int64_t total = 0;
    for (const Date& d : days_) {
      total += month_weight[d.month - 1] * weekday_weight[weekday_of(d)] * (80 + random_.below(41));
      cumulative.push_back(total);
    }
    std::int64_t before = 0;
    for (std::int64_t c : cumulative) {
      const std::int64_t upto = o_.letters * c / total;
      per_day_.push_back(static_cast<int>(upto - before));
      before = upto;
    }
  }

  int receipt_second() {
    for (;;) {
      const int s = kOpen + random_.below(kClose - kOpen);
      if (s >= 12 * 3600 && s < 13 * 3600 && random_.chance(2, 3)) continue;  // lunch
      return s;
    }
  }

  void plan_receipts(std::size_t day) {
    std::vector<int> seconds;
    for (int i = 0; i < per_day_[day]; ++i) seconds.push_back(receipt_second());
    std::sort(seconds.begin(), seconds.end());
    for (int s : seconds) {
      const int index = static_cast<int>(letters_.size());
      letters_.push_back(make_letter(day));
      const Letter& l = letters_.back();
      buckets_[day].push_back({phase_of(Action::Receive, l), s, index, Action::Receive});
    }
  }

  std::uint8_t pick_officer(int group, Secrecy level) {
    static const std::map<std::string_view, int> weight = {
        {"napa", 35}, {"somchai", 25}, {"pranee", 25}, {"anan", 15}, {"kittiya", 40}, {"wanna", 35}, {"sunisa", 25}};
    std::vector<int> index, w;
    const auto& p = people();
    for (std::size_t i = 0; i < p.size(); ++i)
      if (p[i].role == Role::Officer && p[i].group == group && p[i].clearance >= level) {
        index.push_back(static_cast<int>(i));
        w.push_back(weight.at(p[i].name));
      }
    return static_cast<std::uint8_t>(index[static_cast<std::size_t>(random_.weighted(w))]);
  }

  Letter make_letter(std::size_t day) {
    Letter l;
    l.day = static_cast<int>(day);
    l.text_seed = random_.next();
    l.sender = random_.weighted(sender_weights_);
    const Sender& s = senders_[static_cast<std::size_t>(l.sender)];
    l.circular = random_.below(1000) < s.circular_permille;
    l.bureau = random_.below(static_cast<int>(std::size(kObecBureaus)));
    std::int64_t& counter = ref_counters_[static_cast<std::size_t>(l.sender) * 2 + (l.circular ? 1 : 0)];
    counter += 1 + random_.below(s.kind == SenderKind::School ? 3 : s.kind == SenderKind::Local ? 8 : 30);
    l.ref_number = counter;
    l.dated_back = s.kind == SenderKind::School ? 1 + random_.below(3) : 2 + random_.below(8);
    const int u = random_.below(1000);
    l.urgency = u < 700   ? Urgency::Normal
                : u < 880 ? Urgency::Urgent
                : u < 970 ? Urgency::VeryUrgent
                          : Urgency::MostUrgent;
    const int x = random_.below(100000);
    l.secrecy = x < 300    ? Secrecy::TopSecret
                : x < 1300 ? Secrecy::Secret
                : x < 4300 ? Secrecy::Confidential
                           : Secrecy::None;
    // The secret register has its own clerk, so each register's numbers follow the clock.
    l.clerk = static_cast<std::uint8_t>(person_index(l.secrecy == Secrecy::None ? "somsri" : "kanya"));
    const bool first_group = l.secrecy <= Secrecy::Confidential && random_.chance(55, 100);
    l.director = static_cast<std::uint8_t>(person_index(first_group ? "wichai" : "suchart"));
    l.officer = pick_officer(first_group ? 0 : 1, l.secrecy);
    l.signer = static_cast<std::uint8_t>(
        person_index(l.secrecy == Secrecy::TopSecret || random_.chance(30, 100) ? "manee" : "prasert"));
    // One letter in every 200 is registered twice by mistake and cancelled: 0.5%, and at
    // least one in a small demo.
    const int index = static_cast<int>(letters_.size());
    if (index % 200 == 0) cancel_at_ = index + random_.below(200);
    l.cancel = index == cancel_at_;
    l.close = random_.chance(25, 100);
    l.file_after_close = random_.chance(60, 100);
    l.will_return = random_.chance(15, 100);
    l.lingering = random_.chance(3, 100);
    l.assign_due = random_.chance(85, 100);
    const int k = random_.below(100);
    l.keep_years = static_cast<std::uint8_t>(k < 75 ? 10 : k < 87 ? 5 : k < 95 ? 1 : 20);
    return l;
  }

  static int phase_of(Action a, const Letter& l) {
    // A secret reply goes out with the secret-register clerk's receiving, so that register's
    // numbers, receive and send alike, are issued in the order of their times.
    if (a == Action::Dispatch && l.secrecy != Secrecy::None) return static_cast<int>(Action::Receive);
    return static_cast<int>(a);
  }

  const User& actor_of(const Event& e) const {
    const Letter& l = letters_[static_cast<std::size_t>(e.letter)];
    switch (e.action) {
      case Action::Receive:
      case Action::Cancel:
      case Action::Dispatch:
      case Action::File:
        return users_[l.clerk];
      case Action::Assign:
      case Action::Close:
      case Action::Review:
        return users_[l.director];
      case Action::Draft:
        return users_[l.officer];
      case Action::Sign:
        return users_[l.signer];
    }
    return users_[l.clerk];
  }

  // Office minutes until a step is taken: about `pace` tenths of a working day, a long tail
  // for the slow, sooner the more urgent the letter.
  int lag_minutes(int pace, const Letter& l) {
    static const int urgency_percent[] = {100, 50, 35, 20};
    pace = std::max(1, pace * urgency_percent[static_cast<int>(l.urgency)] / 100);
    if (pace < 10) return 1 + random_.below(pace * kOfficeMinutes / 5);  // within the day: mean pace/10 of it
    int days = 0;
    while (days < 250 && !random_.chance(10, pace + 5)) ++days;  // geometric: mean (pace - 5) / 10 days
    return days * kOfficeMinutes + random_.below(kOfficeMinutes);
  }

  // Schedules `action` `minutes` of office time after (day, second); beyond the year's last
  // working day it is not taken: the letter is still open when the year ends.
  void schedule(std::size_t day, int second, int phase, Action action, int letter, int minutes) {
    const Letter& l = letters_[static_cast<std::size_t>(letter)];
    const int next_phase = phase_of(action, l);
    std::int64_t at = (second - kOpen) / 60 + static_cast<std::int64_t>(minutes);
    std::size_t d = day + static_cast<std::size_t>(at / kOfficeMinutes);
    int s = kOpen + static_cast<int>(at % kOfficeMinutes) * 60 + random_.below(60);
    if (d == day && (next_phase <= phase || s <= second)) {
      ++d;
      s = kOpen + random_.below(90 * 60);
    }
    if (d >= days_.size()) return;
    buckets_[d].push_back({next_phase, s, letter, action});
  }

  void run_phase(std::size_t day, int phase) {
    std::vector<Event> events;
    for (const Event& e : buckets_[day])
      if (e.phase == phase) events.push_back(e);
    std::sort(events.begin(), events.end(), [&](const Event& a, const Event& b) {
      const std::int64_t ua = actor_of(a).id, ub = actor_of(b).id;
      if (ua != ub) return ua < ub;
      if (a.second != b.second) return a.second < b.second;
      return a.letter < b.letter;
    });
    const std::int64_t midnight = local_midnight(days_[day]);
    for (std::size_t i = 0; i < events.size();) {
      const User& actor = actor_of(events[i]);
      std::size_t j = i;
      while (j < events.size() && actor_of(events[j]).id == actor.id) ++j;
      clock_.set_now(midnight + events[i].second);
      store_.write(actor.id, [&] {
        for (std::size_t k = i; k < j; ++k) {
          clock_.set_now(midnight + events[k].second);
          act(day, events[k], actor);
        }
      });
      i = j;
    }
  }

  Date received_on(const Letter& l) const { return days_[static_cast<std::size_t>(l.day)]; }

  std::string ref_of(const Letter& l) const {
    const Sender& s = senders_[static_cast<std::size_t>(l.sender)];
    const std::string prefix =
        s.kind == SenderKind::Obec ? kObecBureaus[static_cast<std::size_t>(l.bureau)] : s.ref_prefix;
    return prefix + (l.circular ? "/ว " : "/") + thai(l.ref_number);
  }

  std::string subject(const Letter& l) const {
    return subject_of(l.text_seed, senders_[static_cast<std::size_t>(l.sender)].kind, received_on(l));
  }

  ReceiveRequest request(const Letter& l) const {
    ReceiveRequest r;
    r.sender = senders_[static_cast<std::size_t>(l.sender)].name;
    r.subject = subject(l);
    r.ref = ref_of(l);
    r.recipient = "ผู้อำนวยการ" + office_.name;
    r.dated = iso(add_days(received_on(l), -l.dated_back));
    r.urgency = l.urgency;
    r.secrecy = l.secrecy;
    return r;
  }

  // The reply, after samples/letters/memo.json, with the letter's own subject.
  std::string reply(const Letter& l, Date today, int version) const {
    const Sender& s = senders_[static_cast<std::size_t>(l.sender)];
    const Person& signer = people()[l.signer];
    const int group = people()[l.director].group;
    const std::string done = version == 1 ? "ได้ดำเนินการตามที่แจ้งเรียบร้อยแล้ว รายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย"
                                          : "ได้ตรวจสอบข้อมูลและดำเนินการตามที่แจ้งเรียบร้อยแล้ว "
                                            "โดยได้ปรับปรุงรายละเอียดให้ถูกต้องครบถ้วน รายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย";
    nlohmann::json j = {
        {"kind", "memo"},
        {"ref", office_.prefix.empty() ? std::string(kDemoOfficePrefix) : office_.prefix},
        {"office", {{"name", office_.name}}},
        {"date", iso(today)},
        {"subject", subject(l)},
        {"to", s.addressee},
        {"body", nlohmann::json::array(
                     {"ตามหนังสือ" + s.name + " ที่ " + ref_of(l) + " ลงวันที่ " +
                          text::thai_date_full(add_days(received_on(l), -l.dated_back), text::DigitStyle::Thai) +
                          " เรื่อง " + subject(l) + " ความละเอียดแจ้งแล้ว นั้น",
                      office_.name + " " + done, "จึงเรียนมาเพื่อโปรดทราบ"})},
        {"signer", {{"name", signer.full_name}, {"position", nlohmann::json::array({signer.position})}}},
        {"contact", {{"unit", kGroups[group]}, {"phone", kGroupPhones[group]}}}};
    if (l.urgency != Urgency::Normal) j["urgency"] = urgency_name(l.urgency);
    if (l.secrecy != Secrecy::None) j["secrecy"] = secrecy_name(l.secrecy);
    return j.dump();
  }

  // The deadline the director writes: the urgency's own (set at receipt) for urgent letters,
  // two weeks to a month for the others.
  std::optional<std::string> deadline(Letter& l) {
    const Date received = received_on(l);
    if (l.urgency != Urgency::Normal) {
      l.due = days_from_civil(received) + store_.urgency_due_days(l.urgency);
      return std::nullopt;
    }
    if (!l.assign_due) return std::nullopt;
    static const int weeks[] = {14, 15, 21, 30};
    const Date due = add_days(received, weeks[random_.below(4)]);
    l.due = days_from_civil(due);
    return iso(due);
  }

  void act(std::size_t day, const Event& e, const User& user) {
    Letter& l = letters_[static_cast<std::size_t>(e.letter)];
    const Person& clerk = people()[l.clerk];
    const Person& director = people()[l.director];
    const Person& officer = people()[l.officer];
    const Person& signer = people()[l.signer];
    auto next = [&](Action a, int pace) {
      const int minutes = lag_minutes(pace, l);
      schedule(day, e.second, e.phase, a, e.letter, minutes);
    };
    switch (e.action) {
      case Action::Receive:
        l.id = registry_.receive(user, request(l)).id;
        ++summary_.received;
        if (l.secrecy != Secrecy::None) ++summary_.secret;
        if (o_.progress) o_.progress(summary_.received, o_.letters);
        if (l.cancel)
          next(Action::Cancel, 2);
        else
          next(Action::Assign, director.pace);
        break;
      case Action::Cancel:
        registry_.cancel(user, l.id, "ลงทะเบียนซ้ำกับหนังสือฉบับเดียวกันที่รับไว้แล้ว");
        l.stage = Stage::Cancelled;
        ++summary_.cancelled;
        break;
      case Action::Assign:
        if (l.close) {
          registry_.assign(user, l.id, officer.name, std::nullopt, "เพื่อทราบ");
          next(Action::Close, 10);
        } else {
          registry_.assign(user, l.id, officer.name, deadline(l), "ดำเนินการ");
          next(Action::Draft, officer.pace * (l.lingering ? 4 : 1));
        }
        l.stage = Stage::Assigned;
        break;
      case Action::Close:
        registry_.close(user, l.id, "ทราบ ยุติเรื่อง");
        l.stage = Stage::Closed;
        ++summary_.closed;
        if (l.file_after_close) next(Action::File, 20);
        break;
      case Action::Draft:
        registry_.draft(user, l.id, reply(l, days_[day], l.returned ? 2 : 1));
        l.stage = Stage::Drafted;
        next(Action::Review, director.pace + 3);
        break;
      case Action::Review:
        if (l.will_return && !l.returned) {
          registry_.review(user, l.id, false, "แก้ไขข้อความในย่อหน้าที่สองให้ครบถ้วน และตรวจสอบข้อมูลอีกครั้ง");
          l.returned = true;
          l.stage = Stage::Returned;
          ++summary_.returned;
          next(Action::Draft, officer.pace / 2 + 5);
        } else {
          registry_.review(user, l.id, true, "ถูกต้อง เสนอลงนาม");
          l.stage = Stage::Approved;
          next(Action::Sign, signer.pace);
        }
        break;
      case Action::Sign:
        registry_.sign(user, l.id, "");
        l.stage = Stage::Signed;
        next(Action::Dispatch, clerk.pace);
        break;
      case Action::Dispatch: {
        const char* via = l.secrecy != Secrecy::None ? "ส่งด้วยตนเอง (ซองปิดผนึก ๒ ชั้น)"
                          : random_.chance(80, 100) ? "ระบบสารบรรณอิเล็กทรอนิกส์"
                                                    : "ไปรษณีย์ลงทะเบียน";
        registry_.dispatch(user, l.id, via);
        l.stage = Stage::Dispatched;
        ++summary_.sent;
        if (l.due != kNoDue && days_from_civil(days_[day]) > l.due) ++summary_.overdue;
        next(Action::File, 15);
        break;
      }
      case Action::File:
        registry_.file(user, l.id, l.keep_years);
        l.stage = Stage::Filed;
        ++summary_.filed;
        break;
    }
  }

  RegisterStore& store_;
  Registry& registry_;
  SimulatedEnvironment& clock_;
  const DemoOptions& o_;
  Random random_;
  std::vector<Sender> senders_;
  std::vector<int> sender_weights_;
  std::vector<std::int64_t> ref_counters_;  // per sender: letters, circulars
  std::vector<Date> days_;
  std::vector<int> per_day_;
  std::vector<std::vector<Event>> buckets_;
  std::vector<Letter> letters_;
  std::vector<User> users_;  // parallel to people()
  int cancel_at_ = -1;
  Office office_;
  DemoSummary summary_;
};

}  // namespace

void check_demo_options(const DemoOptions& o) {
  if (o.letters < 1 || o.letters > 1000000)
    throw Error(ErrorCode::InvalidInput, "the number of letters must be a whole number 1..1,000,000", "--letters");
  if (o.year < 2500 || o.year > 2700)
    throw Error(ErrorCode::InvalidInput, "the year must be a Buddhist-era year 2500..2700", "--year");
}

void check_demo_register(RegisterStore& store, const DemoOptions& o) {
  store.read([&] {
    EntryFilter f;
    f.year = o.year;
    if (const std::int64_t n = store.count(f, Secrecy::TopSecret); n > 0)
      throw Error(ErrorCode::InvalidInput,
                  "the register already has " + std::to_string(n) + " entries numbered in " + std::to_string(o.year) +
                      "; the demo fills only a year without any (nothing was written)",
                  "--year");
    std::vector<std::string> names = store.user_names();
    for (const Person& p : people()) {
      if (auto u = store.user_by_name(p.name)) {
        if (u->role != p.role || u->clearance < p.clearance)
          throw Error(ErrorCode::InvalidInput,
                      std::string("the register's user '") + p.name + "' is a " + role_name(u->role) + " cleared for " +
                          secrecy_name(u->clearance) + "; the demo acts as a " + role_name(p.role) + " cleared for " +
                          secrecy_name(p.clearance) + " under that name (nothing was written)",
                      p.name);
        continue;
      }
      check_user_name(p.name);
      check_not_confusable(p.name, names);
      names.push_back(p.name);
    }
  });
}

void prepare_demo_register(RegisterStore& store, Registry& registry, SimulatedEnvironment& clock, const User& admin,
                           const DemoOptions& o, bool new_register) {
  int start_month = 1;
  store.read([&] { start_month = store.year_start_month("receive"); });
  // Before the office opens on the year's first day.
  clock.set_now(local_midnight(year_opening(o.year, start_month)) + 7 * 3600 + 1800);
  store.write(admin.id, [&] {
    if (new_register)
      registry.set_office(admin, std::string(kDemoOfficeName), std::string(kDemoOfficePrefix), std::nullopt);
    for (const Person& p : people())
      if (!store.user_by_name(p.name)) registry.add_user(admin, p.name, p.role, p.clearance);
  });
}

DemoSummary run_demo(RegisterStore& store, Registry& registry, SimulatedEnvironment& clock, const DemoOptions& o) {
  check_demo_options(o);
  SeededEntryIds ids(o.seed);
  return Simulation(store, registry, clock, o).run();
}

}  // namespace saraban::registry
