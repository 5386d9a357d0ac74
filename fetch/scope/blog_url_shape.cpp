#include "scope/blog_url_shape.h"

#include <string_view>
#include <utility>
#include <vector>

#include "scope/media_types.h"
#include "text.h"
#include "url.h"

namespace blogshift::fetch {

namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

// "a=1&b&c=x" as name/value pairs, names percent-decoded.
Params split_query(std::string_view query) {
  Params out;
  size_t start = 0;
  while (start < query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view pair = query.substr(start, end - start);
    if (!pair.empty()) {
      const size_t eq = pair.find('=');
      out.emplace_back(percent_decode(pair.substr(0, eq)),
                       eq == std::string_view::npos ? std::string() : std::string(pair.substr(eq + 1)));
    }
    start = end + 1;
  }
  return out;
}

BlogUrlShape role(UrlRole r) {
  BlogUrlShape s;
  s.role = r;
  return s;
}
BlogUrlShape refused(std::string reason) {
  BlogUrlShape s;
  s.refusal = std::move(reason);
  return s;
}

// Parameters that make any Blogger URL a duplicate or a trap.
std::optional<std::string> trap_parameter(const Params& params) {
  for (const auto& [name, value] : params) {
    if (name == "showComment") return "comment permalink (showComment=): the post page already holds its comments";
    if (name == "m" && value == "0") return "desktop switch (?m=0): the same page as without it";
    if (name == "widgetType") return "archive widget request (widgetType=)";
    if (name == "reverse-paginate") return "reverse pager (reverse-paginate=): repeats the forward pages";
  }
  return std::nullopt;
}

// Home, posts and pages: no query, or the mobile view ?m=1.
BlogUrlShape page_like(UrlRole r, const Params& params, const char* what) {
  if (params.empty() || (params.size() == 1 && params[0].first == "m" && params[0].second == "1")) return role(r);
  return refused(std::string("query on ") + what + " (?" + params[0].first + "=...): only ?m=1 is fetched");
}

bool two_digits_in(std::string_view s, int lo, int hi) {
  if (s.size() != 2 || !all_ascii_digits(s)) return false;
  const int v = (s[0] - '0') * 10 + (s[1] - '0');
  return v >= lo && v <= hi;
}

// /YYYY/, /YYYY/MM/, /YYYY/MM/DD/ (the final slash optional) and the
// classic templates' /YYYY_MM_DD_archive.html (keyed by its month: weekly
// archives are named after the week's first day, not a post's).
std::optional<std::string> archive_key(std::string_view path) {
  if (path.size() == 24 && path.ends_with("_archive.html") && path[5] == '_' && path[8] == '_' &&
      all_ascii_digits(path.substr(1, 4)) && two_digits_in(path.substr(6, 2), 1, 12) &&
      two_digits_in(path.substr(9, 2), 1, 31))
    return std::string(path.substr(1, 4)) + "/" + std::string(path.substr(6, 2));
  std::string_view rest = path.substr(1);
  if (rest.ends_with('/')) rest.remove_suffix(1);
  std::vector<std::string_view> parts;
  while (!rest.empty()) {
    const size_t slash = rest.find('/');
    parts.push_back(rest.substr(0, slash));
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  }
  if (parts.empty() || parts.size() > 3) return std::nullopt;
  if (parts[0].size() != 4 || !all_ascii_digits(parts[0])) return std::nullopt;
  if (parts.size() >= 2 && !two_digits_in(parts[1], 1, 12)) return std::nullopt;
  if (parts.size() == 3 && !two_digits_in(parts[2], 1, 31)) return std::nullopt;
  std::string key(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i) key += "/" + std::string(parts[i]);
  return key;
}

// The query a feed is paged and formatted with; nothing else is needed.
BlogUrlShape feed(UrlRole r, const Params& params) {
  for (const auto& [name, value] : params) {
    const bool ok = ((name == "start-index" || name == "max-results") && all_ascii_digits(value)) ||
                    (name == "alt" && (value == "atom" || value == "rss")) ||
                    (name == "redirect" && value == "false") ||
                    (name == "orderby" && (value == "published" || value == "updated" || value == "starttime"));
    if (!ok) return refused("feed query " + name + "=" + value + " is not one the crawl uses");
  }
  return role(r);
}

BlogUrlShape feed_path(std::string_view path, const Params& params) {
  // /feeds/posts/default, /feeds/pages/default, /feeds/comments/default,
  // /feeds/POSTID/comments/default; the old /atom.xml and /rss.xml.
  if (path == "/atom.xml" || path == "/rss.xml") return feed(UrlRole::Feed, params);
  std::string_view rest = path.substr(7);  // after "/feeds/"
  if (rest.ends_with('/')) rest.remove_suffix(1);
  if (rest == "posts/default" || rest == "pages/default" || rest == "comments/default") return feed(UrlRole::Feed, params);
  const size_t slash = rest.find('/');
  if (slash != std::string_view::npos && all_ascii_digits(rest.substr(0, slash)) &&
      rest.substr(slash) == "/comments/default")
    return feed(UrlRole::CommentFeed, params);
  if (rest.find("/summary") != std::string_view::npos) return refused("summary feed: the default feed holds the whole posts");
  if (rest.find("/-/") != std::string_view::npos) return refused("label feed: the posts feed lists every post");
  return refused("feed of a single entry or another projection: the paged feeds hold it");
}

BlogUrlShape search_path(std::string_view path, const Params& params) {
  constexpr std::string_view kLabel = "/search/label/";
  if (path.starts_with(kLabel) && path.size() > kLabel.size()) {
    const std::string_view name = path.substr(kLabel.size());
    if (name.find('/') != std::string_view::npos) return refused("not a label page (a path below /search/label/NAME)");
    if (!params.empty())
      return refused("label page with a query (?" + params[0].first +
                     "=...): its pagers only repeat posts the feeds list");
    BlogUrlShape s = role(UrlRole::Label);
    s.label = percent_decode(name);
    return s;
  }
  if (!params.empty()) return refused("search page (/search?" + params[0].first + "=...): the feeds list the same posts");
  return refused("search page (/search): the feeds list the same posts");
}

}  // namespace

