#include "markdown/kramdown_syntax.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "html/html_serializer.h"

namespace blogshift::markdown {
namespace {

// kramdown 2.4.0, lib/kramdown/parser/html.rb: HTML_CONTENT_MODEL_BLOCK and
// HTML_CONTENT_MODEL_SPAN; every other element's content is raw. Sorted.
constexpr std::array<std::string_view, 68> kParsedContent{
    "a", "abbr", "acronym", "address", "applet", "article", "aside", "b", "bdo", "big", "blockquote", "body",
    "button", "caption", "cite", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "i",
    "iframe", "ins", "label", "legend", "li", "main", "map", "menu", "nav", "noscript", "object", "optgroup",
    "p", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "section", "select", "small", "span", "strong", "sub",
    "summary", "sup", "td", "th", "tt",
};

// kramdown 2.4.0, lib/kramdown/parser/html.rb: HTML_SPAN_ELEMENTS. A line
// starting with any other tag (or a comment) starts block HTML. Sorted.
constexpr std::array<std::string_view, 38> kSpanElements{
    "a", "abbr", "acronym", "b", "bdo", "big", "br", "button", "cite", "code", "del", "dfn", "em", "i", "img",
    "input", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "samp",
    "select", "small", "span", "strong", "sub", "sup", "tt", "u", "var",
};

// kramdown 2.4.0, lib/kramdown/parser/html.rb: HTML_BLOCK_ELEMENTS. Such a tag
// in a paragraph is shown as text (kramdown/html.rb, parse_span_html). Sorted.
constexpr std::array<std::string_view, 49> kBlockElements{
    "address", "applet", "article", "aside", "blockquote", "body", "caption", "col", "colgroup", "dd", "div",
    "dl", "dt", "fieldset", "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
    "header", "hgroup", "hr", "html", "iframe", "legend", "li", "main", "map", "menu", "nav", "ol",
    "optgroup", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
};

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

constexpr std::array<std::string_view, 16> kVoid{"area", "base",  "br",   "col",   "command", "embed",
                                                 "hr",   "img",   "input", "keygen", "link",  "meta",
                                                 "param", "source", "track", "wbr"};

// Text inside a raw-content element: kramdown passes it through as it
// is, but cmark-gfm still reads it as Markdown (only the tags are HTML
// there). So what could start Markdown there is a character reference,
// which both leave for the browser to decode.
void append_text(std::string_view text, std::string& out) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\\': case '`': case '*': case '_': case '[': case ']': case '~': case '!': case '|': case '$':
        out += "&#" + std::to_string(static_cast<int>(c)) + ";";
        break;
      case ':':  // http:// (the GFM autolink extension)
        out += text.substr(i + 1, 2) == "//" ? "&#58;" : ":";
        break;
      case '@':  // an address: cmark-gfm links it after decoding entities, so only markup splits it
        out += i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '.' ||
                         text[i - 1] == '_' || text[i - 1] == '-' || text[i - 1] == '+')
                   ? "<!-- -->@"
                   : "@";
        break;
      case '.':  // www.
        out += i >= 3 && text.substr(i - 3, 3) == "www" ? "&#46;" : ".";
        break;
      default: out += c; break;
    }
  }
}

void append_html(const DocNode& n, std::string& out) {
  auto children = [&] {
    for (const auto& c : n.children) append_html(*c, out);
  };
  auto wrap = [&](const char* tag) {
    out += std::string("<") + tag + ">";
    children();
    out += std::string("</") + tag + ">";
  };
  switch (n.kind) {
    case DocKind::Text: {
      std::string text = n.text;  // one line: a blank line would end an HTML block
      std::replace(text.begin(), text.end(), '\n', ' ');
      append_text(text, out);
      break;
    }
    case DocKind::Emphasis: wrap("em"); break;
    case DocKind::Strong: wrap("strong"); break;
    case DocKind::Strikethrough: wrap("del"); break;
    case DocKind::Superscript: wrap("sup"); break;
    case DocKind::Subscript: wrap("sub"); break;
    case DocKind::Code:
      out += "<code>";
      append_text(n.text, out);
      out += "</code>";
      break;
    case DocKind::LineBreak: out += "<br />"; break;
    case DocKind::RawInline: {
      std::string raw = n.text;
      std::replace(raw.begin(), raw.end(), '\n', ' ');
      out += raw;
      break;
    }
    case DocKind::Link:
      out += "<a href=\"" + escape_html_attribute(n.url) + "\"";
      if (!n.title.empty()) out += " title=\"" + escape_html_attribute(n.title) + "\"";
      out += ">";
      children();
      out += "</a>";
      break;
    case DocKind::Image:
      out += "<img src=\"" + escape_html_attribute(n.url) + "\" alt=\"" + escape_html_attribute(n.text) + "\"";
      if (!n.title.empty()) out += " title=\"" + escape_html_attribute(n.title) + "\"";
      out += " />";
      break;
    default: children(); break;
  }
}

}  // namespace

bool kramdown_raw_content(std::string_view tag) {
  return !std::binary_search(kParsedContent.begin(), kParsedContent.end(), tag);
}

std::string start_tag_name(std::string_view raw) {
  if (raw.size() < 3 || raw[0] != '<' || !((raw[1] >= 'a' && raw[1] <= 'z') || (raw[1] >= 'A' && raw[1] <= 'Z')))
    return {};
  size_t i = 1;
  while (i < raw.size() && is_name_char(raw[i])) ++i;
  return lower(raw.substr(1, i - 1));
}

std::string opening_tag_name(std::string_view raw) {
  std::string name = start_tag_name(raw);
  if (name.empty() || (raw.size() >= 2 && raw[raw.size() - 2] == '/')) return {};  // <x/>
  if (std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end()) return {};
  return name;
}

std::string closing_tag_name(std::string_view raw) {
  if (raw.size() < 4 || raw.substr(0, 2) != "</") return {};
  size_t i = 2;
  while (i < raw.size() && is_name_char(raw[i])) ++i;
  const size_t end = i;
  while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n')) ++i;
  if (end == 2 || i + 1 != raw.size() || raw[i] != '>') return {};
  return lower(raw.substr(2, end - 2));
}

bool kramdown_block_element(std::string_view tag) {
  return std::binary_search(kBlockElements.begin(), kBlockElements.end(), tag);
}

bool kramdown_starts_block_html(std::string_view markup) {
  if (markup.substr(0, 4) == "<!--") return true;
  if (markup.size() < 2 || markup[0] != '<' || !((markup[1] >= 'a' && markup[1] <= 'z') || (markup[1] >= 'A' && markup[1] <= 'Z')))
    return false;
  size_t i = 1;
  while (i < markup.size() && is_name_char(markup[i])) ++i;
  return !std::binary_search(kSpanElements.begin(), kSpanElements.end(), lower(markup.substr(1, i - 1)));
}

std::string inlines_as_html(const DocNode& parent, size_t first, size_t last) {
  std::string out;
  for (size_t i = first; i < last && i < parent.children.size(); ++i) append_html(*parent.children[i], out);
  return out;
}

std::string kramdown_url(std::string_view url) {
  std::string out;
  for (char c : url) {
    if (c == '\\') out += "%5C";
    else if (c == '|') out += "%7C";
    else out += c;
  }
  return out;
}

std::string kramdown_title(std::string_view quoted_title) {
  std::string out;
  for (char c : quoted_title) {
    if (c == '|') out += "&#124;";
    else out += c;
  }
  return out;
}

}  // namespace blogshift::markdown
