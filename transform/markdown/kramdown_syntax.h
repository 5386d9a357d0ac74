// What the kramdown dialect (Jekyll's kramdown 2.4, GFM input) needs beyond
// CommonMark, from kramdown's own syntax and parser (lib/kramdown/parser/
// html.rb, kramdown.rb, gfm.rb of kramdown 2.4.0 and kramdown-parser-gfm),
// each checked by rendering with both kramdown and cmark-gfm
// (tests/support/kramdown_agreement.py measures a whole tree):
//
//   any line with a "|" is a table row     every | escaped (\|), %7C in a URL, &#124; in a title
//   inline HTML whose content model is raw (u, s, font, mark, kbd, ...: every element
//     not in kramdown's HTML_CONTENT_MODEL_SPAN/BLOCK lists) keeps its content as
//     text                                    that content is written as HTML
//   a hard break "\" inside ~~ or inline HTML is a backslash    <br /> then the line end
//   emphasis pairs by its own rules           delimiters next to non-ASCII punctuation, and
//                                             emphasis inside emphasis of its kind, as HTML;
//                                             every * escaped
//   lists of one kind one after the other merge (and ")" lists do not exist)
//                                             an HTML comment between them
//   ": " after a paragraph is a definition; {#id} ends a heading, {: .c} is an
//     attribute list, $$ math                 \:  \{  \$
//   "<" before any letter (not only ASCII) opens a tag            \<
//   a line starting with a tag not in HTML_SPAN_ELEMENTS (or a comment) is block HTML
//                                             an empty <span></span> first; <br /> for the hard
//                                             break before it
//   a block element's tag (<iframe>, <div> ...) inside a paragraph is shown as text
//                                             the paragraph is written as a <p> HTML block
//   no backslash escape for & or ^            &amp;  &#94;
//   backslashes are kept in a URL             %5C
#pragma once

#include <string>
#include <string_view>

#include "document/document.h"

namespace blogshift::markdown {

// Whether kramdown keeps the content of inline element `tag` (lower case) as
// raw text rather than reading it as Markdown.
bool kramdown_raw_content(std::string_view tag);

// The tag name of a start tag, void or self-closing ones too ("" for anything else).
std::string start_tag_name(std::string_view raw);
// The tag name of an opening tag ("<u class=x>" -> "u"); "" for anything
// else (a closing tag, a comment, a self-closing or void element).
std::string opening_tag_name(std::string_view raw);
// The tag name of a closing tag ("</u >" -> "u"); "" for anything else.
std::string closing_tag_name(std::string_view raw);

// Whether `tag` is one of kramdown's HTML_BLOCK_ELEMENTS (div, iframe, p,
// table ...), which it shows as text when met inside a paragraph.
bool kramdown_block_element(std::string_view tag);

// Whether a line starting with `markup` starts block HTML in kramdown (a
// comment, or a tag not in its HTML_SPAN_ELEMENTS: <object>, <font>, <s>,
// <iframe> ...), ending the paragraph there.
bool kramdown_starts_block_html(std::string_view markup);

// Children [first, last) of `parent` as inline HTML: what a raw-content
// element holds in the kramdown dialect.
std::string inlines_as_html(const DocNode& parent, size_t first, size_t last);

// A URL and a link title kramdown reads back as themselves.
std::string kramdown_url(std::string_view url);
std::string kramdown_title(std::string_view quoted_title);

}  // namespace blogshift::markdown
