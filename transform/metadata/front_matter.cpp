// YAML front matter with yaml-cpp, in the seed's style.
//
// yaml-cpp decides how to write a scalar only between "plain if it can" and
// double quotes; the seed (the Python Insider script) single-quotes any
// value with YAML punctuation in it. So each string's style is chosen here
// and yaml-cpp does the writing and escaping:
//   * plain when nothing in it could be read as YAML syntax or as another
//     type by any YAML 1.1/1.2 reader ("yes", "1.0", "null", "2023-07-11"),
//   * single-quoted ('I''m') when it holds punctuation, starts with "-" or
//     a space, ends with a space, or looks like a number, bool or null,
//   * double-quoted ("a\nb") when it holds line breaks, tabs or other
//     characters a single-quoted scalar cannot carry or would fold.
// Dates are always single-quoted strings so no reader makes them dates.
// Strings must be UTF-8; yaml-cpp writes malformed bytes as U+FFFD.
#include "front_matter.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>

#include "text.h"
#include "utf8_scan.h"

namespace blogshift {

namespace {

enum class Quoting { none, single, double_quotes };

// Characters that make the seed quote a value (its yamlEscape()), plus "\\"
// which is harmless in YAML but surprises other front-matter readers.
constexpr std::string_view kSeedSpecial = ":#[]{}&*!|>'\"%@`?,\n\\";

// Scalars some YAML reader resolves to a bool, null or special float.
bool is_keyword(std::string_view s) {
  static constexpr std::array<std::string_view, 16> words = {
      "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".inf", "-.inf", "+.inf", ".nan", "<<", "="};
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return iequals(s, w); });
}

// Numbers in any YAML dialect (1, -2, 1.0, 1e3, 0x1F, 0o17, 0b101, 1_000,
// 1:20 sexagesimal, .5) and dates (2023-07-11): digits with only the
// characters such literals use.
bool looks_numeric(std::string_view s) {
  constexpr std::string_view kNumberChars = "+-._:eExXoObBaAcCdDfFtTzZ ";
  if (s.empty()) return false;
  const char first = s.front();
  const bool starts_like_number = (first >= '0' && first <= '9') || first == '+' || first == '-' || first == '.';
  if (!starts_like_number) return false;
  bool digit = false;
  for (const char c : s) {
    if (c >= '0' && c <= '9') digit = true;
    else if (kNumberChars.find(c) == std::string_view::npos) return false;
  }
  return digit;
}

Quoting quoting_for(std::string_view s) {
  bool single = s.empty() || s.front() == '-' || s.front() == ' ' || s.back() == ' ' || is_keyword(s) || looks_numeric(s);
  for (std::size_t pos = 0; pos < s.size();) {
    const auto cp = utf8::decode(s, pos);
    const char32_t c = cp.value;
    // Line breaks, tabs and invisible controls: only escapes carry them intact.
    if (!cp.valid || c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029 ||
        c == 0xFEFF || c == 0xFFFE || c == 0xFFFF)
      return Quoting::double_quotes;
    if (c < 0x80 && kSeedSpecial.find(static_cast<char>(c)) != std::string_view::npos) single = true;
    pos += cp.size;
  }
  return single ? Quoting::single : Quoting::none;
}

void write_string(YAML::Emitter& out, const std::string& s) {
  switch (quoting_for(s)) {
    case Quoting::none: out << s; break;  // yaml-cpp still double-quotes if it disagrees
    case Quoting::single: out << YAML::SingleQuoted << s; break;
    case Quoting::double_quotes: out << YAML::DoubleQuoted << s; break;
  }
}

void write_list(YAML::Emitter& out, const std::vector<std::string>& items) {
  if (items.empty()) {
    out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;  // tags: []
    return;
  }
  out << YAML::Block << YAML::BeginSeq;
  for (const auto& item : items) write_string(out, item);
  out << YAML::EndSeq;
}

}  // namespace

std::string write_front_matter(const FrontMatter& fm) {
  YAML::Emitter out;
  out.SetIndent(2);
  out << YAML::BeginMap;
  const bool hugo = fm.layout == SiteLayout::hugo, jekyll = fm.layout == SiteLayout::jekyll;
  out << YAML::Key << "title" << YAML::Value;
  write_string(out, fm.title);
  out << YAML::Key << (hugo || jekyll ? "date" : "publishDate") << YAML::Value << YAML::SingleQuoted
      << fm.publish_date;
  out << YAML::Key << (hugo ? "lastmod" : jekyll ? "last_modified_at" : "updatedDate") << YAML::Value
      << YAML::SingleQuoted << fm.updated_date;
  out << YAML::Key << "author" << YAML::Value;
  write_string(out, fm.author);
  out << YAML::Key << "description" << YAML::Value;
  write_string(out, fm.description);
  out << YAML::Key << "tags" << YAML::Value;
  write_list(out, fm.tags);
  // Hugo reads `published` as a date; its flag is `draft`, written always.
  if (hugo) out << YAML::Key << "draft" << YAML::Value << !fm.published;
  else out << YAML::Key << "published" << YAML::Value << fm.published;
  out << YAML::Key << "legacyUrl" << YAML::Value;
  write_string(out, fm.legacy_url);
  if ((hugo || jekyll) && !fm.route.empty()) {
    out << YAML::Key << (hugo ? "url" : "permalink") << YAML::Value;
    write_string(out, fm.route);
  }
  if (fm.draft && !hugo) out << YAML::Key << "draft" << YAML::Value << *fm.draft;
  if (!fm.blogger_id.empty()) {
    out << YAML::Key << "bloggerId" << YAML::Value;
    write_string(out, fm.blogger_id);
  }
  if (fm.comments) out << YAML::Key << "comments" << YAML::Value << *fm.comments;
  if (!fm.aliases.empty()) {
    out << YAML::Key << "aliases" << YAML::Value;
    write_list(out, fm.aliases);
  }
  if (!fm.redirect_from.empty()) {
    out << YAML::Key << "redirect_from" << YAML::Value;
    write_list(out, fm.redirect_from);
  }
  out << YAML::EndMap;
  std::string text = "---\n";
  text.append(out.c_str(), out.size());
  if (text.back() != '\n') text += '\n';
  text += "---\n";
  return text;
}

}  // namespace blogshift
