// Which rule each HTML element gets. One table, so adding an element to a
// rule is one line.
#include <array>
#include <string_view>
#include <unordered_map>

#include "converter.h"

namespace blogshift::convert {

namespace {

const std::unordered_map<std::string_view, ElementRole>& role_table() {
  using R = ElementRole;
  static const std::unordered_map<std::string_view, ElementRole> table = {
      // blocks whose content is blocks
      {"div", R::Container}, {"p", R::Container}, {"section", R::Container}, {"article", R::Container},
      {"center", R::Container}, {"main", R::Container}, {"header", R::Container}, {"footer", R::Container},
      {"nav", R::Container}, {"aside", R::Container}, {"figure", R::Container}, {"figcaption", R::Container},
      {"address", R::Container}, {"hgroup", R::Container}, {"body", R::Container}, {"html", R::Container},
      {"h1", R::Heading}, {"h2", R::Heading}, {"h3", R::Heading}, {"h4", R::Heading}, {"h5", R::Heading},
      {"h6", R::Heading},
      {"ul", R::List}, {"ol", R::List}, {"menu", R::List}, {"dir", R::List},
      {"li", R::ListItem},
      {"dl", R::DefList}, {"dt", R::DefTerm}, {"dd", R::DefDesc},
      {"blockquote", R::BlockQuote},
      {"pre", R::Preformatted}, {"xmp", R::Preformatted}, {"listing", R::Preformatted},
      {"plaintext", R::Preformatted},
      {"table", R::Table},
      {"thead", R::TablePart}, {"tbody", R::TablePart}, {"tfoot", R::TablePart}, {"tr", R::TablePart},
      {"td", R::TablePart}, {"th", R::TablePart}, {"caption", R::TablePart}, {"colgroup", R::TablePart},
      {"col", R::TablePart},
      {"hr", R::Rule},
      {"blogger-more", R::More},
      // kept as raw HTML
      {"iframe", R::RawEmbed}, {"embed", R::RawEmbed}, {"object", R::RawEmbed}, {"video", R::RawEmbed}, {"audio", R::RawEmbed},
      {"script", R::RawEmbed}, {"form", R::Raw}, {"input", R::RawEmbed}, {"button", R::RawEmbed}, {"select", R::RawEmbed},
      {"textarea", R::RawEmbed}, {"canvas", R::RawEmbed}, {"svg", R::RawEmbed}, {"math", R::RawEmbed}, {"style", R::Raw},
      {"noscript", R::RawEmbed}, {"template", R::Raw}, {"details", R::Raw}, {"fieldset", R::Raw},
      {"meta", R::Raw}, {"link", R::Raw}, {"base", R::Raw}, {"title", R::Raw}, {"map", R::RawEmbed},
      {"picture", R::RawEmbed}, {"applet", R::RawEmbed}, {"frameset", R::Raw}, {"frame", R::Raw}, {"dialog", R::Raw},
      {"head", R::Raw},
      // inline
      {"b", R::Strong}, {"strong", R::Strong},
      {"i", R::Emphasis}, {"em", R::Emphasis}, {"cite", R::Emphasis}, {"dfn", R::Emphasis}, {"var", R::Emphasis},
      {"s", R::Strike}, {"strike", R::Strike}, {"del", R::Strike},
      {"sub", R::Sub}, {"sup", R::Sup},
      {"code", R::Code}, {"tt", R::Code}, {"kbd", R::Code}, {"samp", R::Code},
      {"u", R::Underline}, {"ins", R::Underline},
      {"a", R::Link}, {"img", R::Image}, {"br", R::Break}, {"wbr", R::WordBreak}, {"q", R::Quote},
      {"span", R::Transparent}, {"font", R::Transparent}, {"small", R::Transparent}, {"big", R::Transparent},
      {"abbr", R::Transparent}, {"acronym", R::Transparent}, {"time", R::Transparent}, {"label", R::Transparent},
      {"mark", R::Transparent}, {"bdi", R::Transparent}, {"bdo", R::Transparent}, {"nobr", R::Transparent},
      {"data", R::Transparent}, {"ruby", R::Transparent}, {"rb", R::Transparent}, {"rt", R::Transparent},
      {"rp", R::Transparent}, {"legend", R::Transparent}, {"output", R::Transparent},
  };
  return table;
}

}  // namespace

ElementRole role_of(const HtmlNode& element) {
  const auto& table = role_table();
  auto it = table.find(element.tag);
  if (it != table.end()) {
    ElementRole role = it->second;
    if (role == ElementRole::Link && !element.has_attr("href")) {
      const std::string* name = element.attr("name");
      if (name && *name == "more") return ElementRole::More;
    }
    if (role == ElementRole::BlockQuote &&
        (element.has_class("twitter-tweet") || element.has_class("instagram-media") ||
         element.has_class("tiktok-embed") || element.has_class("imgur-embed-pub") ||
         element.has_class("twitter-video")))
      return ElementRole::Raw;
    return role;
  }
  // Word's namespaced tags (o:p, st1:place, w:Sdt...): their content.
  if (element.tag.find(':') != std::string::npos) return ElementRole::Transparent;
  return ElementRole::Unknown;
}

bool is_block_role(ElementRole role) {
  switch (role) {
    case ElementRole::Container:
    case ElementRole::Heading:
    case ElementRole::List:
    case ElementRole::ListItem:
    case ElementRole::DefList:
    case ElementRole::DefTerm:
    case ElementRole::DefDesc:
    case ElementRole::BlockQuote:
    case ElementRole::Preformatted:
    case ElementRole::Table:
    case ElementRole::TablePart:
    case ElementRole::Rule:
    case ElementRole::More:
    case ElementRole::Raw: return true;
    default: return false;
  }
}

std::string raw_label(const HtmlNode& element) {
  if (element.tag == "blockquote") {
    for (const char* cls : {"twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed", "imgur-embed-pub"})
      if (element.has_class(cls)) return std::string("blockquote.") + cls;
  }
  return element.tag;
}

bool is_more_comment(const HtmlNode& node) {
  if (node.kind != HtmlNodeKind::Comment) return false;
  std::string text = collapse_html_whitespace(node.text);
  if (!text.empty() && text.front() == ' ') text.erase(0, 1);
  if (!text.empty() && text.back() == ' ') text.pop_back();
  return text == "more";
}

namespace {
constexpr std::array<bool, 256> kHtmlSpace = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : std::string_view(" \t\n\r\f")) table[c] = true;
  return table;
}();
bool html_space(char c) { return kHtmlSpace[static_cast<unsigned char>(c)]; }
}  // namespace

void append_collapsed_html_whitespace(std::string& out, std::string_view text) {
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    const char* run = p;  // characters kept as they are, appended at once
    while (p < end && !html_space(*p)) ++p;
    out.append(run, static_cast<size_t>(p - run));
    if (p == end) break;
    out += ' ';
    while (p < end && html_space(*p)) ++p;
  }
}

std::string collapse_html_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_collapsed_html_whitespace(out, text);
  return out;
}

}  // namespace blogshift::convert
