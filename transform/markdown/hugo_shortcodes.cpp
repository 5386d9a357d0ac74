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

constexpr std::string_view kDivider = "<!--more-->";

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace

bool has_shortcode_opener(std::string_view text) {
  for (size_t at = text.find("{{"); at != std::string_view::npos; at = text.find("{{", at + 1))
    if (opener_at(text, at)) return true;
  return false;
}

bool hugo_scans(std::string_view text) {
  return has_shortcode_opener(text) || text.find(kDivider) != std::string_view::npos;
}

std::string defuse_shortcodes_in_html(std::string_view html) {
  std::string out = has_shortcode_opener(html) ? defuse(html, "&#123;") : std::string(html);
  return replace_all(std::move(out), kDivider, "<!-- more -->");
}

std::string defuse_shortcodes_in_url(std::string_view url) {
  std::string out = has_shortcode_opener(url) ? defuse(url, "%7B") : std::string(url);
  return replace_all(std::move(out), kDivider, "%3C!--more--%3E");
}

std::string defuse_shortcodes_in_title(std::string_view title) {
  std::string out = has_shortcode_opener(title) ? defuse(title, "&#123;") : std::string(title);
  return replace_all(std::move(out), kDivider, "&lt;!--more--&gt;");
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
