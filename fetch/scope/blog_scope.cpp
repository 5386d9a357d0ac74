#include "scope/blog_scope.h"

#include <cstdio>

#include "blogger_image_url.h"
#include "scope/blog_url_shape.h"
#include "scope/blogger_hosts.h"
#include "scope/media_types.h"
#include "text.h"

namespace blogshift::fetch {

namespace {

std::string bare_host(std::string_view host) {
  std::string h = ascii_lower(host);
  while (!h.empty() && h.back() == '.') h.pop_back();  // "blog.example." is the same host
  return h;
}

std::string toggle_www(const std::string& host) {
  return host.starts_with("www.") ? host.substr(4) : "www." + host;
}

std::optional<ScopedUrl> refuse(ScopeRefusal* why, std::string reason) {
  if (why) why->reason = std::move(reason);
  return std::nullopt;
}

// Images and files on Google's image servers: only what a page or entry
// shows or links (and what a fetch of such a URL redirects to).
std::optional<ScopedUrl> admit_on_image_server(const FetchUrl& url, FoundAs how, ScopeRefusal* why) {
  if (url.path == "/robots.txt" && url.query.empty()) return ScopedUrl{url, UrlRole::Robots};
  if (how == FoundAs::FeedEntry || how == FoundAs::FeedPaging || how == FoundAs::SitemapEntry)
    return refuse(why, "an image server's URL named as a page, not shown or linked");
  return ScopedUrl{url, is_attachment_file(url.path) ? UrlRole::Attachment : UrlRole::Image};
}

}  // namespace

const char* to_string(UrlRole role) {
  switch (role) {
    case UrlRole::Robots: return "robots";
    case UrlRole::Home: return "home";
    case UrlRole::Post: return "post";
    case UrlRole::Page: return "page";
    case UrlRole::Label: return "label";
    case UrlRole::Archive: return "archive";
    case UrlRole::Feed: return "feed";
    case UrlRole::CommentFeed: return "comment-feed";
    case UrlRole::Sitemap: return "sitemap";
    case UrlRole::Image: return "image";
    case UrlRole::Attachment: return "attachment";
    case UrlRole::Favicon: return "favicon";
  }
  return "unknown";
}

BlogScope::BlogScope(const std::vector<FetchUrl>& seeds) {
  for (const FetchUrl& seed : seeds) add_blog_host(seed.host);
}

void BlogScope::add_blog_host(std::string_view host) {
  const std::string h = bare_host(host);
  if (h.empty() || is_image_host(h) || is_blogger_site(h)) return;
  blog_hosts_.insert(h);
  if (auto name = blogspot_name(h)) blogspot_names_.insert(*name);
}

bool BlogScope::is_blog_host(std::string_view host) const {
  const std::string h = bare_host(host);
  if (h.empty()) return false;
  if (blog_hosts_.contains(h) || blog_hosts_.contains(toggle_www(h))) return true;
  const auto name = blogspot_name(h.starts_with("www.") ? h.substr(4) : h);
  return name && blogspot_names_.contains(*name);
}

bool BlogScope::is_image_host(std::string_view host) { return is_image_server(bare_host(host)); }

void BlogScope::note_post_date(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12) return;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d", year);
  post_days_.insert(buf);
  std::snprintf(buf, sizeof buf, "%04d/%02d", year, month);
  post_days_.insert(buf);
  if (day < 1 || day > 31) return;
  std::snprintf(buf, sizeof buf, "%04d/%02d/%02d", year, month, day);
  post_days_.insert(buf);
}

void BlogScope::note_label(std::string_view label) {
  if (!label.empty()) labels_.insert(std::string(label));
}

std::optional<ScopedUrl> BlogScope::admit(const FetchUrl& url, FoundAs how, std::optional<UrlRole> found_on,
                                          ScopeRefusal* why) const {
  const bool seed = how == FoundAs::Seed;
  if (is_image_host(url.host)) return admit_on_image_server(url, seed ? FoundAs::Link : how, why);
  const bool blog = is_blog_host(url.host);
  if (!blog && !seed) {
    if (is_blogger_site(url.host)) return refuse(why, "Blogger's own site (" + url.host + "), not the blog");
    return refuse(why, "not the blog's host (" + url.host + ")");
  }
  const BlogUrlShape shape = blog_url_shape(url);
  // The user asked for it: fetched whatever it looks like.
  if (seed) return ScopedUrl{url, shape.role.value_or(UrlRole::Home)};
  if (!shape.role) return refuse(why, shape.refusal);
  if (shape.is_file && how != FoundAs::Embed && how != FoundAs::Link && how != FoundAs::Redirect &&
      how != FoundAs::Derived)
    return refuse(why, "a file named as a page, not shown or linked");
  // A redirect's target stands for a URL already admitted: its shape is enough.
  if (how == FoundAs::Redirect) return ScopedUrl{url, *shape.role};
  if (shape.role == UrlRole::Label && !labels_.contains(shape.label)) {
    const bool tag_on_content =
        how == FoundAs::TagLink && (found_on == UrlRole::Post || found_on == UrlRole::Page);
    if (!tag_on_content)
      return refuse(why, "label \"" + shape.label + "\" not named by a feed entry or a post's tag link (label trap)");
  }
  if (shape.role == UrlRole::Archive && !post_days_.contains(shape.archive_key))
    return refuse(why, "archive " + shape.archive_key + " has no known post (calendar trap)");
  return ScopedUrl{url, *shape.role};
}

std::string original_image_url(std::string_view url) {
  // The options (size, crop, HTML page) all go: `s0` alone means the
  // uploaded bytes.
  auto options = find_size_options(url);
  if (!options) return std::string(url);
  return with_size_options(url, *options, "s0");
}

}  // namespace blogshift::fetch
