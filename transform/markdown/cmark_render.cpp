#include "markdown/cmark_render.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <cstring>
#include <memory>
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

Parsed parse(std::string_view markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  Parsed result;
  result.parser.reset(cmark_parser_new(kOptions));
  if (!result.parser) throw std::runtime_error("cmark-gfm: cannot create a parser");
  for (const char* name : {"table", "strikethrough", "autolink"}) {
    cmark_syntax_extension* ext = cmark_find_syntax_extension(name);
    if (!ext) throw std::runtime_error(std::string("cmark-gfm: extension missing: ") + name);
    cmark_parser_attach_syntax_extension(result.parser.get(), ext);
  }
  cmark_parser_feed(result.parser.get(), markdown.data(), markdown.size());
  result.doc.reset(cmark_parser_finish(result.parser.get()));
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

}  // namespace blogshift
