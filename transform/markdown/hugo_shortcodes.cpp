#include "markdown/hugo_shortcodes.h"

namespace blogshift::markdown {
namespace {

bool opener_at(std::string_view text, size_t i) {
  return i + 2 < text.size() && text[i] == '{' && text[i + 1] == '{' && (text[i + 2] == '<' || text[i + 2] == '%');
}

// `text` with the second brace of each opener replaced by `brace`.
std::string defuse(std::string_view text, std::string_view brace) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (opener_at(text, i)) {
      out += '{';
      out += brace;
      ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace

bool has_shortcode_opener(std::string_view text) {
  for (size_t at = text.find("{{"); at != std::string_view::npos; at = text.find("{{", at + 1))
    if (opener_at(text, at)) return true;
  return false;
}

std::string defuse_shortcodes_in_html(std::string_view html) {
  return has_shortcode_opener(html) ? defuse(html, "&#123;") : std::string(html);
}

std::string defuse_shortcodes_in_url(std::string_view url) {
  return has_shortcode_opener(url) ? defuse(url, "%7B") : std::string(url);
}

std::string code_as_html(std::string_view code) {
  std::string out;
  out.reserve(code.size() + code.size() / 8);
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (opener_at(code, i)) {
      out += "{&#123;";
      ++i;
    } else out += c;
  }
  return out;
}

}  // namespace blogshift::markdown
