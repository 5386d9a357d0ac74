// Which Markdown reader the content tree is written for. The writer's output
// is CommonMark with GFM tables, strikethrough and autolinks in every
// dialect, and means the same to cmark-gfm in each; a dialect adds what one
// generator's reader needs besides, so that it too reads the text as written:
//   CommonMark  Astro (remark/micromark): nothing more;
//   Hugo        Goldmark behind Hugo's shortcode scanner, which reads every
//               "{{<" and "{{%" in the file, code included, as a shortcode
//               (hugo_shortcodes.h); the summary divider is "<!--more-->";
//   Kramdown    Jekyll's kramdown (GFM input), see kramdown_syntax.h.
#pragma once

namespace blogshift {

enum class MarkdownDialect { CommonMark, Hugo, Kramdown };

}  // namespace blogshift
