#include "crawl_discovery.h"

#include <cstdio>

#include "discover/feed_links.h"
#include "discover/page_links.h"
#include "discover/sitemap_links.h"

namespace blogshift::fetch {

namespace {

std::string site_root(const FetchUrl& url) {
  std::string root = url.scheme + "://" + url.host;
  if (url.port) root += ":" + std::to_string(url.port);
  return root;
}

std::string two(int n) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d", n);
  return text;
}

void add_feed_links(const FetchUrl& url, std::string_view body, BlogScope& scope, std::vector<DiscoveredLink>& out) {
  FeedPage page = read_feed_page(url.text, body);
  if (!page.is_feed) return;
  for (const auto& label : page.labels) scope.note_label(label);
  const std::string root = site_root(url);
  for (const auto& date : page.dates) {
    if (date.year <= 0 || date.month < 1 || date.month > 12) continue;
    scope.note_post_date(date.year, date.month, date.day);
    // The archive pages the redirect table covers (year, month, day).
    const std::string year = root + "/" + std::to_string(date.year) + "/";
    out.push_back({year, FoundAs::Derived});
    out.push_back({year + two(date.month) + "/", FoundAs::Derived});
    if (date.day >= 1 && date.day <= 31) out.push_back({year + two(date.month) + "/" + two(date.day) + "/", FoundAs::Derived});
  }
  bool has_next = false;
  for (auto& link : page.links) {
    has_next = has_next || link.how == FoundAs::FeedPaging;
    out.push_back(std::move(link));
  }
  // A feed that says there is more but gives no rel=next: ask for the next page.
  if (!has_next && page.entries > 0 && page.total_results > 0 && page.start_index > 0 &&
      page.start_index + page.entries <= page.total_results) {
    const int64_t per_page = page.items_per_page > 0 ? page.items_per_page : page.entries;
    std::string next = root + url.path + "?start-index=" + std::to_string(page.start_index + page.entries) +
                       "&max-results=" + std::to_string(per_page);
    out.push_back({next, FoundAs::FeedPaging});
  }
}

}  // namespace

std::vector<DiscoveredLink> discover_links(UrlRole role, const FetchUrl& url, std::string_view body, BlogScope& scope) {
  std::vector<DiscoveredLink> out;
  switch (role) {
    case UrlRole::Feed:
    case UrlRole::CommentFeed: add_feed_links(url, body, scope, out); break;
    case UrlRole::Sitemap: {
      SitemapPage page = read_sitemap(url.text, body);
      out = std::move(page.links);
      break;
    }
    case UrlRole::Home:
    case UrlRole::Post:
    case UrlRole::Page:
    case UrlRole::Label:
    case UrlRole::Archive: {
      PageLinks page = read_page_links(url.text, body);
      // A blog page names its own canonical URL: its host is the blog's too
      // (the custom domain a blogspot address redirects to, or the reverse).
      if (!page.canonical.empty() && role != UrlRole::Label && role != UrlRole::Archive) {
        if (auto canonical = parse_fetch_url(page.canonical); canonical && !BlogScope::is_image_host(canonical->host))
          scope.add_blog_host(canonical->host);
      }
      out = std::move(page.links);
      break;
    }
    default: break;
  }
  return out;
}

std::vector<std::string> blog_entry_points(const FetchUrl& home) {
  const std::string root = site_root(home);
  return {root + "/feeds/posts/default", root + "/feeds/pages/default", root + "/feeds/comments/default",
          root + "/sitemap.xml",         root + "/sitemap-pages.xml",   root + "/favicon.ico"};
}

std::string mobile_form(const FetchUrl& url, UrlRole role) {
  if (role != UrlRole::Home && role != UrlRole::Post && role != UrlRole::Page) return {};
  if (!url.query.empty()) return {};
  return url.text + "?m=1";
}

}  // namespace blogshift::fetch
