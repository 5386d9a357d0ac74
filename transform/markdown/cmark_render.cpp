#include "markdown/cmark_render.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace blogshift {
namespace {

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};
struct CharDeleter {
  void operator()(char* s) const { std::free(s); }
};

constexpr int kOptions = CMARK_OPT_UNSAFE;

// A parser with the three extensions attached; `doc` is the parsed tree.
struct Parsed {
  std::unique_ptr<cmark_parser, ParserDeleter> parser;
  std::unique_ptr<cmark_node, NodeDeleter> doc;
};

// cmark-gfm keeps the table of characters that start inline syntax in one
// global array; a parse adds its extensions' characters to it while it
// parses inlines (in cmark_parser_finish, and for table rows already in
// cmark_parser_feed) and removes them when done. Two threads parsing at once
// can make one miss a table's "|" or a strikethrough's "~" (github/cmark-gfm
// pull request 176, never merged): the fidelity check then reads another
// document than the one written. So registration and parsing run one thread
// at a time; rendering does not touch the table.
std::mutex& parse_lock() {
  static std::mutex lock;
  return lock;
}

Parsed parse(std::string_view markdown) {
  {
    std::lock_guard<std::mutex> hold(parse_lock());
    cmark_gfm_core_extensions_ensure_registered();
  }
  Parsed result;
  result.parser.reset(cmark_parser_new(kOptions));
  if (!result.parser) throw std::runtime_error("cmark-gfm: cannot create a parser");
  for (const char* name : {"table", "strikethrough", "autolink"}) {
    cmark_syntax_extension* ext = cmark_find_syntax_extension(name);
    if (!ext) throw std::runtime_error(std::string("cmark-gfm: extension missing: ") + name);
    cmark_parser_attach_syntax_extension(result.parser.get(), ext);
  }
  {
    std::lock_guard<std::mutex> hold(parse_lock());
    cmark_parser_feed(result.parser.get(), markdown.data(), markdown.size());
    result.doc.reset(cmark_parser_finish(result.parser.get()));
  }
  if (!result.doc) throw std::runtime_error("cmark-gfm: parse failed");
  return result;
}

bool is_leaf_block(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
    case CMARK_NODE_CODE_BLOCK: return true;
    default: break;
  }
  const char* type = cmark_node_get_type_string(node);
  return type && std::strcmp(type, "table_cell") == 0;
}

}  // namespace

std::string render_commonmark_to_html(std::string_view markdown) {
  Parsed parsed = parse(markdown);
  std::unique_ptr<char, CharDeleter> html(
      cmark_render_html(parsed.doc.get(), kOptions, cmark_parser_get_syntax_extensions(parsed.parser.get())));
  return html ? std::string(html.get()) : std::string();
}

std::vector<std::string> commonmark_block_texts(std::string_view markdown) {
  Parsed parsed = parse(markdown);
  std::vector<std::string> blocks;
  std::string current;
  int depth_in_leaf = 0;  // > 0 while inside a leaf block
  std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(parsed.doc.get()));
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (is_leaf_block(node)) {
      if (event == CMARK_EVENT_ENTER) {
        ++depth_in_leaf;
        current.clear();
        if (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK) {
          const char* code = cmark_node_get_literal(node);
          current = code ? code : "";
          if (!current.empty() && current.back() == '\n') current.pop_back();
        }
      }
      if (event == CMARK_EVENT_EXIT || cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK) {
        --depth_in_leaf;
        if (!current.empty()) blocks.push_back(current);
        current.clear();
      }
      continue;
    }
    if (depth_in_leaf == 0 || event != CMARK_EVENT_ENTER) continue;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE: {
        const char* literal = cmark_node_get_literal(node);
        if (literal) current += literal;
        break;
      }
      case CMARK_NODE_SOFTBREAK: current += ' '; break;
      case CMARK_NODE_LINEBREAK: current += '\n'; break;
      default: break;
    }
  }
  return blocks;
}

