// HTML (a cleaned post body) to the document tree: one rule per element
// Blogger posts contain. What Markdown cannot say is kept as RawBlock /
// RawInline and listed in the report, never dropped.
//
// The rules, in short (the spec examples in tests/transform/spec/convert/
// show each one):
//   * div, p, section, article, center, figure... : their content as blocks;
//     inline content at block level becomes Paragraphs, split at runs of two
//     or more <br>. span, font, small, abbr, Word's o:p...: their content.
//   * Inline elements holding blocks (<a href><div><img></div></a>): the
//     blocks are converted and the element is applied to every paragraph and
//     heading inside them, so no text is lost.
//   * h1..h6 → Heading (blocks inside are flattened, joined by spaces);
//     br → LineBreak (dropped at either end of a paragraph); b/strong →
//     Strong; i/em/cite/dfn/var → Emphasis; s/strike/del → Strikethrough;
//     sub/sup; code/tt/kbd/samp → Code (whitespace collapsed, a space at
//     either end kept); q → text between “ ”. Emphasis
//     nested in emphasis of its kind stays nested (<b>a <b>b</b> c</b>),
//     unless it starts or ends the outer one (<b><b>x</b> y</b>: one Strong).
//   * u / ins: Markdown has no underline, and emphasis would change the
//     meaning, so the content is kept between RawInline "<u>" and "</u>"
//     (or "<ins>"/"</ins>"); listed in kept_raw as "u" / "ins".
//   * a → Link (href, title as written; href="" links to the page itself);
//     without href → its content; javascript: →
//     its content and a note; nested links → content; an empty link is
//     dropped with a note. img → Image (src, else data-src; alt, title).
//   * ul/ol → lists (start; stray nested lists attach to the item before;
//     loose when an item holds a <p>; in an item without one, paragraphs in
//     a row, from <div>s and the like, are lines joined by LineBreak); dl: each
//     dt becomes a Paragraph holding Strong, each dd its content as blocks.
//   * pre (xmp, listing) → CodeBlock (an empty one too), text exactly as
//     decoded, <br> as a newline, one trailing newline dropped; language from
//     the classes (language-X: X as written) of
//     the pre, its code child or a highlight wrapper div (see
//     code_language()). SyntaxHighlighter's <script type="syntaxhighlighter">
//     too.
//   * table → Table when every row has the same number of cells, no
//     rowspan/colspan, no caption, and each cell converts to at most one
//     paragraph (cells may hold LineBreak: the writer prints <br>). Header:
//     the one thead row, else a first row of th cells; otherwise
//     header_row = false. Alignment from align / text-align of the first
//     row. A 1×1 table is a layout box: its content as blocks. Anything
//     else: RawBlock (outer HTML) and kept_raw "table: <reason>".
//   * iframe, embed, object, video, audio, script, form, input, button,
//     select, textarea, canvas, svg, math, style, noscript, details, meta,
//     link, tweet/instagram blockquotes... → RawBlock at block level,
//     RawInline inside inline content; kept_raw names the element.
//   * Comments are kept as raw HTML (RawInline, a RawBlock when alone
//     between blocks; kept_raw "comment"), except editors' markers (Word's
//     conditional comments, StartFragment/EndFragment) and <!-- more -->;
//     blogger-more, that comment and <a name="more"> become an
//     ExcerptBreak (at block level).
//   * Unknown elements: RawInline (RawBlock when they hold blocks) and an
//     `unknown` entry.
//   * Whitespace: runs of HTML whitespace collapse to one space (outside
//     pre), trimmed at block edges and around LineBreak; spaces at the edge
//     of emphasis and links move outside them. U+00A0 is left alone.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "document/document.h"
#include "html/html_tree.h"

namespace blogshift {

struct ConvertReport {
  // Elements kept as raw HTML, with why: "iframe", "table: rowspan", "form"...
  std::vector<std::string> kept_raw;
  // Elements no rule knows (kept as raw HTML too): "marquee", "blink"...
  std::vector<std::string> unknown;
  // Things left out or changed that a reader of the report may want to know:
  // "javascript: link", "empty link", "image without src", "nesting too deep".
  std::vector<std::string> notes;
};

// `body` is the <body> element (or any container) of a cleaned post. The
// body is only read; the returned tree owns copies of everything it needs.
std::unique_ptr<DocNode> html_to_document(const HtmlNode& body, ConvertReport& report);

}  // namespace blogshift
