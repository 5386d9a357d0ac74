// image-sizes: Blogger thumbnails to the largest size.
//
// Blogger's editor inserts a thumbnail (`/s320/`, `=w400-h300`, `/s72-c/`)
// and links it to a larger copy. Every <img src> and every <a href> that
// names a Blogger-hosted image smaller than kLargestImageSide, cropped, or
// as its HTML page (`/s1600-h/`) is rewritten to `s1600`
// (blogger_image_url.h says why not `s0`). Sizes already at or above 1600
// are left alone. When an <img>'s source changed, its width and height
// described the thumbnail and are dropped (so are Blogger's
// data-original-width/-height, which only ever went with them).
//
// Runs before image-anchors, which compares the link and image URLs.
#include "blogger_image_url.h"
#include "passes/passes.h"
#include "passes/tree_edit.h"

namespace blogshift::passes {

void image_sizes_pass(HtmlNode& body, PassContext& context) {
  for (HtmlNode* node : elements_preorder(body)) {
    const char* attribute = node->tag == "img" ? "src" : node->tag == "a" ? "href" : nullptr;
    if (!attribute) continue;
    const std::string* url = node->attr(attribute);
    if (!url) continue;
    std::string larger = largest_image_url(*url);
    if (larger == *url) continue;
    node->set_attr(attribute, std::move(larger));
    ++context.changes;
    if (node->tag == "img") {
      for (const char* size : {"width", "height", "data-original-width", "data-original-height"})
        remove_attr(*node, size);
    }
  }
}

}  // namespace blogshift::passes
