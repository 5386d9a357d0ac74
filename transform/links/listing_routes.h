// The listing pages a live post belongs to on the new site: a tag page per
// label, and its year's and month's archives, by the route patterns. The
// redirect table sends Blogger's label and archive URLs to these routes, and
// the listing pages (transform/listings/) are made at exactly these routes,
// so both come from here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace blogshift {

struct RedirectRouteOptions;
struct RedirectDocument;

// A YYYY-MM-DD date (the post's local day); nullopt when it is not one.
struct LocalDay {
  int64_t year = 0;
  int month = 0, day = 0;
};
std::optional<LocalDay> parse_day(std::string_view date);
std::string two_digits(int n);
std::string four_digits(int64_t n);
bool has_control_character(std::string_view text);

struct PostListingRoutes {
  std::vector<std::pair<std::string, std::string>> tags;  // (label, route); route "" when the label gives no slug
  std::optional<LocalDay> day;                           // the post's local day, when it has one
  std::string year_route, month_route;                   // "" without a day (or with an empty pattern)
};

// Empty for anything but a live post with a route.
PostListingRoutes listing_routes_of(const RedirectDocument& d, const RedirectRouteOptions& routes);

}  // namespace blogshift
