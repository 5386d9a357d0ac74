// The document tree to CommonMark (with GFM tables, strikethrough and
// autolinks). Escapes exactly what CommonMark needs so every character of a
// Text node renders back as itself (no gratuitous "\_" inside words), uses
// "-" bullets and fenced code, never leaves trailing whitespace, and ends
// with exactly one newline.
#pragma once

#include <string>

#include "document/document.h"
#include "markdown/markdown_dialect.h"

namespace blogshift {

// `dialect`: the generator's reader the text is also for (markdown_dialect.h).
std::string write_commonmark(const DocNode& document, MarkdownDialect dialect = MarkdownDialect::CommonMark);

}  // namespace blogshift
