// The URLs a sitemap names (sitemaps.org protocol): a <sitemapindex>'s
// <sitemap><loc> (SitemapEntry, which are sitemaps) or a <urlset>'s
// <url><loc> (SitemapEntry, pages). libxml2 streaming, no DTD or entities.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "discover/discovered_link.h"

namespace blogshift::fetch {

struct SitemapPage {
  bool is_index = false;               // a sitemap index: its links are sitemaps
  std::vector<DiscoveredLink> links;
  std::string error;                   // not XML / not a sitemap (what was read before it is kept)
};

SitemapPage read_sitemap(std::string_view sitemap_url, std::string_view xml);

}  // namespace blogshift::fetch
