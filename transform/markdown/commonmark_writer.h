// The document tree to CommonMark (with GFM tables, strikethrough and
// autolinks). Escapes exactly what CommonMark needs so every character of a
// Text node renders back as itself (no gratuitous "\_" inside words), uses
// "-" bullets and fenced code, never leaves trailing whitespace, and ends
// with exactly one newline.
#pragma once

#include <string>

#include "document/document.h"

namespace blogshift {

std::string write_commonmark(const DocNode& document);

}  // namespace blogshift
