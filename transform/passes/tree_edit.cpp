#include "passes/tree_edit.h"

#include "html/html_elements.h"

#include <algorithm>
#include <array>

#include "text.h"

namespace blogshift::passes {

namespace {

struct Frame {
  HtmlNode* node;
  size_t next;
};

// Most post bodies hold a few dozen elements: room for them up front spares
// the walks below their first reallocations.
constexpr size_t kUsualElements = 128, kUsualDepth = 32;

bool contains(std::string_view tag, const auto& list) {
  return std::find(list.begin(), list.end(), tag) != list.end();
}

}  // namespace

std::vector<HtmlNode*> elements_preorder(HtmlNode& root) {
  std::vector<HtmlNode*> out;
  out.reserve(kUsualElements);
  std::vector<Frame> stack;
  stack.reserve(kUsualDepth);
  stack.push_back({&root, 0});
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next >= top.node->children.size()) {
      stack.pop_back();
      continue;
    }
    HtmlNode* child = top.node->children[top.next++].get();
    if (!child->is_element()) continue;
    out.push_back(child);
    stack.push_back({child, 0});
  }
  return out;
}

std::vector<HtmlNode*> elements_postorder(HtmlNode& root) {
  std::vector<HtmlNode*> out;
  out.reserve(kUsualElements);
  std::vector<Frame> stack;
  stack.reserve(kUsualDepth);
  stack.push_back({&root, 0});
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next >= top.node->children.size()) {
      if (top.node != &root) out.push_back(top.node);
      stack.pop_back();
      continue;
    }
    HtmlNode* child = top.node->children[top.next++].get();
    if (child->is_element()) stack.push_back({child, 0});
  }
  return out;
}

std::vector<HtmlNode*> leaves(HtmlNode& root, HtmlNodeKind kind) {
  std::vector<HtmlNode*> out;
  out.reserve(kUsualElements);
  std::vector<Frame> stack;
  stack.reserve(kUsualDepth);
  stack.push_back({&root, 0});
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next >= top.node->children.size()) {
      stack.pop_back();
      continue;
    }
    HtmlNode* child = top.node->children[top.next++].get();
    if (child->kind == kind) out.push_back(child);
    if (child->is_element()) stack.push_back({child, 0});
  }
  return out;
}

size_t index_in_parent(const HtmlNode& node) {
  const auto& siblings = node.parent->children;
  for (size_t i = 0; i < siblings.size(); ++i)
    if (siblings[i].get() == &node) return i;
  return siblings.size();
}

std::unique_ptr<HtmlNode> detach(HtmlNode& node) {
  HtmlNode* parent = node.parent;
  size_t i = index_in_parent(node);
  std::unique_ptr<HtmlNode> owned = std::move(parent->children[i]);
  parent->children.erase(parent->children.begin() + static_cast<std::ptrdiff_t>(i));
  owned->parent = nullptr;
  return owned;
}

void remove(HtmlNode& node) { detach(node); }

void replace(HtmlNode& node, std::vector<std::unique_ptr<HtmlNode>> replacements) {
  HtmlNode* parent = node.parent;
  size_t i = index_in_parent(node);
  for (auto& r : replacements) r->parent = parent;
  auto& siblings = parent->children;
  std::unique_ptr<HtmlNode> old = std::move(siblings[i]);
  siblings.erase(siblings.begin() + static_cast<std::ptrdiff_t>(i));
  siblings.insert(siblings.begin() + static_cast<std::ptrdiff_t>(i), std::make_move_iterator(replacements.begin()),
                  std::make_move_iterator(replacements.end()));
}

void unwrap(HtmlNode& node) { replace(node, take_children(node)); }

std::vector<std::unique_ptr<HtmlNode>> take_children(HtmlNode& node) {
  std::vector<std::unique_ptr<HtmlNode>> out = std::move(node.children);
  node.children.clear();
  for (auto& c : out) c->parent = nullptr;
  return out;
}

void adopt(HtmlNode& node, std::vector<std::unique_ptr<HtmlNode>> children) {
  for (auto& c : children) node.append(std::move(c));
}

