// The owned document tree every transform step shares: what the HTML
// converter builds (transform/convert), what link and image rewriting edit,
// and what the CommonMark writer prints (transform/markdown). Modelled on
// pandoc's AST: blocks and inlines, plus Raw nodes for what Markdown cannot
// say (iframes, tables with spans, forms), kept and reported, never dropped.
//
// One node type with a kind tag, owning its children; no third-party type.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace blogshift {

enum class DocKind {
  // blocks
  Document,       // root; children: blocks
  Paragraph,      // children: inlines
  Heading,        // level 1..6; children: inlines
  BlockQuote,     // children: blocks
  BulletList,     // children: ListItem; `tight`
  OrderedList,    // children: ListItem; `start`, `tight`
  ListItem,       // children: blocks
  CodeBlock,      // `text` (the code, ending without a newline); `info` (language, may be empty)
  ThematicBreak,
  Table,          // children: TableRow; first row is the header when `header_row`; `aligns` per column
  TableRow,       // children: TableCell
  TableCell,      // children: inlines
  RawBlock,       // `text`: HTML kept as it is (iframe, embed, complex table...)
  ExcerptBreak,   // Blogger's jump break (<!-- more --> / <a name="more">): written as <!-- more -->
  // inlines
  Text,           // `text`: literal text (the writer escapes it)
  Emphasis,       // children: inlines
  Strong,         // children: inlines
  Strikethrough,  // children: inlines
  Superscript,    // children: inlines (written as <sup>…</sup>)
  Subscript,      // children: inlines (written as <sub>…</sub>)
  Code,           // `text`: inline code
  Link,           // `url`, `title`; children: inlines
  Image,          // `url`, `title`, `text` = alt
  LineBreak,      // hard break (<br> inside a paragraph)
  RawInline,      // `text`: inline HTML kept as it is
};

enum class Align { None, Left, Center, Right };

struct DocNode {
  DocKind kind = DocKind::Document;
  std::string text;   // Text, Code, CodeBlock, Raw*, Image alt
  std::string url;    // Link, Image
  std::string title;  // Link, Image
  std::string info;   // CodeBlock language
  int level = 0;      // Heading
  int start = 1;      // OrderedList
  bool tight = true;  // lists
  bool header_row = true;        // Table
  std::vector<Align> aligns;     // Table
  std::vector<std::unique_ptr<DocNode>> children;

  explicit DocNode(DocKind k = DocKind::Document) : kind(k) {}
  DocNode* add(std::unique_ptr<DocNode> child) {
    children.push_back(std::move(child));
    return children.back().get();
  }
  DocNode* add(DocKind k) { return add(std::make_unique<DocNode>(k)); }
  bool is_block() const { return kind < DocKind::Text; }
};

const char* to_string(DocKind kind);

// The words a reader sees, for descriptions and search: text of paragraphs,
// headings, lists, quotes and tables, blocks separated by a space, white
// space collapsed. Images, code blocks and raw HTML are left out, so no
// Markdown or HTML residue can reach the result.
std::string plain_text(const DocNode& root);
// Its start: stops once the text holds at least `max_bytes` bytes (it may
// end inside a UTF-8 sequence, or with a space); shorter only when that is
// the whole text.
std::string plain_text(const DocNode& root, size_t max_bytes);

// A readable, indented dump of the tree (`--dump-ast`, and tests that check
// the converter apart from the writer). One node per line:
//   Paragraph
//     Text "Hello"
//     Link url="https://…" title=""
std::string dump_document(const DocNode& root);

}  // namespace blogshift
