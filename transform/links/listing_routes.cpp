#include "listing_routes.h"

#include <algorithm>

#include "metadata/post_metadata.h"
#include "redirect_table.h"
#include "text.h"

namespace blogshift {

std::optional<LocalDay> parse_day(std::string_view date) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-' || !all_ascii_digits(date.substr(0, 4)) ||
      !all_ascii_digits(date.substr(5, 2)) || !all_ascii_digits(date.substr(8, 2)))
    return std::nullopt;
  LocalDay d{std::stoll(std::string(date.substr(0, 4))), std::stoi(std::string(date.substr(5, 2))),
             std::stoi(std::string(date.substr(8, 2)))};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return std::nullopt;
  return d;
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string four_digits(int64_t n) {
  std::string s = std::to_string(n);
  return std::string(s.size() < 4 ? 4 - s.size() : 0, '0') + s;
}

bool has_control_character(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

PostListingRoutes listing_routes_of(const RedirectDocument& d, const RedirectRouteOptions& routes) {
  PostListingRoutes out;
  if (d.status != "LIVE" || d.route.empty() || d.kind != "post") return out;
  for (const auto& label : d.labels) {
    if (label.empty() || has_control_character(label)) continue;
    out.tags.emplace_back(label, tag_route_for(routes.tag_route_pattern, label));
  }
  out.day = parse_day(d.local_date);
  if (!out.day) return out;
  const std::string year = four_digits(out.day->year), month = two_digits(out.day->month);
  out.year_route = archive_route_for(routes.archive_year_route_pattern, year, "");
  out.month_route = archive_route_for(routes.archive_month_route_pattern, year, month);
  return out;
}

}  // namespace blogshift
