// Markdown back to HTML (and to plain text) with cmark-gfm and the GFM
// extensions blogshift writes: table, strikethrough, autolink. Raw HTML is
// passed through (CMARK_OPT_UNSAFE), so a render shows exactly what a site
// generator would get. Used by the writer's round-trip tests and by the
// fidelity check. No cmark type leaves this adapter.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace blogshift {

// The HTML cmark-gfm makes of `markdown`.
std::string render_commonmark_to_html(std::string_view markdown);

// The text of each leaf block of `markdown`, in document order: paragraphs,
// headings, code blocks and table cells. Inside a block: text, inline code
// and image alt text; a hard break is "\n", a soft break " "; raw HTML is
// left out. Blocks whose text is empty are left out.
std::vector<std::string> commonmark_block_texts(std::string_view markdown);

}  // namespace blogshift
