// Writes an HtmlNode tree back to HTML, following the HTML5 fragment
// serialisation algorithm: void elements without end tags, raw-text
// elements (script, style...) unescaped, text escaped (& < > and U+00A0),
// attribute values double-quoted with & " and U+00A0 escaped.
//
// Used where the source bytes of an element are not known (an end tag the
// parser implied) and by later stages that rewrite the tree.
#pragma once

#include <string>

#include "html_tree.h"

namespace blogshift {

// The element with its tags (a text or comment node: its escaped form).
std::string outer_html(const HtmlNode& node);
// The node's children, serialised one after another.
std::string inner_html(const HtmlNode& node);

std::string escape_html_text(std::string_view text);
std::string escape_html_attribute(std::string_view value);
bool is_void_element(std::string_view tag);

}  // namespace blogshift
