#include "redirect_table.h"

#include <algorithm>
#include <tuple>

#include "links/link_rewriter.h"
#include "links/listing_routes.h"
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

}  // namespace

RedirectTableBuilder::RedirectTableBuilder(std::set<std::string> hosts,
                                           std::map<std::string, std::string> archive_frequency,
                                           RedirectRouteOptions options, UrlsOf urls_of, Database* scratch)
    : options_(std::move(options)), archive_frequency_(std::move(archive_frequency)), urls_of_(std::move(urls_of)) {
  old_hosts_.hosts = std::move(hosts);
  if (!scratch) {
    own_scratch_ = std::make_unique<Database>(":memory:");
    scratch = own_scratch_.get();
  }
  scratch_ = scratch;
  // Candidates and new routes live in temporary tables (on disk when large),
  // sorted by SQLite, so memory does not grow with the blog.
  scratch_->exec(
      "CREATE TEMP TABLE IF NOT EXISTS redirect_candidates (old_path TEXT NOT NULL, rank INTEGER NOT NULL,"
      " target TEXT NOT NULL, shape TEXT NOT NULL, item_id INTEGER NOT NULL);"
      "CREATE TEMP TABLE IF NOT EXISTS redirect_new_routes (route TEXT PRIMARY KEY) WITHOUT ROWID;"
      "DELETE FROM temp.redirect_candidates; DELETE FROM temp.redirect_new_routes;");
}

RedirectTableBuilder::~RedirectTableBuilder() = default;

