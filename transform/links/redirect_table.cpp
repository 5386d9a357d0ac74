#include "redirect_table.h"

#include <algorithm>
#include <tuple>

#include "links/link_rewriter.h"
#include "metadata/civil_time.h"
#include "metadata/post_metadata.h"
#include "staging_store.h"
#include "text.h"
#include "url.h"

namespace blogshift {

namespace {

// Shapes in the order they win a conflict: an item's own legacy path first,
// then what else it was seen at, then the listing pages, the feeds last.
int shape_rank(const std::string& shape) {
  static const std::map<std::string, int> ranks = {
      {"post", 0},          {"page", 0},          {"collision-suffix", 0}, {"alias", 1},
      {"comment-feed", 2},  {"label", 3},         {"label-feed", 4},       {"archive-year", 5},
      {"archive-month", 5}, {"archive-day", 5},   {"feed", 6}};
  auto it = ranks.find(shape);
  return it == ranks.end() ? 7 : it->second;
}

struct Candidate {
  std::string old_path, target, shape;
  int64_t item_id = 0;
};

bool has_control_character(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

// "/2021/03/sourdough_12.html": a filename ending in Blogger's _N suffix.
bool has_collision_suffix(std::string_view path) {
  if (!is_post_path(path)) return false;
  std::string_view stem = path.substr(path.rfind('/') + 1);
  stem.remove_suffix(5);  // ".html"
  const size_t underscore = stem.rfind('_');
  return underscore != std::string_view::npos && underscore > 0 && all_ascii_digits(stem.substr(underscore + 1));
}

// Blogger's listing pages and feeds, which an item's own URL never is.
bool is_listing_path(std::string_view path) {
  if (path == "/" || path == "/index.html" || path.starts_with("/search") || path.starts_with("/feeds/")) return true;
  const bool year = path.size() == 6 && all_ascii_digits(path.substr(1, 4)) && path[5] == '/';
  const bool month = path.size() == 9 && all_ascii_digits(path.substr(1, 4)) && path[5] == '/' &&
                     all_ascii_digits(path.substr(6, 2)) && path[8] == '/';
  return year || month || path.ends_with("_archive.html");
}

struct LocalDay {
  int64_t year = 0;
  int month = 0, day = 0;
};

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

std::string archive_file(const civil::Date& d) {
  return "/" + four_digits(d.year) + "_" + two_digits(d.month) + "_" + two_digits(d.day) + "_archive.html";
}

// The dated archive pages Blogger made for a post's local day: the month's
// (named by its 1st), the week's (named by its Sunday) and the day's.
std::vector<std::string> archive_files(const LocalDay& day, const std::string& frequency) {
  const int64_t days = civil::days_from_civil(day.year, day.month, day.day);
  std::vector<std::string> files;
  if (frequency.empty() || frequency == "MONTHLY") files.push_back(archive_file({day.year, day.month, 1}));
  if (frequency.empty() || frequency == "WEEKLY")
    files.push_back(archive_file(civil::civil_from_days(days - civil::weekday_from_days(days))));
  if (frequency.empty() || frequency == "DAILY") files.push_back(archive_file({day.year, day.month, day.day}));
  return files;
}

ProblemRecord problem(const std::string& old_path, Severity severity, const char* code, const std::string& message) {
  ProblemRecord p;
  p.stage = "transform";
  p.item = old_path;
  p.severity = severity;
  p.code = code;
  p.message = message;
  return p;
}

class TableBuilder {
public:
  TableBuilder(const RedirectSiteFacts& site, const RedirectRouteOptions& options) : options_(options) {
    old_hosts_.hosts = site.hosts;
  }

  void add(std::string old_path, std::string target, const char* shape, int64_t item_id = 0) {
    if (target.empty()) return;
    candidates_.push_back({std::move(old_path), std::move(target), shape, item_id});
  }

  // An old path as a server sees it: percent-decoded, starting with "/".
  // Empty (and reported) when no server format could carry it.
  std::string old_path_of(std::string_view raw) {
    std::string path = percent_decode(raw);
    if (path.empty() || path[0] != '/') return {};
    if (has_control_character(path)) {
      table.problems.push_back(problem(std::string(raw), Severity::Warning, "REDIRECT_PATH_UNUSABLE",
                                       "old path holds a control character; no redirect written for it"));
      return {};
    }
    return path;
  }

  void documents(const std::vector<RedirectDocument>& docs, const RedirectSiteFacts& site) {
    std::map<std::string, std::set<std::string>> archive_days;  // dated archive page -> "YYYY-MM" it held
    for (const auto& d : docs) {
      if (d.status != "LIVE" || d.route.empty()) continue;
      new_routes_.insert(d.route);
      std::string legacy = d.legacy_path.empty() ? std::string() : old_path_of(d.legacy_path);
      if (!legacy.empty())
        add(legacy, d.route, d.kind == "page" ? "page" : has_collision_suffix(legacy) ? "collision-suffix" : "post",
            d.item_id);
      if (auto urls = site.item_urls.find(d.item_id); urls != site.item_urls.end())
        for (const auto& url : urls->second) {
          UrlParts parts = parse_url(url);
          if (!old_hosts_.is_old_host(parts.host)) continue;
          std::string path = old_path_of(parts.path);
          if (!path.empty() && path != legacy && !is_listing_path(path)) add(path, d.route, "alias", d.item_id);
        }
      if (d.kind != "post") continue;
      if (all_ascii_digits(d.blogger_id))
        add("/feeds/" + d.blogger_id + "/comments/default", d.route, "comment-feed", d.item_id);
      for (const auto& label : d.labels) {
        if (label.empty() || has_control_character(label)) continue;
        add("/search/label/" + label, tag_route_for(options_.tag_route_pattern, label), "label");
        add("/feeds/posts/default/-/" + label, options_.feed_route, "label-feed");
      }
      const auto day = parse_day(d.local_date);
      if (!day) continue;
      const std::string year = four_digits(day->year), month = two_digits(day->month);
      add("/" + year + "/", archive_route_for(options_.archive_year_route_pattern, year, ""), "archive-year");
      add("/" + year + "/" + month + "/", archive_route_for(options_.archive_month_route_pattern, year, month),
          "archive-month");
      auto frequency = site.archive_frequency.find(d.blog_id);
      for (const auto& file : archive_files(*day, frequency == site.archive_frequency.end() ? "" : frequency->second))
        archive_days[file].insert(year + "-" + month);
    }
    // A weekly page can hold posts of two months: it goes to the month it
    // is named by when that month has posts, else to the earliest it held.
    for (const auto& [file, months] : archive_days) {
      const std::string named = file.substr(1, 4) + "-" + file.substr(6, 2);
      const std::string& month = months.count(named) ? named : *months.begin();
      add(file, archive_route_for(options_.archive_month_route_pattern, month.substr(0, 4), month.substr(5, 2)),
          "archive-day");
    }
    for (const char* feed :
         {"/feeds/posts/default", "/feeds/posts/summary", "/atom.xml", "/rss.xml", "/feeds/comments/default"})
      add(feed, options_.feed_route, "feed");
  }

  RedirectTable finish() {
    for (const auto& c : candidates_) new_routes_.insert(c.target);
    std::sort(candidates_.begin(), candidates_.end(), [](const Candidate& a, const Candidate& b) {
      return std::forward_as_tuple(a.old_path, shape_rank(a.shape), a.target, a.item_id) <
             std::forward_as_tuple(b.old_path, shape_rank(b.shape), b.target, b.item_id);
    });
    std::set<std::string> shadowed;
    for (const auto& c : candidates_) {
      if (c.old_path == c.target) {
        ++table.self_redirects;
        continue;
      }
      if (new_routes_.count(c.old_path)) {
        // The new site answers here itself; redirecting it would hide that page.
        if (shadowed.insert(c.old_path).second)
          table.problems.push_back(problem(c.old_path, Severity::Warning, "REDIRECT_SHADOWED",
                                           "old path is also a route of the new site; not redirected (it would have "
                                           "gone to " + c.target + ", " + c.shape + ")"));
        continue;
      }
      if (!table.rows.empty() && table.rows.back().old_path == c.old_path) {
        const RedirectRow& kept = table.rows.back();
        if (kept.new_route != c.target)
          table.problems.push_back(problem(c.old_path, Severity::Warning, "REDIRECT_CONFLICT",
                                           "two targets for one old path: kept " + kept.new_route + " (" +
                                               kept.shape + "), dropped " + c.target + " (" + c.shape + ")"));
        continue;
      }
      table.rows.push_back({c.old_path, c.target, c.shape, c.item_id});
    }
    return std::move(table);
  }

  RedirectTable table;

private:
  const RedirectRouteOptions& options_;
  SiteMap old_hosts_;  // for is_old_host(): country-code and www. variants too
  std::vector<Candidate> candidates_;
  std::set<std::string> new_routes_;
};

}  // namespace

RedirectTable build_redirect_table(const std::vector<RedirectDocument>& documents, const RedirectSiteFacts& site,
                                   const RedirectRouteOptions& options) {
  TableBuilder builder(site, options);
  builder.documents(documents, site);
  return builder.finish();
}

int64_t write_redirect_table(Database& db, const std::vector<RedirectDocument>& documents,
                             const RedirectRouteOptions& options) {
  RedirectSiteFacts site;
  auto hosts = db.prepare("SELECT host FROM blog_hosts ORDER BY host");
  while (hosts.step()) site.hosts.insert(hosts.column_text(0));
  auto urls = db.prepare("SELECT item_id, url FROM item_urls ORDER BY item_id, url");
  while (urls.step()) site.item_urls[urls.column_int(0)].push_back(urls.column_text(1));
  auto frequency = db.prepare(
      "SELECT blog_id, body_html FROM items WHERE kind = 'settings' AND blogger_id = 'settings.BLOG_ARCHIVE_FREQUENCY'");
  while (frequency.step()) site.archive_frequency[frequency.column_text(0)] = std::string(trim(frequency.column_text(1)));

  const RedirectTable table = build_redirect_table(documents, site, options);
  db.exec("DELETE FROM redirects");
  auto insert = db.prepare("INSERT INTO redirects (old_path, new_route, item_id, shape) VALUES (?, ?, ?, ?)");
  for (const auto& row : table.rows) {
    insert.bind(1, row.old_path).bind(2, row.new_route);
    if (row.item_id > 0) insert.bind(3, row.item_id);
    else insert.bind_null(3);
    insert.bind(4, row.shape).run();
  }
  for (const auto& p : table.problems) insert_problem(db, p);
  return static_cast<int64_t>(table.problems.size());
}

}  // namespace blogshift
