// Internal to transform/convert: the state html_to_document() carries while
// it walks a post body, and the rule families split over one file each:
//
//   element_roles.cpp     which rule an element gets (its ElementRole)
//   block_rules.cpp       containers, paragraphs, headings, lists, quotes,
//                         definition lists, raw blocks, the jump break
//   inline_rules.cpp      text, emphasis, links, images, inline code, breaks
//   inline_whitespace.cpp collapsing and trimming spaces in inline runs
//   table_rules.cpp       GFM tables, or the table kept as raw HTML
//   code_block_rules.cpp  <pre> to fenced code with a language
//
// Recursion follows the HTML nesting (one or two frames per element, small
// frames); the reader caps nesting at 512, and the converter flattens anything
// deeper than kMaxDepth to its text, so hostile input cannot exhaust the stack.
#pragma once

#include <memory>
#include <string>
#include <unordered_set>

#include "document/document.h"
#include "html/html_tree.h"
#include "html_to_document.h"

namespace blogshift::convert {

// How an element is written: role_of() takes it from the element's meaning
// in the shared model (html/html_elements.h), the one the fidelity check reads.
enum class ElementRole {
  Container,     // div, p, section, center...: children as blocks
  Heading,       // h1..h6
  List,          // ul, ol (menu, dir)
  ListItem,      // li
  DefList,       // dl
  DefTerm,       // dt
  DefDesc,       // dd
  BlockQuote,    // blockquote (not an embed)
  Preformatted,  // pre, xmp, listing, plaintext
  Table,         // table
  TablePart,     // thead, tbody, tfoot, tr, td, th, caption outside a table
  Rule,          // hr
  More,          // blogger-more, <a name="more">
  Raw,           // form, style, details...: kept as a raw block
  RawEmbed,      // iframe, script, video, svg, button...: raw inline HTML in
                 // the paragraph; a paragraph of nothing else is a RawBlock
  Strong,        // b, strong
  Emphasis,      // i, em, cite, dfn, var
  Strike,        // s, strike, del
  Sub,           // sub
  Sup,           // sup
  Code,          // code, tt, kbd, samp
  Underline,     // u, ins, mark: the raw tags (<u>…</u>) around the content
  Link,          // a
  Image,         // img
  Break,         // br
  WordBreak,     // wbr: nothing
  Quote,         // q: content between quotation marks
  Transparent,   // span, font, small, abbr, ruby, Word's o:p...: the content
  Unknown,       // no rule: raw HTML and an `unknown` entry
};

ElementRole role_of(const HtmlNode& element);
// Roles that make block structure (a paragraph cannot hold them).
bool is_block_role(ElementRole role);
// The kept_raw label of a raw element: "iframe", "blockquote.twitter-tweet"...
std::string raw_label(const HtmlNode& element);
// True for the jump-break comment <!-- more -->.
bool is_more_comment(const HtmlNode& node);
// True for a comment that is kept (as raw HTML, "<!--" text "-->"): every
// one but the jump break and editors' markers, Word's conditional comments
// (<!--[if gte mso 9]>…<![endif]-->) and the clipboard's StartFragment /
// EndFragment, which say nothing about the post.
bool is_kept_comment(const HtmlNode& node);
// Collapses runs of HTML whitespace (space, tab, LF, CR, FF) to one space;
// no trimming; U+00A0 is not whitespace here.
std::string collapse_html_whitespace(std::string_view text);
// The same, appended to `out`.
void append_collapsed_html_whitespace(std::string& out, std::string_view text);

// Inline-run whitespace rules (inline_whitespace.cpp): no space at the start
// or end of the container or next to a hard break, no double spaces across
// element boundaries, no empty emphasis, no hard break at either end.
void normalize_inlines(DocNode& container);
// After an inline wrapper (Strong, Link...) was filled as the last child of
// `parent`: moves its edge spaces outside it and removes it when empty
// (then returns false).
bool finish_wrapper(DocNode& parent);
// When `wrapper` (Strong, Emphasis...) starts or ends with a wrapper of its
// own kind, the inner one's children take its place: <b><b>x</b></b> and
// <b>a <b>b</b></b> are one Strong (the same rendering; nested, the inner
// delimiters would touch the outer ones, and the writer would need HTML).
// Nesting in the middle stays: <b>a <b>b</b> c</b> is **a __b__ c**.
void merge_edge_same_kind(DocNode& wrapper);
// Appends text to `parent`, merging with a Text last child and never
// producing two spaces in a row at the seam.
void append_text(DocNode& parent, std::string_view text);
// append_text(parent, collapse_html_whitespace(text)) without the copy in between.
void append_html_text(DocNode& parent, std::string_view text);

// True when the inline content shows nothing: only spaces, U+00A0 and
// hard breaks, maybe inside emphasis (Blogger's <p>&nbsp;</p> spacers).
bool visually_empty(const DocNode& container);
// A paragraph holding only raw inline HTML (an iframe alone in its div) as
// one RawBlock with the same HTML; nullptr when it holds anything else.
std::unique_ptr<DocNode> raw_only(const DocNode& paragraph);

// The code block of a <pre> (code_block_rules.cpp), empty or not.
std::unique_ptr<DocNode> code_block_from_pre(const HtmlNode& pre);
// SyntaxHighlighter's <script type="syntaxhighlighter" class="brush: js">.
bool is_highlighter_script(const HtmlNode& element);
std::unique_ptr<DocNode> code_block_from_script(const HtmlNode& script);
// The language named by the classes of `pre`, its <code> child or its
// highlight wrapper; empty when none.
std::string code_language(const HtmlNode& pre);

class Converter {
public:
  static constexpr int kMaxDepth = 600;

