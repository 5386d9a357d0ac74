// The URL shapes Blogger serves on a blog's own host, read from the path and
// query alone: what a URL is (post, label, feed...), or why the crawl has no
// use for it. Which labels and archive dates are known is blog_scope's
// business; this only names them.
#pragma once

#include <optional>
#include <string>

#include "scope/blog_scope.h"

namespace blogshift::fetch {

struct BlogUrlShape {
  std::optional<UrlRole> role;  // nullopt: refused, `refusal` says why
  std::string refusal;
  std::string label;        // Label: the name, percent-decoded
  std::string archive_key;  // Archive: "YYYY", "YYYY/MM" or "YYYY/MM/DD"
  bool is_file = false;     // Image / Attachment by extension (only embeds and links fetch these)
};

// `url` is on one of the blog's hosts.
BlogUrlShape blog_url_shape(const FetchUrl& url);

}  // namespace blogshift::fetch
