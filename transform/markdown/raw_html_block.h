// RawBlock text made into exactly one CommonMark HTML block, so cmark passes
// it through untouched and none of it is read as Markdown.
//
// CommonMark HTML blocks (spec 4.6) end at a blank line (kinds 6 and 7) or at
// a kind's end marker (</pre>, -->, ?>, >, ]]>). So:
//  * line ends are normalised, trailing whitespace is stripped from every
//    line, leading and trailing blank lines are dropped, and the first line
//    loses its indentation (4 spaces would make it a code block);
//  * a <pre>/<script>/<style>/<textarea>, comment, processing instruction,
//    declaration or CDATA block whose end marker is on its last line is kept
//    as it is, blank lines included (they are content there);
//  * otherwise blank lines inside are removed (collapsed), which HTML does
//    not notice outside <pre>, and the block must start like a kind 6 (block
//    tag) or kind 7 (a lone complete tag on the first line) HTML block;
//  * anything else (text first, an inline tag followed by text, a <pre> that
//    ends before the block does) is wrapped in <div> … </div> lines.
#pragma once

#include <string>
#include <string_view>

namespace blogshift::markdown {

// The lines of the HTML block joined by '\n' (no final newline); "" when
// `html` is only whitespace.
std::string raw_html_block(std::string_view html);

// True when a line starting with `text` would open an HTML block that can
// interrupt a paragraph (kinds 1-6: <script>, <!--, <iframe, <div ...).
bool opens_interrupting_html_block(std::string_view text);

}  // namespace blogshift::markdown
