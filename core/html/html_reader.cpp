// The gumbo adapter. Converts gumbo's tree into HtmlNode values without
// recursion (deep input cannot blow the stack), copying names, attributes,
// text and source positions; gumbo's output is freed before returning.
#include "html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <cstddef>
#include <cctype>
#include <memory>
#include <vector>

#include "gumbo_arena.h"
#include "text.h"

namespace blogshift {

namespace {

// Length of the well-formed UTF-8 sequence at raw[i] (a byte >= 0x80), or 0.
size_t utf8_sequence(std::string_view raw, size_t i) {
  auto b = static_cast<unsigned char>(raw[i]);
  size_t len = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
  unsigned lo = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
  unsigned hi = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
  if (len == 0 || i + len > raw.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    auto c = static_cast<unsigned char>(raw[i + k]);
    if (k == 1 ? c < lo || c > hi : c < 0x80 || c > 0xBF) return 0;
  }
  return len;
}

// `raw` with NUL and every byte outside well-formed UTF-8 as U+FFFD, and
// A-Z lowered when `lower` (the tokenizer's spelling of a name).
std::string replace_bad_bytes(std::string_view raw, bool lower) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) {
    auto b = static_cast<unsigned char>(raw[i]);
    size_t len = b == 0 ? 0 : b < 0x80 ? 1 : utf8_sequence(raw, i);
    if (len == 0) {
      out += kReplacement;
      ++i;
    } else if (len == 1) {
      out += lower ? ascii_lower(raw[i]) : raw[i];
      ++i;
    } else {
      out.append(raw.substr(i, len));
      i += len;
    }
  }
  return out;
}

// gumbo's text and attribute values, which are UTF-8 but for one case: a
// numeric character reference too large for an int (&#x55000000000;)
// overflows in gumbo and comes out as bytes that are not UTF-8 at all. Such
// bytes become U+FFFD (what HTML5 says of a reference past U+10FFFF).
std::string gumbo_text(const char* text) {
  if (!text) return {};
  std::string_view raw(text);
  for (size_t i = 0; i < raw.size(); ++i) {
    if (static_cast<unsigned char>(raw[i]) < 0x80) continue;
    size_t len = utf8_sequence(raw, i);
    if (len == 0) return replace_bad_bytes(raw, false);
    i += len - 1;
  }
  return std::string(raw);
}

// The source's raw spelling of a tag name as the HTML tokenizer reads it:
// A-Z lowered, NUL and every byte outside well-formed UTF-8 as U+FFFD (gumbo
// does this for text and attributes, but the spelling of an unknown tag
// comes straight from the source bytes).
std::string tokenized_name(std::string_view raw) { return replace_bad_bytes(raw, true); }

std::string tag_name(const GumboNode& node) {
  const GumboElement& el = node.v.element;
  // The source's spelling is needed only for SVG's mixed-case names and unknown tags.
  if (el.tag != GUMBO_TAG_UNKNOWN && el.tag_namespace != GUMBO_NAMESPACE_SVG) return gumbo_normalized_tagname(el.tag);
  GumboStringPiece piece = el.original_tag;
  if (piece.length > 0 && piece.data) gumbo_tag_from_original_text(&piece);
  if (el.tag_namespace == GUMBO_NAMESPACE_SVG && piece.length > 0) {
    if (const char* svg = gumbo_normalize_svg_tagname(&piece)) return svg;  // foreignObject, clipPath...
  }
  if (el.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(el.tag);
  if (piece.length == 0 || !piece.data) return "unknown";
  std::string name = tokenized_name(std::string_view(piece.data, piece.length));
  return name.empty() ? "unknown" : name;
}

bool is_elementish(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE; }

// Text of a gumbo subtree, iteratively (used to flatten what lies past the depth cap).
std::string flatten_text(const GumboNode* from, int64_t& elements) {
  std::string out;
  std::vector<const GumboNode*> stack{from};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (is_elementish(n)) {
      ++elements;
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = kids.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
    } else if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      out += gumbo_text(n->v.text.text);
    }
  }
  return out;
}

constexpr int kUntrustedRange = GUMBO_INSERTION_BY_PARSER | GUMBO_INSERTION_IMPLIED |
                                GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT |
                                GUMBO_INSERTION_ADOPTION_AGENCY_CLONED | GUMBO_INSERTION_ADOPTION_AGENCY_MOVED;

