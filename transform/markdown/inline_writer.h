// The inline half of the CommonMark writer: a block's inline children to one
// string (lines separated by '\n' only at hard breaks; the block writer adds
// prefixes). Emphasis, strong and strikethrough use * / ** / ~~, or _ / __
// when those touch another delimiter or cannot open/close where they stand,
// and fall back to <em> / <strong> / <del> when no delimiter can; whitespace
// at their edges is moved outside them. Nested links keep only the text.
#pragma once

#include <string>

#include "document/document.h"
#include "markdown/markdown_dialect.h"

namespace blogshift::markdown {

enum class InlineMode {
  Paragraph,  // hard breaks as "\\\n"; block-start characters at line starts escaped
  Heading,    // one line: hard breaks become spaces; a trailing # run escaped
  TableCell,  // one line: hard breaks become <br>; every | escaped as \|
};

// `parent`'s inline children as CommonMark. Leading and trailing hard breaks
// are dropped (they mean nothing at a block edge).
std::string write_inlines(const DocNode& parent, InlineMode mode,
                          MarkdownDialect dialect = MarkdownDialect::CommonMark);
// The same for children [first, last) of `parent` only (inlines met where
// blocks belong are written as a paragraph of their own).
std::string write_inlines(const DocNode& parent, size_t first, size_t last, InlineMode mode,
                          MarkdownDialect dialect = MarkdownDialect::CommonMark);

}  // namespace blogshift::markdown
