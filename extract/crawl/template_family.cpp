#include "template_family.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "text.h"
#include "timestamp.h"
#include "url.h"

namespace blogshift {

namespace {

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

std::string digits_at(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
  return std::string(text.substr(pos, end - pos));
}

// Digits right after the first `marker` in `text` that is followed by digits.
std::string digits_after(std::string_view text, std::string_view marker) {
  for (size_t pos = text.find(marker); pos != std::string_view::npos; pos = text.find(marker, pos + 1)) {
    std::string d = digits_at(text, pos + marker.size());
    if (!d.empty()) return d;
  }
  return {};
}

// The single-quoted JS string after `'key': '` (first occurrence from `from`).
std::string js_value(std::string_view text, std::string_view key, size_t from = 0) {
  std::string marker = "'" + std::string(key) + "': '";
  size_t pos = text.find(marker, from);
  if (pos == std::string_view::npos) return {};
  size_t start = pos + marker.size();
  size_t end = start;
  while (end < text.size() && text[end] != '\'') end += text[end] == '\\' ? 2 : 1;
  if (end > text.size()) end = text.size();
  return decode_js_string(text.substr(start, end - start));
}

void add_host(std::vector<std::string>& hosts, std::string_view url) {
  std::string host = parse_url(url).host;
  if (host.empty() || host == "www.blogger.com" || host == "blogger.com") return;
  if (std::find(hosts.begin(), hosts.end(), host) == hosts.end()) hosts.push_back(host);
}

void mark(BloggerMarkers& m, const char* name) {
  if (std::find(m.found.begin(), m.found.end(), name) == m.found.end()) m.found.emplace_back(name);
}

std::string skin_name_from(std::string_view css) {
  size_t pos = css.find("Name:");
  if (pos == std::string_view::npos || pos > 4000) return {};
  size_t start = pos + 5;
  size_t end = css.find('\n', start);
  if (end == std::string_view::npos) end = std::min(css.size(), start + 80);
  return std::string(trim(css.substr(start, end - start)));
}

// Blogger HTML-escapes the values in its JS data (&#180;, &amp;): undo the common ones.
std::string decode_basic_entities(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      size_t semi = text.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 8) {
        std::string_view ent = text.substr(i + 1, semi - i - 1);
        unsigned long cp = 0;
        if (ent.size() > 1 && ent[0] == '#') {
          bool hexa = ent[1] == 'x' || ent[1] == 'X';
          std::string digits(ent.substr(hexa ? 2 : 1));
          if (!digits.empty() && digits.find_first_not_of(hexa ? "0123456789abcdefABCDEF" : "0123456789") == std::string::npos)
            cp = std::stoul(digits, nullptr, hexa ? 16 : 10);
        } else if (ent == "amp") cp = '&';
        else if (ent == "quot") cp = '"';
        else if (ent == "apos") cp = '\'';
        else if (ent == "lt") cp = '<';
        else if (ent == "gt") cp = '>';
        else if (ent == "nbsp") cp = 0xA0;
        if (cp > 0 && cp < 0x10000) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04lx", cp);
          out += decode_js_string(buf);
          i = semi;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace

std::string decode_js_string(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 >= text.size()) {
      out += text[i];
      continue;
    }
    char c = text[++i];
    if (c == 'x' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else if (c == 'u' && i + 4 < text.size()) {
      unsigned cp = 0;
      bool ok = true;
      for (size_t k = 1; k <= 4; ++k) {
        int h = hex(text[i + k]);
        if (h < 0) ok = false;
        cp = cp * 16 + static_cast<unsigned>(std::max(h, 0));
      }
      if (!ok) {
        out += c;
        continue;
      }
      i += 4;
      if (cp < 0x80) {
        out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      }
    } else if (c == 'n') {
      out += '\n';
    } else if (c == 't') {
      out += '\t';
    } else {
      out += c;  // \/ \' \" \\ and anything else
    }
  }
  return out;
}

BloggerMarkers find_blogger_markers(const HtmlDocument& doc) {
  BloggerMarkers m;
  std::string_view src = doc.source;
  const HtmlNode& root = *doc.root;

  for (const HtmlNode* meta : find_all(root, by_tag("meta"))) {
    std::string name = ascii_lower(meta->attr_or("name"));
    std::string content = meta->attr_or("content");
    if (name == "generator" && contains(ascii_lower(content), "blogger")) mark(m, "meta-generator");
    if (name == "generator" && contains(content, "program.think@gmail.com")) m.offline_export = true;
    if (name == "provider") add_host(m.hosts, "http://" + content + "/");
    if (meta->attr_or("property") == "og:url" && m.canonical_url.empty()) m.canonical_url = content;
    if (meta->attr_or("itemprop") == "blogId" && m.blog_id.empty()) m.blog_id = digits_at(content, 0);
  }
  std::string alternate_title;
  for (const HtmlNode* link : find_all(root, by_tag("link"))) {
    std::string rel = ascii_lower(link->attr_or("rel"));
    std::string href = link->attr_or("href");
    if (rel == "canonical" && !href.empty()) m.canonical_url = href;  // preferred over og:url
    if (contains(href, "www.blogger.com/static") || contains(href, "blogger.com/dyn-css")) mark(m, "blogger-static");
    if (rel == "alternate" && ascii_lower(link->attr_or("type")) == "application/atom+xml" && alternate_title.empty()) {
      std::string t = link->attr_or("title");
      if (t.size() > 7 && t.substr(t.size() - 7) == " - Atom") alternate_title = t.substr(0, t.size() - 7);
    }
  }
  if (contains(src, "_WidgetManager._Init")) mark(m, "widget-manager");
  if (contains(src, "www.blogger.com/static")) mark(m, "blogger-static");
  for (size_t pos = src.find("/feeds/"); pos != std::string_view::npos; pos = src.find("/feeds/", pos + 1)) {
    std::string id = digits_at(src, pos + 7);
    if (id.empty() || src.substr(pos + 7 + id.size(), 14) != "/posts/default") continue;
    mark(m, "feeds-link");
    if (m.blog_id.empty()) m.blog_id = id;
    break;
  }
  if (std::string id = digits_after(src, "blogger.com/rearrange?blogID="); !id.empty()) {
    mark(m, "rearrange-link");
    if (m.blog_id.empty()) m.blog_id = id;
  }
  if (std::string id = digits_after(src, "rearrange?blogID\\x3d"); !id.empty()) {
    mark(m, "rearrange-link");
    if (m.blog_id.empty()) m.blog_id = id;
  }
  if (find_first(root, [](const HtmlNode& n) { return n.has_class("widget") && n.has_class("Blog"); }))
    mark(m, "blog-widget");
  if (contains(src, "xmlns:b='http://www.google.com/2005/gml/b'") || contains(src, "xmlns:b=\"http://www.google.com/2005/gml/b\""))
    mark(m, "gml-namespace");

  // _WidgetManager data context: 'blogId', 'title', 'pageType', 'postId', ...
  if (size_t at = src.find("'blogId': '"); at != std::string_view::npos) {
    if (m.blog_id.empty()) m.blog_id = digits_at(src, at + 11);
    m.blog_title = decode_basic_entities(js_value(src, "title", at));
    m.page_type = js_value(src, "pageType", at);
    m.post_id = digits_at(js_value(src, "postId", at), 0);
    m.page_name = decode_basic_entities(js_value(src, "pageName", at));
    if (std::string c = js_value(src, "canonicalUrl", at); !c.empty() && m.canonical_url.empty()) m.canonical_url = c;
    add_host(m.hosts, js_value(src, "homepageUrl", at));
    add_host(m.hosts, js_value(src, "blogspotFaviconUrl", at));
    if (m.blog_title.empty()) m.blog_title = alternate_title;
  }
  if (m.blog_id.empty() && !m.found.empty()) {
    if (std::string id = digits_after(src, "targetBlogID="); !id.empty()) m.blog_id = id;
    else if (std::string id2 = digits_after(src, "blogID="); !id2.empty()) m.blog_id = id2;
  }
  if (m.blog_title.empty()) m.blog_title = alternate_title;
  if (m.blog_title.empty() && !m.found.empty()) {
    for (const HtmlNode* meta : find_all(root, by_attr("property", "og:site_name"))) {
      m.blog_title = meta->attr_or("content");
      break;
    }
  }

  // The skin CSS header ("Name: Simple") lives in <style> or <b:skin>.
  for (const HtmlNode* style : find_all(root, by_tag("style"))) {
    std::string css = raw_text_content(*style);
    if (style->children.size() == 1) css = style->children[0]->text;
    m.skin_name = skin_name_from(css);
    if (!m.skin_name.empty()) break;
  }

  if (m.offline_export) {
    if (const HtmlNode* title = find_first(root, by_tag("title"))) {
      std::string t = text_content(*title);
      size_t dash = t.rfind(" - ");
      m.blog_title = dash == std::string::npos ? t : t.substr(dash + 3);
    }
  }
  return m;
}

std::string detect_template_family(const HtmlDocument& doc, const BloggerMarkers& markers, std::string_view url) {
  if (markers.offline_export) return "offline-export";
  const HtmlNode& root = *doc.root;
  std::string skin = ascii_lower(markers.skin_name);
  std::string query = parse_url(url).query;
  bool mobile_url = query == "m=1" || contains(query, "&m=1") || query.rfind("m=1&", 0) == 0;
  if (mobile_url || find_first(root, [](const HtmlNode& n) {
        return n.has_class("mobile-post-outer") || n.has_class("mobile-index-contents") || n.has_class("mobile-desc-link");
      }))
    return "mobile";
  if (contains(skin, "dynamic views")) return "dynamic-views";
  const HtmlNode* html = find_first(root, by_tag("html"));
  bool v2 = html && html->has_class("v2");
  static const std::pair<const char*, const char*> kThemes[] = {
      {"simple", "simple"},       {"awesome inc", "awesome-inc"}, {"watermark", "watermark"},
      {"minima", "layouts-minima"}, {"contempo", "contempo"},     {"emporio", "emporio"},
      {"soho", "soho"},           {"notable", "notable"},         {"essential", "essential"},
      {"picture window", "layouts-v2"}, {"ethereal", "layouts-v2"}, {"travel", "layouts-v2"},
  };
  if (!skin.empty()) {
    for (const auto& [name, family] : kThemes)
      if (skin == name || skin.rfind(std::string(name) + " ", 0) == 0 || skin.rfind(std::string(name) + ".", 0) == 0)
        return family;
    return "third-party";
  }
  // No skin header: the 2017 themes mark their body, the Layouts era <html class='v2'>,
  // classic templates have no widgets at all.
  const HtmlNode* body = find_first(root, by_tag("body"));
  if (body && body->attr_or("class").rfind("version-1-", 0) == 0) return "contempo";
  if (std::find(markers.found.begin(), markers.found.end(), "blog-widget") == markers.found.end() &&
      std::find(markers.found.begin(), markers.found.end(), "widget-manager") == markers.found.end())
    return "classic";
  if (v2) return "layouts-v2";
  return "third-party";
}

}  // namespace blogshift