void copy_element_fields(const GumboNode& g, HtmlNode& n, std::string_view buffer) {
  const GumboElement& el = g.v.element;
  n.attributes.reserve(el.attributes.length);
  for (unsigned i = 0; i < el.attributes.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(el.attributes.data[i]);
    n.attributes.push_back({a->name ? std::string(a->name) : std::string(), gumbo_text(a->value)});
  }
  if (el.original_tag.length > 0) {
    n.source_offset = el.start_pos.offset;
    n.line = el.start_pos.line;
  }
  bool tags_written = el.original_tag.length > 0 && el.original_end_tag.length > 0 &&
                      (g.parse_flags & kUntrustedRange) == 0;
  if (!tags_written) return;
  // Both pieces must really point at the positions gumbo reports.
  const char* base = buffer.data();
  size_t begin = size_t{el.start_pos.offset} + el.original_tag.length;
  size_t end = el.end_pos.offset;
  if (el.original_tag.data != base + el.start_pos.offset || el.original_end_tag.data != base + el.end_pos.offset)
    return;
  if (begin > end || end > buffer.size()) return;
  n.inner_begin = static_cast<int64_t>(begin);
  n.inner_end = static_cast<int64_t>(end);
}

}  // namespace

HtmlReadResult read_html(std::string_view bytes, const HtmlReadOptions& options) {
  HtmlReadResult result;
  HtmlDocument& doc = result.document;
  if (bytes.size() > options.max_bytes) {
    bytes = bytes.substr(0, options.max_bytes);
    result.truncated = true;
  }
  doc.source.assign(bytes);
  doc.root = HtmlNode::element("#document");

  GumboArena arena;
  GumboOptions gopts = kGumboDefaultOptions;
  gopts.allocator = &GumboArena::allocate;
  gopts.deallocator = &GumboArena::release;
  gopts.userdata = &arena;
  gopts.max_errors = 0;  // we never look at gumbo's error list
  GumboOutput* output = gumbo_parse_with_options(&gopts, doc.source.data(), doc.source.size());
  if (!output || !output->document) return result;

  struct Frame {
    const GumboNode* gumbo;  // element (or the document) whose children are being copied
    HtmlNode* node;
    size_t next;
    size_t depth;  // depth of `node` (the document is 0)
  };
  std::vector<Frame> stack{{output->document, doc.root.get(), 0, 0}};
  std::string_view buffer(doc.source);
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector& kids =
        top.gumbo->type == GUMBO_NODE_DOCUMENT ? top.gumbo->v.document.children : top.gumbo->v.element.children;
    if (top.next >= kids.length) {
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(kids.data[top.next++]);
    HtmlNode* parent = top.node;
    size_t depth = top.depth + 1;
    switch (child->type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        if (depth > options.max_depth) {
          doc.depth_capped = true;
          std::string text = flatten_text(child, doc.nodes_dropped);
          if (!text.empty()) {
            if (!parent->children.empty() && parent->children.back()->is_text())
              parent->children.back()->text += text;
            else
              parent->append(HtmlNode::text_node(std::move(text)));
          }
          break;
        }
        HtmlNode* n = parent->append(HtmlNode::element(tag_name(*child)));
        n->children.reserve(child->v.element.children.length);
        copy_element_fields(*child, *n, buffer);
        stack.push_back({child, n, 0, depth});
        break;
      }
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA: {
        HtmlNode* n = parent->append(HtmlNode::text_node(gumbo_text(child->v.text.text)));
        n->source_offset = child->v.text.start_pos.offset;
        n->line = child->v.text.start_pos.line;
        break;
      }
      case GUMBO_NODE_COMMENT: {
        HtmlNode* n = parent->append(HtmlNode::comment(gumbo_text(child->v.text.text)));
        n->source_offset = child->v.text.start_pos.offset;
        n->line = child->v.text.start_pos.line;
        break;
      }
      case GUMBO_NODE_DOCUMENT:
        break;
    }
  }
  return result;
}

HtmlDocument parse_html(std::string_view bytes) { return std::move(read_html(bytes).document); }

}  // namespace blogshift
