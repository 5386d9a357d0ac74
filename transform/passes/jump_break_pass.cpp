// jump-break: Blogger's "read more" break to one marker element.
//
// Blogger marks the end of a post's excerpt with a `<!--more-->` comment
// (Takeout, the editor) or, in rendered pages and old templates, an empty
// `<a name="more"></a>`. Both become `<blogger-more></blogger-more>`, which
// the converter turns into the excerpt break. Only the first break counts
// (Blogger itself cut at the first); later ones are removed. An anchor that
// holds content keeps it, with the marker put before it. The marker stays
// where the break was; line-breaks lifts it out of a run of inline content.
#include "passes/passes.h"
#include "passes/tree_edit.h"
#include "text.h"

namespace blogshift::passes {

namespace {

bool is_more_comment(const HtmlNode& n) {
  return n.kind == HtmlNodeKind::Comment && iequals(trim(n.text), "more");
}

bool is_more_anchor(const HtmlNode& n) {
  if (!n.is_element("a")) return false;
  const std::string* name = n.attr("name");
  return name && iequals(trim(*name), "more") && !n.has_attr("href");
}

}  // namespace

void jump_break_pass(HtmlNode& body, PassContext& context) {
  // Document order over elements and comments, collected before rewriting.
  std::vector<HtmlNode*> breaks;
  {
    struct Frame {
      HtmlNode* node;
      size_t next;
    };
    std::vector<Frame> stack{{&body, 0}};
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.next >= top.node->children.size()) {
        stack.pop_back();
        continue;
      }
      HtmlNode* child = top.node->children[top.next++].get();
      if (is_more_comment(*child) || is_more_anchor(*child) || child->is_element(kMoreMarkerTag)) {
        breaks.push_back(child);
        continue;  // an anchor's content holds no second break worth keeping
      }
      if (child->is_element()) stack.push_back({child, 0});
    }
  }
  bool first = true;
  for (HtmlNode* node : breaks) {
    bool keep_marker = first;
    first = false;
    if (node->is_element(kMoreMarkerTag)) {
      if (keep_marker) {
        if (!node->children.empty() || !node->attributes.empty()) {
          // Not a marker this pass wrote: keep what it holds after it.
          auto held = take_children(*node);
          node->attributes.clear();
          for (size_t i = 0; i < held.size(); ++i)
            insert_at(*node->parent, index_in_parent(*node) + 1 + i, std::move(held[i]));
          ++context.changes;
        }
        continue;
      }
      unwrap(*node);
      ++context.changes;
      continue;
    }
    std::vector<std::unique_ptr<HtmlNode>> replacement;
    if (keep_marker) replacement.push_back(HtmlNode::element(std::string(kMoreMarkerTag)));
    if (node->is_element()) {
      for (auto& c : take_children(*node)) replacement.push_back(std::move(c));
    }
    replace(*node, std::move(replacement));
    ++context.changes;
  }
}

}  // namespace blogshift::passes
