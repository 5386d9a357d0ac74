// Spaces in inline runs, the way a browser renders them: one space where
// the HTML had a run of whitespace, none at the start or end of a block or
// next to a hard break, and none at the inner edge of emphasis or a link
// (they move outside, where Markdown wants them).
#include "converter.h"

namespace blogshift::convert {

namespace {

bool is_wrapper(DocKind kind) {
  switch (kind) {
    case DocKind::Emphasis:
    case DocKind::Strong:
    case DocKind::Strikethrough:
    case DocKind::Superscript:
    case DocKind::Subscript:
    case DocKind::Link: return true;
    default: return false;
  }
}

bool blank(const DocNode& node) {
  return node.kind == DocKind::Text && node.text.find_first_not_of(' ') == std::string::npos;
}

// Removes hard breaks and blank text at the front (back) of `node`, looking
// inside wrappers; wrappers emptied on the way go too.
int trim_front(DocNode& node) {
  int changes = 0;
  while (!node.children.empty()) {
    DocNode& first = *node.children.front();
    if (first.kind == DocKind::LineBreak || blank(first)) {
      node.children.erase(node.children.begin());
      ++changes;
      continue;
    }
    if (!is_wrapper(first.kind)) break;
    int inner = trim_front(first);
    changes += inner;
    if (first.children.empty()) {
      node.children.erase(node.children.begin());
      ++changes;
      continue;
    }
    break;
  }
  return changes;
}

int trim_back(DocNode& node) {
  int changes = 0;
  while (!node.children.empty()) {
    DocNode& last = *node.children.back();
    if (last.kind == DocKind::LineBreak || blank(last)) {
      node.children.pop_back();
      ++changes;
      continue;
    }
    if (!is_wrapper(last.kind)) break;
    changes += trim_back(last);
    if (last.children.empty()) {
      node.children.pop_back();
      ++changes;
      continue;
    }
    break;
  }
  return changes;
}

// A space is dropped when the text before it (in reading order, across
// wrapper boundaries) already ends in a space or a hard break.
int strip_leading(DocNode& node, bool& after_space) {
  int changes = 0;
  for (auto& child : node.children) {
    if (child->kind == DocKind::Text) {
      std::string& t = child->text;
      if (after_space && !t.empty() && t.front() == ' ') {
        t.erase(0, 1);
        ++changes;
      }
      if (!t.empty()) after_space = t.back() == ' ';
    } else if (child->kind == DocKind::LineBreak) {
      after_space = true;
    } else if (is_wrapper(child->kind)) {
      changes += strip_leading(*child, after_space);
    } else {
      after_space = false;
    }
  }
  return changes;
}

// A space right before a hard break or the end is dropped.
int strip_trailing(DocNode& node, bool& before_break) {
  int changes = 0;
  for (auto it = node.children.rbegin(); it != node.children.rend(); ++it) {
    DocNode& child = **it;
    if (child.kind == DocKind::Text) {
      std::string& t = child.text;
      if (before_break && !t.empty() && t.back() == ' ') {
        t.pop_back();
        ++changes;
      }
      if (!t.empty()) before_break = false;
    } else if (child.kind == DocKind::LineBreak) {
      before_break = true;
    } else if (is_wrapper(child.kind)) {
      changes += strip_trailing(child, before_break);
    } else {
      before_break = false;
    }
  }
  return changes;
}

// Drops empty text and empty wrappers; merges neighbouring text and code.
int remove_empty(DocNode& node) {
  int changes = 0;
  std::vector<std::unique_ptr<DocNode>> kept;
  kept.reserve(node.children.size());
  for (auto& child : node.children) {
    if (is_wrapper(child->kind)) changes += remove_empty(*child);
    if ((child->kind == DocKind::Text && child->text.empty()) || (is_wrapper(child->kind) && child->children.empty())) {
      ++changes;
      continue;
    }
    // Neighbouring code with a space at the seam (<code>a</code><code> b</code>):
    // two spans, the space between them (they cannot touch: `a`` b` would be
    // one span of "a`` b"); the fidelity check reads it the same way.
    if (child->kind == DocKind::Code && !kept.empty() && kept.back()->kind == DocKind::Code &&
        ((!kept.back()->text.empty() && kept.back()->text.back() == ' ') ||
         (!child->text.empty() && child->text.front() == ' '))) {
      std::string& left = kept.back()->text;
      while (!left.empty() && left.back() == ' ') left.pop_back();
      size_t lead = child->text.find_first_not_of(' ');
      child->text.erase(0, lead == std::string::npos ? child->text.size() : lead);
      if (left.empty()) kept.pop_back();
      kept.push_back(std::make_unique<DocNode>(DocKind::Text));
      kept.back()->text = " ";
      if (!child->text.empty()) kept.push_back(std::move(child));
      ++changes;
      continue;
    }
    // Neighbouring text merges; so does neighbouring code (<code>A</code><code>B</code>
    // shows "AB" in one run of code; two spans side by side would read as `A``B`).
    if ((child->kind == DocKind::Text || child->kind == DocKind::Code) && !kept.empty() &&
        kept.back()->kind == child->kind) {
      kept.back()->text += child->text;
      ++changes;
      continue;
    }
    kept.push_back(std::move(child));
  }
  node.children = std::move(kept);
  return changes;
}

}  // namespace

void normalize_inlines(DocNode& container) {
  for (;;) {
    int changes = remove_empty(container);
    changes += trim_front(container);
    changes += trim_back(container);
    bool after_space = true;
    changes += strip_leading(container, after_space);
    bool before_break = true;
    changes += strip_trailing(container, before_break);
    if (changes == 0) break;
  }
}

void merge_edge_same_kind(DocNode& wrapper) {
  for (bool changed = true; changed;) {
    changed = false;
    auto& kids = wrapper.children;
    size_t first = 0, last = kids.size();
    while (first < kids.size() && blank(*kids[first])) ++first;
    while (last > first && blank(*kids[last - 1])) --last;
    if (first == last) return;
    for (size_t at : {first, last - 1}) {
      if (kids[at]->kind != wrapper.kind) continue;
      std::unique_ptr<DocNode> inner = std::move(kids[at]);
      kids.erase(kids.begin() + static_cast<std::ptrdiff_t>(at));
      kids.insert(kids.begin() + static_cast<std::ptrdiff_t>(at), std::make_move_iterator(inner->children.begin()),
                  std::make_move_iterator(inner->children.end()));
      changed = true;
      break;
    }
  }
}

void append_text(DocNode& parent, std::string_view text) {
  if (text.empty()) return;
  if (!parent.children.empty() && parent.children.back()->kind == DocKind::Text) {
    std::string& last = parent.children.back()->text;
    if (!last.empty() && last.back() == ' ' && text.front() == ' ') text.remove_prefix(1);
    last += text;
    return;
  }
  parent.add(DocKind::Text)->text = std::string(text);
}

void append_html_text(DocNode& parent, std::string_view text) {
  if (text.empty()) return;
  auto html_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  if (!parent.children.empty() && parent.children.back()->kind == DocKind::Text) {
    std::string& last = parent.children.back()->text;
    // The leading white space collapses to one space, which the seam drops.
    if (!last.empty() && last.back() == ' ')
      while (!text.empty() && html_space(text.front())) text.remove_prefix(1);
    append_collapsed_html_whitespace(last, text);
    return;
  }
  std::string& fresh = parent.add(DocKind::Text)->text;
  fresh.reserve(text.size());
  append_collapsed_html_whitespace(fresh, text);
}

bool finish_wrapper(DocNode& parent) {
  std::unique_ptr<DocNode> wrapper = std::move(parent.children.back());
  parent.children.pop_back();
  auto& kids = wrapper->children;
  bool lead = false;
  bool trail = false;
  if (!kids.empty() && kids.front()->kind == DocKind::Text && !kids.front()->text.empty() &&
      kids.front()->text.front() == ' ') {
    kids.front()->text.erase(0, 1);
    if (kids.front()->text.empty()) kids.erase(kids.begin());
    lead = true;
  }
  if (!kids.empty() && kids.back()->kind == DocKind::Text && !kids.back()->text.empty() &&
      kids.back()->text.back() == ' ') {
    kids.back()->text.pop_back();
    if (kids.back()->text.empty()) kids.pop_back();
    trail = true;
  }
  if (lead) append_text(parent, " ");
  bool keep = !kids.empty();
  if (keep) parent.add(std::move(wrapper));
  if (trail) append_text(parent, " ");
  return keep;
}

}  // namespace blogshift::convert
