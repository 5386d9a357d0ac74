// Hugo reads two things in a content file's bytes before Goldmark reads it
// as Markdown. Its summary divider: the first "<!--more-->" anywhere, which
// it replaces by a block break (in a quote, a list, a paragraph, a code
// span: splitting it). And its shortcodes: every
// "{{<" and "{{%" opens one, in text, code spans, fenced code, raw HTML and
// link destinations alike, and one that names no shortcode fails the build
// ("template for shortcode ... not found"). Text a blog quotes (a post about
// Hugo, Go templates, Mustache) must not open one. The Hugo dialect breaks
// every opener where it stands, in the form that context reads back as the
// same characters:
//   text             "{\{<"          (a backslash escape; cmark and Goldmark read "{{<")
//   code, raw HTML   "{&#123;<"      (code goes out as <code>/<pre> HTML for it)
//   a destination    "{%7B<"         (the same URL once decoded)
#pragma once

#include <string>
#include <string_view>

namespace blogshift::markdown {

// The divider is written only as a block of its own at the top level (a
// jump break inside a quote or list goes after it), and its bytes nowhere
// else: "&lt;!--more-->" in text, "&lt;" in code, "<!-- more -->" in raw
// HTML, %3C...%3E in a destination, an entity in a title.

// Whether `text` holds "{{<" or "{{%".
bool has_shortcode_opener(std::string_view text);
// Whether `text` holds an opener or the summary divider.
bool hugo_scans(std::string_view text);
// `html` with the second brace of every opener written &#123; and every
// divider as <!-- more -->.
std::string defuse_shortcodes_in_html(std::string_view html);
// `url` with the second brace of every opener written %7B, a divider %3C!--more--%3E.
std::string defuse_shortcodes_in_url(std::string_view url);
// A link title (already quoted) with openers as &#123; and a divider as &lt;!--more--&gt;.
std::string defuse_shortcodes_in_title(std::string_view title);
// Code as HTML text (& < > escaped, so no divider either), openers
// defused: for <code> and <pre>.
std::string code_as_html(std::string_view code);

}  // namespace blogshift::markdown
