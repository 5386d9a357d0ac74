// The element table. Displays follow the HTML standard's Rendering section
// (15.3.1 hidden elements, 15.3.3 flow content, 15.3.6 sections and headings,
// 15.3.7 lists, 15.3.8 tables, 15.4 replaced elements); the obsolete
// elements follow section 16 and the way browsers still render them.
#include "html_elements.h"

#include <algorithm>
#include <array>

namespace blogshift {

namespace {

using M = ElementMeaning;
using D = ElementDisplay;

constexpr HtmlElement el(std::string_view tag, M meaning, D display, bool void_element = false) {
  return {tag, meaning, display, void_element, false};
}
constexpr HtmlElement old(std::string_view tag, M meaning, D display, bool void_element = false) {
  return {tag, meaning, display, void_element, true};
}

// Sorted by tag (checked by a test), searched by binary search.
constexpr std::array kElements = {
    el("a", M::Link, D::Inline),
    el("abbr", M::Plain, D::Inline),
    old("acronym", M::Plain, D::Inline),
    el("address", M::Section, D::Block),
    old("applet", M::Embed, D::Inline),
    el("area", M::Embed, D::None, true),
    el("article", M::Section, D::Block),
    el("aside", M::Section, D::Block),
    el("audio", M::Embed, D::Inline),
    el("b", M::Strong, D::Inline),
    el("base", M::Metadata, D::None, true),
    old("basefont", M::Metadata, D::None, true),
    el("bdi", M::Plain, D::Inline),
    el("bdo", M::Plain, D::Inline),
    old("bgsound", M::Metadata, D::None, true),
    old("big", M::Plain, D::Inline),
    old("blink", M::Plain, D::Inline),
    el("blockquote", M::BlockQuote, D::Block),
    old("blogger-more", M::JumpBreak, D::Inline),
    el("body", M::Section, D::Block),
    el("br", M::LineBreak, D::Inline, true),
    el("button", M::FormControl, D::Inline),
    el("canvas", M::Embed, D::Inline),
    el("caption", M::TablePart, D::Block),
    old("center", M::Section, D::Block),
    el("cite", M::Emphasis, D::Inline),
    el("code", M::Code, D::Inline),
    el("col", M::TablePart, D::Block, true),
    el("colgroup", M::TablePart, D::Block),
    el("data", M::Plain, D::Inline),
    el("datalist", M::FormControl, D::None),
    el("dd", M::DefDesc, D::Block),
    el("del", M::Strike, D::Inline),
    el("details", M::Interactive, D::Block),
    el("dfn", M::Emphasis, D::Inline),
    el("dialog", M::Interactive, D::None),  // shown only when open (scripts)
    old("dir", M::List, D::Block),
    el("div", M::Section, D::Block),
    el("dl", M::DefList, D::Block),
    el("dt", M::DefTerm, D::Block),
    el("em", M::Emphasis, D::Inline),
    el("embed", M::Embed, D::Inline, true),
    el("fieldset", M::Form, D::Block),
    el("figcaption", M::Section, D::Block),
    el("figure", M::Section, D::Block),
    old("font", M::Plain, D::Inline),
    el("footer", M::Section, D::Block),
    el("form", M::Form, D::Block),
    old("frame", M::Frame, D::Block, true),
    old("frameset", M::Frame, D::Block),
    el("h1", M::Heading, D::Block),
    el("h2", M::Heading, D::Block),
    el("h3", M::Heading, D::Block),
    el("h4", M::Heading, D::Block),
    el("h5", M::Heading, D::Block),
    el("h6", M::Heading, D::Block),
    el("head", M::Metadata, D::None),
    el("header", M::Section, D::Block),
    el("hgroup", M::Section, D::Block),
    el("hr", M::Rule, D::Block, true),
    el("html", M::Section, D::Block),
    el("i", M::Emphasis, D::Inline),
    el("iframe", M::Embed, D::None),  // its content is never rendered (the frame shows another page)
    old("image", M::Image, D::Inline, true),  // the parser makes it an img
    el("img", M::Image, D::Inline, true),
    el("input", M::FormControl, D::Inline, true),
    el("ins", M::Marked, D::Inline),
    old("isindex", M::FormControl, D::Inline, true),
    el("kbd", M::Code, D::Inline),
    old("keygen", M::FormControl, D::Inline, true),
    el("label", M::Plain, D::Inline),
    el("legend", M::Plain, D::Block),
    el("li", M::ListItem, D::Block),
    el("link", M::Metadata, D::None, true),
    old("listing", M::Preformatted, D::Block),
    el("main", M::Section, D::Block),
    el("map", M::Embed, D::Inline),
    el("mark", M::Marked, D::Inline),
    old("marquee", M::Plain, D::Inline),  // inline-block: scrolling text
    el("math", M::Embed, D::Inline),
    el("menu", M::List, D::Block),
    old("menuitem", M::Plain, D::Inline),
    el("meta", M::Metadata, D::None, true),
    el("meter", M::FormControl, D::Inline),
    old("multicol", M::Section, D::Block),
    el("nav", M::Section, D::Block),
    old("nextid", M::Metadata, D::None, true),
    old("nobr", M::Plain, D::Inline),
    old("noembed", M::Frame, D::None),
    old("noframes", M::Frame, D::None),
    el("noscript", M::Script, D::None),  // scripting is on where the site is read
    old("o:p", M::Plain, D::Inline),     // stands for every Office namespace element
    el("object", M::Embed, D::Inline),   // the plugins are gone: its fallback content shows
    el("ol", M::List, D::Block),
    el("optgroup", M::FormControl, D::Inline),
    el("option", M::FormControl, D::Inline),
    el("output", M::Plain, D::Inline),
    el("p", M::Section, D::Block),
    old("param", M::Embed, D::None, true),
    el("picture", M::Embed, D::Inline),
    old("plaintext", M::Preformatted, D::Block),
    el("pre", M::Preformatted, D::Block),
    el("progress", M::FormControl, D::Inline),
    el("q", M::InlineQuote, D::Inline),
    old("rb", M::Ruby, D::Inline),
    el("rp", M::Ruby, D::Inline),  // hidden where ruby is supported; Markdown has no ruby, so it is the text
    el("rt", M::Ruby, D::Inline),
    old("rtc", M::Ruby, D::Inline),
    el("ruby", M::Ruby, D::Inline),
    el("s", M::Strike, D::Inline),
    el("samp", M::Code, D::Inline),
    el("script", M::Script, D::None),
    el("search", M::Section, D::Block),
    el("section", M::Section, D::Block),
    el("select", M::FormControl, D::Inline),
    el("selectedcontent", M::FormControl, D::Inline),
    el("slot", M::Plain, D::Inline),
    el("small", M::Plain, D::Inline),
    el("source", M::Embed, D::None, true),
    old("spacer", M::Plain, D::Inline),  // browsers never made it void: its content shows
    el("span", M::Plain, D::Inline),
    old("strike", M::Strike, D::Inline),
    el("strong", M::Strong, D::Inline),
    el("style", M::Style, D::None),
    el("sub", M::Subscript, D::Inline),
    el("summary", M::Interactive, D::Block),
    el("sup", M::Superscript, D::Inline),
    el("svg", M::Embed, D::Inline),
    el("table", M::Table, D::Block),
    el("tbody", M::TablePart, D::Block),
    el("td", M::TableCell, D::Block),
    el("template", M::Template, D::None),
    el("textarea", M::FormControl, D::Inline),
    el("tfoot", M::TablePart, D::Block),
    el("th", M::TableCell, D::Block),
    el("thead", M::TablePart, D::Block),
    el("time", M::Plain, D::Inline),
    el("title", M::Metadata, D::None),
    el("tr", M::TablePart, D::Block),
    el("track", M::Embed, D::None, true),
    old("tt", M::Code, D::Inline),
    el("u", M::Marked, D::Inline),
    el("ul", M::List, D::Block),
    el("var", M::Emphasis, D::Inline),
    el("video", M::Embed, D::Inline),
    el("wbr", M::WordBreak, D::Inline, true),
    old("xmp", M::Preformatted, D::Block),
};

constexpr const HtmlElement* kOfficeElement = [] {
  for (const HtmlElement& e : kElements)
    if (e.tag == "o:p") return &e;
  return static_cast<const HtmlElement*>(nullptr);
}();

}  // namespace

const HtmlElement* html_element(std::string_view tag) {
  auto it = std::lower_bound(kElements.begin(), kElements.end(), tag,
                             [](const HtmlElement& e, std::string_view t) { return e.tag < t; });
  if (it != kElements.end() && it->tag == tag) return &*it;
  if (tag.find(':') != std::string_view::npos) return kOfficeElement;
  return nullptr;
}

std::span<const HtmlElement> html_elements() { return kElements; }

ElementDisplay element_display(std::string_view tag) {
  const HtmlElement* e = html_element(tag);
  return e ? e->display : ElementDisplay::Inline;
}

ElementMeaning element_meaning(std::string_view tag) {
  const HtmlElement* e = html_element(tag);
  return e ? e->meaning : ElementMeaning::Plain;
}

}  // namespace blogshift
