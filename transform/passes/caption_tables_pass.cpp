// caption-tables: Blogger's captioned images to an image and a caption line.
//
// Blogger's editor captions an image with a layout table:
//   <table class="tr-caption-container"><tbody>
//     <tr><td><a href="..."><img src="..."></a></td></tr>
//     <tr><td class="tr-caption">A caption, maybe with <a>links</a></td></tr>
//   </tbody></table>
// It becomes two paragraphs, the image and then its caption in emphasis:
//   <p><a href="..."><img src="..."></a></p><p><em>A caption, maybe with <a>links</a></em></p>
// Markdown has no figure, and this is what a reader of the Markdown sees and
// what its rendered HTML holds, so the fidelity check finds text and image.
// The caption keeps its inline markup; a caption that is already all in one
// <em> or <i> is not wrapped again; a caption holding blocks is kept as its
// blocks. A caption table without an image holds no figure: its cells'
// content becomes plain paragraphs. A table that was the only content of a
// <p> (the HTML parser nests it in quirks mode) replaces that <p>.
#include "passes/passes.h"
#include "passes/tree_edit.h"

namespace blogshift::passes {

namespace {

bool all_inline(const std::vector<std::unique_ptr<HtmlNode>>& nodes) {
  for (const auto& n : nodes)
    if (!is_inline(*n)) return false;
  return true;
}

bool any_content(const std::vector<std::unique_ptr<HtmlNode>>& nodes) {
  for (const auto& n : nodes)
    if (n->is_element() || !is_blank(n->text)) return true;
  return false;
}

bool holds_image(const std::vector<std::unique_ptr<HtmlNode>>& nodes) {
  for (const auto& n : nodes)
    if (n->is_element("img") || (n->is_element() && find_first(*n, by_tag("img")))) return true;
  return false;
}

// Already emphasised: the only non-blank child is one <em> or <i>.
bool already_emphasised(const std::vector<std::unique_ptr<HtmlNode>>& nodes) {
  const HtmlNode* only = nullptr;
  for (const auto& n : nodes) {
    if (!n->is_element() && is_blank(n->text)) continue;
    if (only) return false;
    only = n.get();
  }
  return only && (only->is_element("em") || only->is_element("i"));
}

// The cells of `table` itself (not of tables nested in it), in order.
std::vector<HtmlNode*> own_cells(HtmlNode& table) {
  std::vector<HtmlNode*> cells;
  for (HtmlNode* n : elements_preorder(table)) {
    if (n->tag != "td" && n->tag != "th") continue;
    const HtmlNode* owner = closest_ancestor(*n, by_tag("table"));
    if (owner == &table) cells.push_back(n);
  }
  return cells;
}

void add_block(std::vector<std::unique_ptr<HtmlNode>>& out, std::vector<std::unique_ptr<HtmlNode>> content,
               bool emphasise) {
  if (!any_content(content)) return;
  if (!all_inline(content)) {
    for (auto& c : content) out.push_back(std::move(c));
    return;
  }
  auto p = HtmlNode::element("p");
  if (emphasise && !already_emphasised(content))
    adopt(*p->append(HtmlNode::element("em")), std::move(content));
  else
    adopt(*p, std::move(content));
  out.push_back(std::move(p));
}

}  // namespace

void caption_tables_pass(HtmlNode& body, PassContext& context) {
  // Tables first (inner before outer); a replaced <p> is never in this list.
  std::vector<HtmlNode*> tables;
  for (HtmlNode* n : elements_postorder(body))
    if (n->is_element("table") && n->has_class("tr-caption-container")) tables.push_back(n);
  for (HtmlNode* table : tables) {
    std::vector<std::unique_ptr<HtmlNode>> picture;
    std::vector<std::vector<std::unique_ptr<HtmlNode>>> captions;
    for (HtmlNode* cell : own_cells(*table)) {
      if (cell->has_class("tr-caption")) {
        captions.push_back(take_children(*cell));
      } else {
        for (auto& c : take_children(*cell)) picture.push_back(std::move(c));
      }
    }
    bool figure = holds_image(picture);
    std::vector<std::unique_ptr<HtmlNode>> blocks;
    add_block(blocks, std::move(picture), false);
    for (auto& c : captions) add_block(blocks, std::move(c), figure);
    if (!figure) context.notes.push_back("caption-tables: a caption table without an image became plain paragraphs");

    HtmlNode* target = table;
    if (HtmlNode* p = table->parent; p && p->is_element("p")) {
      bool alone = true;
      for (const auto& c : p->children)
        if (c.get() != table && (c->is_element() || !is_blank(c->text))) alone = false;
      if (alone) target = p;
    }
    replace(*target, std::move(blocks));
    ++context.changes;
  }
}

}  // namespace blogshift::passes
