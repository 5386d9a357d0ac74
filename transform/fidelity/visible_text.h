// What the fidelity check compares, taken from one HTML tree in a single
// walk: the visible words with the breaks between them, link and image
// URLs, and the text of code.
//
// Every element is read with the meaning and display the shared element
// model gives it (html/html_elements.h), the same model the converter writes
// from: so a <tt> is code to both, a <legend> a line of its own to both.
//
// Words: text is split on Unicode white space (ASCII white space, U+0085,
// U+00A0, U+1680, U+2000-U+200B, U+2028, U+2029, U+202F, U+205F, U+3000);
// U+00AD (soft hyphen) and U+FEFF are dropped. Each CJK code point (Han,
// kana, bopomofo, CJK symbols and punctuation, full-width forms) is a word of
// its own, since CJK text has no spaces. Text runs on across inline elements
// (`foo<b>bar</b>` is one word); block boundaries, table cells and <br> end
// a word. What the model says is not rendered (display: none: script,
// style, noscript, template, head, title, ...; and iframe content) is left out.
//
// Breaks: a block element starting or ending (p, h1-h6, li, blockquote, pre,
// div, tr, table, lists, hr, ...), a <br>, and a newline inside a <pre>. A
// break is recorded as the index of the word it precedes; breaks before the
// first word or after the last are dropped and several at one position
// count once.
//
// Styles: each word carries what a reader sees it in (WordStyle): emphasis,
// strong, strikethrough, a heading of level 1-6, a block quote. A word is
// styled when any of its characters is. Words of code carry no style (code
// is compared on its own, and Markdown cannot style inside it).
//
// Structure: every list (ordered or not, its items, how many of them show
// nothing, and whether it is loose: an item holds a <p> with content, which
// browsers set off with paragraph margins) and every table (rows, the most
// cells in a row), in the order they open.
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

// Bits of a word's style; the heading level is kept apart.
enum WordStyleBit : uint8_t {
  kStyleEmphasis = 1,
  kStyleStrong = 2,
  kStyleStrike = 4,
  kStyleQuote = 8,
};

struct WordStyle {
  uint8_t bits = 0;     // WordStyleBit
  uint8_t heading = 0;  // 1-6 inside a heading, else 0
  bool operator==(const WordStyle&) const = default;
};

struct ListShape {
  bool ordered = false;
  uint32_t items = 0;
  uint32_t empty_items = 0;  // items that show no word and no image
  bool loose = false;
  // Content straight inside the list before its first item (or with no
  // item at all) that shows something: old editors put a nested <ul>
  // straight inside the outer one. The writer gives it an item of its own.
  bool leading_stray = false;
};

struct TableShape {
  uint32_t rows = 0;
  uint32_t columns = 0;  // the most cells in one row
  uint32_t words = 0;    // words inside it (a table showing nothing may go)
  bool first_row_empty = false;  // its first row shows no word and no image
};

struct VisibleText {
  std::string chars;                // every word's bytes, back to back
  std::vector<WordSpan> words;      // in document order
  std::vector<WordStyle> styles;    // one per word
  std::vector<uint32_t> breaks;     // ascending, unique, each in [1, words.size())
  std::vector<std::string> links;   // a[href] as written (entities decoded)
  std::vector<std::string> images;  // img[src]
  // <pre> text: text nodes and <br> as "\n", CR LF and CR as "\n", U+00A0
  // as a space, trailing newlines removed.
  std::vector<std::string> code_blocks;
  // <code> outside any <pre>: text with white space collapsed (a <code>
  // around a <pre> is the pre's code block only; code right after code,
  // nothing between, is one run: <code>A</code><kbd>B</kbd> is "AB").
  std::vector<std::string> inline_code;
  std::vector<ListShape> lists;     // in the order they open
  std::vector<TableShape> tables;

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
  // A list opening whose looseness is known (cmark-gfm's tight flag): its
  // paragraphs then say nothing about it. Close with close("ul"/"ol").
  void open_list(bool ordered, bool loose);
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

  void start_word();
  WordStyle current_style() const;

  // What is open, innermost last: what closing it undoes.
  enum class OpenKind : uint8_t {
    Other, Pre, Code, Emphasis, Strong, Strike, Quote, Heading, List, Item, ItemParagraph, Table, Row
  };
  struct Open {
    OpenKind kind = OpenKind::Other;
    bool block = false;        // display: block (its end is a break)
    bool quote_marks = false;  // <q>: a closing quotation mark
    uint32_t index = 0;        // into lists or tables, for List, Item, ItemParagraph, Table, Row
    uint32_t cells = 0;        // Row: cells so far
    size_t words_at = 0;       // words and images when it opened
    size_t images_at = 0;
  };
  void open_structure(OpenKind kind, uint32_t index, bool block, bool quote_marks);
  void code_line();
  bool shows_since(const Open& o) const {
    return out_.words.size() > o.words_at || out_.images.size() > o.images_at;
  }
  std::vector<Open> open_;
  std::vector<bool> fixed_lists_;  // per list: looseness given by open_list()

  VisibleText out_;
  WordStyle word_style_;
  int emphasis_ = 0, strong_ = 0, strike_ = 0, quote_ = 0;
  std::vector<uint8_t> headings_;
  bool in_word_ = false;
  bool break_pending_ = false;
  size_t word_start_ = 0;
  int pre_depth_ = 0;
  int code_depth_ = 0;
  bool code_held_pre_ = false;
  bool code_continues_ = false;  // this inline code starts where the last one ended: one run of code
  size_t code_end_chars_ = SIZE_MAX;  // out_.chars size when the last inline code ended
  size_t code_end_refs_ = 0;          // images and links then  // the open inline code holds a <pre>: a code block, not inline code
  std::string code_;
};

}  // namespace blogshift
