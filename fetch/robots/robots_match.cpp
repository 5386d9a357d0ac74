#include "robots/robots_match.h"

#include "url.h"

namespace blogshift::fetch {

namespace {

void escape(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 0xf];
}

std::string normalise(std::string_view text, bool pattern) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '%' && i + 2 < text.size() && hex_digit_value(text[i + 1]) >= 0 && hex_digit_value(text[i + 2]) >= 0) {
      const auto decoded = static_cast<unsigned char>(hex_digit_value(text[i + 1]) * 16 + hex_digit_value(text[i + 2]));
      if (is_unreserved(decoded))
        out += static_cast<char>(decoded);
      else
        escape(out, decoded);
      i += 2;
    } else if (c <= 0x20 || c >= 0x7f) {
      escape(out, c);
    } else if (c == '$' && !(pattern && i + 1 == text.size())) {
      escape(out, c);
    } else if (c == '*' && !pattern) {
      escape(out, c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

std::string normalise_robots_pattern(std::string_view pattern) { return normalise(pattern, true); }
std::string normalise_robots_path(std::string_view path_and_query) { return normalise(path_and_query, false); }

bool robots_pattern_matches(std::string_view pattern, std::string_view path) {
  const bool anchored = pattern.ends_with('$');
  if (anchored) pattern.remove_suffix(1);
  // The segments between stars: the first must start the path, each next
  // one is found leftmost after the previous (leftmost is never worse), the
  // last must end the path when anchored.
  size_t star = pattern.find('*');
  if (star == std::string_view::npos) return anchored ? path == pattern : path.starts_with(pattern);
  const std::string_view first = pattern.substr(0, star);
  if (!path.starts_with(first)) return false;
  size_t at = first.size();
  pattern.remove_prefix(star + 1);
  for (star = pattern.find('*'); star != std::string_view::npos; star = pattern.find('*')) {
    const std::string_view segment = pattern.substr(0, star);
    pattern.remove_prefix(star + 1);
    if (segment.empty()) continue;
    const size_t found = path.find(segment, at);
    if (found == std::string_view::npos) return false;
    at = found + segment.size();
  }
  // `pattern` is now the last segment.
  if (!anchored) return pattern.empty() || path.find(pattern, at) != std::string_view::npos;
  return path.size() >= at + pattern.size() && path.ends_with(pattern);
}

}  // namespace blogshift::fetch
