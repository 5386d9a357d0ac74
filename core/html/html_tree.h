// The owned HTML document model: what html_reader.h builds from bytes and
// what the scraper (and later the transform stage) walks and rewrites.
//
// A tree of HtmlNode values, each owning its children. No third-party type
// appears here: gumbo stays inside html_reader.cpp. Tag and attribute names
// are lower case (HTML elements are case-insensitive; gumbo normalises them);
// attribute values and text are UTF-8 with entities already decoded.
//
// Source ranges: for an element parsed from bytes, `inner_begin`/`inner_end`
// delimit its inner HTML in HtmlDocument::source (end of the start tag to the
// start of the end tag) when both tags were written in the source; -1 when
// the parser implied either of them (then serialise instead, see
// html_serializer.h and original_inner_html() below).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace blogshift {

enum class HtmlNodeKind { Element, Text, Comment };

struct HtmlAttribute {
  std::string name;   // lower case
  std::string value;  // entities decoded
};

class HtmlNode {
public:
  static std::unique_ptr<HtmlNode> element(std::string tag);
  static std::unique_ptr<HtmlNode> text_node(std::string text);
  static std::unique_ptr<HtmlNode> comment(std::string text);

  HtmlNodeKind kind = HtmlNodeKind::Element;
  std::string tag;    // elements: lower-case name; empty otherwise
  std::string text;   // text and comment nodes: the decoded text
  std::vector<HtmlAttribute> attributes;  // in source order
  std::vector<std::unique_ptr<HtmlNode>> children;
  HtmlNode* parent = nullptr;  // not owned; null for the root

  // Source information (-1 / 0 when unknown or not from a parse).
  int64_t source_offset = -1;  // byte offset of the start tag / text
  int64_t line = 0;            // 1-based line of the start tag / text
  int64_t inner_begin = -1;    // inner HTML byte range [inner_begin, inner_end)
  int64_t inner_end = -1;

  bool is_element() const { return kind == HtmlNodeKind::Element; }
  bool is_element(std::string_view name) const { return kind == HtmlNodeKind::Element && tag == name; }
  bool is_text() const { return kind == HtmlNodeKind::Text; }

  // Attribute value, or nullptr when absent. Names are compared lower case.
  const std::string* attr(std::string_view name) const;
  std::string attr_or(std::string_view name, std::string_view fallback = {}) const;
  bool has_attr(std::string_view name) const { return attr(name) != nullptr; }
  void set_attr(std::string_view name, std::string value);
  // True when the whitespace-separated `class` attribute holds `name`.
  bool has_class(std::string_view name) const;

  // Appends a child, setting its parent; returns it.
  HtmlNode* append(std::unique_ptr<HtmlNode> child);
};

// A parsed document: the root (a synthetic "#document" element whose
// children are the doctype-less top-level nodes, normally one <html>), the
// source bytes the ranges point into, and what the reader had to give up.
struct HtmlDocument {
  std::unique_ptr<HtmlNode> root;
  std::string source;
  bool depth_capped = false;  // content nested deeper than the cap was flattened to text
  int64_t nodes_dropped = 0;  // elements flattened away by the depth cap
};

// ---- queries -------------------------------------------------------------
// All searches are iterative (no recursion), in document order, and include
// `from` itself only where stated.

using HtmlPredicate = std::function<bool(const HtmlNode&)>;

// Every descendant element of `from` (not `from` itself) matching `pred`.
std::vector<const HtmlNode*> find_all(const HtmlNode& from, const HtmlPredicate& pred);
// The first such element, or nullptr.
const HtmlNode* find_first(const HtmlNode& from, const HtmlPredicate& pred);

// Ready-made predicates.
HtmlPredicate by_tag(std::string tag);
HtmlPredicate by_class(std::string cls);
HtmlPredicate by_tag_class(std::string tag, std::string cls);
HtmlPredicate by_attr(std::string name);                     // attribute present
HtmlPredicate by_attr(std::string name, std::string value);  // attribute equal

// The nearest ancestor (not `node` itself) matching `pred`, or nullptr.
const HtmlNode* closest_ancestor(const HtmlNode& node, const HtmlPredicate& pred);
bool is_descendant_of(const HtmlNode& node, const HtmlNode& ancestor);

// Concatenated text of the subtree with runs of whitespace collapsed to one
// space and both ends trimmed. Script, style, noscript and template content
// are left out.
std::string text_content(const HtmlNode& node);
// The same without collapsing (raw concatenation of text nodes).
std::string raw_text_content(const HtmlNode& node);

// Collapses runs of ASCII whitespace (and U+00A0) to one space and trims.
std::string collapse_whitespace(std::string_view text);
// collapse_whitespace(out + text) for an `out` collapse_whitespace made,
// without going over `out` again.
void append_collapsed_whitespace(std::string& out, std::string_view text);

// The inner HTML of `node` byte-for-byte from doc.source when the range is
// known, else serialised from the tree (html_serializer.h).
std::string original_inner_html(const HtmlDocument& doc, const HtmlNode& node);

}  // namespace blogshift
