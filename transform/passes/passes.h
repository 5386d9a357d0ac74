// The clean-up passes, one per file (`<name>_pass.cpp`), listed in the order
// cleanup_passes() runs them. Each takes the <body> element and rewrites it
// in place, adding to context.changes and context.notes. Each is safe to run
// alone and twice (a second run changes nothing), which the spec examples in
// tests/transform/spec/passes/<name>.txt check.
#pragma once

#include "passes/cleanup_pass.h"

namespace blogshift::passes {

void jump_break_pass(HtmlNode& body, PassContext& context);      // "jump-break"
void image_sizes_pass(HtmlNode& body, PassContext& context);     // "image-sizes"
void image_anchors_pass(HtmlNode& body, PassContext& context);   // "image-anchors"
void caption_tables_pass(HtmlNode& body, PassContext& context);  // "caption-tables"
void separator_divs_pass(HtmlNode& body, PassContext& context);  // "separator-divs"
void style_noise_pass(HtmlNode& body, PassContext& context);     // "style-noise"
void nbsp_pass(HtmlNode& body, PassContext& context);            // "nbsp"
void empty_elements_pass(HtmlNode& body, PassContext& context);  // "empty-elements"
void line_breaks_pass(HtmlNode& body, PassContext& context);     // "line-breaks"

}  // namespace blogshift::passes