  Converter(const HtmlNode& body, ConvertReport& report);

  // Children of `parent` as blocks appended to `out`.
  void blocks_from_children(const HtmlNode& parent, DocNode& out);
  // Inline content of `node` appended to `parent` (an inline container).
  void inline_node(const HtmlNode& node, DocNode& parent);
  void inline_children(const HtmlNode& node, DocNode& parent);

  // A pending inline run in block context: the paragraph being filled.
  class Run {
  public:
    explicit Run(DocNode& out) : out_(out) {}
    DocNode& paragraph();
    // Ends the run: normalises, splits at <br><br>, appends non-empty paragraphs.
    void flush();
    DocNode& out() { return out_; }

  private:
    DocNode& out_;
    std::unique_ptr<DocNode> para_;
  };
  void block_child(const HtmlNode& node, Run& run);

  ConvertReport& report() { return report_; }

private:
  friend struct DepthGuard;
  // block_rules.cpp
  void container_or_inline(const HtmlNode& element, ElementRole role, Run& run);
  void distribute(const HtmlNode& element, ElementRole role, Run& run);
  void heading(const HtmlNode& element, DocNode& out);
  void list(const HtmlNode& element, DocNode& out);
  void definition_list(const HtmlNode& element, DocNode& out);
  void raw_block(const HtmlNode& element, DocNode& out, bool unknown);
  // inline_rules.cpp
  void link(const HtmlNode& element, DocNode& parent);
  void image(const HtmlNode& element, DocNode& parent);
  void inline_code(const HtmlNode& element, DocNode& parent);
  void wrapped(const HtmlNode& element, DocKind kind, DocNode& parent);
  void flatten_to_text(const HtmlNode& node, DocNode& parent);
  // table_rules.cpp
  void table(const HtmlNode& element, DocNode& out);
  std::string table_problem(const HtmlNode& element, std::vector<std::vector<const HtmlNode*>>& rows,
                            size_t& header_rows) const;

  bool holds_block(const HtmlNode& element) const { return block_holders_.count(&element) > 0; }
  bool active(DocKind kind) const { return (active_ & bit(kind)) != 0; }
  static unsigned bit(DocKind kind) { return 1u << static_cast<unsigned>(kind); }

  ConvertReport& report_;
  std::unordered_set<const HtmlNode*> block_holders_;  // elements with block content inside
  unsigned active_ = 0;       // inline wrapper kinds open around the current node
  unsigned merged_ = 0;       // wrapper kinds that add nothing here (a term's <b>)
  bool inline_only_ = false;  // inside a heading or term: blocks flatten to spaced inline content
  int depth_ = 0;
};

// Counts nesting for one rule call; true from `deep()` when past kMaxDepth.
struct DepthGuard {
  explicit DepthGuard(Converter& c) : c_(c) { ++c_.depth_; }
  ~DepthGuard() { --c_.depth_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;
  bool deep() const { return c_.depth_ > Converter::kMaxDepth; }
  Converter& c_;
};

}  // namespace blogshift::convert
