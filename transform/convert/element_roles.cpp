// Which rule each HTML element gets: taken from what the element means in
// the shared element model (html/html_elements.h), which the fidelity check
// reads too, plus the few attribute-driven cases (<a name="more">, embed
// blockquotes).
#include <array>
#include <string_view>

#include "converter.h"
#include "html/html_elements.h"

namespace blogshift::convert {

namespace {

using M = ElementMeaning;
using R = ElementRole;

// How an element of the shared model (html/html_elements.h) is written.
ElementRole role_for(const HtmlElement& e) {
  switch (e.meaning) {
    case M::Plain: return e.display == ElementDisplay::Block ? R::Container : R::Transparent;
    case M::Section: return R::Container;
    case M::Heading: return R::Heading;
    case M::List: return R::List;
    case M::ListItem: return R::ListItem;
    case M::DefList: return R::DefList;
    case M::DefTerm: return R::DefTerm;
    case M::DefDesc: return R::DefDesc;
    case M::BlockQuote: return R::BlockQuote;
    case M::Preformatted: return R::Preformatted;
    case M::Table: return R::Table;
    case M::TablePart:
    case M::TableCell: return R::TablePart;
    case M::Rule: return R::Rule;
    case M::Strong: return R::Strong;
    case M::Emphasis: return R::Emphasis;
    case M::Strike: return R::Strike;
    case M::Subscript: return R::Sub;
    case M::Superscript: return R::Sup;
    case M::Code: return R::Code;
    case M::Marked: return R::Underline;
    case M::Link: return R::Link;
    case M::Image: return R::Image;
    case M::LineBreak: return R::Break;
    case M::WordBreak: return R::WordBreak;
    case M::InlineQuote: return R::Quote;
    case M::Ruby: return R::Transparent;
    case M::Embed:
    case M::Script:
    case M::FormControl: return R::RawEmbed;
    case M::Style:
    case M::Metadata:
    case M::Template:
    case M::Form:
    case M::Interactive:
    case M::Frame:
      // One that shows nothing (meta, link, title, dialog, noframes...) stays
      // inline, so that it does not split the paragraph or list item it is
      // in; alone in its paragraph it is a raw block all the same. A <style>
      // stays a block: inline, its CSS would be read as Markdown.
      if (e.void_element || (e.display == ElementDisplay::None && e.meaning != M::Style)) return R::RawEmbed;
      return R::Raw;
    case M::JumpBreak: return R::More;
  }
  return R::Unknown;
}

}  // namespace

ElementRole role_of(const HtmlNode& element) {
  const HtmlElement* e = html_element(element.tag);
  if (!e) return ElementRole::Unknown;
  ElementRole role = role_for(*e);
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
