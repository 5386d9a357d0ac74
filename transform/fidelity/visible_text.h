// What the fidelity check compares, taken from one HTML tree in a single
// walk: the visible words with the breaks between them, link and image
// URLs, and the text of code.
//
// Words: text is split on Unicode white space (ASCII white space, U+0085,
// U+00A0, U+1680, U+2000-U+200B, U+2028, U+2029, U+202F, U+205F, U+3000);
// U+00AD (soft hyphen) and U+FEFF are dropped. Each CJK code point (Han,
// kana, bopomofo, CJK symbols and punctuation, full-width forms) is a word of
// its own, since CJK text has no spaces. Text runs on across inline elements
// (`foo<b>bar</b>` is one word); block boundaries, table cells and <br> end
// a word. Script, style, noscript, template, head and iframe content is not
// visible and left out.
//
// Breaks: a block element starting or ending (p, h1-h6, li, blockquote, pre,
// div, tr, table, lists, hr, ...), a <br>, and a newline inside a <pre>. A
// break is recorded as the index of the word it precedes; breaks before the
// first word or after the last are dropped and several at one position
// count once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html/html_tree.h"

namespace blogshift {

struct WordSpan {
  uint32_t offset = 0;  // into VisibleText::chars
  uint32_t length = 0;
};

struct VisibleText {
  std::string chars;                // every word's bytes, back to back
  std::vector<WordSpan> words;      // in document order
  std::vector<uint32_t> breaks;     // ascending, unique, each in [1, words.size())
  std::vector<std::string> links;   // a[href] as written (entities decoded)
  std::vector<std::string> images;  // img[src]
  // <pre> text: text nodes and <br> as "\n", CR LF and CR as "\n", U+00A0
  // as a space, trailing newlines removed.
  std::vector<std::string> code_blocks;
  // <code> outside any <pre>: text with white space collapsed.
  std::vector<std::string> inline_code;

  std::string_view word(size_t i) const { return std::string_view(chars).substr(words[i].offset, words[i].length); }
};

// Walks `root` (and its descendants) once, iteratively.
VisibleText extract_visible_text(const HtmlNode& root);

}  // namespace blogshift
