#include "html_serializer.h"

#include <array>
#include <vector>

namespace blogshift {

namespace {

bool is_raw_text_element(std::string_view tag) {
  static constexpr std::array<std::string_view, 8> kRaw = {"script", "style",    "xmp",      "iframe",
                                                           "noembed", "noframes", "plaintext", "noscript"};
  for (auto t : kRaw)
    if (t == tag) return true;
  return false;
}

std::string escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '&') {
      out += "&amp;";
    } else if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      out += "&nbsp;";
      ++i;
    } else if (attribute && c == '"') {
      out += "&quot;";
    } else if (!attribute && c == '<') {
      out += "&lt;";
    } else if (!attribute && c == '>') {
      out += "&gt;";
    } else {
      out += c;
    }
  }
  return out;
}

void open_tag(const HtmlNode& n, std::string& out) {
  out += '<';
  out += n.tag;
  for (const auto& a : n.attributes) {
    out += ' ';
    out += a.name;
    out += "=\"";
    out += escape(a.value, true);
    out += '"';
  }
  out += '>';
}

// Serialises the children of `from` (and, with `include_self`, the node
// itself) without recursion.
void serialise(const HtmlNode& from, bool include_self, std::string& out) {
  struct Frame {
    const HtmlNode* node;
    size_t next;
  };
  auto emit_leaf = [&](const HtmlNode& n) {
    if (n.kind == HtmlNodeKind::Text) {
      const HtmlNode* p = n.parent;
      if (p && p->is_element() && is_raw_text_element(p->tag))
        out += n.text;
      else
        out += escape(n.text, false);
    } else if (n.kind == HtmlNodeKind::Comment) {
      out += "<!--";
      out += n.text;
      out += "-->";
    }
  };
  if (!from.is_element()) {
    if (include_self) emit_leaf(from);
    return;
  }
  std::vector<Frame> stack;
  if (include_self) {
    open_tag(from, out);
    if (is_void_element(from.tag)) return;
  }
  stack.push_back({&from, 0});
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next >= top.node->children.size()) {
      const HtmlNode* done = top.node;
      stack.pop_back();
      if (done != &from || include_self) {
        out += "</";
        out += done->tag;
        out += '>';
      }
      continue;
    }
    const HtmlNode& child = *top.node->children[top.next++];
    if (!child.is_element()) {
      emit_leaf(child);
      continue;
    }
    open_tag(child, out);
    if (is_void_element(child.tag)) continue;
    stack.push_back({&child, 0});
  }
}

}  // namespace

bool is_void_element(std::string_view tag) {
  static constexpr std::array<std::string_view, 16> kVoid = {"area",  "base", "br",   "col",   "embed",  "hr",
                                                             "img",   "input", "link", "meta",  "param", "source",
                                                             "track", "wbr",  "basefont", "keygen"};
  for (auto t : kVoid)
    if (t == tag) return true;
  return false;
}

std::string escape_html_text(std::string_view text) { return escape(text, false); }
std::string escape_html_attribute(std::string_view value) { return escape(value, true); }

std::string outer_html(const HtmlNode& node) {
  std::string out;
  serialise(node, true, out);
  return out;
}

std::string inner_html(const HtmlNode& node) {
  std::string out;
  serialise(node, false, out);
  return out;
}

}  // namespace blogshift