BlogUrlShape blog_url_shape(const FetchUrl& url) {
  const Params params = split_query(url.query);
  if (auto trap = trap_parameter(params)) return refused(*trap);
  const std::string_view path = url.path;
  if (path == "/robots.txt" || path == "/favicon.ico") {
    if (!params.empty()) return refused("query on " + url.path);
    return role(path == "/robots.txt" ? UrlRole::Robots : UrlRole::Favicon);
  }
  if (path == "/") return page_like(UrlRole::Home, params, "the home page");
  if (is_post_path(path)) return page_like(UrlRole::Post, params, "a post");
  if (is_page_path(path)) return page_like(UrlRole::Page, params, "a page");
  if (path == "/search" || path.starts_with("/search/")) return search_path(path, params);
  if (path.starts_with("/feeds/") || path == "/atom.xml" || path == "/rss.xml") return feed_path(path, params);
  if (path == "/sitemap.xml") {
    if (params.empty() || (params.size() == 1 && params[0].first == "page" && all_ascii_digits(params[0].second)))
      return role(UrlRole::Sitemap);
    return refused("sitemap query other than ?page=N");
  }
  if (path == "/sitemap-pages.xml") return params.empty() ? role(UrlRole::Sitemap) : refused("query on a sitemap");
  if (auto key = archive_key(path)) {
    if (!params.empty()) return refused("archive page with a query (?" + params[0].first + "=...)");
    BlogUrlShape s = role(UrlRole::Archive);
    s.archive_key = *key;
    return s;
  }
  if (is_image_file(path) || is_attachment_file(path)) {
    BlogUrlShape s = role(is_image_file(path) ? UrlRole::Image : UrlRole::Attachment);
    s.is_file = true;
    return s;
  }
  return refused("not a page shape Blogger serves for a post, page, label, archive, feed or sitemap");
}

}  // namespace blogshift::fetch
