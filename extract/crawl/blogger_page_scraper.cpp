// Overview: find the Blogger markers and the template family
// (template_family.cpp), pick the region that holds the posts (the `Blog`
// widget, else the body), find each post's container (`.post-outer`,
// `.hentry`, `.post` ...), then read each field from the container by the
// microformat classes and itemprops Blogger's templates share, falling back
// to page-level data (canonical URL, _WidgetManager data, JSON-LD, meta
// tags) on permalink pages.
#include "blogger_page_scraper.h"

#include <algorithm>
#include <cctype>

#include "html/html_serializer.h"
#include "scrape_text.h"
#include "template_family.h"
#include "timestamp.h"
#include "url.h"
#include "text.h"

namespace blogshift {

namespace {


std::string digits_after(std::string_view text, std::string_view marker) {
  size_t pos = text.find(marker);
  if (pos == std::string_view::npos) return {};
  size_t start = pos + marker.size(), end = start;
  while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
  return std::string(text.substr(start, end - start));
}

bool is_legacy_path(std::string_view path) { return is_post_path(path) || is_page_path(path); }

// Resolves `href` against `base` (enough for the links in Blogger pages).
std::string absolute_url(std::string_view href, std::string_view base) {
  if (href.empty()) return {};
  UrlParts h = parse_url(href);
  if (!h.scheme.empty()) return std::string(href);
  UrlParts b = parse_url(base);
  if (href.substr(0, 2) == "//") return (b.scheme.empty() ? std::string("https") : b.scheme) + ":" + std::string(href);
  if (b.host.empty()) return std::string(href);
  std::string origin = (b.scheme.empty() ? std::string("https") : b.scheme) + "://" + b.host;
  if (href[0] == '/') return origin + std::string(href);
  std::string dir = b.path.substr(0, b.path.rfind('/') + 1);
  return origin + dir + std::string(href);
}

// A region of the container that holds another post's or a comment's
// markup: fields of the post itself are not read from there.
struct Exclusions {
  std::vector<const HtmlNode*> regions;
  bool excluded(const HtmlNode& n) const {
    for (const HtmlNode* r : regions)
      if (&n == r || is_descendant_of(n, *r)) return true;
    return false;
  }
};

const HtmlNode* first_outside(const HtmlNode& from, const HtmlPredicate& pred, const Exclusions& ex) {
  for (const HtmlNode* n : find_all(from, pred))
    if (!ex.excluded(*n)) return n;
  return nullptr;
}

std::vector<const HtmlNode*> outermost(std::vector<const HtmlNode*> nodes) {
  std::vector<const HtmlNode*> out;
  for (const HtmlNode* n : nodes) {
    bool nested = std::any_of(out.begin(), out.end(), [&](const HtmlNode* o) { return is_descendant_of(*n, *o); });
    if (!nested) out.push_back(n);
  }
  return out;
}

const HtmlNode* find_body(const HtmlNode& container) {
  static const char* kBodyClasses[] = {"post-body", "entry-content", "post-body-container", "post-content",
                                       "article-content", "entry-body"};
  for (const char* cls : kBodyClasses)
    if (const HtmlNode* n = find_first(container, by_class(cls))) return n;
  if (const HtmlNode* n = find_first(container, by_attr("itemprop", "articleBody"))) return n;
  return nullptr;
}

bool is_comment_region(const HtmlNode& n) {
  return n.has_class("comments") || n.attr_or("id") == "comments" || n.has_class("comments-content") ||
         n.has_class("comment-thread") || n.attr_or("id") == "comments-block";
}

std::string strip_byline(std::string text) {
  static const char* kPrefixes[] = {"Posted by ", "posted by ", "Eingestellt von ", "Publié par ", "Publicado por ",
                                    "Pubblicato da ", "Geplaatst door ", "Written by ", "By ", "by "};
  for (const char* p : kPrefixes) {
    std::string_view sv(p);
    if (text.size() > sv.size() && text.compare(0, sv.size(), sv) == 0) return text.substr(sv.size());
  }
  return text;
}

bool profile_link(std::string_view href) {
  return href.find("/profile/") != std::string_view::npos || href.find("plus.google.com") != std::string_view::npos;
}

void add_unique(std::vector<std::string>& v, std::string s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

// ---- the fields of one post ----------------------------------------------

std::string scrape_title(const HtmlNode& c, const Exclusions& ex) {
  if (const HtmlNode* t = first_outside(c, [](const HtmlNode& n) { return n.has_class("post-title") || n.has_class("entry-title"); }, ex))
    if (std::string s = text_content(*t); !s.empty()) return s;
  if (const HtmlNode* t = first_outside(c, [](const HtmlNode& n) {
        return (n.tag == "h1" || n.tag == "h2" || n.tag == "h3") && (n.attr_or("itemprop") == "name" || n.has_class("title"));
      }, ex))
    if (std::string s = text_content(*t); !s.empty()) return s;
  if (const HtmlNode* t = first_outside(c, [](const HtmlNode& n) { return n.tag == "h1" || n.tag == "h2" || n.tag == "h3"; }, ex))
    return text_content(*t);
  return {};
}

std::string scrape_date(const HtmlNode& c, const Exclusions& ex) {
  if (const HtmlNode* n = first_outside(c, [](const HtmlNode& e) { return e.has_class("published") && e.has_attr("title"); }, ex))
    if (parse_timestamp(n->attr_or("title"))) return n->attr_or("title");
  if (const HtmlNode* n = first_outside(c, [](const HtmlNode& e) {
        return e.has_attr("datetime") && (e.tag == "time" || e.has_class("published") || e.has_class("post-date") ||
                                          e.attr_or("itemprop") == "datePublished");
      }, ex))
    if (parse_timestamp(n->attr_or("datetime"))) return n->attr_or("datetime");
  for (const HtmlNode* n : find_all(c, by_attr("itemprop", "datePublished"))) {
    if (ex.excluded(*n)) continue;
    for (const char* a : {"content", "datetime", "title"})
      if (parse_timestamp(n->attr_or(a))) return n->attr_or(a);
  }
  return {};
}

// Dates written for people, when no machine-readable one is there.
std::string scrape_date_text(const HtmlNode& c, const Exclusions& ex) {
  const HtmlNode* header = first_outside(c, by_class("date-header"), ex);
  if (!header)
    if (const HtmlNode* outer = closest_ancestor(c, by_class("date-outer"))) header = find_first(*outer, by_class("date-header"));
  // Classic templates: the date header is an earlier sibling of the day's posts.
  for (const HtmlNode* n = &c; !header && n->parent; n = n->parent) {
    const auto& sibs = n->parent->children;
    size_t i = 0;
    while (i < sibs.size() && sibs[i].get() != n) ++i;
    while (!header && i-- > 0)
      if (sibs[i]->has_class("date-header")) header = sibs[i].get();
    if (n->parent->has_class("widget") || n->parent->is_element("body")) break;
  }
  if (header)
    if (std::string d = date_from_text(text_content(*header)); !d.empty()) return d;
  for (const HtmlNode* n : find_all(c, [](const HtmlNode& e) {
         return e.has_class("timestamp-link") || e.has_class("post-timestamp") || e.has_class("publishdate") ||
                e.attr_or("itemprop") == "datePublished" || (e.tag == "a" && e.attr_or("rel") == "bookmark") ||
                e.has_class("published") || e.has_class("post-date") || e.has_class("entry-time");
       })) {
    if (ex.excluded(*n)) continue;
    if (std::string d = date_from_text(text_content(*n)); !d.empty()) return d;
  }
  return {};
}

void scrape_author(const HtmlNode& c, const Exclusions& ex, ScrapedPost& post) {
  auto uri_in = [](const HtmlNode& n) -> std::string {
    if (n.tag == "a" && profile_link(n.attr_or("href"))) return n.attr_or("href");
    for (const HtmlNode* a : find_all(n, [](const HtmlNode& e) { return e.has_attr("href") || e.has_attr("content"); })) {
      std::string v = a->has_attr("href") ? a->attr_or("href") : a->attr_or("content");
      if (profile_link(v)) return v;
    }
    return {};
  };
  if (const HtmlNode* pa = first_outside(c, [](const HtmlNode& e) {
        return e.has_class("post-author") || e.has_class("entry-author") || e.has_class("author-name");
      }, ex)) {
    const HtmlNode* name = find_first(*pa, [](const HtmlNode& e) {
      return e.has_class("g-profile") || e.attr_or("itemprop") == "name" || e.has_class("fn") || e.has_class("entry-author-link");
    });
    if (!name) name = find_first(*pa, [](const HtmlNode& e) { return e.tag == "a" && profile_link(e.attr_or("href")); });
    post.author_name = strip_byline(text_content(name ? *name : *pa));
    post.author_uri = uri_in(*pa);
    if (!post.author_name.empty()) return;
  }
  if (const HtmlNode* n = first_outside(c, [](const HtmlNode& e) {
        return e.has_class("g-profile") || (e.has_class("fn") && closest_ancestor(e, by_class("vcard"))) ||
               (e.tag == "a" && e.attr_or("rel") == "author") || e.has_class("entry-author-link");
      }, ex)) {
    post.author_name = strip_byline(text_content(*n));
    post.author_uri = uri_in(*n);
  }
}

void scrape_labels(const HtmlNode& c, const Exclusions& ex, std::vector<std::string>& labels) {
  for (const HtmlNode* a : find_all(c, by_tag("a"))) {
    if (ex.excluded(*a)) continue;
    bool label = a->attr_or("rel") == "tag" || a->has_class("label-link") || a->has_class("tag") ||
                 closest_ancestor(*a, [](const HtmlNode& e) { return e.has_class("post-labels") || e.has_class("entry-tags"); });
    if (label) add_unique(labels, text_content(*a));
  }
}

std::string scrape_permalink(const HtmlNode& c, const Exclusions& ex, std::string_view base) {
  for (const HtmlNode* n : find_all(c, [](const HtmlNode& e) {
         return e.has_class("timestamp-link") || e.attr_or("itemprop") == "url" || (e.tag == "a" && e.attr_or("rel") == "bookmark") ||
                (e.tag == "a" && closest_ancestor(e, [](const HtmlNode& p) {
                   return p.has_class("post-title") || p.has_class("entry-title") || p.tag == "h1" || p.tag == "h2" || p.tag == "h3";
                 }));
       })) {
    if (ex.excluded(*n)) continue;
    std::string href = n->has_attr("href") ? n->attr_or("href") : n->attr_or("content");
    std::string url = canonical_page_url(absolute_url(href, base));
    if (is_legacy_path(url_path(url))) return url;
  }
  return {};
}

std::string scrape_post_id(const HtmlNode& c, const Exclusions& ex) {
  if (const HtmlNode* n = first_outside(c, by_attr("itemprop", "postId"), ex))
    if (all_ascii_digits(n->attr_or("content"))) return n->attr_or("content");
  for (const HtmlNode* n : find_all(c, [](const HtmlNode& e) { return e.has_attr("data-id") || e.has_attr("name") || e.has_attr("id"); })) {
    if (ex.excluded(*n)) continue;
    if (std::string v = n->attr_or("data-id"); all_ascii_digits(v) && v.size() > 6) return v;
    if (std::string v = n->attr_or("name"); n->tag == "a" && all_ascii_digits(v) && v.size() > 6) return v;
    std::string id = n->attr_or("id");
    for (const char* prefix : {"post-body-", "post-"})
      if (id.rfind(prefix, 0) == 0 && all_ascii_digits(id.substr(std::string_view(prefix).size()))) return id.substr(std::string_view(prefix).size());
  }
  for (const HtmlNode* a : find_all(c, by_attr("href"))) {
    if (ex.excluded(*a) && !closest_ancestor(*a, by_class("comment-footer"))) continue;
    if (std::string d = digits_after(a->attr_or("href"), "postID="); d.size() > 6) return d;
  }
  return {};
}

// ---- comments ------------------------------------------------------------

std::string comment_id(std::string_view id) {
  if (id.size() > 1 && id[0] == 'c' && all_ascii_digits(id.substr(1))) return std::string(id.substr(1));
  return {};
}

void scrape_comments(const HtmlDocument& doc, const HtmlNode& region, std::vector<ScrapedComment>& out) {
  // Threaded comments (2012 onwards): li.comment#c<id> > .comment-block.
  for (const HtmlNode* li : find_all(region, [](const HtmlNode& e) { return e.tag == "li" && e.has_class("comment"); })) {
    ScrapedComment cm;
    cm.blogger_id = comment_id(li->attr_or("id"));
    cm.line = li->line;
    if (const HtmlNode* parent = closest_ancestor(*li, [](const HtmlNode& e) { return e.tag == "li" && e.has_class("comment"); }))
      cm.in_reply_to = comment_id(parent->attr_or("id"));
    const HtmlNode* block = nullptr;
    for (const auto& child : li->children)
      if (child->has_class("comment-block")) block = child.get();
    if (!block) block = li;
    Exclusions nested;
    for (const HtmlNode* r : find_all(*block, by_class("comment-replies"))) nested.regions.push_back(r);
    if (const HtmlNode* user = first_outside(*block, [](const HtmlNode& e) { return e.has_class("user") || e.has_class("comment-author"); }, nested)) {
      cm.author_name = text_content(*user);
      if (const HtmlNode* a = find_first(*user, by_attr("href"))) cm.author_uri = a->attr_or("href");
      else if (user->tag == "a") cm.author_uri = user->attr_or("href");
    }
    if (const HtmlNode* when = first_outside(*block, [](const HtmlNode& e) { return e.has_class("datetime") || e.has_class("comment-timestamp"); }, nested)) {
      cm.published_text = text_content(*when);
      const HtmlNode* a = when->has_attr("href") ? when : find_first(*when, by_attr("href"));
      if (a)
        if (auto ms = show_comment_ms(a->attr_or("href"))) cm.published = iso_from_epoch_ms(*ms);
    }
    if (cm.published.empty()) cm.published = date_from_text(cm.published_text);
    if (const HtmlNode* body = first_outside(*block, by_class("comment-content"), nested)) cm.body_html = original_inner_html(doc, *body);
    if (cm.blogger_id.empty() && cm.body_html.empty()) continue;
    out.push_back(std::move(cm));
  }
  if (!out.empty()) return;
  // Layouts-era comments: dl#comments-block > dt.comment-author, dd.comment-body, dd.comment-footer.
  for (const HtmlNode* dt : find_all(region, [](const HtmlNode& e) { return e.tag == "dt" && e.has_class("comment-author"); })) {
    ScrapedComment cm;
    cm.line = dt->line;
    cm.blogger_id = comment_id(dt->attr_or("id"));
    if (cm.blogger_id.empty())
      if (const HtmlNode* a = find_first(*dt, by_attr("name"))) cm.blogger_id = comment_id(a->attr_or("name"));
    // The author link is the first one with text: the avatar link before it holds only an image.
    if (const HtmlNode* a = find_first(*dt, [](const HtmlNode& e) {
          return e.tag == "a" && e.has_attr("href") && !text_content(e).empty();
        })) {
      cm.author_name = text_content(*a);
      cm.author_uri = a->attr_or("href");
    } else {
      cm.author_name = text_content(*dt);
      // Blogger prints "Name said..." for authors without a profile link.
      for (const char* suffix : {" said...", " said\u2026", " said:"}) {
        const std::string s(suffix);
        if (cm.author_name.size() > s.size() && cm.author_name.compare(cm.author_name.size() - s.size(), s.size(), s) == 0)
          cm.author_name.erase(cm.author_name.size() - s.size());
      }
    }
    const HtmlNode* parent = dt->parent;
    size_t i = 0;
    while (i < parent->children.size() && parent->children[i].get() != dt) ++i;
    for (++i; i < parent->children.size(); ++i) {
      const HtmlNode& dd = *parent->children[i];
      if (dd.is_element("dt")) break;
      if (dd.is_element("dd") && (dd.has_class("comment-body") || dd.has_class("comment-content")))
        cm.body_html = original_inner_html(doc, dd);
      if (dd.is_element("dd") && dd.has_class("comment-footer")) {
        cm.published_text = text_content(dd);
        if (const HtmlNode* a = find_first(dd, by_attr("href")))
          if (auto ms = show_comment_ms(a->attr_or("href"))) cm.published = iso_from_epoch_ms(*ms);
      }
    }
    if (cm.published.empty()) cm.published = date_from_text(cm.published_text);
    out.push_back(std::move(cm));
  }
}

// ---- page level ----------------------------------------------------------

std::string page_published(const HtmlNode& root) {
  for (const HtmlNode* m : find_all(root, by_tag("meta"))) {
    std::string p = m->attr_or("property");
    if ((p == "article:published_time" || m->attr_or("itemprop") == "datePublished") && parse_timestamp(m->attr_or("content")))
      return m->attr_or("content");
  }
  for (const HtmlNode* s : find_all(root, by_attr("type", "application/ld+json")))
    if (std::string d = json_string_value(raw_text_content(*s), "datePublished"); parse_timestamp(d)) return d;
  return {};
}

std::string page_author(const HtmlNode& root) {
  for (const HtmlNode* s : find_all(root, by_attr("type", "application/ld+json"))) {
    std::string json = raw_text_content(*s);
    size_t at = json.find("\"author\"");
    if (at == std::string::npos) continue;
    if (std::string n = json_string_value(std::string_view(json).substr(at), "name"); !n.empty()) return n;
  }
  return {};
}

std::string meta_content(const HtmlNode& root, std::string_view property) {
  for (const HtmlNode* m : find_all(root, by_tag("meta")))
    if (m->attr_or("property") == property || m->attr_or("name") == property) return m->attr_or("content");
  return {};
}

void fill_body(const HtmlDocument& doc, const HtmlNode& body, ScrapedPost& post) {
  post.has_body = true;
  // Google's own blogs keep the body in <script type="text/template"> (and
  // again in <noscript>): the script's text is the original HTML.
  if (const HtmlNode* tmpl = find_first(body, [](const HtmlNode& e) { return e.tag == "script" && e.attr_or("type") == "text/template"; })) {
    post.body_html = raw_text_content(tmpl->children.empty() ? *tmpl : *tmpl->children[0]);
    if (tmpl->children.size() == 1) post.body_html = tmpl->children[0]->text;
    return;
  }
  post.body_html = original_inner_html(doc, body);
}

ScrapedPost scrape_container(const HtmlDocument& doc, const HtmlNode& c, std::string_view base) {
  ScrapedPost post;
  post.line = c.line;
  Exclusions ex;
  const HtmlNode* body = find_body(c);
  if (body) {
    ex.regions.push_back(body);
    fill_body(doc, *body, post);
  }
  for (const HtmlNode* r : find_all(c, is_comment_region)) ex.regions.push_back(r);
  post.title = scrape_title(c, ex);
  post.published = scrape_date(c, ex);
  if (post.published.empty()) post.published = scrape_date_text(c, ex);
  scrape_author(c, ex, post);
  scrape_labels(c, ex, post.labels);
  post.permalink = scrape_permalink(c, ex, base);
  post.blogger_id = scrape_post_id(c, ex);
  return post;
}

ScrapedPost scrape_offline_export(const HtmlDocument& doc, const HtmlNode& root, const HtmlNode& info, std::string_view base) {
  ScrapedPost post;
  post.line = info.line;
  if (const HtmlNode* h1 = find_first(root, by_tag("h1"))) post.title = text_content(*h1);
  if (const HtmlNode* d = find_first(info, by_class("date-header"))) post.published = text_content(*d);
  for (const HtmlNode* a : find_all(info, by_tag_class("a", "tag"))) add_unique(post.labels, text_content(*a));
  if (const HtmlNode* body = find_first(root, by_tag_class("div", "post"))) {
    post.has_body = true;
    post.body_html = original_inner_html(doc, *body);
    // The edition's script put its own footer (Blogger's empty post footer,
    // a rule, the copyright notice) inside div.post: the post ends before it.
    const HtmlNode* footer = find_first(*body, [](const HtmlNode& e) {
      return e.has_class("blogger-post-footer") || e.has_class("copyright");
    });
    if (footer && body->inner_begin >= 0 && footer->source_offset > body->inner_begin &&
        footer->source_offset <= body->inner_end)
      post.body_html = doc.source.substr(static_cast<size_t>(body->inner_begin),
                                         static_cast<size_t>(footer->source_offset - body->inner_begin));
  }
  if (const HtmlNode* copyright = find_first(root, by_class("copyright")))
    for (const HtmlNode* a : find_all(*copyright, by_attr("href"))) {
      std::string href = a->attr_or("href");
      if (parse_url(href).host.find("blogspot.") != std::string::npos && is_legacy_path(url_path(href))) {
        post.permalink = canonical_page_url(href);
        break;
      }
    }
  if (post.permalink.empty() && is_legacy_path(url_path(base))) post.permalink = std::string(base);
  return post;
}

}  // namespace

const char* to_string(PageKind kind) {
  switch (kind) {
    case PageKind::NotBlogger: return "not-blogger";
    case PageKind::Permalink: return "permalink";
    case PageKind::Listing: return "listing";
  }
  return "?";
}

ScrapedPage scrape_blogger_page(const HtmlDocument& doc, std::string_view url) {
  ScrapedPage page;
  BloggerMarkers markers = find_blogger_markers(doc);
  if (!markers.is_blogger()) return page;
  const HtmlNode& root = *doc.root;
  page.markers = markers.found;
  page.template_family = detect_template_family(doc, markers, url);
  page.blog_id = markers.blog_id;
  page.blog_title = markers.blog_title;

  bool url_has_host = !parse_url(url).host.empty();
  page.page_url = url_has_host ? canonical_page_url(url) : std::string(url);
  if (!url_has_host && !markers.canonical_url.empty()) page.page_url = canonical_page_url(markers.canonical_url);
  std::string base = page.page_url;

  for (const std::string& h : {std::string(url), markers.canonical_url})
    if (std::string host = parse_url(h).host; !host.empty() && std::find(page.hosts.begin(), page.hosts.end(), host) == page.hosts.end())
      page.hosts.push_back(host);
  for (const std::string& h : markers.hosts) add_unique(page.hosts, h);

  // program-think's offline edition: one post per page, or an index page.
  if (markers.offline_export) {
    const HtmlNode* info = find_first(root, by_class("post-info"));
    if (!info) {
      page.kind = PageKind::Listing;
      return page;
    }
    ScrapedPost post = scrape_offline_export(doc, root, *info, base);
    if (post.permalink.empty()) {  // index, tag and archive pages list posts with their post-info
      page.kind = PageKind::Listing;
      return page;
    }
    page.kind = PageKind::Permalink;
    if (!url_has_host && !post.permalink.empty()) page.page_url = post.permalink;
    for (const std::string& h : {post.permalink}) add_unique(page.hosts, parse_url(h).host);
    post.legacy_path = url_path(post.permalink);
    if (is_page_path(post.legacy_path)) post.kind = ItemKind::Page;
    page.posts.push_back(std::move(post));
    return page;
  }

  const HtmlNode* scope = find_first(root, [](const HtmlNode& e) { return e.has_class("widget") && e.has_class("Blog"); });
  if (!scope) scope = find_first(root, by_tag("body"));
  if (!scope) scope = &root;

  std::vector<const HtmlNode*> containers = outermost(find_all(*scope, by_class("post-outer")));
  if (containers.empty()) containers = outermost(find_all(*scope, by_class("hentry")));
  if (containers.empty())
    containers = outermost(find_all(*scope, [](const HtmlNode& e) {
      return (e.has_class("post") || e.has_class("blog-post") || e.attr_or("itemprop") == "blogPost") && find_body(e);
    }));

  std::string path = url_path(page.page_url);
  if (markers.page_type == "item" || markers.page_type == "static_page") page.kind = PageKind::Permalink;
  else if (!markers.page_type.empty()) page.kind = PageKind::Listing;
  else if (is_legacy_path(path)) page.kind = PageKind::Permalink;
  else page.kind = containers.size() == 1 && path.empty() ? PageKind::Permalink : PageKind::Listing;

  if (page.kind == PageKind::Permalink) {
    // The post this page is about: the container with the page's post id, else the first with a body.
    const HtmlNode* chosen = nullptr;
    ScrapedPost post;
    for (const HtmlNode* c : containers) {
      ScrapedPost candidate = scrape_container(doc, *c, base);
      bool match = !markers.post_id.empty() && candidate.blogger_id == markers.post_id;
      if (!chosen || match || (!post.has_body && candidate.has_body)) {
        chosen = c;
        post = std::move(candidate);
        if (match) break;
      }
    }
    if (!chosen || !post.has_body) {
      page.missing_body = true;
      return page;
    }
    if (post.blogger_id.empty()) post.blogger_id = markers.post_id;
    if (post.title.empty()) post.title = markers.page_name;
    if (post.title.empty()) post.title = meta_content(root, "og:title");
    if (post.published.empty()) post.published = page_published(root);
    if (post.author_name.empty()) post.author_name = page_author(root);
    if (is_legacy_path(path)) post.permalink = page.page_url;
    if (post.permalink.empty()) post.permalink = page.page_url;
    post.legacy_path = is_legacy_path(url_path(post.permalink)) ? url_path(post.permalink) : std::string();
    if (markers.page_type == "static_page" || is_page_path(post.legacy_path)) post.kind = ItemKind::Page;
    // Comments may sit outside the post's container (in the Blog widget).
    const HtmlNode& region = is_descendant_of(*chosen, *scope) ? *scope : *chosen;
    scrape_comments(doc, region, post.comments);
    page.posts.push_back(std::move(post));
    return page;
  }

  for (const HtmlNode* c : containers) {
    ScrapedPost post = scrape_container(doc, *c, base);
    if (!post.has_body) continue;
    post.legacy_path = url_path(post.permalink);
    if (!is_legacy_path(post.legacy_path)) post.legacy_path.clear();
    if (is_page_path(post.legacy_path)) post.kind = ItemKind::Page;
    scrape_comments(doc, *c, post.comments);
    page.posts.push_back(std::move(post));
  }
  return page;
}

}  // namespace blogshift
