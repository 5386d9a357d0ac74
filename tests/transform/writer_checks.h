// Test-only checks shared by the CommonMark writer tests: the text a tree
// should show once rendered (mirroring cmark_render's commonmark_block_texts
// and the writer's documented conventions), and the layout rules every
// written document must follow.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "document/document.h"
#include "html/html_reader.h"
#include "html/html_tree.h"
#include "markdown/cmark_render.h"

namespace blogshift::testing {

enum class TextMode { Paragraph, Heading, Cell };

inline void inline_text(const DocNode& n, TextMode mode, std::string& out) {
  for (const auto& c : n.children) {
    switch (c->kind) {
      case DocKind::Text:
      case DocKind::Code:
        for (char ch : c->text)
          if (ch != '\r') out += ch == '\n' ? ' ' : ch;
        break;
      case DocKind::Image: out += c->text; break;
      case DocKind::LineBreak:
        // The writer: "\\\n" in paragraphs, <br> (raw HTML, no text) in headings and cells.
        if (mode == TextMode::Paragraph) out += '\n';
        break;
      case DocKind::RawInline: break;
      default: inline_text(*c, mode, out); break;
    }
  }
}

inline bool blank_text(const std::string& s) { return s.find_first_not_of(" \t\n") == std::string::npos; }

inline void tree_block_texts(const DocNode& n, std::vector<std::string>& out) {
  std::string text;
  switch (n.kind) {
    case DocKind::Paragraph:
      inline_text(n, TextMode::Paragraph, text);
      // Hard breaks at a paragraph's edges are dropped by the writer.
      while (!text.empty() && text.front() == '\n') text.erase(0, 1);
      while (!text.empty() && text.back() == '\n') text.pop_back();
      break;
    case DocKind::Heading: inline_text(n, TextMode::Heading, text); break;
    case DocKind::TableCell: inline_text(n, TextMode::Cell, text); break;
    case DocKind::CodeBlock: {
      // Trailing whitespace of code lines is stripped by the writer.
      std::string line;
      for (char ch : n.text + "\n") {
        if (ch == '\n') {
          line.erase(line.find_last_not_of(" \t\r") == std::string::npos ? 0 : line.find_last_not_of(" \t\r") + 1);
          text += line + "\n";
          line.clear();
        } else {
          line += ch;
        }
      }
      while (!text.empty() && text.back() == '\n') text.pop_back();
      break;
    }
    case DocKind::RawBlock: return;
    default:
      for (const auto& c : n.children) tree_block_texts(*c, out);
      return;
  }
  if (!blank_text(text)) out.push_back(text);
}

inline std::vector<std::string> expected_block_texts(const DocNode& root) {
  std::vector<std::string> out;
  tree_block_texts(root, out);
  return out;
}

inline std::vector<std::string> rendered_block_texts(const std::string& markdown) {
  std::vector<std::string> out;
  for (auto& text : commonmark_block_texts(markdown))
    if (!blank_text(text)) out.push_back(text);
  return out;
}

// The text cmark-gfm's HTML shows, raw HTML included (a dialect writes some
// of the tree as HTML): text nodes and <img> alts in document order, with
// whitespace collapsed.
inline void html_text(const HtmlNode& n, std::string& out) {
  if (n.kind == HtmlNodeKind::Text) out += n.text;
  if (n.kind != HtmlNodeKind::Element) return;
  if (n.tag == "br") out += '\n';  // a hard break, said in HTML
  if (n.tag == "img")
    for (const auto& a : n.attributes)
      if (a.name == "alt") out += a.value;
  for (const auto& c : n.children) html_text(*c, out);
}
inline std::string rendered_html_text(const std::string& markdown) {
  std::string text;
  html_text(*parse_html(render_commonmark_to_html(markdown)).root, text);
  return collapse_whitespace(text);
}
// The tree's block texts, whitespace collapsed, one after the other.
inline std::string expected_text(const DocNode& root) {
  std::string out;
  for (const auto& text : expected_block_texts(root)) out += collapse_whitespace(text) + " ";
  return collapse_whitespace(out);
}

// No trailing whitespace on any line; exactly one final newline (or an
// empty document); never two blank lines in a row outside code fences.
inline void expect_clean_layout(const std::string& md) {
  if (md.empty()) return;
  EXPECT_EQ(md.back(), '\n') << md;
  EXPECT_FALSE(md.size() >= 2 && md[md.size() - 2] == '\n') << "more than one final newline:\n" << md;
  size_t start = 0, number = 1;
  int blank_run = 0;
  std::string fence;
  while (start < md.size()) {
    size_t end = md.find('\n', start);
    std::string line = md.substr(start, end - start);
    EXPECT_TRUE(line.empty() || (line.back() != ' ' && line.back() != '\t'))
        << "trailing whitespace on line " << number << ": [" << line << "]";
    std::string body = line.substr(std::min(line.size(), line.find_first_not_of(" >-*0123456789.)")));
    if (fence.empty() && (body.rfind("```", 0) == 0 || body.rfind("~~~", 0) == 0)) {
      fence = body.substr(0, body.find_first_not_of(body[0]));
    } else if (!fence.empty() && body.rfind(fence, 0) == 0 && body.find_first_not_of(fence[0]) == std::string::npos) {
      fence.clear();
    }
    bool blank = line.empty();
    blank_run = blank ? blank_run + 1 : 0;
    if (fence.empty()) {
      EXPECT_LT(blank_run, 2) << "two blank lines before line " << number << ":\n" << md;
    }
    start = end + 1;
    ++number;
  }
}

}  // namespace blogshift::testing
