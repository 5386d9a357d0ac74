// One post body from Blogger HTML to a document tree: parse (gumbo, behind
// the reader adapter), clean-up passes, conversion. The cleaned HTML is kept
// (the tree) for the fidelity check, which compares against it.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "convert/html_to_document.h"
#include "document/document.h"
#include "fidelity/visible_text.h"
#include "html/html_tree.h"
#include "passes/cleanup_pass.h"

namespace blogshift {

struct BodyConversion {
  std::unique_ptr<DocNode> document;
  HtmlDocument cleaned;            // the parsed body after the passes (for the fidelity check)
  const HtmlNode* body = nullptr;  // its <body> element
  PassContext passes;
  // What the body showed before the passes (words and breaks), for the
  // fidelity check's look at the passes themselves.
  VisibleText shown;
  ConvertReport convert;
  bool depth_capped = false;  // the HTML nested too deep: part was flattened to text
};

BodyConversion convert_body(std::string_view html);

}  // namespace blogshift