void RedirectTableBuilder::add(std::string old_path, std::string target, const char* shape, int64_t item_id) {
  if (target.empty()) return;
  // The listings and feeds every post adds again (its labels, its month) are kept once.
  if (item_id == 0 && !shared_.insert(old_path + '\n' + target + '\n' + shape).second) return;
  auto& insert = scratch_->cached(
      "INSERT INTO temp.redirect_candidates (old_path, rank, target, shape, item_id) VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, old_path).bind(2, static_cast<int64_t>(shape_rank(shape))).bind(3, target).bind(4, shape);
  insert.bind(5, item_id).run();
}

void RedirectTableBuilder::new_route(const std::string& route) {
  scratch_->cached("INSERT OR IGNORE INTO temp.redirect_new_routes (route) VALUES (?)").bind(1, route).run();
}

std::string RedirectTableBuilder::old_path_of(std::string_view raw) {
  std::string path = percent_decode(raw);
  if (path.empty() || path[0] != '/') return {};
  if (has_control_character(path)) {
    problems_.push_back(problem(std::string(raw), Severity::Warning, "REDIRECT_PATH_UNUSABLE",
                                "old path holds a control character; no redirect written for it"));
    return {};
  }
  return path;
}

void RedirectTableBuilder::add(const RedirectDocument& d) {
  if (d.status != "LIVE" || d.route.empty()) return;
  new_route(d.route);
  std::string legacy = d.legacy_path.empty() ? std::string() : old_path_of(d.legacy_path);
  if (!legacy.empty())
    add(legacy, d.route, d.kind == "page" ? "page" : has_collision_suffix(legacy) ? "collision-suffix" : "post",
        d.item_id);
  for (const auto& url : urls_of_(d.item_id)) {
    UrlParts parts = parse_url(url);
    if (!old_hosts_.is_old_host(parts.host)) continue;
    std::string path = old_path_of(parts.path);
    if (!path.empty() && path != legacy && !is_listing_path(path)) add(path, d.route, "alias", d.item_id);
  }
  if (d.kind != "post") return;
  if (all_ascii_digits(d.blogger_id))
    add("/feeds/" + d.blogger_id + "/comments/default", d.route, "comment-feed", d.item_id);
  const PostListingRoutes listings = listing_routes_of(d, options_);
  for (const auto& [label, route] : listings.tags) {
    add("/search/label/" + label, route, "label");
    add("/feeds/posts/default/-/" + label, options_.feed_route, "label-feed");
  }
  if (!listings.day) return;
  const auto& day = listings.day;
  const std::string year = four_digits(day->year), month = two_digits(day->month);
  add("/" + year + "/", listings.year_route, "archive-year");
  add("/" + year + "/" + month + "/", listings.month_route, "archive-month");
  auto frequency = archive_frequency_.find(d.blog_id);
  for (const auto& file : archive_files(*day, frequency == archive_frequency_.end() ? "" : frequency->second))
    archive_days_[file].insert(year + "-" + month);
}

RedirectTable RedirectTableBuilder::finish(const std::function<void(const RedirectRow&)>& on_row) {
  for (const auto& [file, months] : archive_days_) {
    const std::string named = file.substr(1, 4) + "-" + file.substr(6, 2);
    const std::string& month = months.count(named) ? named : *months.begin();
    add(file, archive_route_for(options_.archive_month_route_pattern, month.substr(0, 4), month.substr(5, 2)),
        "archive-day");
  }
  for (const char* feed :
       {"/feeds/posts/default", "/feeds/posts/summary", "/atom.xml", "/rss.xml", "/feeds/comments/default"})
    add(feed, options_.feed_route, "feed");
  scratch_->exec("INSERT OR IGNORE INTO temp.redirect_new_routes (route) SELECT target FROM temp.redirect_candidates");
  auto is_new_route = scratch_->prepare("SELECT 1 FROM temp.redirect_new_routes WHERE route = ?");
  auto candidates = scratch_->prepare(
      "SELECT old_path, target, shape, item_id FROM temp.redirect_candidates ORDER BY old_path, rank, target, item_id");
  RedirectTable table;
  table.problems = std::move(problems_);
  std::string last_shadowed;
  std::optional<RedirectRow> kept;  // the row of the old path being walked
  auto flush = [&] {
    if (kept) on_row(*kept);
    kept.reset();
  };
  while (candidates.step()) {
    const std::string old_path = candidates.column_text(0), target = candidates.column_text(1),
                      shape = candidates.column_text(2);
    if (old_path == target) {
      ++table.self_redirects;
      continue;
    }
    is_new_route.bind(1, old_path);
    const bool shadowed = is_new_route.step();
    is_new_route.reset();
    if (shadowed) {
      if (old_path != last_shadowed)
        table.problems.push_back(problem(old_path, Severity::Warning, "REDIRECT_SHADOWED",
                                         "old path is also a route of the new site; not redirected (it would have "
                                         "gone to " + target + ", " + shape + ")"));
      last_shadowed = old_path;
      continue;
    }
    if (kept && kept->old_path == old_path) {
      if (kept->new_route != target)
        table.problems.push_back(problem(old_path, Severity::Warning, "REDIRECT_CONFLICT",
                                         "two targets for one old path: kept " + kept->new_route + " (" +
                                             kept->shape + "), dropped " + target + " (" + shape + ")"));
      continue;
    }
    flush();
    kept = RedirectRow{old_path, target, shape, candidates.column_int(3)};
  }
  flush();
  candidates.reset();
  is_new_route.reset();
  scratch_->exec("DELETE FROM temp.redirect_candidates; DELETE FROM temp.redirect_new_routes;");
  return table;
}

RedirectTable build_redirect_table(const std::vector<RedirectDocument>& documents, const RedirectSiteFacts& site,
                                   const RedirectRouteOptions& options) {
  RedirectTableBuilder builder(site.hosts, site.archive_frequency, options, [&site](int64_t item_id) {
    auto urls = site.item_urls.find(item_id);
    return urls == site.item_urls.end() ? std::vector<std::string>() : urls->second;
  });
  for (const auto& d : documents) builder.add(d);
  std::vector<RedirectRow> rows;
  RedirectTable table = builder.finish([&rows](const RedirectRow& row) { rows.push_back(row); });
  table.rows = std::move(rows);
  return table;
}

std::unique_ptr<RedirectTableBuilder> redirect_table_builder(Database& db, const RedirectRouteOptions& options) {
  std::set<std::string> hosts;
  auto host_rows = db.prepare("SELECT host FROM blog_hosts ORDER BY host");
  while (host_rows.step()) hosts.insert(host_rows.column_text(0));
  std::map<std::string, std::string> archive_frequency;
  auto frequency = db.prepare(
      "SELECT blog_id, body_html FROM items WHERE kind = 'settings' AND blogger_id = 'settings.BLOG_ARCHIVE_FREQUENCY'");
  while (frequency.step()) archive_frequency[frequency.column_text(0)] = std::string(trim(frequency.column_text(1)));
  // A document's URLs are read when it is added, not all held at once.
  auto urls = std::make_shared<Statement>(db.prepare("SELECT url FROM item_urls WHERE item_id = ? ORDER BY url"));
  return std::make_unique<RedirectTableBuilder>(std::move(hosts), std::move(archive_frequency), options,
                                                [urls](int64_t item_id) {
                                                  std::vector<std::string> out;
                                                  urls->bind(1, item_id);
                                                  while (urls->step()) out.push_back(urls->column_text(0));
                                                  urls->reset();
                                                  return out;
                                                },
                                                &db);
}

int64_t write_redirect_table(Database& db, RedirectTableBuilder& builder) {
  db.exec("DELETE FROM redirects");
  auto insert = db.prepare("INSERT INTO redirects (old_path, new_route, item_id, shape) VALUES (?, ?, ?, ?)");
  const RedirectTable table = builder.finish([&insert](const RedirectRow& row) {
    insert.bind(1, row.old_path).bind(2, row.new_route);
    if (row.item_id > 0) insert.bind(3, row.item_id);
    else insert.bind_null(3);
    insert.bind(4, row.shape).run();
  });
  for (const auto& p : table.problems) insert_problem(db, p);
  return static_cast<int64_t>(table.problems.size());
}

}  // namespace blogshift
