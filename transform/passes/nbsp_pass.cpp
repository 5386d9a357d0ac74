// nbsp: no-break spaces to spaces, double-encoded entities to characters.
//
// Blogger's editor writes `&nbsp;` for every second space and around inline
// elements; none of them was chosen to keep words together. So in text
// outside pre/code, every run of spaces holding a U+00A0 becomes one space.
// Inside pre, code and the like whitespace is literal: each U+00A0 becomes
// one space and nothing collapses.
//
// Posts that went through a second escaping (an importer, an API client, a
// copy from a page's source) show entities as text: after the parser's
// decoding the text still reads "&nbsp;", "&amp;", "&quot;", "&#39;",
// "&#8217;". Those are decoded (repeatedly, for "&amp;amp;nbsp;"), in text
// outside pre/code and in alt and title attributes; only the named entities
// below and numeric ones are recognised, so prose mentioning "&copy" loosely
// or R&D stays as it is. Text inside pre/code is left encoded: a post about
// HTML means what it shows.
#include <array>
#include <utility>

#include "passes/passes.h"
#include "passes/tree_edit.h"

namespace blogshift::passes {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kNamed = {{
    {"nbsp", "\xC2\xA0"},      {"amp", "&"},              {"quot", "\""},            {"apos", "'"},
    {"lt", "<"},               {"gt", ">"},               {"hellip", "\xE2\x80\xA6"}, {"mdash", "\xE2\x80\x94"},
    {"ndash", "\xE2\x80\x93"}, {"lsquo", "\xE2\x80\x98"}, {"rsquo", "\xE2\x80\x99"}, {"ldquo", "\xE2\x80\x9C"},
    {"rdquo", "\xE2\x80\x9D"}, {"laquo", "\xC2\xAB"},     {"raquo", "\xC2\xBB"},     {"copy", "\xC2\xA9"},
    {"shy", ""},
}};

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes one `&...;` at text[i]; returns the length consumed (0: none).
size_t decode_entity(std::string_view text, size_t i, std::string& out) {
  size_t semi = text.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 10) return 0;
  std::string_view name = text.substr(i + 1, semi - i - 1);
  if (name.size() >= 2 && name[0] == '#') {
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    uint32_t cp = 0;
    for (char c : digits) {
      uint32_t d;
      if (c >= '0' && c <= '9') d = static_cast<uint32_t>(c - '0');
      else if (hex && c >= 'a' && c <= 'f') d = static_cast<uint32_t>(c - 'a' + 10);
      else if (hex && c >= 'A' && c <= 'F') d = static_cast<uint32_t>(c - 'A' + 10);
      else return 0;
      cp = cp * (hex ? 16u : 10u) + d;
      if (cp > 0x10FFFF) return 0;
    }
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    append_utf8(out, cp);
    return semi - i + 1;
  }
  for (const auto& [entity, value] : kNamed) {
    if (name == entity) {
      out += value;
      return semi - i + 1;
    }
  }
  return 0;
}

// One round of decoding; true when anything changed.
bool decode_once(std::string& text) {
  if (text.find('&') == std::string::npos) return false;
  std::string out;
  out.reserve(text.size());
  bool changed = false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      if (size_t used = decode_entity(text, i, out)) {
        i += used - 1;
        changed = true;
        continue;
      }
    }
    out += text[i];
  }
  if (changed) text = std::move(out);
  return changed;
}

bool decode_entities(std::string& text) {
  bool changed = false;
  for (int round = 0; round < 8 && decode_once(text); ++round) changed = true;
  return changed;
}

bool is_nbsp_at(std::string_view text, size_t i) {
  return i + 1 < text.size() && static_cast<unsigned char>(text[i]) == 0xC2 &&
         static_cast<unsigned char>(text[i + 1]) == 0xA0;
}

// U+00A0 to spaces; with `collapse`, a run of spaces and U+00A0 that holds
// at least one U+00A0 becomes one space.
bool replace_nbsp(std::string& text, bool collapse) {
  if (text.find("\xC2\xA0") == std::string::npos) return false;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (!collapse) {
      if (is_nbsp_at(text, i)) {
        out += ' ';
        i += 2;
      } else {
        out += text[i++];
      }
      continue;
    }
    if (text[i] != ' ' && !is_nbsp_at(text, i)) {
      out += text[i++];
      continue;
    }
    size_t j = i;
    bool nbsp = false;
    while (j < text.size()) {
      if (text[j] == ' ') ++j;
      else if (is_nbsp_at(text, j)) nbsp = true, j += 2;
      else break;
    }
    if (nbsp) out += ' ';
    else out.append(text, i, j - i);
    i = j;
  }
  text = std::move(out);
  return true;
}

}  // namespace

void nbsp_pass(HtmlNode& body, PassContext& context) {
  // One walk: text nodes (literal inside pre, code and the like) and the
  // alt and title attributes of elements.
  struct Frame {
    HtmlNode* node;
    size_t next;
    bool literal;
  };
  std::vector<Frame> stack{{&body, 0, in_literal_text(body)}};
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next >= top.node->children.size()) {
      stack.pop_back();
      continue;
    }
    HtmlNode& child = *top.node->children[top.next++];
    const bool literal = top.literal;
    if (child.is_text()) {
      bool changed = !literal && decode_entities(child.text);
      changed = replace_nbsp(child.text, !literal) || changed;
      if (changed) ++context.changes;
      continue;
    }
    if (!child.is_element()) continue;
    for (auto& a : child.attributes) {
      if (a.name != "alt" && a.name != "title") continue;
      bool changed = decode_entities(a.value);
      changed = replace_nbsp(a.value, true) || changed;
      if (changed) ++context.changes;
    }
    stack.push_back({&child, 0, literal || is_literal_tag(child.tag)});
  }
}

}  // namespace blogshift::passes
