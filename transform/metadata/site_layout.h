// Where a document goes in the content tree, and how its front matter is
// spelled, for the static-site generator it is meant for:
//   astro   (default) the seed's layout: content/posts/<slug>/index.md with
//           images beside it; keys title, publishDate, updatedDate, author,
//           description, tags, published, legacyUrl.
//   hugo    page bundles, content/posts/<slug>/index.md with images beside;
//           keys date, lastmod, draft, and url (the route), which Hugo reads
//           (Hugo takes `published` for a date, so it is not written).
//   jekyll  _posts/YYYY-MM-DD-<slug>.md and pages/<slug>.md; images under
//           assets/posts/YYYY-MM-DD-<slug>/ (Jekyll does not copy files kept
//           in _posts; an unpublished post's under assets/posts/_YYYY-MM-DD-<slug>/,
//           which Jekyll leaves out of the site), linked by absolute path; comments as
//           _data/comments/<name>.yaml; keys date, last_modified_at,
//           published, permalink (the route).
// Hugo and Jekyll serve a route as a folder, so their routes end in "/":
// a route without it would cost every redirect a second hop.
#pragma once

#include <string>

namespace blogshift {

enum class SiteLayout { astro, hugo, jekyll };

// "astro", "hugo" or "jekyll"; anything else is a UsageError.
SiteLayout parse_site_layout(const std::string& name);
const char* site_layout_name(SiteLayout layout);

struct DocumentPlace {
  std::string path;           // the Markdown file, relative to the output folder
  std::string asset_dir;      // where its images go ("" = beside the file)
  std::string asset_prefix;   // how the Markdown links them: "./" or "/assets/posts/<name>/"
  std::string comments_path;  // comments.yaml (with --comments)
};

// `local_date` is the publication date in the blog's zone, "YYYY-MM-DD";
// `published`: the document is live (Jekyll keeps an unpublished one's
// images in assets/<section>/_<name>/, which it does not copy into the site).
DocumentPlace place_document(SiteLayout layout, const std::string& kind, const std::string& slug,
                             const std::string& local_date, bool published = true);

// The route pattern as the layout serves it: Hugo and Jekyll get a trailing
// "/" unless the pattern names a file (ends in ".html") or has one already.
std::string layout_route_pattern(SiteLayout layout, const std::string& pattern);

}  // namespace blogshift
