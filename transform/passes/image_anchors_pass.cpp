// image-anchors: a link around an image that points at the same image goes.
//
// Blogger wraps each inserted image in a link to its larger copy:
//   <a href=".../s1600/x.jpg" imageanchor="1" style="..."><img src=".../s320/x.jpg"></a>
// When the link's only content is one <img> (maybe in a <span> or <font>
// holding nothing else) and the link points at the same
// image (blogger_image_url.h's image_identity: same file, any size, any
// scheme or server shard), the link is dropped and the image keeps the
// larger of the two URLs (the link's, normally, keeping the image's https);
// if the source changed, the
// thumbnail's width and height go with it. A link to anything else (a page,
// another image) is a real link and stays; only Blogger's `imageanchor`
// attribute is removed from it.
#include "blogger_image_url.h"
#include "passes/passes.h"
#include "passes/tree_edit.h"

namespace blogshift::passes {

namespace {

// The only element child of `node`, when everything else is whitespace or
// comments; nullptr otherwise.
HtmlNode* sole_element(HtmlNode& node) {
  HtmlNode* only = nullptr;
  for (auto& c : node.children) {
    if (c->is_element()) {
      if (only) return nullptr;
      only = c.get();
    } else if (c->is_text() && !is_blank(c->text)) {
      return nullptr;
    }
  }
  return only;
}

// The link's only content when it is an <img>, possibly inside <span> or
// <font> wrappers that hold nothing else (style-noise removes those later).
HtmlNode* sole_image(HtmlNode& a) {
  HtmlNode* n = sole_element(a);
  while (n && (n->tag == "span" || n->tag == "font")) n = sole_element(*n);
  return n && n->is_element("img") ? n : nullptr;
}

}  // namespace

void image_anchors_pass(HtmlNode& body, PassContext& context) {
  for (HtmlNode* a : elements_postorder(body)) {
    if (!a->is_element("a")) continue;
    bool changed = remove_attr(*a, "imageanchor");
    HtmlNode* img = sole_image(*a);
    const std::string* href = a->attr("href");
    const std::string* src = img ? img->attr("src") : nullptr;
    if (!href || !src || href->empty() || image_identity(*href) != image_identity(*src)) {
      if (changed) ++context.changes;
      continue;
    }
    if (image_size_rank(*href) > image_size_rank(*src)) {
      std::string target = *href;
      // A `/s1600-h/` link names the HTML page around the image, not the image.
      if (auto options = find_size_options(target); options && options->html_page)
        target = with_size_options(target, *options, "s" + std::to_string(options->longest_side));
      // Keep https when only the link said http (Google's image servers serve both).
      if (target.starts_with("http://") && src->starts_with("https://")) target.insert(4, "s");
      img->set_attr("src", std::move(target));
      for (const char* size : {"width", "height", "data-original-width", "data-original-height"})
        remove_attr(*img, size);
    }
    unwrap(*a);
    ++context.changes;
  }
}

}  // namespace blogshift::passes
