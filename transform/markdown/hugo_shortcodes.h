// Hugo scans a content file for shortcodes before Goldmark reads it: every
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

// Whether `text` holds "{{<" or "{{%".
bool has_shortcode_opener(std::string_view text);
// `html` with the second brace of every opener written &#123;.
std::string defuse_shortcodes_in_html(std::string_view html);
// `url` with the second brace of every opener written %7B.
std::string defuse_shortcodes_in_url(std::string_view url);
// Code as HTML text (& < > escaped), openers defused: for <code> and <pre>.
std::string code_as_html(std::string_view code);

}  // namespace blogshift::markdown
