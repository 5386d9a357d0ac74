// Inline rules: text, emphasis and friends, links, images, inline code,
// hard breaks, quotes, raw and unknown inline elements. Block elements met
// in inline-only content (inside a heading or a term) give their content,
// set off by spaces.
#include <string_view>
#include <vector>

#include "converter.h"
#include "html/html_serializer.h"
#include "text.h"
#include "url.h"

namespace blogshift::convert {

namespace {

// Text of an inline code element: <br> as a space, whitespace collapsed.
std::string code_text(const HtmlNode& element) {
  std::string out;
  std::vector<std::pair<const HtmlNode*, size_t>> stack{{&element, 0}};
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    if (next >= node->children.size()) {
      stack.pop_back();
      continue;
    }
    const HtmlNode& child = *node->children[next++];
    if (child.is_text())
      out += child.text;
    else if (child.is_element("br"))
      out += ' ';
    else if (child.is_element() && child.tag != "script" && child.tag != "style")
      stack.push_back({&child, 0});
  }
  return collapse_html_whitespace(out);
}

// The <a href> that is the only content of a <code>, or nullptr.
const HtmlNode* sole_link(const HtmlNode& code) {
  const HtmlNode* link = nullptr;
  for (const auto& child : code.children) {
    if (child->is_text() && trim(child->text).empty()) continue;
    if (child->kind == HtmlNodeKind::Comment) continue;
    if (link || !child->is_element("a") || !child->has_attr("href")) return nullptr;
    link = child.get();
  }
  return link;
}

std::string attribute_text(const HtmlNode& element, std::string_view name) {
  return std::string(trim(collapse_html_whitespace(element.attr_or(name))));
}

}  // namespace

bool is_kept_comment(const HtmlNode& node) {
  if (node.kind != HtmlNodeKind::Comment || is_more_comment(node)) return false;
  std::string_view text = trim(node.text);
  if (starts_with_ci(text, "[if") || starts_with_ci(text, "[endif") || ends_with_ci(text, "[endif]")) return false;
  return !(iequals(text, "StartFragment") || iequals(text, "EndFragment"));
}

void Converter::inline_children(const HtmlNode& node, DocNode& parent) {
  for (const auto& child : node.children) inline_node(*child, parent);
}

void Converter::inline_node(const HtmlNode& node, DocNode& parent) {
  DepthGuard guard(*this);
  if (guard.deep()) {
    flatten_to_text(node, parent);
    return;
  }
  if (node.is_text()) {
    append_html_text(parent, node.text);
    return;
  }
  if (!node.is_element()) {  // a comment
    if (is_kept_comment(node)) {
      parent.add(DocKind::RawInline)->text = "<!--" + node.text + "-->";
      report_.kept_raw.push_back("comment");
    }
    return;
  }
  switch (role_of(node)) {
    case ElementRole::Strong: wrapped(node, DocKind::Strong, parent); return;
    case ElementRole::Emphasis: wrapped(node, DocKind::Emphasis, parent); return;
    case ElementRole::Strike: wrapped(node, DocKind::Strikethrough, parent); return;
    case ElementRole::Sub: wrapped(node, DocKind::Subscript, parent); return;
    case ElementRole::Sup: wrapped(node, DocKind::Superscript, parent); return;
    case ElementRole::Code: inline_code(node, parent); return;
    case ElementRole::Preformatted:  // in a heading: a line of inline code
      if (inline_only_) parent.add(DocKind::LineBreak);
      inline_code(node, parent);
      if (inline_only_) parent.add(DocKind::LineBreak);
      return;
    case ElementRole::Underline: {
      DocNode content(DocKind::Paragraph);
      inline_children(node, content);
      if (visually_empty(content)) {  // nothing underlined: no tags
        for (auto& child : content.children) {
          if (child->kind == DocKind::Text)
            append_text(parent, child->text);
          else
            parent.add(std::move(child));
        }
        return;
      }
      parent.add(DocKind::RawInline)->text = "<" + node.tag + ">";
      for (auto& child : content.children) parent.add(std::move(child));
      parent.add(DocKind::RawInline)->text = "</" + node.tag + ">";
      report_.kept_raw.push_back(node.tag);
      return;
    }
    case ElementRole::Link: link(node, parent); return;
    case ElementRole::Image: image(node, parent); return;
    case ElementRole::Break: parent.add(DocKind::LineBreak); return;
    case ElementRole::WordBreak: return;
    case ElementRole::Rule:  // in a heading or a cell: the rule's line of its own
      parent.add(DocKind::LineBreak);
      return;
    case ElementRole::Quote:
      append_text(parent, "\u201C");
      inline_children(node, parent);
      append_text(parent, "\u201D");
      return;
    case ElementRole::Transparent:
    case ElementRole::More: inline_children(node, parent); return;
    case ElementRole::Container:
    case ElementRole::Heading:
    case ElementRole::List:
    case ElementRole::ListItem:
    case ElementRole::DefList:
    case ElementRole::DefTerm:
    case ElementRole::DefDesc:
    case ElementRole::BlockQuote:
    case ElementRole::Table:
    case ElementRole::TablePart:
      // In a heading, a block inside still starts a line of its own (the
      // writer says it with <br>); elsewhere it is set off by spaces.
      if (inline_only_) parent.add(DocKind::LineBreak);
      else append_text(parent, " ");
      inline_children(node, parent);
      if (inline_only_) parent.add(DocKind::LineBreak);
      else append_text(parent, " ");
      return;
    case ElementRole::Raw:
    case ElementRole::RawEmbed:
      parent.add(DocKind::RawInline)->text = outer_html(node);
      report_.kept_raw.push_back(raw_label(node));
      return;
    case ElementRole::Unknown:
      parent.add(DocKind::RawInline)->text = outer_html(node);
      report_.unknown.push_back(node.tag);
      return;
  }
}