HtmlNode* insert_at(HtmlNode& parent, size_t index, std::unique_ptr<HtmlNode> child) {
  child->parent = &parent;
  index = std::min(index, parent.children.size());
  auto it = parent.children.insert(parent.children.begin() + static_cast<std::ptrdiff_t>(index), std::move(child));
  return it->get();
}

HtmlNode* wrap_children(HtmlNode& node, std::string tag) {
  auto wrapper = HtmlNode::element(std::move(tag));
  adopt(*wrapper, take_children(node));
  return node.append(std::move(wrapper));
}

void merge_adjacent_text(HtmlNode& node) {
  auto& kids = node.children;
  for (size_t i = 1; i < kids.size();) {
    if (kids[i]->is_text() && kids[i - 1]->is_text()) {
      kids[i - 1]->text += kids[i]->text;
      kids.erase(kids.begin() + static_cast<std::ptrdiff_t>(i));
    } else {
      ++i;
    }
  }
}

bool remove_attr(HtmlNode& node, std::string_view name) {
  auto& attrs = node.attributes;
  auto it = std::remove_if(attrs.begin(), attrs.end(), [&](const HtmlAttribute& a) { return a.name == name; });
  bool removed = it != attrs.end();
  attrs.erase(it, attrs.end());
  return removed;
}

// From the shared element model (html/html_elements.h): a box of its own,
// or content that is never text of a paragraph (script, style, template), or
// Blogger's jump break.
bool is_block_tag(std::string_view tag) {
  const HtmlElement* e = html_element(tag);
  if (!e) return false;
  switch (e->meaning) {
    case ElementMeaning::Script:
    case ElementMeaning::Style:
    case ElementMeaning::Template:
    case ElementMeaning::JumpBreak: return true;
    default: return e->display == ElementDisplay::Block;
  }
}

bool is_inline_tag(std::string_view tag) { return !is_block_tag(tag); }

bool is_inline(const HtmlNode& node) { return !node.is_element() || is_inline_tag(node.tag); }

// Text shown as written: code (pre, code, tt, kbd, samp, xmp...), scripts,
// styles and text areas.
bool is_literal_tag(std::string_view tag) {
  const HtmlElement* e = html_element(tag);
  if (!e) return false;
  switch (e->meaning) {
    case ElementMeaning::Preformatted:
    case ElementMeaning::Code:
    case ElementMeaning::Script:
    case ElementMeaning::Style: return true;
    default: return tag == "textarea";
  }
}

bool in_literal_text(const HtmlNode& node) {
  for (const HtmlNode* p = &node; p; p = p->parent)
    if (p->is_element() && is_literal_tag(p->tag)) return true;
  return false;
}

// A block holding blocks (div, section, blockquote, center...), not a paragraph.
bool is_block_container_tag(std::string_view tag) {
  const HtmlElement* e = html_element(tag);
  if (!e) return false;
  return (e->meaning == ElementMeaning::Section && tag != "p") || e->meaning == ElementMeaning::BlockQuote;
}

bool is_blank(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') continue;
    if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    return false;
  }
  return true;
}

bool is_blank_content(const HtmlNode& node) {
  std::vector<const HtmlNode*> stack{&node};
  while (!stack.empty()) {
    const HtmlNode* n = stack.back();
    stack.pop_back();
    if (n->is_text() && !is_blank(n->text)) return false;
    if (n->is_element() && n != &node) {
      if (n->tag == "br") continue;
      if (n->tag != "span" && n->tag != "font" && n->tag != "b" && n->tag != "i" && n->tag != "strong" &&
          n->tag != "em" && n->tag != "u" && n->tag != "div" && n->tag != "p")
        return false;
    }
    for (const auto& c : n->children) stack.push_back(c.get());
  }
  return true;
}

