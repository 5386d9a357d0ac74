#include "listing_pages.h"

#include "links/listing_routes.h"
#include "text.h"

namespace blogshift {

std::string month_title(int year, int month) {
  static const char* const names[] = {"January", "February", "March",     "April",   "May",      "June",
                                      "July",    "August",   "September", "October", "November", "December"};
  return (month >= 1 && month <= 12 ? std::string(names[month - 1]) + " " : std::string()) + std::to_string(year);
}

ListingPage* ListingPagesBuilder::page(const std::string& route, const char* kind) {
  if (route.empty()) return nullptr;
  ListingPage& p = pages_[route];
  if (p.kind.empty()) p.kind = kind;
  // Patterns that give two kinds one route: the first kind keeps the page.
  return p.kind == kind ? &p : nullptr;
}

void ListingPagesBuilder::add(const RedirectDocument& d, const std::string& author) {
  const PostListingRoutes routes = listing_routes_of(d, routes_);
  if (d.status != "LIVE" || d.route.empty() || d.kind != "post") return;
  std::set<std::string> counted;  // a post counts once on a page two of its labels share
  for (const auto& [label, route] : routes.tags) {
    ListingPage* p = page(route, "tag");
    if (!p) continue;
    p->tags.insert(label);
    if (counted.insert(route).second) ++p->posts;
  }
  if (!author.empty()) {
    std::string route = kAuthorRoutePattern;
    route.replace(route.find(":author"), 7, author);
    if (ListingPage* p = page(route, "author")) {
      p->author = author;
      ++p->posts;
    }
  }
  if (!routes.day) return;
  if (ListingPage* p = page(routes.year_route, "year")) {
    p->year = static_cast<int>(routes.day->year);
    ++p->posts;
  }
  if (ListingPage* p = page(routes.month_route, "month")) {
    p->year = static_cast<int>(routes.day->year);
    p->month = routes.day->month;
    ++p->posts;
  }
}

void ListingPagesBuilder::write(Database& db) const {
  db.exec("DELETE FROM site_listing_tags; DELETE FROM site_listings;");
  auto insert = db.prepare(
      "INSERT INTO site_listings (route, kind, title, year, month, author, posts) VALUES (?, ?, ?, ?, ?, ?, ?)");
  auto tag = db.prepare("INSERT INTO site_listing_tags (route, tag) VALUES (?, ?)");
  auto name = db.prepare("SELECT name FROM site_authors WHERE site_id = ?");
  for (const auto& [route, p] : pages_) {
    std::string title;
    if (p.kind == "tag") {
      title = *p.tags.begin();
    } else if (p.kind == "author") {
      name.bind(1, p.author);
      title = name.step() ? name.column_text(0) : p.author;
      name.reset();
    } else {
      title = p.kind == "month" ? month_title(p.year, p.month) : std::to_string(p.year);
    }
    insert.bind(1, route).bind(2, p.kind).bind(3, title);
    if (p.year) insert.bind(4, static_cast<int64_t>(p.year));
    else insert.bind_null(4);
    if (p.month) insert.bind(5, static_cast<int64_t>(p.month));
    else insert.bind_null(5);
    if (!p.author.empty()) insert.bind(6, p.author);
    else insert.bind_null(6);
    insert.bind(7, p.posts).run();
    for (const auto& t : p.tags) tag.bind(1, route).bind(2, t).run();
  }
}

}  // namespace blogshift
