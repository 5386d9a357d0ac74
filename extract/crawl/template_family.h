// Recognising a Blogger page and the template family that rendered it.
//
// Blogger pages carry markers whatever their theme: the generator meta,
// `_WidgetManager._Init(...)` with the page's data (blog id, page type,
// post id, canonical URL), links to www.blogger.com/static and to
// /feeds/<blog id>/posts/default, `blogger.com/rearrange?blogID=`, the
// `widget Blog` markup. find_blogger_markers() collects them once from the
// parsed page (and its source bytes); detect_template_family() names the
// family from the skin's "Name:" header, `<html class='v2'>`, and the
// markup Blogger's families are known by.
//
// Families: classic, layouts-minima, simple, awesome-inc, watermark,
// layouts-v2 (another v2 theme), contempo, emporio, soho, notable,
// essential, dynamic-views, mobile, third-party, offline-export
// (program-think's own offline edition: not rendered by Blogger at all).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "html/html_tree.h"

namespace blogshift {

struct BloggerMarkers {
  std::vector<std::string> found;  // names of the markers seen, for reports
  bool offline_export = false;     // program-think offline edition layout
  std::string blog_id;             // digits, empty when not found
  std::string blog_title;
  std::string page_type;           // _WidgetManager data: item, static_page, archive, index, ...
  std::string post_id;             // _WidgetManager data 'postId'
  std::string canonical_url;       // _WidgetManager data, link rel=canonical, og:url (first found)
  std::string page_name;           // _WidgetManager data 'pageName' (the post title on item pages)
  std::vector<std::string> hosts;  // host names the page names for the blog (lower case)
  std::string skin_name;           // "Simple", "Awesome Inc.", ... from the skin CSS header

  bool is_blogger() const { return offline_export || !found.empty(); }
};

BloggerMarkers find_blogger_markers(const HtmlDocument& doc);

// Needs the markers of `doc`; `url` is the page URL (for ?m=1).
std::string detect_template_family(const HtmlDocument& doc, const BloggerMarkers& markers, std::string_view url);

// Decodes the escapes Blogger writes inside JavaScript string literals
// (\x26, \u003d, \/, \', \").
std::string decode_js_string(std::string_view text);

}  // namespace blogshift
