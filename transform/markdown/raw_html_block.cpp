#include "markdown/raw_html_block.h"

#include <algorithm>
#include <iterator>
#include <cctype>
#include <vector>

namespace blogshift::markdown {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Kind 6 block tag names (CommonMark 0.30, as in cmark-gfm's scanner).
constexpr std::string_view kBlockTags[] = {
    "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
    "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
    "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
    "optgroup", "option", "p", "param", "section", "source", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "title", "tr", "track", "ul"};

// The tag name after "<" or "</" at `pos`, lower-cased ("" if none).
std::string tag_name(std::string_view line, size_t pos) {
  size_t end = pos;
  while (end < line.size() && (std::isalnum(static_cast<unsigned char>(line[end])) || line[end] == '-')) ++end;
  if (end == pos || !std::isalpha(static_cast<unsigned char>(line[pos]))) return {};
  return lower(line.substr(pos, end - pos));
}

// Whether `line` is one complete open or closing tag followed only by
// whitespace (kind 7). Attribute values may be quoted; no newline inside.
bool lone_complete_tag(std::string_view line) {
  if (line.size() < 3 || line[0] != '<') return false;
  size_t i = 1;
  bool closing = line[i] == '/';
  if (closing) ++i;
  std::string name = tag_name(line, i);
  if (name.empty() || name == "script" || name == "style" || name == "pre" || name == "textarea") return false;
  i += name.size();
  if (closing) {
    while (i < line.size() && is_space(line[i])) ++i;
  } else {
    for (;;) {
      size_t ws = i;
      while (i < line.size() && is_space(line[i])) ++i;
      if (i >= line.size()) return false;
      if (line[i] == '>' || line[i] == '/') break;
      if (ws == i) return false;  // attributes need whitespace before them
      if (!(std::isalpha(static_cast<unsigned char>(line[i])) || line[i] == '_' || line[i] == ':')) return false;
      while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_' ||
                                 line[i] == ':' || line[i] == '.' || line[i] == '-'))
        ++i;
      size_t before_eq = i;
      while (i < line.size() && is_space(line[i])) ++i;
      if (i < line.size() && line[i] == '=') {
        ++i;
        while (i < line.size() && is_space(line[i])) ++i;
        if (i >= line.size()) return false;
        if (line[i] == '"' || line[i] == '\'') {
          size_t close = line.find(line[i], i + 1);
          if (close == std::string_view::npos) return false;
          i = close + 1;
        } else {
          size_t start = i;
          while (i < line.size() && !is_space(line[i]) && std::string_view("\"'=<>`").find(line[i]) == std::string_view::npos)
            ++i;
          if (i == start) return false;
        }
      } else {
        i = before_eq;
      }
    }
    if (line[i] == '/') ++i;
  }
  if (i >= line.size() || line[i] != '>') return false;
  ++i;
  while (i < line.size() && is_space(line[i])) ++i;
  return i == line.size();
}

// The end marker of kinds 1-5 for a block whose first line is `first`, or "" for other kinds.
std::string end_marker(std::string_view first) {
  std::string l = lower(first.substr(0, 12));
  for (std::string_view tag : {"script", "pre", "style", "textarea"}) {
    if (l.compare(0, 1 + tag.size(), "<" + std::string(tag)) == 0) {
      char after = l.size() > 1 + tag.size() ? l[1 + tag.size()] : '\0';
      if (after == '\0' || after == '>' || is_space(after)) return "</" + std::string(tag) + ">";
    }
  }
  if (l.rfind("<!--", 0) == 0) return "-->";
  if (l.rfind("<?", 0) == 0) return "?>";
  if (l.rfind("<![cdata[", 0) == 0) return "]]>";
  if (l.size() > 2 && l.rfind("<!", 0) == 0 && std::isalpha(static_cast<unsigned char>(l[2]))) return ">";
  return {};
}

bool block_tag_start(std::string_view first) {
  if (first.size() < 2 || first[0] != '<') return false;
  size_t i = first[1] == '/' ? 2 : 1;
  std::string name = tag_name(first, i);
  if (name.empty() || std::find(std::begin(kBlockTags), std::end(kBlockTags), name) == std::end(kBlockTags)) return false;
  size_t after = i + name.size();
  return after == first.size() || is_space(first[after]) || first[after] == '>' ||
         first.compare(after, 2, "/>") == 0;
}

}  // namespace

bool opens_interrupting_html_block(std::string_view text) {
  return !end_marker(text).empty() || block_tag_start(text);
}

std::string raw_html_block(std::string_view html) {
  std::vector<std::string> lines;
  std::string current;
  for (size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (c == '\r') {
      if (i + 1 < html.size() && html[i + 1] == '\n') continue;
      c = '\n';
    }
    if (c == '\n') {
      lines.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  lines.push_back(std::move(current));
  for (auto& line : lines) {
    size_t end = line.find_last_not_of(" \t\f\v");
    line.erase(end == std::string::npos ? 0 : end + 1);
  }
  while (!lines.empty() && lines.front().empty()) lines.erase(lines.begin());
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (lines.empty()) return {};
  lines.front().erase(0, lines.front().find_first_not_of(" \t"));

  auto join = [](const std::vector<std::string>& ls) {
    std::string out;
    for (size_t i = 0; i < ls.size(); ++i) out += (i ? "\n" : "") + ls[i];
    return out;
  };

  // Kinds 1-5: fine as they are when the end marker first shows on the last line.
  std::string marker = end_marker(lines.front());
  if (!marker.empty()) {
    size_t first_end = lines.size();
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string_view line = lines[i];
      // The start marker itself ("<!--") must not count as its own end.
      size_t from = i == 0 ? std::min<size_t>(line.size(), marker == "-->" ? 4 : 2) : 0;
      if (lower(line).find(marker, from) != std::string::npos) {
        first_end = i;
        break;
      }
    }
    if (first_end == lines.size() - 1) return join(lines);
  }

  std::vector<std::string> kept;
  for (auto& line : lines)
    if (!line.empty()) kept.push_back(std::move(line));
  if (marker.empty() && (block_tag_start(kept.front()) || lone_complete_tag(kept.front()))) return join(kept);
  kept.insert(kept.begin(), "<div>");
  kept.push_back("</div>");
  return join(kept);
}

}  // namespace blogshift::markdown
