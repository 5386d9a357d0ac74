// robots.txt as RFC 9309 reads it.
//
// Contract:
//  - parse() never throws: any bytes give rules (unknown lines are ignored,
//    as the RFC says). Only the first 500 KiB are read (the RFC's minimum).
//  - Groups: consecutive `user-agent` lines open a group; the group for a
//    crawler is every group whose user-agent value matches its product token
//    case-insensitively (the token is a prefix-free name: "blogshift"), all
//    of them merged; otherwise the `*` groups merged; otherwise no rules.
//  - allowed(): the longest matching `allow`/`disallow` pattern wins; on a
//    tie `allow` wins; `*` matches any run of characters and a final `$`
//    anchors the end; patterns and paths compare percent-encoding
//    normalised (%2f and %2F equal; unreserved characters decoded). An empty
//    `disallow` allows all. /robots.txt itself is always allowed.
//  - The status rules of RFC 9309 section 2.3.1 are the caller's:
//    for_status() gives the rules for a robots.txt that answered 4xx (allow
//    all) or 5xx / could not be fetched (disallow all); a 2xx body is
//    parse()d.
//  - Non-standard but common: `crawl-delay` (seconds) of the matched group,
//    and every `sitemap` line (any group, absolute URLs as written).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace blogshift::fetch {

class RobotsTxt {
public:
  static RobotsTxt parse(std::string_view body, std::string_view product_token);
  static RobotsTxt allow_all();
  static RobotsTxt disallow_all();
  // For an answer without a usable body (RFC 9309 2.3.1): 4xx "unavailable"
  // and 3xx (redirects given up on) allow all; 5xx and `status` 0 (no
  // answer: DNS, connection, timeout) "unreachable", disallow all. A 2xx
  // here (body lost) allows all, as an empty file would.
  static RobotsTxt for_status(int status);
  // How many bytes parse() reads at most (RFC 9309 2.5: at least 500 KiB).
  static constexpr size_t kMaxBytes = 500 * 1024;

  // `path_and_query`: "/search/label/Bread?max-results=20", starting with '/'.
  bool allowed(std::string_view path_and_query) const;
  // The pattern that decided a disallow, for the message ("Disallow: /search").
  std::string deciding_rule(std::string_view path_and_query) const;
  std::optional<double> crawl_delay() const { return crawl_delay_; }
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }

  struct Rule {
    bool allow = false;
    std::string pattern;  // normalised
  };

private:
  std::vector<Rule> rules_;
  bool disallow_everything_ = false;
  std::optional<double> crawl_delay_;
  std::vector<std::string> sitemaps_;
};

}  // namespace blogshift::fetch
