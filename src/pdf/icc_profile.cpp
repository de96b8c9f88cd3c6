#include "pdf/icc_profile.h"

#include <cmath>
#include <string>
#include <utility>

namespace saraban::pdf {

namespace {

void put_u32(std::vector<std::uint8_t>& b, std::uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) b.push_back(static_cast<std::uint8_t>(v >> s));
}
void put_u16(std::vector<std::uint8_t>& b, std::uint16_t v) {
  b.push_back(static_cast<std::uint8_t>(v >> 8));
  b.push_back(static_cast<std::uint8_t>(v));
}
void put_tag(std::vector<std::uint8_t>& b, const char* sig) {
  for (int i = 0; i < 4; ++i) b.push_back(static_cast<std::uint8_t>(sig[i]));
}
void put_s15f16(std::vector<std::uint8_t>& b, double v) {
  put_u32(b, static_cast<std::uint32_t>(static_cast<std::int32_t>(std::lround(v * 65536.0))));
}

std::vector<std::uint8_t> xyz(double x, double y, double z) {
  std::vector<std::uint8_t> b;
  put_tag(b, "XYZ ");
  put_u32(b, 0);
  put_s15f16(b, x);
  put_s15f16(b, y);
  put_s15f16(b, z);
  return b;
}

std::vector<std::uint8_t> text_description(const std::string& s) {
  std::vector<std::uint8_t> b;
  put_tag(b, "desc");
  put_u32(b, 0);
  put_u32(b, static_cast<std::uint32_t>(s.size() + 1));
  b.insert(b.end(), s.begin(), s.end());
  b.push_back(0);
  put_u32(b, 0);  // Unicode language
  put_u32(b, 0);  // Unicode count
  put_u16(b, 0);  // ScriptCode code
  b.push_back(0);  // ScriptCode count
  b.insert(b.end(), 67, 0);
  return b;
}

std::vector<std::uint8_t> text(const std::string& s) {
  std::vector<std::uint8_t> b;
  put_tag(b, "text");
  put_u32(b, 0);
  b.insert(b.end(), s.begin(), s.end());
  b.push_back(0);
  return b;
}

std::vector<std::uint8_t> gamma_curve(double gamma) {
  std::vector<std::uint8_t> b;
  put_tag(b, "curv");
  put_u32(b, 0);
  put_u32(b, 1);
  put_u16(b, static_cast<std::uint16_t>(std::lround(gamma * 256.0)));  // u8Fixed8
  b.push_back(0);  // pad to 4 bytes
  b.push_back(0);
  return b;
}

}  // namespace

std::vector<std::uint8_t> srgb_icc_profile() {
  // Primaries are sRGB's, Bradford-adapted to the D50 PCS as ICC requires.
  std::vector<std::pair<const char*, std::vector<std::uint8_t>>> tags = {
      {"desc", text_description("sRGB IEC61966-2.1")},
      {"cprt", text("No copyright, use freely")},
      {"wtpt", xyz(0.9642, 1.0, 0.8249)},
      {"rXYZ", xyz(0.4361, 0.2225, 0.0139)},
      {"gXYZ", xyz(0.3851, 0.7169, 0.0971)},
      {"bXYZ", xyz(0.1431, 0.0606, 0.7141)},
      {"rTRC", gamma_curve(2.2)},
      {"gTRC", gamma_curve(2.2)},
      {"bTRC", gamma_curve(2.2)},
  };
  std::vector<std::uint8_t> table;
  std::vector<std::uint8_t> data;
  std::uint32_t offset = 128 + 4 + 12 * static_cast<std::uint32_t>(tags.size());
  put_u32(table, static_cast<std::uint32_t>(tags.size()));
  for (auto& [sig, body] : tags) {
    put_tag(table, sig);
    put_u32(table, offset + static_cast<std::uint32_t>(data.size()));
    put_u32(table, static_cast<std::uint32_t>(body.size()));
    data.insert(data.end(), body.begin(), body.end());
    while (data.size() % 4) data.push_back(0);
  }
  std::vector<std::uint8_t> p;
  put_u32(p, static_cast<std::uint32_t>(128 + table.size() + data.size()));
  put_u32(p, 0);           // preferred CMM
  put_u32(p, 0x02100000);  // version 2.1
  put_tag(p, "mntr");
  put_tag(p, "RGB ");
  put_tag(p, "XYZ ");
  for (std::uint16_t v : {2000, 1, 1, 0, 0, 0}) put_u16(p, v);  // fixed date: deterministic
  put_tag(p, "acsp");
  put_u32(p, 0);  // platform
  put_u32(p, 0);  // flags
  put_u32(p, 0);  // manufacturer
  put_u32(p, 0);  // model
  put_u32(p, 0);  // attributes
  put_u32(p, 0);
  put_u32(p, 0);  // rendering intent: perceptual
  put_s15f16(p, 0.9642);  // PCS illuminant D50
  put_s15f16(p, 1.0);
  put_s15f16(p, 0.8249);
  put_u32(p, 0);  // creator
  p.resize(128, 0);  // profile ID and reserved bytes stay zero
  p.insert(p.end(), table.begin(), table.end());
  p.insert(p.end(), data.begin(), data.end());
  return p;
}

}  // namespace saraban::pdf
