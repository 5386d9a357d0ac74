// Links and images of one document, rewritten for the new site:
//  - links to the old blog (any of its hosts, http or https, ?m=1, #more,
//    relative paths) go to the new routes; label pages to the tag pages;
//    date archives and the home page to theirs; links to posts that do not
//    exist are kept and reported ("missing");
//  - images (and attachments) the crawl holds are copied beside the post as
//    ./image-1.png ... (extension from the real content type); the rest stay
//    remote and are reported.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "document/document.h"

namespace blogshift {

struct HeldAsset {
  int64_t asset_id = 0;
  std::string content_type;
  int64_t size = 0;
};

// What the rewriter knows about the whole blog (shared by every document).
// The routes and assets maps serve rewrite_links(document, site, path); the
// transform stage keeps them in its plan instead (a SiteLookup).
struct SiteMap {
  std::set<std::string> hosts;                   // the old blog's host names, lower case
  std::map<std::string, std::string> routes;     // legacy path (/2023/07/x.html) -> new route
  std::string tag_route_pattern = "/tags/:tag/";
  std::string archive_year_route_pattern = "/archive/:year/";
  std::string archive_month_route_pattern = "/archive/:year/:month/";
  // Held assets by canonical key (see asset_key()).
  std::map<std::string, HeldAsset> assets;

  bool is_old_host(const std::string& host) const;
};

// Where the rewriter finds the new route of an old path and the held copy of
// a file (by asset_key()). One per thread; lookups may be answered from a
// database.
class SiteLookup {
public:
  virtual ~SiteLookup() = default;
  virtual std::optional<std::string> route(const std::string& old_path) = 0;
  virtual std::optional<HeldAsset> asset(const std::string& key) = 0;
};

// A URL's identity for finding a held copy: scheme dropped, Blogger image
// hosts (1.bp.blogspot.com, 2.bp..., lh3.googleusercontent.com...) and size
// variants (/s320/, =w400-h300) folded together.
std::string asset_key(const std::string& url);

// A held file's extension: from its real content type, else the URL's own
// (up to 5 letters or digits), else "bin".
std::string extension_for(const std::string& content_type, const std::string& url);

struct LinkOutcome {
  std::string kind;     // link | image
  std::string url;      // as the post had it
  std::string outcome;  // external | rewritten | missing | local | remote
  std::string target;   // new route or local file name
  int64_t asset_id = 0;
};

struct RewriteResult {
  std::vector<LinkOutcome> links;
  std::unordered_map<std::string, std::string> url_map;  // old URL -> new (the fidelity check's UrlMap)
  std::vector<std::pair<std::string, int64_t>> files;   // local file name -> asset to copy beside the post
};

// Rewrites `document` in place. `legacy_path` is the post's own old path
// (relative links are resolved against it). Routes and assets come from
// `site`'s maps, or from `lookup`. Local files are linked as `local_prefix`
// + name ("./image-1.png" beside the document, or an absolute folder for
// layouts that keep images apart).
RewriteResult rewrite_links(DocNode& document, const SiteMap& site, const std::string& legacy_path,
                            const std::string& local_prefix = "./");
RewriteResult rewrite_links(DocNode& document, const SiteMap& site, SiteLookup& lookup,
                            const std::string& legacy_path, const std::string& local_prefix = "./");

}  // namespace blogshift
