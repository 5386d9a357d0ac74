// What one response adds to the crawl: the URLs its body names, and what it
// teaches the scope (labels and post dates from feeds, the blog's other host
// from a canonical link).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "discover/discovered_link.h"
#include "scope/blog_scope.h"

namespace blogshift::fetch {

// The body is the decoded payload (content coding undone). Derived URLs
// (a feed entry's archive pages, the next page of a feed that has no
// rel=next) come back with FoundAs::Derived.
std::vector<DiscoveredLink> discover_links(UrlRole role, const FetchUrl& url, std::string_view body, BlogScope& scope);

// What a crawl starting at a blog's home page fetches besides the links:
// the feeds (posts, pages, comments), the sitemaps and the favicon.
std::vector<std::string> blog_entry_points(const FetchUrl& home);

// The ?m=1 form of a Home, Post or Page URL without a query; empty otherwise.
std::string mobile_form(const FetchUrl& url, UrlRole role);

}  // namespace blogshift::fetch