void Converter::wrapped(const HtmlNode& element, DocKind kind, DocNode& parent) {
  // <b>a <b>b</b> c</b> keeps its nesting (the writer says it: **a __b__ c**);
  // <b><b>x</b></b> and <b>a <b>b</b></b> are one Strong.
  if (merged_ & bit(kind)) {  // inside a definition term, itself bold
    inline_children(element, parent);
    return;
  }
  DocNode* wrapper = parent.add(kind);
  unsigned saved = active_;
  active_ |= bit(kind);
  inline_children(element, *wrapper);
  active_ = saved;
  merge_edge_same_kind(*wrapper);
  finish_wrapper(parent);
}

void Converter::link(const HtmlNode& element, DocNode& parent) {
  const std::string* href_attr = element.attr("href");
  std::string href = href_attr ? std::string(trim(*href_attr)) : std::string();
  // No href: an anchor. href="" is a link (to the page itself) all the same.
  if (!href_attr || active(DocKind::Link)) {  // an anchor, or a link inside a link
    inline_children(element, parent);
    return;
  }
  if (is_javascript_url(href)) {
    report_.notes.push_back("javascript: link");
    inline_children(element, parent);
    return;
  }
  DocNode* link = parent.add(DocKind::Link);
  link->url = href;
  link->title = element.attr_or("title");  // as written: a browser shows its line breaks too
  unsigned saved = active_;
  active_ |= bit(DocKind::Link);
  inline_children(element, *link);
  active_ = saved;
  if (!finish_wrapper(parent)) report_.notes.push_back("empty link");
}

void Converter::image(const HtmlNode& element, DocNode& parent) {
  std::string src(trim(element.attr_or("src")));
  if (src.empty()) src = std::string(trim(element.attr_or("data-src")));
  if (src.empty()) src = std::string(trim(element.attr_or("data-original")));
  if (src.empty()) {
    report_.notes.push_back("image without src");
    return;
  }
  DocNode* image = parent.add(DocKind::Image);
  image->url = src;
  image->text = attribute_text(element, "alt");
  image->title = attribute_text(element, "title");
}

void Converter::inline_code(const HtmlNode& element, DocNode& parent) {
  // Inline code is one line in Markdown: a <code> holding line breaks stays HTML.
  if (find_first(element, by_tag("br"))) {
    parent.add(DocKind::RawInline)->text = outer_html(element);
    report_.kept_raw.push_back("code: line breaks");
    return;
  }
  DocNode* target = &parent;
  if (const HtmlNode* a = sole_link(element); a && !active(DocKind::Link) &&
                                              !is_javascript_url(a->attr_or("href"))) {
    // <code><a href="…">name</a></code>: a link whose text is code.
    target = parent.add(DocKind::Link);
    target->url = std::string(trim(a->attr_or("href")));
    target->title = attribute_text(*a, "title");
  }
  // The spaces at either end are part of the code (a browser shows them on
  // the code's background); the writer pads the span so CommonMark keeps them.
  std::string text = code_text(element);
  if (!text.empty()) target->add(DocKind::Code)->text = std::move(text);
  if (target != &parent) finish_wrapper(parent);
}

void Converter::flatten_to_text(const HtmlNode& node, DocNode& parent) {
  append_text(parent, collapse_html_whitespace(raw_text_content(node)));
  if (report_.notes.empty() || report_.notes.back() != "nesting too deep: flattened to text")
    report_.notes.push_back("nesting too deep: flattened to text");
}

}  // namespace blogshift::convert
