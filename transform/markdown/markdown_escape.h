// Escaping for the CommonMark writer: exactly what CommonMark (with the GFM
// table, strikethrough and autolink extensions) needs so that a Text node
// renders back as itself, and no more (no "\_" inside snake_case, no "\."
// after a number in mid-line). The rules, with cmark's src/commonmark.c as
// the model but decided from context instead of escaping every candidate:
//
//   \        before ASCII punctuation (or what follows the text, if that starts with punctuation)
//   `        always (a backtick could pair with any later one)
//   * ~      a run is escaped unless whitespace is on both sides (only then can it neither open nor close)
//   _        a run is escaped when it could open or close (intraword _ stays)
//   [ ]      [ when a ] follows anywhere later in the block; both inside link text and image alt
//   <        before a letter, / ! or ?  (HTML tag, comment, processing instruction, autolink)
//   &        when it starts an entity or numeric reference (&amp; &#169; &#xA9;)
//   !        before [  (image)
//   ^        right after a link or image's [  (cmark-gfm reads "[^" as a footnote)
//   :        in http:// https:// ftp://  (the GFM autolink extension would link the URL)
//   .        in www.  (same)
//   line start (paragraph lines only): # > - + = * _ ~ | and ":-", and the . or ) after 1-9 digits
//   heading end: a run of # after whitespace (it would be the closing sequence)
//   {        Hugo dialect: the second brace of "{{<" and "{{%" (hugo_shortcodes.h);
//            Hugo and kramdown dialects: in a heading ({#id} would be its attributes)
//   :        Hugo and kramdown dialects: at a paragraph line start before a blank or the end (a definition)
//   kramdown dialect (kramdown_syntax.h): every | and *; < before a non-ASCII letter; a $ next to
//            another; { before :; & and ^ as &amp; and &#94; (kramdown has no \& or \^)
//   leading whitespace of a line and trailing whitespace before a line end: &#32; / &#9;
//
// A backslash escape is written for punctuation; an entity for spaces.
#pragma once

#include <string>
#include <string_view>

#include "markdown/markdown_dialect.h"

namespace blogshift::markdown {

// How CommonMark's delimiter rules see a character.
enum class CharClass { Space, Punct, Other };

// The class of the code point starting at `pos` (pos at or past the end: Space).
CharClass class_at(std::string_view text, size_t pos);
// The class of the code point ending just before `pos` (pos 0: Space).
CharClass class_before(std::string_view text, size_t pos);
bool is_ascii_punct(char c);

// Left- and right-flanking delimiter runs (CommonMark 6.2), from the classes
// of the characters before and after the run.
bool left_flanking(CharClass before, CharClass after);
bool right_flanking(CharClass before, CharClass after);
// Whether a run of `c` ('*', '_' or '~') between these could open / close.
bool can_open(char c, CharClass before, CharClass after);
bool can_close(char c, CharClass before, CharClass after);

struct TextContext {
  // The raw text of what follows this text on the same line (markup, or the
  // next text); empty at a line end.
  std::string_view after;
  bool break_after = false;    // a hard break follows (`after` is then "\\")
  bool line_rules = false;     // a paragraph: block-start characters at line start are escaped
  bool heading = false;        // the end of an ATX heading: a trailing # run is escaped
  bool heading_text = false;   // in an ATX heading (Hugo, kramdown: its braces are escaped)
  bool table_cell = false;     // in a GFM table cell (the table writer escapes its every |)
  bool in_link_text = false;   // link text or image alt: [ and ] are escaped
  bool bracket_later = false;  // a ] follows later in the block
  MarkdownDialect dialect = MarkdownDialect::CommonMark;  // the reader besides cmark-gfm (markdown_dialect.h)
};

// Appends `text` escaped to `out`. `out` holds the block's inline output so
// far; an empty `out` or one ending in '\n' means "at a line start".
void append_escaped_text(std::string& out, std::string_view text, const TextContext& context);

// A link or image destination that cmark-gfm parses back to `url` byte for
// byte: `<…>` when it has spaces, controls, < > or unbalanced parentheses; a
// backslash before punctuation or at the end escaped; an & that starts an
// entity written &amp; (cmark-gfm decodes entities before backslash
// escapes there). Line ends become %0A / %0D, and leading and trailing
// spaces do not survive (cmark-gfm trims them; so does a browser).
std::string link_destination(std::string_view url);
// A link title in double quotes that renders back as `title`: " and a
// backslash before punctuation escaped, a backslash at the end as &#92;,
// an entity-like & as &amp;, line ends as &#10; / &#13;.
std::string link_title(std::string_view title);
// An inline code span: a backtick fence longer than any run inside, padded
// with spaces when the code starts or ends with a backtick or with spaces on
// both sides. Newlines become spaces. Empty code gives "".
std::string code_span(std::string_view code);
// Whether <url> is a CommonMark autolink that renders back to exactly `url`.
bool can_autolink(std::string_view url);

}  // namespace blogshift::markdown
