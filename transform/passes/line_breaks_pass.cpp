// line-breaks: <br><br> runs and <div> soup to paragraphs.
//
// Blogger's editor (in its default "press Enter for <br>" mode) writes
// paragraphs as text separated by <br><br>, and in its other mode as one
// <div> per line. Both become <p>s:
// * In the body, a div, blockquote, section and the like, every run of
//   inline content between blocks becomes a <p>, and two or more <br> in a
//   row (whitespace and comments between them allowed) end a paragraph.
//   <br> and whitespace at either end of a paragraph go; a single <br>
//   inside one stays (a hard line break).
// * A <p> holding <br><br> is split the same way; a <p> left with nothing
//   is removed.
// * A <div> is then unwrapped: it only held paragraphs and other blocks, and
//   means nothing by itself (style-noise has taken its style and class; a
//   div still carrying an attribute, an id that a link targets, is kept
//   around its blocks). So `<div>text</div>` becomes `<p>text</p>`,
//   `<div><div>…</div></div>` loses both wrappers, and `<div><br></div>`
//   disappears.
// * A list item is split only when it holds <br><br> or inline content
//   after a block (<li>a<ul>…</ul>b</li>); <li>a<ul>…</ul></li> is not
//   (a <p> around "a" would make a tight list loose); one left with nothing goes,
//   and so does its list when no item is left; an item empty to begin with
//   (<li></li>) stays, as its bullet shows. Any list, quotation or
//   wrapper left holding only whitespace at the end goes. Table cells are left alone
//   (GFM cells hold no paragraphs).
// * The jump-break marker counts as a block, so it ends up between
//   paragraphs.
// Containers are rewritten inside out. Inline elements holding <br><br>
// (`<b>a<br><br>b</b>`) are not split.
#include <algorithm>
#include <unordered_set>

#include "passes/passes.h"
#include "passes/tree_edit.h"

namespace blogshift::passes {

namespace {

// A list item is split at a <br><br> run, and when inline content follows a
// block (<li>a<ul>…</ul>b</li>: Markdown can only say that with paragraphs);
// not for a block at its end (<li>a<ul>…</ul></li> stays a tight item).
bool splits_item(const HtmlNode& li) {
  size_t breaks = 0;
  bool block_before = false;
  for (const auto& c : li.children) {
    if (c->is_element("br")) {
      if (++breaks >= 2) return true;
      continue;
    }
    if (c->kind == HtmlNodeKind::Comment || (c->is_text() && is_blank(c->text))) continue;
    breaks = 0;
    // A heading or <pre> is one block that Markdown can follow with a line
    // of text in a tight item; after any other block that line would
    // continue it (a list item's or quote's paragraph) or need a blank line.
    if (c->is_element() && is_block_tag(c->tag))
      block_before = !(c->tag == "pre" || (c->tag.size() == 2 && c->tag[0] == 'h' && c->tag[1] >= '1' && c->tag[1] <= '6'));
    else if (block_before)
      return true;
  }
  return false;
}

bool has_break_run_or_block(const HtmlNode& n) {
  size_t breaks = 0;
  for (const auto& c : n.children) {
    if (c->is_element("br")) {
      if (++breaks >= 2) return true;
    } else if (c->is_element() && is_block_tag(c->tag)) {
      return true;
    } else if (!(c->is_text() && is_blank(c->text)) && c->kind != HtmlNodeKind::Comment) {
      breaks = 0;
    }
  }
  return false;
}

bool edge_filler(const HtmlNode& n) { return n.is_element("br") || (n.is_text() && is_blank(n.text)); }

bool needs_rebuild(const HtmlNode& p) {
  if (p.children.empty()) return true;
  if (edge_filler(*p.children.front()) || edge_filler(*p.children.back())) return true;
  return has_break_run_or_block(p);
}

bool is_prunable_wrapper(std::string_view tag) {
  return tag == "p" || tag == "li" || tag == "ul" || tag == "ol" || tag == "dl" || tag == "blockquote" ||
         tag == "div" || is_block_container_tag(tag);
}

bool inline_parent(const HtmlNode& n) {
  const HtmlNode* p = n.parent;
  return p && p->is_element() && !is_block_container_tag(p->tag) && !is_block_tag(p->tag) && p->tag != "#document";
}

}  // namespace

void line_breaks_pass(HtmlNode& body, PassContext& context) {
  std::vector<HtmlNode*> targets;
  // Items empty to begin with (<li></li>) show their bullet and count in
  // the numbering: they stay. Items this pass empties (<li><br></li>) go.
  std::unordered_set<const HtmlNode*> empty_items;
  for (HtmlNode* n : elements_postorder(body)) {
    if (n->tag == "p" || n->tag == "li" || is_block_container_tag(n->tag)) targets.push_back(n);
    if (n->tag == "li" && std::all_of(n->children.begin(), n->children.end(), [](const auto& c) {
          return c->kind == HtmlNodeKind::Comment || (c->is_text() && is_blank(c->text));
        }))
      empty_items.insert(n);
  }
  targets.push_back(&body);

  for (HtmlNode* n : targets) {
    if (n->tag == "p") {
      if (!needs_rebuild(*n)) continue;
      auto blocks = to_blocks(take_children(*n), true);
      for (auto& b : blocks) {
        if (b->is_element("p") && b->attributes.empty()) {
          b->attributes = n->attributes;  // an id target stays on the paragraph
          break;
        }
      }
      replace(*n, std::move(blocks));
      ++context.changes;
      continue;
    }
    if (n->tag == "li") {
      if (!splits_item(*n)) continue;
      adopt(*n, to_blocks(take_children(*n), true));
      ++context.changes;
      if (n->children.empty() && n->attributes.empty()) {
        HtmlNode* list = n->parent;
        remove(*n);
        // A list whose only items held nothing but breaks goes with them.
        bool items = std::any_of(list->children.begin(), list->children.end(),
                                 [](const auto& c) { return c->is_element(); });
        if (!items && (list->tag == "ul" || list->tag == "ol")) remove(*list);
      }
      continue;
    }
    if (n != &body && inline_parent(*n)) {
      if (n->tag == "div" && n->attributes.empty()) {
        unwrap(*n);
        ++context.changes;
      }
      continue;
    }
    auto blocks = to_blocks(take_children(*n), true);
    if (n->tag == "div" && n->attributes.empty()) {
      replace(*n, std::move(blocks));
      ++context.changes;
    } else {
      adopt(*n, std::move(blocks));
    }
  }

  // Block wrappers this pass left holding only whitespace (a list whose
  // items were empty <div><br></div> lines) go too, inside out.
  for (HtmlNode* n : elements_postorder(body)) {
    if (!is_prunable_wrapper(n->tag) || !n->attributes.empty() || empty_items.count(n)) continue;
    bool blank = std::all_of(n->children.begin(), n->children.end(), [](const auto& c) {
      return c->kind == HtmlNodeKind::Comment || (c->is_text() && is_blank(c->text));
    });
    if (!blank) continue;
    remove(*n);
    ++context.changes;
  }
}

}  // namespace blogshift::passes
