#pragma once
// Classes of Thai code points shared by clean-up, itemisation and breaking.

namespace saraban::text::thai {

constexpr char32_t kMaiHanAkat = 0x0E31;
constexpr char32_t kSaraAa = 0x0E32;
constexpr char32_t kSaraAm = 0x0E33;
constexpr char32_t kNikhahit = 0x0E4D;

constexpr bool is_thai(char32_t c) { return c >= 0x0E01 && c <= 0x0E5B; }
constexpr bool is_thai_digit(char32_t c) { return c >= 0x0E50 && c <= 0x0E59; }
constexpr bool is_tone_mark(char32_t c) { return c >= 0x0E48 && c <= 0x0E4B; }
// Vowels written above or below the consonant, which a tone mark must follow.
constexpr bool is_upper_or_lower_vowel(char32_t c) {
  return c == kMaiHanAkat || (c >= 0x0E34 && c <= 0x0E3A) || c == 0x0E47;
}
// Every Thai mark that sits on a base consonant (never starts a cluster).
constexpr bool is_combining_mark(char32_t c) {
  return c == kMaiHanAkat || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E);
}

}  // namespace saraban::text::thai
