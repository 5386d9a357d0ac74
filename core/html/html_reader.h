// Parses HTML bytes into the owned tree of html_tree.h, with the HTML5
// algorithm (gumbo), so tag soup ends up the way browsers built it.
//
// This is the only place that knows gumbo. The parser is not hardened for
// hostile input (its README says so), so the adapter bounds what it hands
// on: nesting deeper than `max_depth` is flattened to the text it holds
// (HtmlDocument::depth_capped says so, nodes_dropped counts the elements
// lost), and input longer than `max_bytes` is cut (`truncated`).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "html_tree.h"

namespace blogshift {

struct HtmlReadOptions {
  size_t max_depth = 512;
  size_t max_bytes = size_t{64} << 20;  // 64 MiB (gumbo offsets are 32-bit; its memory use is a multiple)
};

struct HtmlReadResult {
  HtmlDocument document;
  bool truncated = false;  // input longer than max_bytes; only the start was parsed
};

// Never throws for bad HTML (there is no such thing in HTML5); the result's
// root is a "#document" element holding the <html> element and any comments
// outside it. The source bytes are copied into the document.
HtmlReadResult read_html(std::string_view bytes, const HtmlReadOptions& options = {});

// Shorthand for read_html(bytes).document.
HtmlDocument parse_html(std::string_view bytes);

}  // namespace blogshift
