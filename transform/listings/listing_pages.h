// The listing pages the new site needs, one per route: a tag page for each
// label a live post carries, a year and a month archive for each period
// with a live post, and an author page for each author of live posts. Their
// routes come from the same patterns the redirect table sends Blogger's
// /search/label/ and archive URLs to, so every such redirect ends on a page
// the generator builds. Load writes them in the layout's form
// (load/listings/); the site skeletons render each at its route.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "links/redirect_table.h"
#include "sqlite_db.h"

namespace blogshift {

inline constexpr const char* kAuthorRoutePattern = "/authors/:author/";

struct ListingPage {
  std::string kind;             // tag | year | month | author
  std::string title;
  std::set<std::string> tags;   // tag pages: every label giving this route
  int year = 0, month = 0;
  std::string author;           // author pages: the author record's id
  int64_t posts = 0;
};

class ListingPagesBuilder {
public:
  explicit ListingPagesBuilder(RedirectRouteOptions routes) : routes_(std::move(routes)) {}
  // `author` is the document's author record id ("" when none).
  void add(const RedirectDocument& document, const std::string& author);
  const std::map<std::string, ListingPage>& pages() const { return pages_; }
  // Replaces site_listings and site_listing_tags (inside transform's
  // transaction); author pages are titled with the record's name.
  void write(Database& db) const;

private:
  ListingPage* page(const std::string& route, const char* kind);
  RedirectRouteOptions routes_;
  std::map<std::string, ListingPage> pages_;  // by route
};

// "February 2019": a month archive's title.
std::string month_title(int year, int month);

}  // namespace blogshift
