// separator-divs: Blogger's centring wrappers around images go.
//
// The editor puts each image in
//   <div class="separator" style="clear: both; text-align: center;">...</div>
// Centring means nothing in Markdown, so the wrapper is removed and what it
// held stays a block of its own: inline content (the image, its link, text)
// becomes a <p>, blocks inside (a nested separator, a table) stay as they
// are. A separator holding nothing but <br> and whitespace (the editor's
// spacer lines) is removed. Inside inline content (a <span> around a
// separator) the wrapper is simply unwrapped. Nested separators are handled
// inside out.
#include "passes/passes.h"
#include "passes/tree_edit.h"

namespace blogshift::passes {

namespace {

bool block_context(const HtmlNode& parent) {
  if (!parent.is_element()) return false;
  return is_block_container_tag(parent.tag) || parent.tag == "li" || parent.tag == "td" || parent.tag == "th" ||
         parent.tag == "dd" || parent.tag == "#document";
}

}  // namespace

void separator_divs_pass(HtmlNode& body, PassContext& context) {
  std::vector<HtmlNode*> separators;
  for (HtmlNode* n : elements_postorder(body))
    if (n->is_element("div") && n->has_class("separator")) separators.push_back(n);
  for (HtmlNode* div : separators) {
    ++context.changes;
    if (is_blank_content(*div)) {
      remove(*div);
    } else if (block_context(*div->parent)) {
      replace(*div, to_blocks(take_children(*div), false));
    } else {
      unwrap(*div);
    }
  }
}

}  // namespace blogshift::passes
