// The entry point: finds which elements hold block content (one iterative
// pass), then converts the body's children as blocks.
#include "html_to_document.h"

#include <utility>
#include <vector>

#include "converter.h"

namespace blogshift {

namespace convert {

Converter::Converter(const HtmlNode& body, ConvertReport& report) : report_(report) {
  // Post-order walk: an element holds blocks when a child is a block-level
  // element, the jump-break comment, or an element that holds blocks.
  std::vector<std::pair<const HtmlNode*, size_t>> stack{{&body, 0}};
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    if (next < node->children.size()) {
      const HtmlNode* child = node->children[next++].get();
      if (child->is_element() && !child->children.empty()) stack.push_back({child, 0});
      continue;
    }
    bool holds = false;
    for (const auto& child : node->children) {
      if ((child->is_element() && (is_block_role(role_of(*child)) || block_holders_.count(child.get()))) ||
          is_more_comment(*child)) {
        holds = true;
        break;
      }
    }
    if (holds) block_holders_.insert(node);
    stack.pop_back();
  }
}

}  // namespace convert

std::unique_ptr<DocNode> html_to_document(const HtmlNode& body, ConvertReport& report) {
  auto document = std::make_unique<DocNode>(DocKind::Document);
  convert::Converter converter(body, report);
  converter.blocks_from_children(body, *document);
  return document;
}

}  // namespace blogshift
