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
// write_front_matter() writes the plain and single-quoted styles itself,
// byte for byte as yaml-cpp would (FastWriter below), and leaves anything
// else to yaml-cpp.
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

// The hot path: the same bytes as the yaml-cpp emitter below, written
// directly (the emitter's regular expressions cost more than the rest of a
// post's conversion). It handles the plain and single-quoted styles, where
// yaml-cpp copies the text unchanged (doubling ' when single-quoted); a
// value needing double quotes or holding a code point yaml-cpp rewrites
// (U+FDD0..U+FDEF, U+xxFFFE/U+xxFFFF) sends the whole block to yaml-cpp.
// tests/transform/front_matter_test.cpp checks both give the same bytes.
class FastWriter {
public:
  bool ok = true;
  std::string text;

  void key(std::string_view name) {
    text += name;
    text += ':';
  }
  void string_value(const std::string& s) {
    text += ' ';
    scalar(s);
    text += '\n';
  }
  void quoted_value(const std::string& s) {  // always single-quoted (dates)
    text += ' ';
    single_quoted(s);
    text += '\n';
  }
  void bool_value(bool b) { text += b ? " true\n" : " false\n"; }
  void int_value(int n) {
    text += ' ';
    text += std::to_string(n);
    text += '\n';
  }
  void list_value(const std::vector<std::string>& items) {
    if (items.empty()) {
      text += " []\n";
      return;
    }
    text += '\n';
    for (const auto& item : items) {
      text += "  - ";
      scalar(item);
      text += '\n';
    }
  }

private:
  void scalar(const std::string& s) {
    switch (quoting_for(s)) {
      case Quoting::none:
        if (!copied_unchanged(s)) ok = false;
        text += s;
        break;
      case Quoting::single: single_quoted(s); break;
      case Quoting::double_quotes: ok = false; break;
    }
  }
  void single_quoted(const std::string& s) {
    if (!copied_unchanged(s) || s.find_first_of("\n\r") != std::string::npos) ok = false;
    text += '\'';
    for (std::size_t from = 0;;) {
      const std::size_t quote = s.find('\'', from);
      text.append(s, from, quote == std::string::npos ? std::string::npos : quote + 1 - from);
      if (quote == std::string::npos) break;
      text += '\'';
      from = quote + 1;
    }
    text += '\'';
  }
  // Whether yaml-cpp writes every code point of `s` as it is: valid UTF-8
  // without the noncharacters it replaces with U+FFFD.
  static bool copied_unchanged(std::string_view s) {
    for (std::size_t pos = 0; pos < s.size();) {
      if (static_cast<unsigned char>(s[pos]) < 0x80) {
        ++pos;
        continue;
      }
      const auto cp = utf8::decode(s, pos);
      if (!cp.valid || (cp.value >= 0xFDD0 && cp.value <= 0xFDEF) || (cp.value & 0xFFFE) == 0xFFFE) return false;
      pos += cp.size;
    }
    return true;
  }
};

}  // namespace

std::string write_front_matter_with_yaml_cpp(const FrontMatter& fm) {
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

std::string write_front_matter(const FrontMatter& fm) {
  FastWriter out;
  out.text.reserve(256 + fm.title.size() + fm.description.size() + fm.legacy_url.size());
  out.text += "---\n";
  // Key names as in write_front_matter_with_yaml_cpp (the layouts' spellings).
  const bool hugo = fm.layout == SiteLayout::hugo, jekyll = fm.layout == SiteLayout::jekyll;
  out.key("title");
  out.string_value(fm.title);
  out.key(hugo || jekyll ? "date" : "publishDate");
  out.quoted_value(fm.publish_date);
  out.key(hugo ? "lastmod" : jekyll ? "last_modified_at" : "updatedDate");
  out.quoted_value(fm.updated_date);
  out.key("author");
  out.string_value(fm.author);
  out.key("description");
  out.string_value(fm.description);
  out.key("tags");
  out.list_value(fm.tags);
  if (hugo) {
    out.key("draft");
    out.bool_value(!fm.published);
  } else {
    out.key("published");
    out.bool_value(fm.published);
  }
  out.key("legacyUrl");
  out.string_value(fm.legacy_url);
  if ((hugo || jekyll) && !fm.route.empty()) {
    out.key(hugo ? "url" : "permalink");
    out.string_value(fm.route);
  }
  if (fm.draft && !hugo) {
    out.key("draft");
    out.bool_value(*fm.draft);
  }
  if (!fm.blogger_id.empty()) {
    out.key("bloggerId");
    out.string_value(fm.blogger_id);
  }
  if (fm.comments) {
    out.key("comments");
    out.int_value(*fm.comments);
  }
  if (!fm.aliases.empty()) {
    out.key("aliases");
    out.list_value(fm.aliases);
  }
  if (!fm.redirect_from.empty()) {
    out.key("redirect_from");
    out.list_value(fm.redirect_from);
  }
  if (!out.ok) return write_front_matter_with_yaml_cpp(fm);
  out.text += "---\n";
  return std::move(out.text);
}

}  // namespace blogshift