namespace {

MarkdownNodeKind node_kind(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_DOCUMENT: return MarkdownNodeKind::kDocument;
    case CMARK_NODE_BLOCK_QUOTE: return MarkdownNodeKind::kBlockQuote;
    case CMARK_NODE_LIST: return MarkdownNodeKind::kList;
    case CMARK_NODE_ITEM: return MarkdownNodeKind::kItem;
    case CMARK_NODE_CODE_BLOCK: return MarkdownNodeKind::kCodeBlock;
    case CMARK_NODE_HTML_BLOCK: return MarkdownNodeKind::kHtmlBlock;
    case CMARK_NODE_PARAGRAPH: return MarkdownNodeKind::kParagraph;
    case CMARK_NODE_HEADING: return MarkdownNodeKind::kHeading;
    case CMARK_NODE_THEMATIC_BREAK: return MarkdownNodeKind::kThematicBreak;
    case CMARK_NODE_TEXT: return MarkdownNodeKind::kText;
    case CMARK_NODE_SOFTBREAK: return MarkdownNodeKind::kSoftBreak;
    case CMARK_NODE_LINEBREAK: return MarkdownNodeKind::kLineBreak;
    case CMARK_NODE_CODE: return MarkdownNodeKind::kCode;
    case CMARK_NODE_HTML_INLINE: return MarkdownNodeKind::kHtmlInline;
    case CMARK_NODE_EMPH: return MarkdownNodeKind::kEmph;
    case CMARK_NODE_STRONG: return MarkdownNodeKind::kStrong;
    case CMARK_NODE_LINK: return MarkdownNodeKind::kLink;
    case CMARK_NODE_IMAGE: return MarkdownNodeKind::kImage;
    default: break;
  }
  const char* type = cmark_node_get_type_string(node);
  if (!type) return MarkdownNodeKind::kOther;
  if (std::strcmp(type, "table") == 0) return MarkdownNodeKind::kTable;
  if (std::strcmp(type, "table_row") == 0 || std::strcmp(type, "table_header") == 0) return MarkdownNodeKind::kTableRow;
  if (std::strcmp(type, "table_cell") == 0) return MarkdownNodeKind::kTableCell;
  if (std::strcmp(type, "strikethrough") == 0) return MarkdownNodeKind::kStrikethrough;
  return MarkdownNodeKind::kOther;
}

std::string_view view(const char* s) { return s ? std::string_view(s) : std::string_view(); }

// The HTML_INLINE literals anywhere below `container`, in document order.
void collect_inline_html(cmark_node* container, std::vector<std::string_view>& out) {
  cmark_node* n = cmark_node_first_child(container);
  while (n) {
    if (cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE) out.push_back(view(cmark_node_get_literal(n)));
    if (cmark_node* child = cmark_node_first_child(n)) {
      n = child;
      continue;
    }
    while (n != container && !cmark_node_next(n)) n = cmark_node_parent(n);
    if (n == container) break;
    n = cmark_node_next(n);
  }
}

}  // namespace

void walk_commonmark(std::string_view markdown, MarkdownVisitor& visitor) {
  Parsed parsed = parse(markdown);
  cmark_llist* extensions = cmark_parser_get_syntax_extensions(parsed.parser.get());
  std::vector<std::string_view> inline_html;
  std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(parsed.doc.get()));
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    MarkdownNode info;
    info.kind = node_kind(node);
    switch (info.kind) {
      case MarkdownNodeKind::kText:
      case MarkdownNodeKind::kCode:
      case MarkdownNodeKind::kCodeBlock:
      case MarkdownNodeKind::kHtmlBlock:
      case MarkdownNodeKind::kHtmlInline: info.literal = view(cmark_node_get_literal(node)); break;
      case MarkdownNodeKind::kLink:
      case MarkdownNodeKind::kImage: info.url = view(cmark_node_get_url(node)); break;
      case MarkdownNodeKind::kHeading: info.level = cmark_node_get_heading_level(node); break;
      case MarkdownNodeKind::kList:
        info.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        info.tight = cmark_node_get_list_tight(node) != 0;
        break;
      default: break;
    }
    if (event == CMARK_EVENT_EXIT) {
      visitor.leave(info);
      continue;
    }
    if (info.kind == MarkdownNodeKind::kParagraph || info.kind == MarkdownNodeKind::kHeading ||
        info.kind == MarkdownNodeKind::kTableCell) {
      inline_html.clear();
      collect_inline_html(node, inline_html);
      if (!inline_html.empty()) info.inline_html = &inline_html;
    }
    MarkdownDescend descend = visitor.enter(info);
    if (descend == MarkdownDescend::kChildren || !cmark_node_first_child(node)) continue;
    if (descend == MarkdownDescend::kAsHtml) {
      std::string html;
      for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
        std::unique_ptr<char, CharDeleter> part(cmark_render_html(child, kOptions, extensions));
        if (part) html += part.get();
      }
      visitor.children_html(html);
    }
    // Makes (node, EXIT) the current event, so the walk goes on after it.
    cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
    visitor.leave(info);
  }
}

}  // namespace blogshift
