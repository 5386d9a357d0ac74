#include "spec_html_normalize.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>
#include <vector>

#include "html/html_reader.h"
#include "html/html_tree.h"

namespace blogshift::testing {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const std::set<std::string, std::less<>>& block_tags() {
  static const std::set<std::string, std::less<>> tags = {
      "address", "article", "aside", "blockquote", "body", "caption", "center", "col", "colgroup", "dd",
      "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
      "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html",
      "iframe", "legend", "li", "link", "main", "menu", "meta", "nav", "noframes", "ol", "optgroup", "option",
      "p", "param", "pre", "script", "section", "source", "style", "summary", "table", "tbody", "td",
      "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul"};
  return tags;
}

// Decodes entities and character references the way an HTML parser does,
// in text (`attribute` false) or in a double-quoted attribute value.
std::string decode(std::string_view s, bool attribute) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string html;
  if (attribute) {
    html = "<body><b a=\"";
    for (char c : s) html += c == '"' ? std::string("&quot;") : std::string(1, c);
    html += "\">";
  } else {
    html = "<body><b>";
    for (char c : s) html += c == '<' ? std::string("&lt;") : std::string(1, c);
    html += "</b>";
  }
  HtmlDocument doc = parse_html(html);
  const HtmlNode* b = find_first(*doc.root, by_tag("b"));
  if (!b) return std::string(s);
  return attribute ? b->attr_or("a") : raw_text_content(*b);
}

void escape_into(std::string& out, std::string_view s, bool attribute) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      default: out += c;
    }
  }
}

enum class Kind { Text, Start, End, Verbatim };

struct Token {
  Kind kind = Kind::Text;
  std::string name;  // Start/End: lower-case tag name
  std::string text;  // Text: decoded; Start: normalised tag; Verbatim: as written
};

// Parses a start tag at `i` ('<' then a letter); on success fills `tok` and
// returns the index after '>', else 0.
size_t start_tag(std::string_view s, size_t i, Token& tok) {
  size_t p = i + 1;
  size_t name_start = p;
  while (p < s.size() && (std::isalnum(static_cast<unsigned char>(s[p])) || s[p] == '-' || s[p] == ':')) ++p;
  std::string name = lower(s.substr(name_start, p - name_start));
  std::vector<std::pair<std::string, std::string>> attrs;
  for (;;) {
    size_t ws = p;
    while (p < s.size() && is_space(s[p])) ++p;
    if (p >= s.size()) return 0;
    if (s[p] == '>') {
      ++p;
      break;
    }
    if (s.compare(p, 2, "/>") == 0) {
      p += 2;
      break;
    }
    if (ws == p) return 0;
    size_t an = p;
    while (p < s.size() && !is_space(s[p]) && s[p] != '>' && s[p] != '=' && s.compare(p, 2, "/>") != 0) ++p;
    if (p == an) return 0;
    std::string attr_name = lower(s.substr(an, p - an));
    std::string value;
    size_t before = p;
    while (p < s.size() && is_space(s[p])) ++p;
    if (p < s.size() && s[p] == '=') {
      ++p;
      while (p < s.size() && is_space(s[p])) ++p;
      if (p >= s.size()) return 0;
      if (s[p] == '"' || s[p] == '\'') {
        size_t close = s.find(s[p], p + 1);
        if (close == std::string_view::npos) return 0;
        value = decode(s.substr(p + 1, close - p - 1), true);
        p = close + 1;
      } else {
        size_t vs = p;
        while (p < s.size() && !is_space(s[p]) && s[p] != '>') ++p;
        value = decode(s.substr(vs, p - vs), true);
      }
    } else {
      p = before;
    }
    attrs.emplace_back(std::move(attr_name), std::move(value));
  }
  std::stable_sort(attrs.begin(), attrs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  tok.kind = Kind::Start;
  tok.name = name;
  tok.text = "<" + name;
  for (const auto& [n, v] : attrs) {
    tok.text += " " + n + "=\"";
    escape_into(tok.text, v, true);
    tok.text += "\"";
  }
  tok.text += ">";
  return p;
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  std::string text;
  auto flush_text = [&] {
    if (!text.empty()) tokens.push_back({Kind::Text, "", decode(text, false)});
    text.clear();
  };
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '<' || i + 1 >= s.size()) {
      text += s[i++];
      continue;
    }
    auto verbatim_until = [&](std::string_view end_marker, size_t from) -> bool {
      size_t end = s.find(end_marker, from);
      if (end == std::string_view::npos) return false;
      flush_text();
      end += end_marker.size();
      tokens.push_back({Kind::Verbatim, "", std::string(s.substr(i, end - i))});
      i = end;
      return true;
    };
    char next = s[i + 1];
    if (s.compare(i, 4, "<!--") == 0) {
      if (verbatim_until("-->", i + 4)) continue;
    } else if (s.compare(i, 9, "<![CDATA[") == 0) {
      if (verbatim_until("]]>", i + 9)) continue;
    } else if (next == '?') {
      if (verbatim_until("?>", i + 2)) continue;
    } else if (next == '!') {
      if (verbatim_until(">", i + 2)) continue;
    } else if (next == '/') {
      size_t p = i + 2, ns = p;
      while (p < s.size() && (std::isalnum(static_cast<unsigned char>(s[p])) || s[p] == '-' || s[p] == ':')) ++p;
      size_t ne = p;
      while (p < s.size() && is_space(s[p])) ++p;
      if (ne > ns && std::isalpha(static_cast<unsigned char>(s[ns])) && p < s.size() && s[p] == '>') {
        flush_text();
        tokens.push_back({Kind::End, lower(s.substr(ns, ne - ns)), ""});
        i = p + 1;
        continue;
      }
    } else if (std::isalpha(static_cast<unsigned char>(next))) {
      Token tok;
      if (size_t end = start_tag(s, i, tok)) {
        flush_text();
        tokens.push_back(std::move(tok));
        i = end;
        continue;
      }
    }
    text += s[i++];
  }
  flush_text();
  return tokens;
}

