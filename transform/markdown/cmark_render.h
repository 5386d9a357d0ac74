// Markdown back to HTML (and to plain text) with cmark-gfm and the GFM
// extensions blogshift writes: table, strikethrough, autolink. Raw HTML is
// passed through (CMARK_OPT_UNSAFE), so a render shows exactly what a site
// generator would get. Used by the writer's round-trip tests and by the
// fidelity check. No cmark type leaves this adapter.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace blogshift {

// The HTML cmark-gfm makes of `markdown`.
std::string render_commonmark_to_html(std::string_view markdown);

// The text of each leaf block of `markdown`, in document order: paragraphs,
// headings, code blocks and table cells. Inside a block: text, inline code
// and image alt text; a hard break is "\n", a soft break " "; raw HTML is
// left out. Blocks whose text is empty are left out.
std::vector<std::string> commonmark_block_texts(std::string_view markdown);

}  // namespace blogshift

namespace blogshift {

// cmark-gfm's node tree, walked without handing out cmark types: the node
// kinds blogshift's Markdown can hold (extension nodes by name).
enum class MarkdownNodeKind {
  kDocument, kBlockQuote, kList, kItem, kCodeBlock, kHtmlBlock, kParagraph, kHeading, kThematicBreak,
  kTable, kTableRow, kTableCell,
  kText, kSoftBreak, kLineBreak, kCode, kHtmlInline, kEmph, kStrong, kStrikethrough, kLink, kImage,
  kOther,
};

struct MarkdownNode {
  MarkdownNodeKind kind = MarkdownNodeKind::kOther;
  std::string_view literal;  // text, code, code block, HTML block and inline HTML
  std::string_view url;      // link and image destination, as parsed (not escaped)
  int level = 0;             // heading: 1-6
  bool ordered = false;      // list: an ordered list
  bool tight = true;         // list: tight (its paragraphs are not set off)
  // On entering a paragraph, heading or table cell: the raw inline HTML
  // anywhere inside it, in document order (nullptr when there is none).
  const std::vector<std::string_view>* inline_html = nullptr;
};

// What a visitor wants done with the children of a node it enters.
enum class MarkdownDescend {
  kChildren,  // walk them
  kSkip,      // leave them out
  kAsHtml,    // hand them over as the HTML cmark-gfm renders of them (children_html)
};

class MarkdownVisitor {
public:
  virtual ~MarkdownVisitor() = default;
  // Leaf nodes (text, breaks, code, code and HTML blocks, thematic break,
  // inline HTML) are entered only; containers are entered and left.
  virtual MarkdownDescend enter(const MarkdownNode& node) = 0;
  virtual void leave(const MarkdownNode& node) = 0;
  virtual void children_html(std::string_view html) = 0;
};

// Parses `markdown` (the extensions above) and walks its tree in document order.
void walk_commonmark(std::string_view markdown, MarkdownVisitor& visitor);

}  // namespace blogshift
