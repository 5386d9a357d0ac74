// Tree surgery shared by the clean-up passes: walking an HtmlNode tree
// while rewriting it, moving children, classifying elements as block or
// inline, and reading inline CSS.
//
// Lifetimes: the walks return raw pointers into the tree. A pointer stays
// valid while its node is owned somewhere in the tree; unwrap() and
// lift_children() move children (the nodes themselves do not move, so
// pointers to them stay valid), remove() and replace() destroy the node
// and its subtree. The walk orders are chosen so that a pass never touches
// a node after destroying it: in pre-order a node comes before its
// descendants, in post-order after them.
//
// Nothing here recurses: the reader caps depth at 512, and the walks use
// explicit stacks anyway.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "html/html_tree.h"

namespace blogshift::passes {

// Every element below `root` (not `root` itself), parents before children.
std::vector<HtmlNode*> elements_preorder(HtmlNode& root);
// Every element below `root` (not `root` itself), children before parents.
std::vector<HtmlNode*> elements_postorder(HtmlNode& root);
// Every text or comment node below `root`, in document order.
std::vector<HtmlNode*> leaves(HtmlNode& root, HtmlNodeKind kind);

// The position of `node` among its parent's children. `node` must have a parent.
size_t index_in_parent(const HtmlNode& node);

// Takes `node` out of its parent and hands it over.
std::unique_ptr<HtmlNode> detach(HtmlNode& node);
// Destroys `node` (and its subtree).
void remove(HtmlNode& node);
// Puts `replacements` where `node` was and destroys `node`.
void replace(HtmlNode& node, std::vector<std::unique_ptr<HtmlNode>> replacements);
// Puts `node`'s children where `node` was and destroys `node`.
void unwrap(HtmlNode& node);
// Moves every child of `node` out, leaving it empty.
std::vector<std::unique_ptr<HtmlNode>> take_children(HtmlNode& node);
// Appends `children` to `node`, setting their parent.
void adopt(HtmlNode& node, std::vector<std::unique_ptr<HtmlNode>> children);
// Inserts `child` into `parent` at `index`; returns it.
HtmlNode* insert_at(HtmlNode& parent, size_t index, std::unique_ptr<HtmlNode> child);
// A new element `tag` holding `node`'s children, which becomes `node`'s only child.
HtmlNode* wrap_children(HtmlNode& node, std::string tag);
// Joins adjacent text nodes among `node`'s children.
void merge_adjacent_text(HtmlNode& node);

bool remove_attr(HtmlNode& node, std::string_view name);

// Phrasing content (HTML's inline elements: a, b, span, img, br, iframe...).
bool is_inline_tag(std::string_view tag);
// Text, comments and inline elements.
bool is_inline(const HtmlNode& node);
// Elements that start a block (p, div, ul, table, h1, pre, hr... and the
// jump-break marker), by the shared element model (html/html_elements.h);
// everything else that is an element counts as inline.
bool is_block_tag(std::string_view tag);
// Inside pre, code, tt, kbd, samp, script, style, textarea (whitespace and text are literal).
bool in_literal_text(const HtmlNode& node);
// Whether text inside an element `tag` is literal (pre, code, script...).
bool is_literal_tag(std::string_view tag);
// Elements whose children are paragraphs and other blocks.
bool is_block_container_tag(std::string_view tag);

// ASCII whitespace or U+00A0 only (true for "").
bool is_blank(std::string_view text);
// No text but whitespace, no elements but <br> (and comments) in the subtree.
bool is_blank_content(const HtmlNode& node);

// Splits `nodes` into blocks: block elements stay as they are; each run of
// inline content between them becomes a <p>, trimmed of <br> and whitespace
// at both ends and dropped when nothing is left (comments in a dropped run
// are kept as they are). With `split_on_breaks`, two or more <br> in a row
// (whitespace and comments between them allowed) also end a paragraph.
std::vector<std::unique_ptr<HtmlNode>> to_blocks(std::vector<std::unique_ptr<HtmlNode>> nodes, bool split_on_breaks);

// The jump-break marker the converter turns into an excerpt break.
inline constexpr std::string_view kMoreMarkerTag = "blogger-more";

// Inline CSS declarations, names lower case, values trimmed with
// `!important` dropped, in the order written.
using CssDeclarations = std::vector<std::pair<std::string, std::string>>;
CssDeclarations parse_style(std::string_view style);
// The last value of `property`, lower case, or "".
std::string css_value(const CssDeclarations& css, std::string_view property);

}  // namespace blogshift::passes
