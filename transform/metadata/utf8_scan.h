// Walking UTF-8 one code point at a time (descriptions and slugs).
#pragma once

#include <cstddef>
#include <string_view>

namespace blogshift::utf8 {

struct CodePoint {
  char32_t value;    // U+FFFD for a malformed sequence
  std::size_t size;  // bytes consumed, at least 1
  bool valid;
};

// Decodes the code point at `pos` (< text.size()). Overlong forms,
// surrogates and values past U+10FFFF are malformed; a malformed sequence
// consumes one byte.
inline CodePoint decode(std::string_view text, std::size_t pos) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) return {b0, 1, true};
  std::size_t size = 0;
  char32_t value = 0, min = 0;
  if ((b0 & 0xE0) == 0xC0) size = 2, value = b0 & 0x1F, min = 0x80;
  else if ((b0 & 0xF0) == 0xE0) size = 3, value = b0 & 0x0F, min = 0x800;
  else if ((b0 & 0xF8) == 0xF0) size = 4, value = b0 & 0x07, min = 0x10000;
  else return {0xFFFD, 1, false};
  if (pos + size > text.size()) return {0xFFFD, 1, false};
  for (std::size_t i = 1; i < size; ++i) {
    const auto b = static_cast<unsigned char>(text[pos + i]);
    if ((b & 0xC0) != 0x80) return {0xFFFD, 1, false};
    value = (value << 6) | (b & 0x3F);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return {0xFFFD, 1, false};
  return {value, size, true};
}

// White space for collapsing: ASCII space and controls, NEL, NBSP, the
// Unicode spaces, line/paragraph separators, the ideographic space, and the
// zero-width space and BOM (which Blogger's editor leaves in text).
constexpr bool is_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

}  // namespace blogshift::utf8
