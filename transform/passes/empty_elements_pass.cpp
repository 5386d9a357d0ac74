// empty-elements: elements with nothing in them go.
//
// After the other passes, Blogger posts are full of leftovers: <p></p>,
// <b> </b>, <span></span>, <a></a> without a target. An element holding no
// text but whitespace (U+00A0 counts) and no element but others of its kind
// is removed, inside out, so <p><span> </span></p> goes as a whole. An inline
// element holding whitespace between words becomes that space, so
// `a<b> </b>b` still reads "a b". An inline element holding only <br>s
// (`<b><br></b>`) is unwrapped to them. Comments inside a removed element go
// too. Runs before line-breaks, which then finds <br> and whitespace at the
// ends of paragraphs that these elements hid.
//
// Kept, empty or not: void and embedded elements (img, br, hr, iframe,
// video, audio, embed, object, source, input, canvas, svg...), table
// structure (table, tr, td, th...: a blank cell keeps the grid), script and
// style, the jump-break marker, <textarea>/<pre>/<code> with their
// whitespace, and any element with an id or an <a name> (style-noise keeps
// those only when a link points at them).
#include <algorithm>
#include <array>

#include "html/html_serializer.h"
#include "passes/passes.h"
#include "passes/tree_edit.h"

namespace blogshift::passes {

namespace {

bool always_kept(const HtmlNode& n) {
  static constexpr std::array<std::string_view, 30> kKept = {
      "img",    "br",     "hr",     "iframe", "video",    "audio",    "embed",  "object", "source", "track",
      "input",  "canvas", "svg",    "math",   "table",    "thead",    "tbody",  "tfoot",  "tr",     "td",
      "th",     "col",    "colgroup", "script", "style",  "textarea", "pre",    "code",   "select", "blogger-more"};
  if (is_void_element(n.tag)) return true;
  if (std::find(kKept.begin(), kKept.end(), n.tag) != kKept.end()) return true;
  if (n.has_attr("id") || (n.tag == "a" && n.has_attr("name"))) return true;
  return in_literal_text(n);
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
