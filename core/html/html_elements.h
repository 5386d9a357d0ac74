// What every HTML element means: one description that the converter
// (transform/convert/element_roles.cpp) and the fidelity check
// (transform/fidelity/visible_text.cpp) both read, so that the Markdown a
// post becomes and the check of that Markdown cannot disagree about an
// element.
//
// The table (html_elements.cpp) holds every element of the HTML standard's
// element index (https://html.spec.whatwg.org/multipage/indices.html#elements-3,
// MathML's <math> and SVG's <svg> included), the obsolete and non-standard
// elements old editors emitted (section 16 of the standard: tt, font,
// center, strike, big, marquee, blink, nobr, xmp, ...), and Blogger's own
// <blogger-more>. An element name holding a colon (Word's o:p, st1:place,
// w:Sdt, v:shape...) is an Office namespace element: its content, nothing
// else. Anything else is unknown (nullptr): kept as raw HTML and reported.
//
// `display` is the element's default rendering from the standard's
// Rendering section (15.3): what starts a line of its own (Block), what is
// not rendered at all (None), and what flows with the text (Inline).
// `meaning` is what a reader takes from it, and decides how it is written.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace blogshift {

enum class ElementDisplay : uint8_t {
  Inline,  // phrasing: flows with the text (inline and inline-block boxes, replaced elements)
  Block,   // a box of its own: a line break before and after (block, list-item, table parts)
  None,    // not rendered, nor its content (display: none, and iframe/template content)
};

enum class ElementMeaning : uint8_t {
  Plain,          // no meaning of its own, only its content: span, font, small, abbr, o:p...
  Section,        // a block holding blocks: div, p, section, article, center, address...
  Heading,        // h1..h6
  List,           // ul, ol, menu, dir
  ListItem,       // li
  DefList,        // dl
  DefTerm,        // dt
  DefDesc,        // dd
  BlockQuote,     // blockquote
  Preformatted,   // pre, xmp, listing, plaintext: a code block
  Table,          // table
  TablePart,      // caption, colgroup, col, thead, tbody, tfoot, tr
  TableCell,      // td, th
  Rule,           // hr
  Strong,         // b, strong
  Emphasis,       // i, em, cite, dfn, var (shown in italics)
  Strike,         // s, strike, del
  Subscript,      // sub
  Superscript,    // sup
  Code,           // code, tt, kbd, samp: inline code
  Marked,         // u, ins, mark: underline or highlight, kept as the HTML tag around the content
  Link,           // a
  Image,          // img
  LineBreak,      // br
  WordBreak,      // wbr: nothing to show
  InlineQuote,    // q: its content between quotation marks
  Ruby,           // ruby, rt, rp, rb, rtc: written as the fallback text, base then (annotation)
  Embed,          // iframe, video, audio, object, svg, math, picture, canvas...: raw HTML
  Script,         // script, noscript
  Style,          // style
  Metadata,       // head, title, meta, link, base, basefont, bgsound, nextid
  Template,       // template
  Form,           // form, fieldset: raw HTML blocks
  FormControl,    // input, button, select, textarea, progress, meter, option...: raw HTML
  Interactive,    // details, summary, dialog: raw HTML blocks
  Frame,          // frameset, frame, noframes, noembed: raw HTML blocks
  JumpBreak,      // Blogger's <blogger-more>: the excerpt break
};

struct HtmlElement {
  std::string_view tag;  // lower case
  ElementMeaning meaning;
  ElementDisplay display;
  bool void_element;  // no content and no end tag (br, img, hr, input, wbr, ...)
  bool obsolete;      // not in the standard's element index (section 16, or an editor's own)
};

// The element `tag` (lower case), or nullptr when unknown. An Office
// namespace name (holding ':') gives the one Plain inline entry "o:p".
const HtmlElement* html_element(std::string_view tag);

// Every entry of the table, for tests that go through all of them.
std::span<const HtmlElement> html_elements();

// The element's display when known; Inline for unknown elements (browsers
// render an unknown element as an inline box).
ElementDisplay element_display(std::string_view tag);
// Its meaning; Plain for unknown elements.
ElementMeaning element_meaning(std::string_view tag);
// True when a browser shows nothing of the element or its content.
inline bool element_hidden(std::string_view tag) { return element_display(tag) == ElementDisplay::None; }

}  // namespace blogshift
