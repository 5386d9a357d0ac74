#include "body_converter.h"

#include "html/html_reader.h"
#include "html/html_serializer.h"

namespace blogshift {

namespace {
HtmlNode* find_body(HtmlNode& root) {
  std::vector<HtmlNode*> stack{&root};
  while (!stack.empty()) {
    HtmlNode* node = stack.back();
    stack.pop_back();
    if (node->is_element("body")) return node;
    for (auto& child : node->children) stack.push_back(child.get());
  }
  return &root;
}
}  // namespace

BodyConversion convert_body(std::string_view html) {
  BodyConversion out;
  // "<body>" first: a post that starts with <script>, <style> or <link> would
  // otherwise have them moved into an implied <head> and lost.
  out.cleaned = parse_html("<body>" + std::string(html));
  out.depth_capped = out.cleaned.depth_capped;
  HtmlNode& body = *find_body(*out.cleaned.root);
  out.body = &body;
  out.shown = extract_visible_text(body, html.size() / 2);
  run_cleanup_passes(body, out.passes);
  out.document = html_to_document(body, out.convert);
  return out;
}

}  // namespace blogshift
