// The fidelity check: does a document's Markdown still say what its cleaned
// HTML said? The Markdown is parsed with cmark-gfm (markdown/cmark_render.h)
// and its node tree read as a browser would show its HTML rendering
// (markdown_visible_text below): only raw HTML in the Markdown goes through
// the HTML parser (html_reader.h), not a rendering of the whole document.
// The two sides are compared on what a reader of the page would notice losing:
//
//   text    visible words (visible_text.h says what a word is: runs between
//           Unicode white space; every CJK code point is a word of its own),
//           matched as a multiset: text_recall = matched / source words.
//   breaks  line and paragraph breaks (block boundaries, <br>, lines of a
//           <pre>) as positions between two words, compared as the multiset
//           of (word before, word after) pairs: break_recall = source breaks
//           whose pair is also a break pair in the output / source breaks.
//   links   every a[href] of the source, mapped through `rewritten`, is an
//           a[href] of the output (as a multiset; URLs compared after the
//           percent-escaping cmark applies).
//   images  the same for img[src].
//   code    the text of every <pre> and every inline <code> outside a <pre>,
//           in order, equal (pre: exact but for CR LF, U+00A0, spaces at line ends and trailing
//           newlines; inline code: white space collapsed).
//   styles  the words shown in emphasis, strong, strikethrough, a heading of
//           each level or a block quote (structure_compare.h).
//   lists   each list's items, kind and looseness; tables: rows and columns.
//
// Differences the writer makes on purpose are excused by name (`excused`,
// structure_compare.h lists the rules) rather than failed.
//
// `passed` needs text_recall >= kMinTextRecall, break_recall >=
// kMinBreakRecall, every link and image kept, the code equal, each style's
// recall >= kMinStyleRecall and the lists and tables the same. Runs in
// O(n) in the number of words (plus parsing the source and the Markdown).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "visible_text.h"
#include "html/html_tree.h"

namespace blogshift {

// Old URL (as written in the cleaned HTML) -> new URL (as the Markdown should
// have it): links rewritten to the new site, images copied beside the post.
using UrlMap = std::unordered_map<std::string, std::string>;

inline constexpr double kMinTextRecall = 0.995;
inline constexpr double kMinBreakRecall = 0.98;

struct FidelityResult {
  bool passed = false;

  size_t source_words = 0;
  size_t matched_words = 0;
  double text_recall = 1.0;  // matched_words / source_words; 1 for no words

  size_t source_breaks = 0;
  size_t matched_breaks = 0;
  double break_recall = 1.0;  // matched_breaks / source_breaks; 1 for no breaks

  size_t links_total = 0;
  size_t links_kept = 0;
  std::vector<std::string> missing_links;  // expected (mapped) URLs, in source order

  size_t images_total = 0;
  size_t images_kept = 0;
  std::vector<std::string> missing_images;

  size_t code_blocks = 0;   // <pre> in the source
  size_t inline_code = 0;   // <code> outside <pre> in the source
  bool code_ok = true;

  size_t styled_words = 0;  // source words in some style (once per style)
  size_t styled_kept = 0;
  bool styles_ok = true;
  size_t lists = 0;   // lists in the source
  bool lists_ok = true;
  size_t tables = 0;  // tables in the source
  bool tables_ok = true;

  // Differences excused as made on purpose, each "rule: what" (the rules:
  // structure_compare.h); they do not fail the document.
  std::vector<std::string> excused;

  // The first differences for the migration report, "; "-separated, at most
  // kMaxDetailItems of them (then "and N more"); empty when nothing differs.
  std::string detail;
};

inline constexpr size_t kMaxDetailItems = 5;

// Parses both and compares. Never throws for odd input.
FidelityResult check_fidelity(std::string_view cleaned_html, std::string_view markdown, const UrlMap& rewritten);

// The same for a caller that already holds the cleaned tree (the root of an
// HtmlDocument or the <body> element), so the source is not parsed twice.
FidelityResult check_fidelity(const HtmlNode& cleaned_root, std::string_view markdown, const UrlMap& rewritten);

// The output side: what `markdown` shows, taken from cmark-gfm's tree as
// extract_visible_text would take it from the HTML cmark-gfm renders: text
// nodes are words, soft breaks spaces; blocks, list items, table rows and
// cells, hard breaks and code lines are breaks; link and image destinations
// as cmark writes them (percent-escaped); an image's alt text is not shown.
// HTML blocks are read with the HTML parser, and so is a paragraph, heading
// or cell holding inline HTML other than <br>, comments and properly nested
// <sup> <sub> <u> <ins> <span> <q> tags (rendered with cmark-gfm first).
VisibleText markdown_visible_text(std::string_view markdown);

}  // namespace blogshift
