#include "site_layout.h"

#include "errors.h"

namespace blogshift {

SiteLayout parse_site_layout(const std::string& name) {
  if (name == "astro") return SiteLayout::astro;
  if (name == "hugo") return SiteLayout::hugo;
  if (name == "jekyll") return SiteLayout::jekyll;
  throw UsageError("--layout: unknown layout '" + name + "' (known: astro, hugo, jekyll)");
}

const char* site_layout_name(SiteLayout layout) {
  switch (layout) {
    case SiteLayout::hugo: return "hugo";
    case SiteLayout::jekyll: return "jekyll";
    case SiteLayout::astro: break;
  }
  return "astro";
}

DocumentPlace place_document(SiteLayout layout, const std::string& kind, const std::string& slug,
                             const std::string& local_date, bool published) {
  const std::string section = kind == "post" ? "posts" : "pages";
  DocumentPlace place;
  if (layout != SiteLayout::jekyll) {
    const std::string folder = "content/" + section + "/" + slug;
    place.path = folder + "/index.md";
    place.asset_prefix = "./";
    place.comments_path = folder + "/comments.yaml";
    return place;
  }
  // Jekyll finds posts by their dated file name; pages anywhere outside "_" folders.
  const std::string name = kind == "post" ? local_date + "-" + slug : slug;
  place.path = kind == "post" ? "_posts/" + name + ".md" : "pages/" + name + ".md";
  // Jekyll copies every file outside "_" folders into the site, an
  // unpublished post's images too: those go in a "_" folder it leaves out.
  place.asset_dir = "assets/" + section + "/" + (published ? "" : "_") + name;
  place.asset_prefix = "/" + place.asset_dir + "/";
  place.comments_path = "_data/comments/" + name + ".yaml";
  return place;
}

std::string layout_route_pattern(SiteLayout layout, const std::string& pattern) {
  if (layout == SiteLayout::astro || pattern.empty() || pattern.back() == '/') return pattern;
  if (pattern.size() >= 5 && pattern.compare(pattern.size() - 5, 5, ".html") == 0) return pattern;
  return pattern + "/";
}

}  // namespace blogshift