bool is_block(const Token& t) {
  return (t.kind == Kind::Start || t.kind == Kind::End) && block_tags().count(t.name) > 0;
}

}  // namespace

std::string normalize_spec_html(std::string_view html) {
  std::vector<Token> tokens = tokenize(html);
  std::string out;
  int in_pre = 0;
  // Whether the output so far ends where whitespace means nothing (the start,
  // a block tag) or in a space already written.
  bool drop_space = true;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    switch (t.kind) {
      case Kind::Text: {
        if (in_pre > 0) {
          escape_into(out, t.text, false);
          drop_space = false;
          break;
        }
        std::string collapsed;
        bool pending = false;
        for (char c : t.text) {
          if (is_space(c)) {
            pending = true;
            continue;
          }
          if (pending && !drop_space) collapsed += ' ';
          pending = false;
          collapsed += c;
          drop_space = false;
        }
        // A space before a block tag or the end goes.
        bool next_block = i + 1 >= tokens.size() || is_block(tokens[i + 1]);
        if (pending && !drop_space && !next_block) {
          collapsed += ' ';
          drop_space = true;
        }
        escape_into(out, collapsed, false);
        break;
      }
      case Kind::Start:
        if (is_block(t) && in_pre == 0 && !out.empty() && out.back() == ' ') out.pop_back();
        out += t.text;
        if (t.name == "pre") ++in_pre;
        drop_space = is_block(t);
        break;
      case Kind::End:
        if (is_block(t) && in_pre == 0 && !out.empty() && out.back() == ' ') out.pop_back();
        if (t.name == "pre" && in_pre > 0) --in_pre;
        out += "</" + t.name + ">";
        drop_space = is_block(t);
        break;
      case Kind::Verbatim:
        out += t.text;
        drop_space = false;
        break;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace blogshift::testing
