// A URL a feed, sitemap or page names, with how it was named.
#pragma once

#include <string>

#include "scope/blog_scope.h"

namespace blogshift::fetch {

struct DiscoveredLink {
  std::string url;  // absolute: resolved against the document's URL and normalised (resolve_url), not yet scoped
  FoundAs how = FoundAs::Link;
};

}  // namespace blogshift::fetch
