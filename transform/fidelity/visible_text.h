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

// Walks `root` (and its descendants) once, iteratively. `expected_bytes`,
// when known, is about how much text there is (room is made for it).
VisibleText extract_visible_text(const HtmlNode& root, size_t expected_bytes = 0);

// The same extraction driven step by step, for a caller walking a tree of
// its own (the fidelity check walks cmark-gfm's): text, elements opened and
// closed by tag name, and parsed HTML subtrees walked in place, all adding to
// one VisibleText with the rules above.
class VisibleTextBuilder {
public:
  // Room for about this much text (words average a few bytes).
  void reserve(size_t text_bytes);
  void text(std::string_view text);
  // As if element `tag` (lower case) started; `url` is an a's href or an
  // img's src (nullptr: none). False for a hidden element, whose content is
  // to be left out (close it all the same).
  bool open(std::string_view tag, const std::string* url = nullptr);
  void close(std::string_view tag);
  // `root` and its descendants, as extract_visible_text reads them.
  void walk(const HtmlNode& root);
  VisibleText finish();

private:
  bool enter(const HtmlNode& n);
  void leave(const HtmlNode& n);
  void add_char(std::string_view bytes);
  void end_word();
  void line_break();
  std::string finish_block_code();

  VisibleText out_;
  bool in_word_ = false;
  bool break_pending_ = false;
  size_t word_start_ = 0;
  int pre_depth_ = 0;
  int code_depth_ = 0;
  std::string code_;
};

}  // namespace blogshift