namespace {

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Strips ASCII whitespace and U+00A0 from the front or back of `text`.
void trim_text(std::string& text, bool front) {
  if (front) {
    size_t i = 0;
    while (i < text.size()) {
      if (is_space_byte(text[i])) ++i;
      else if (text.compare(i, 2, "\xC2\xA0") == 0) i += 2;
      else break;
    }
    text.erase(0, i);
  } else {
    size_t n = text.size();
    while (n > 0) {
      if (is_space_byte(text[n - 1])) --n;
      else if (n >= 2 && text.compare(n - 2, 2, "\xC2\xA0") == 0) n -= 2;
      else break;
    }
    text.resize(n);
  }
}

bool is_edge_filler(const HtmlNode& n) { return n.is_element("br") || (n.is_text() && is_blank(n.text)); }

void flush_run(std::vector<std::unique_ptr<HtmlNode>>& run, std::vector<std::unique_ptr<HtmlNode>>& out) {
  if (run.empty()) return;
  size_t begin = 0, end = run.size();
  auto skip = [&](size_t i) { return is_edge_filler(*run[i]) || run[i]->kind == HtmlNodeKind::Comment; };
  while (begin < end && skip(begin)) ++begin;
  while (end > begin && skip(end - 1)) --end;
  bool content = false;
  for (size_t i = begin; i < end; ++i)
    if (run[i]->kind != HtmlNodeKind::Comment) content = true;
  if (!content) {
    for (auto& n : run)
      if (n->kind == HtmlNodeKind::Comment) out.push_back(std::move(n));
    run.clear();
    return;
  }
  for (size_t i = 0; i < begin; ++i)
    if (run[i]->kind == HtmlNodeKind::Comment) out.push_back(std::move(run[i]));
  auto p = HtmlNode::element("p");
  if (run[begin]->is_text()) trim_text(run[begin]->text, true);
  if (run[end - 1]->is_text()) trim_text(run[end - 1]->text, false);
  for (size_t i = begin; i < end; ++i) p->append(std::move(run[i]));
  out.push_back(std::move(p));
  for (size_t i = end; i < run.size(); ++i)
    if (run[i]->kind == HtmlNodeKind::Comment) out.push_back(std::move(run[i]));
  run.clear();
}

}  // namespace

std::vector<std::unique_ptr<HtmlNode>> to_blocks(std::vector<std::unique_ptr<HtmlNode>> nodes, bool split_on_breaks) {
  std::vector<std::unique_ptr<HtmlNode>> out, run;
  for (size_t i = 0; i < nodes.size(); ++i) {
    auto& node = nodes[i];
    if (node->is_element() && is_block_tag(node->tag)) {
      flush_run(run, out);
      out.push_back(std::move(node));
      continue;
    }
    if (split_on_breaks && node->is_element("br")) {
      size_t breaks = 0, j = i;
      for (; j < nodes.size(); ++j) {
        const HtmlNode& n = *nodes[j];
        if (n.is_element("br")) ++breaks;
        else if (!(n.is_text() && is_blank(n.text)) && n.kind != HtmlNodeKind::Comment) break;
      }
      if (breaks >= 2) {
        flush_run(run, out);
        for (size_t k = i; k < j; ++k)
          if (nodes[k]->kind == HtmlNodeKind::Comment) out.push_back(std::move(nodes[k]));
        i = j - 1;
        continue;
      }
    }
    run.push_back(std::move(node));
  }
  flush_run(run, out);
  for (auto& n : out) n->parent = nullptr;
  return out;
}

CssDeclarations parse_style(std::string_view style) {
  CssDeclarations out;
  out.reserve(static_cast<size_t>(std::count(style.begin(), style.end(), ';')) + 1);
  size_t i = 0;
  while (i <= style.size()) {
    size_t end = style.find(';', i);
    if (end == std::string_view::npos) end = style.size();
    std::string_view decl = style.substr(i, end - i);
    size_t colon = decl.find(':');
    if (colon != std::string_view::npos) {
      std::string name = ascii_lower(trim(decl.substr(0, colon)));
      std::string_view value = trim(decl.substr(colon + 1));
      if (ends_with_ci(value, "!important")) value = trim(value.substr(0, value.size() - 10));
      if (!name.empty()) out.emplace_back(std::move(name), std::string(value));
    }
    i = end + 1;
  }
  return out;
}

std::string css_value(const CssDeclarations& css, std::string_view property) {
  for (auto it = css.rbegin(); it != css.rend(); ++it)
    if (it->first == property) return ascii_lower(it->second);
  return {};
}

}  // namespace blogshift::passes
