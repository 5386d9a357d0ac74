// GFM tables for the CommonMark writer: `| a | b |` rows, a delimiter row
// with the column alignments, `|` in cells escaped as `\|`, hard breaks in
// cells as <br>. Rows shorter than the widest are padded with empty cells.
//
// A table without a header row (`header_row == false`) is written with an
// empty header row (`|  |  |` over the delimiter row), so every row stays a
// body row and the cells stay Markdown (links, emphasis, code) rather than
// becoming an HTML table whose cells would have to be HTML too.
#pragma once

#include <string>

#include "document/document.h"
#include "markdown/markdown_dialect.h"

namespace blogshift::markdown {

// The table as lines joined by '\n' (no final newline); "" for a table with
// no rows or no cells.
std::string write_table(const DocNode& table, MarkdownDialect dialect = MarkdownDialect::CommonMark);

}  // namespace blogshift::markdown
