#include "html_tree.h"

#include <algorithm>

#include "html_serializer.h"

namespace blogshift {

namespace {

bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool skipped_for_text(const HtmlNode& n) {
  return n.is_element() && (n.tag == "script" || n.tag == "style" || n.tag == "noscript" || n.tag == "template");
}

// Pre-order walk over the descendants of `from`, iterative.
template <typename Visit>
void walk(const HtmlNode& from, Visit&& visit, bool skip_text_hidden = false) {
  struct Frame {
    const HtmlNode* node;
    size_t next;
  };
  std::vector<Frame> stack{{&from, 0}};
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next >= top.node->children.size()) {
      stack.pop_back();
      continue;
    }
    const HtmlNode* child = top.node->children[top.next++].get();
    if (!visit(*child)) return;
    if (skip_text_hidden && skipped_for_text(*child)) continue;
    if (!child->children.empty()) stack.push_back({child, 0});
  }
}

}  // namespace

std::unique_ptr<HtmlNode> HtmlNode::element(std::string name) {
  auto n = std::make_unique<HtmlNode>();
  n->kind = HtmlNodeKind::Element;
  n->tag = std::move(name);
  return n;
}

std::unique_ptr<HtmlNode> HtmlNode::text_node(std::string value) {
  auto n = std::make_unique<HtmlNode>();
  n->kind = HtmlNodeKind::Text;
  n->text = std::move(value);
  return n;
}

std::unique_ptr<HtmlNode> HtmlNode::comment(std::string value) {
  auto n = std::make_unique<HtmlNode>();
  n->kind = HtmlNodeKind::Comment;
  n->text = std::move(value);
  return n;
}

const std::string* HtmlNode::attr(std::string_view name) const {
  for (const auto& a : attributes)
    if (a.name == name) return &a.value;
  return nullptr;
}

std::string HtmlNode::attr_or(std::string_view name, std::string_view fallback) const {
  const std::string* v = attr(name);
  return v ? *v : std::string(fallback);
}

void HtmlNode::set_attr(std::string_view name, std::string value) {
  for (auto& a : attributes)
    if (a.name == name) {
      a.value = std::move(value);
      return;
    }
  attributes.push_back({std::string(name), std::move(value)});
}

bool HtmlNode::has_class(std::string_view name) const {
  const std::string* cls = attr("class");
  if (!cls || name.empty()) return false;
  std::string_view rest = *cls;
  size_t i = 0;
  while (i < rest.size()) {
    while (i < rest.size() && ascii_space(rest[i])) ++i;
    size_t start = i;
    while (i < rest.size() && !ascii_space(rest[i])) ++i;
    if (rest.substr(start, i - start) == name) return true;
  }
  return false;
}

HtmlNode* HtmlNode::append(std::unique_ptr<HtmlNode> child) {
  child->parent = this;
  children.push_back(std::move(child));
  return children.back().get();
}

std::vector<const HtmlNode*> find_all(const HtmlNode& from, const HtmlPredicate& pred) {
  std::vector<const HtmlNode*> out;
  walk(from, [&](const HtmlNode& n) {
    if (n.is_element() && pred(n)) out.push_back(&n);
    return true;
  });
  return out;
}

const HtmlNode* find_first(const HtmlNode& from, const HtmlPredicate& pred) {
  const HtmlNode* found = nullptr;
  walk(from, [&](const HtmlNode& n) {
    if (n.is_element() && pred(n)) {
      found = &n;
      return false;
    }
    return true;
  });
  return found;
}

HtmlPredicate by_tag(std::string tag) {
  return [tag = std::move(tag)](const HtmlNode& n) { return n.tag == tag; };
}
HtmlPredicate by_class(std::string cls) {
  return [cls = std::move(cls)](const HtmlNode& n) { return n.has_class(cls); };
}
HtmlPredicate by_tag_class(std::string tag, std::string cls) {
  return [tag = std::move(tag), cls = std::move(cls)](const HtmlNode& n) { return n.tag == tag && n.has_class(cls); };
}
HtmlPredicate by_attr(std::string name) {
  return [name = std::move(name)](const HtmlNode& n) { return n.has_attr(name); };
}
HtmlPredicate by_attr(std::string name, std::string value) {
  return [name = std::move(name), value = std::move(value)](const HtmlNode& n) {
    const std::string* v = n.attr(name);
    return v && *v == value;
  };
}

const HtmlNode* closest_ancestor(const HtmlNode& node, const HtmlPredicate& pred) {
  for (const HtmlNode* p = node.parent; p; p = p->parent)
    if (p->is_element() && pred(*p)) return p;
  return nullptr;
}

bool is_descendant_of(const HtmlNode& node, const HtmlNode& ancestor) {
  for (const HtmlNode* p = node.parent; p; p = p->parent)
    if (p == &ancestor) return true;
  return false;
}

std::string raw_text_content(const HtmlNode& node) {
  std::string out;
  if (node.is_text()) return node.text;
  walk(
      node,
      [&](const HtmlNode& n) {
        if (n.is_text()) out += n.text;
        return true;
      },
      true);
  return out;
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_collapsed_whitespace(out, text);
  return out;
}

void append_collapsed_whitespace(std::string& out, std::string_view text) {
  bool pending_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool space = ascii_space(c);
    size_t width = 1;
    if (!space && static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      space = true;  // U+00A0 no-break space
      width = 2;
    }
    if (space) {
      pending_space = !out.empty();
      i += width - 1;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
}

std::string text_content(const HtmlNode& node) { return collapse_whitespace(raw_text_content(node)); }

std::string original_inner_html(const HtmlDocument& doc, const HtmlNode& node) {
  if (node.inner_begin >= 0 && node.inner_end >= node.inner_begin &&
      static_cast<uint64_t>(node.inner_end) <= doc.source.size())
    return doc.source.substr(static_cast<size_t>(node.inner_begin), static_cast<size_t>(node.inner_end - node.inner_begin));
  return inner_html(node);
}

}  // namespace blogshift
