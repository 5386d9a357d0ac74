// How a file of a mirror folder is named on the web: the URL it was served
// under, rebuilt from its path, and a content type guessed from its name.
// The mirror reader names each file it stages this way, and the load stage's
// WARC writer names the same file's record the same way.
//
// URLs: when the top-level folders are host names (wget -m, HTTrack), a
// file `<host>/a/b.html` is http://<host>/a/b.html, `<host>/index.html` is
// the host's `/`, and the names wget gives query strings (`slug.html?m=1`,
// `slug.html@m=1`, `slug.html%3Fm=1`) get their `?` back. Otherwise the URL
// is the bare path (`/2009/01/slug.html`) and the scraper takes the page's
// own canonical URL.
#pragma once

#include <filesystem>
#include <string>

#include "crawl/mirror_walk.h"

namespace blogshift {

class MirrorUrls {
public:
  // Looks at the walk's files once to see whether the top level is made of
  // host-name folders. Keeps a reference to nothing.
  explicit MirrorUrls(const MirrorWalk& walk);

  // The URL `file` (a path inside the walk's root) was served under: an
  // absolute http:// URL in the host layout, else the bare path.
  std::string url_for(const std::filesystem::path& file) const;
  // A content type from the file's extension (the saved query string set
  // aside); empty when the extension says nothing.
  std::string type_for(const std::filesystem::path& file) const;

  bool host_layout() const { return host_layout_; }

private:
  std::filesystem::path root_;
  bool host_layout_ = false;
};

}  // namespace blogshift
