// HTML (a cleaned post body) to the document tree: one rule per element
// Blogger posts contain. What Markdown cannot say is kept as RawBlock /
// RawInline and listed in the report, never dropped.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "document/document.h"
#include "html/html_tree.h"

namespace blogshift {

struct ConvertReport {
  // Elements kept as raw HTML, with why: "iframe", "table: rowspan", "form"...
  std::vector<std::string> kept_raw;
  // Elements no rule knows (kept as raw HTML too): "marquee", "blink"...
  std::vector<std::string> unknown;
};

// `body` is the <body> element (or any container) of a cleaned post.
std::unique_ptr<DocNode> html_to_document(const HtmlNode& body, ConvertReport& report);

}  // namespace blogshift
