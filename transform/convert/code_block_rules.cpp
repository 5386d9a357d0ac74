// Code blocks: <pre> (and SyntaxHighlighter's script form) to a fenced
// CodeBlock. The text is kept exactly as the parser decoded it (entities
// decoded once, whitespace untouched); <br> is a newline, a block element
// inside the pre is a line of its own, and one trailing newline is dropped.
#include <string_view>
#include <vector>

#include "converter.h"
#include "html/html_elements.h"
#include "text.h"

namespace blogshift::convert {

namespace {

// The text a browser shows of a <pre>, by the element model (html_elements.h)
// the fidelity check reads too: hidden elements show nothing, <br> is a
// newline, a block element inside starts and ends a line, <q> its quotes.
void new_line(std::string& out) {
  if (!out.empty() && out.back() != '\n') out += '\n';
}

std::string pre_text(const HtmlNode& pre) {
  std::string out;
  std::vector<std::pair<const HtmlNode*, size_t>> stack{{&pre, 0}};
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    if (next >= node->children.size()) {
      if (node != &pre) {
        if (element_display(node->tag) == ElementDisplay::Block) new_line(out);
        if (element_meaning(node->tag) == ElementMeaning::InlineQuote) out += "\u201D";
      }
      stack.pop_back();
      continue;
    }
    const HtmlNode& child = *node->children[next++];
    if (child.is_text()) {
      out += child.text;
      continue;
    }
    if (!child.is_element()) continue;
    const ElementDisplay display = element_display(child.tag);
    const ElementMeaning meaning = element_meaning(child.tag);
    if (display == ElementDisplay::None) continue;
    if (meaning == ElementMeaning::LineBreak) {
      out += '\n';
      continue;
    }
    if (display == ElementDisplay::Block) new_line(out);
    if (meaning == ElementMeaning::InlineQuote) out += "\u201C";
    stack.push_back({&child, 0});
  }
  return out;
}

std::vector<std::string_view> class_tokens(std::string_view cls) {
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < cls.size()) {
    while (i < cls.size() && (cls[i] == ' ' || cls[i] == '\t' || cls[i] == '\n' || cls[i] == '\r' || cls[i] == '\f')) ++i;
    size_t start = i;
    while (i < cls.size() && !(cls[i] == ' ' || cls[i] == '\t' || cls[i] == '\n' || cls[i] == '\r' || cls[i] == '\f')) ++i;
    if (i > start) tokens.push_back(cls.substr(start, i - start));
  }
  return tokens;
}

std::string clean_language(std::string_view name) {
  std::string out;
  for (char c : name) {
    char l = ascii_lower(c);
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '+' || l == '#' || l == '-' || l == '_' || l == '.')
      out += l;
  }
  return out;
}

// The language one class attribute names, or empty.
std::string language_from_class(std::string_view cls) {
  // SyntaxHighlighter: class="brush: python; gutter: false"
  std::string lower = ascii_lower(cls);
  if (size_t brush = lower.find("brush:"); brush != std::string::npos) {
    size_t i = brush + 6;
    while (i < lower.size() && (lower[i] == ' ' || lower[i] == '\t')) ++i;
    size_t start = i;
    while (i < lower.size() && lower[i] != ';' && lower[i] != ' ' && lower[i] != '\t') ++i;
    return clean_language(std::string_view(lower).substr(start, i - start));
  }
  std::vector<std::string_view> tokens = class_tokens(cls);
  bool pandoc = false;
  bool hljs = false;
  for (std::string_view t : tokens) {
    // HTML's own convention (and what CommonMark renders an info string
    // as): the name as written, so ```C++ or ```föö comes back the same.
    if (t.size() > 9 && t.substr(0, 9) == "language-") return std::string(t.substr(9));
    for (std::string_view prefix : {"language-", "lang-", "highlight-source-"})
      if (starts_with_ci(t, prefix) && t.size() > prefix.size()) return clean_language(t.substr(prefix.size()));
    if (t == "sourceCode") pandoc = true;
    if (t == "hljs") hljs = true;
  }
  // pandoc: class="sourceCode python"; highlight.js: class="hljs python"
  if (pandoc || hljs) {
    for (std::string_view t : tokens)
      if (t != "sourceCode" && t != "hljs" && t != "numberSource" && t != "numberLines" && t != "sourceLine")
        return clean_language(t);
  }
  return {};
}

const HtmlNode* sole_code_child(const HtmlNode& pre) {
  const HtmlNode* code = nullptr;
  for (const auto& child : pre.children) {
    if (child->is_text() && trim(child->text).empty()) continue;
    if (code || !child->is_element("code")) return nullptr;
    code = child.get();
  }
  return code;
}

std::string finish_code(std::string text) {
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace

std::string code_language(const HtmlNode& pre) {
  std::string lang = language_from_class(pre.attr_or("class"));
  if (lang.empty())
    if (const HtmlNode* code = sole_code_child(pre)) lang = language_from_class(code->attr_or("class"));
  if (lang.empty() && pre.parent && pre.parent->is_element("div")) lang = language_from_class(pre.parent->attr_or("class"));
  return lang;
}

std::unique_ptr<DocNode> code_block_from_pre(const HtmlNode& pre) {
  // An empty <pre> is kept too: it shows (an empty box in most templates).
  std::string text = finish_code(pre_text(pre));
  auto block = std::make_unique<DocNode>(DocKind::CodeBlock);
  block->text = std::move(text);
  block->info = code_language(pre);
  return block;
}

bool is_highlighter_script(const HtmlNode& element) {
  const std::string* type = element.attr("type");
  return element.tag == "script" && type && iequals(trim(*type), "syntaxhighlighter");
}

std::unique_ptr<DocNode> code_block_from_script(const HtmlNode& script) {
  std::string raw = raw_text_content(script);
  std::string_view body = raw;
  std::string_view inner = trim(body);
  if (inner.substr(0, 9) == "<![CDATA[" && inner.size() >= 12 && inner.substr(inner.size() - 3) == "]]>")
    body = inner.substr(9, inner.size() - 12);
  if (!body.empty() && body.front() == '\n') body.remove_prefix(1);
  std::string text = finish_code(std::string(body));
  if (trim(text).empty()) return nullptr;
  auto block = std::make_unique<DocNode>(DocKind::CodeBlock);
  block->text = std::move(text);
  block->info = language_from_class(script.attr_or("class"));
  return block;
}

}  // namespace blogshift::convert
