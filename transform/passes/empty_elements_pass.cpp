// empty-elements: elements with nothing in them go.
//
// After the other passes, Blogger posts are full of leftovers: <p></p>,
// <b> </b>, <span></span>, <a></a> without a target. An element holding no
// text but whitespace (U+00A0 counts) and no element but others of its kind
// is removed, inside out, so <p><span> </span></p> goes as a whole. An inline
// element holding whitespace between words becomes that space, so
// `a<b> </b>b` still reads "a b". An inline element holding only <br>s
// (`<b><br></b>`) is unwrapped to them. Comments inside a removed element go
// too. An empty block between inline content (`Hello<div></div>World`)
// becomes the <br> it showed. Runs before line-breaks, which then finds <br>
// and whitespace at the ends of paragraphs that these elements hid.
//
// Kept, empty or not: void and embedded elements and their content (img,
// br, hr, iframe, video, audio, object, canvas, svg and its <path>...), table
// structure (table, tr, td, th...: a blank cell keeps the grid), list items
// (an empty one still shows its bullet or number, and the numbers after it
// count it), script and
// style, the jump-break marker, <textarea>/<pre>/<code> with their
// whitespace, elements the HTML standard does not define (a custom element
// may draw itself), and any element with an id or an <a name> (style-noise keeps
// those only when a link points at them).
#include <algorithm>
#include <array>

#include "html/html_elements.h"
#include "html/html_serializer.h"
#include "passes/passes.h"
#include "passes/tree_edit.h"

namespace blogshift::passes {

namespace {

// By the shared element model (html/html_elements.h): what means something
// empty (void and embedded elements, form controls, table structure, code,
// scripts, the jump break) and anything inside an embed (an <svg>'s <path>).
bool always_kept(const HtmlNode& n) {
  if (is_void_element(n.tag)) return true;
  // One the standard does not define may be a custom element that draws
  // itself (<responsive-image src=…>): what it shows is unknown.
  if (!html_element(n.tag)) return true;
  if (n.has_attr("id") || (n.tag == "a" && n.has_attr("name"))) return true;
  for (const HtmlNode* p = &n; p && p->is_element(); p = p->parent) {
    switch (element_meaning(p->tag)) {
      case ElementMeaning::Embed:
      case ElementMeaning::FormControl: return true;
      default: break;
    }
  }
  switch (element_meaning(n.tag)) {
    case ElementMeaning::Table:
    case ElementMeaning::TablePart:
    case ElementMeaning::TableCell:
    case ElementMeaning::ListItem:
    case ElementMeaning::Preformatted:
    case ElementMeaning::Code:
    case ElementMeaning::Script:
    case ElementMeaning::Style:
    case ElementMeaning::JumpBreak: return true;
    default: break;
  }
  return in_literal_text(n);
}

// Shows something inline: text that is not blank, or an inline element.
bool inline_content(const HtmlNode* n) {
  if (!n) return false;
  if (n->is_text()) return !is_blank(n->text);
  return n->is_element() && is_inline_tag(n->tag);
}

// An empty block between inline content still ends the line before it:
// `Hello<div></div>World` shows two lines.
bool separates_lines(const HtmlNode& n) {
  if (is_inline_tag(n.tag) || !n.parent) return false;
  const size_t i = index_in_parent(n);
  const auto& siblings = n.parent->children;
  return i > 0 && i + 1 < siblings.size() && inline_content(siblings[i - 1].get()) &&
         inline_content(siblings[i + 1].get());
}

enum class Emptiness { Content, Blank, Nothing, Breaks };

Emptiness emptiness(const HtmlNode& n) {
  bool blank = false, breaks = false;
  for (const auto& c : n.children) {
    if (c->is_element("br")) {
      breaks = true;
      continue;
    }
    if (c->is_element()) return Emptiness::Content;
    if (c->is_text()) {
      if (!is_blank(c->text)) return Emptiness::Content;
      if (!c->text.empty()) blank = true;
    }
  }
  if (breaks) return Emptiness::Breaks;
  return blank ? Emptiness::Blank : Emptiness::Nothing;
}

// A neighbour already separates the words around `n`.
bool space_beside(const HtmlNode& n) {
  size_t i = index_in_parent(n);
  const auto& siblings = n.parent->children;
  auto spacey = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  if (i > 0 && siblings[i - 1]->is_text() && !siblings[i - 1]->text.empty() &&
      spacey(siblings[i - 1]->text.back()))
    return true;
  if (i + 1 < siblings.size() && siblings[i + 1]->is_text() && !siblings[i + 1]->text.empty() &&
      spacey(siblings[i + 1]->text.front()))
    return true;
  return false;
}

}  // namespace

void empty_elements_pass(HtmlNode& body, PassContext& context) {
  for (HtmlNode* n : elements_postorder(body)) {
    if (always_kept(*n)) continue;
    Emptiness e = emptiness(*n);
    if (e == Emptiness::Content) continue;
    HtmlNode* parent = n->parent;
    if (separates_lines(*n)) {  // its line break is what it showed
      std::vector<std::unique_ptr<HtmlNode>> line_break;
      line_break.push_back(HtmlNode::element("br"));
      replace(*n, std::move(line_break));
      ++context.changes;
      continue;
    }
    if (e == Emptiness::Breaks) {
      if (!is_inline_tag(n->tag)) continue;  // <p><br></p> is line-breaks' to judge
      unwrap(*n);                            // <b><br></b>: only the line break meant anything
      merge_adjacent_text(*parent);
      ++context.changes;
      continue;
    }
    if (e == Emptiness::Blank && is_inline_tag(n->tag) && !space_beside(*n)) {
      std::vector<std::unique_ptr<HtmlNode>> space;
      space.push_back(HtmlNode::text_node(" "));
      replace(*n, std::move(space));
      merge_adjacent_text(*parent);
    } else {
      remove(*n);
    }
    ++context.changes;
  }
}

}  // namespace blogshift::passes
