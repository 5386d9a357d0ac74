#include "report_data.h"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include <yaml-cpp/yaml.h>

#include "text.h"

namespace blogshift {
namespace {

// An item's publication month in its own offset when the source gave one:
// 'YYYY-MM', NULL for an item without a date.
std::string local_month(const std::string& item) {
  return "strftime('%Y-%m', " + item + ".published_utc, printf('%+d minutes', COALESCE(" + item +
         ".published_offset, 0)))";
}

bool has_table(Database& db, const char* name) {
  auto q = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  q.bind(1, std::string_view(name));
  return q.step();
}

int64_t count(Database& db, const std::string& sql) {
  auto q = db.prepare(sql);
  return q.step() ? q.column_int(0) : 0;
}

std::string text(Statement& q, int column) { return clean_text(q.column_text(column)); }

void read_blogs(Database& db, ReportData& r) {
  auto blogs = db.prepare("SELECT id, COALESCE(title, '') FROM blogs ORDER BY id");
  auto hosts = db.prepare("SELECT host FROM blog_hosts WHERE blog_id = ? ORDER BY host");
  while (blogs.step()) {
    ReportData::Blog b{text(blogs, 0), text(blogs, 1), {}};
    hosts.bind(1, blogs.column_text(0));
    while (hosts.step()) b.hosts.push_back(text(hosts, 0));
    hosts.reset();
    r.blogs.push_back(std::move(b));
  }
  auto sources = db.prepare("SELECT path, kind, sha256, size, complete FROM sources ORDER BY path");
  while (sources.step())
    r.sources.push_back({text(sources, 0), text(sources, 1), text(sources, 2), sources.column_int(3),
                         sources.column_int(4) != 0});
}

void read_migrated(Database& db, ReportData& r) {
  auto& m = r.migrated;
  const std::string docs = "SELECT COUNT(*) FROM documents d JOIN items i ON i.id = d.item_id WHERE ";
  m.posts = count(db, docs + "d.kind = 'post' AND i.status = 'LIVE'");
  m.pages = count(db, docs + "d.kind = 'page' AND i.status = 'LIVE'");
  m.drafts = count(db, docs + "i.status IN ('DRAFT', 'SCHEDULED')");
  const std::string comments =
      "SELECT COUNT(*) FROM items c JOIN documents d ON d.item_id = c.parent_id"
      " WHERE c.kind = 'comment' AND c.status = 'LIVE'";
  m.comments = count(db, comments);
  m.comments_written = count(db, comments + " AND d.comments_yaml != ''");
  auto links = db.prepare("SELECT kind, outcome, COUNT(*) FROM document_links GROUP BY 1, 2");
  while (links.step()) {
    const std::string kind = links.column_text(0), outcome = links.column_text(1);
    const int64_t n = links.column_int(2);
    if (kind == "image" && outcome == "local") m.images_local += n;
    if (kind == "image" && outcome == "remote") m.images_remote += n;
    if (kind == "link" && outcome == "rewritten") m.links_rewritten += n;
    if (kind == "link" && outcome == "external") m.links_external += n;
    if (kind == "link" && outcome == "missing") m.links_missing += n;
  }
}

void read_not_migrated(Database& db, ReportData& r, bool have_documents) {
  auto add = [&](const std::string& what, const std::string& reason, int64_t n) {
    if (n > 0) r.not_migrated.push_back({what, reason, n});
  };
  const std::string items = "SELECT COUNT(*) FROM items WHERE ";
  add("posts and pages in the trash", "deleted in Blogger: never published, so not written",
      count(db, items + "kind IN ('post', 'page') AND status = 'TRASHED'"));
  add("posts and pages of unknown status", "the source did not say whether they were published (ENTRY_UNKNOWN_STATUS)",
      count(db, items + "kind IN ('post', 'page') AND status = 'UNKNOWN'"));
  if (have_documents)
    add("posts and pages not converted", "staged but not in the documents table: run 'blogshift transform'",
        count(db, items + "kind IN ('post', 'page') AND status IN ('LIVE', 'DRAFT', 'SCHEDULED')"
                          " AND id NOT IN (SELECT item_id FROM documents)"));
  add("comments not published", "held for moderation, deleted or marked as spam in Blogger",
      count(db, items + "kind = 'comment' AND status != 'LIVE'"));
  add("comments without their post", "the post they belong to is in none of the sources",
      count(db, items + "kind = 'comment' AND status = 'LIVE' AND parent_id IS NULL"));
  if (have_documents) {
    add("comments of posts not migrated", "their post was trashed or not converted",
        count(db, items + "kind = 'comment' AND status = 'LIVE' AND parent_id IS NOT NULL"
                          " AND parent_id NOT IN (SELECT item_id FROM documents)"));
    add("comments not written", "no comments file was written: run with --comments",
        r.migrated.comments - r.migrated.comments_written);
  }
  add("settings entries", "the blog's settings: kept in the staging database, not part of the site",
      count(db, items + "kind = 'settings'"));
  add("templates", "the blog's theme: kept in the staging database, not part of the site",
      count(db, items + "kind = 'template'"));
  add("input units lost", "an entry, file or record that could not be read: see the problems below",
      count(db, "SELECT COUNT(*) FROM source_units WHERE outcome = 'problem'"));
}

void read_dates(Database& db, ReportData& r) {
  std::map<int, ReportData::Year> years;  // 0: no date (shown last)
  auto tally = [&](const std::string& sql, int64_t ReportData::Year::*field) {
    auto q = db.prepare(sql);
    while (q.step()) {
      const std::string month = q.column_text(0);
      const int year = month.size() >= 4 ? std::stoi(month.substr(0, 4)) : 0;
      auto& y = years[year];
      y.year = year;
      y.*field += q.column_int(1);
    }
  };
  const std::string item_month = local_month("i");
  const std::string docs = "SELECT " + item_month + ", COUNT(*) FROM documents d JOIN items i ON i.id = d.item_id WHERE ";
  tally(docs + "d.kind = 'post' AND i.status = 'LIVE' GROUP BY 1", &ReportData::Year::posts);
  tally(docs + "d.kind = 'page' AND i.status = 'LIVE' GROUP BY 1", &ReportData::Year::pages);
  tally(docs + "i.status IN ('DRAFT', 'SCHEDULED') GROUP BY 1", &ReportData::Year::drafts);
  tally("SELECT " + local_month("c") +
            ", COUNT(*) FROM items c JOIN documents d ON d.item_id = c.parent_id"
            " WHERE c.kind = 'comment' AND c.status = 'LIVE' GROUP BY 1",
        &ReportData::Year::comments);
  const std::string images = "SELECT " + item_month +
                             ", COUNT(*) FROM document_links l JOIN items i ON i.id = l.item_id"
                             " WHERE l.kind = 'image' AND l.outcome = ";
  tally(images + "'local' GROUP BY 1", &ReportData::Year::images_local);
  tally(images + "'remote' GROUP BY 1", &ReportData::Year::images_remote);
  for (auto& [year, y] : years)
    if (year != 0) r.years.push_back(y);
  if (auto undated = years.find(0); undated != years.end()) r.years.push_back(undated->second);

  auto months = db.prepare("SELECT " + item_month +
                           " AS m, COUNT(*) FROM documents d JOIN items i ON i.id = d.item_id"
                           " WHERE d.kind = 'post' AND i.status = 'LIVE' AND m IS NOT NULL GROUP BY 1 ORDER BY 1");
  while (months.step()) r.months.push_back({months.column_text(0), months.column_int(1)});
}

int severity_rank(const std::string& severity) {
  return severity == "error" ? 0 : severity == "warning" ? 1 : 2;
}

void read_problems(Database& db, ReportData& r) {
  auto q = db.prepare(
      "SELECT p.stage, COALESCE(NULLIF(p.file, ''), s.path, ''), p.line, p.col, p.offset, COALESCE(p.item, ''),"
      " p.severity, p.code, p.message FROM problems p LEFT JOIN sources s ON s.id = p.source_id"
      // By stage and place, not by row id: an incremental transform keeps
      // the rows of the documents it did not convert again, so ids differ
      // from a fresh run's while the problems are the same. Stages in the
      // order they run.
      " ORDER BY CASE p.stage WHEN 'fetch' THEN 0 WHEN 'extract' THEN 1 WHEN 'transform' THEN 2 ELSE 3 END, 2,"
      " p.line, p.col, p.offset, 6, p.code, p.message");
  std::map<std::pair<std::string, std::string>, ReportData::ProblemGroup> groups;  // (severity, code)
  while (q.step()) {
    ReportData::Problem p;
    p.stage = text(q, 0);
    p.file = text(q, 1);
    p.line = q.column_is_null(2) ? 0 : q.column_int(2);
    p.col = q.column_is_null(3) ? 0 : q.column_int(3);
    p.offset = q.column_is_null(4) ? -1 : q.column_int(4);
    p.item = text(q, 5);
    const std::string severity = text(q, 6), code = text(q, 7);
    p.message = text(q, 8);
    (severity == "error" ? r.problems_error : severity == "warning" ? r.problems_warning : r.problems_info) += 1;
    auto& g = groups[{severity, code}];
    g.code = code;
    g.severity = severity;
    if (std::find(g.stages.begin(), g.stages.end(), p.stage) == g.stages.end()) g.stages.push_back(p.stage);
    g.rows.push_back(std::move(p));
  }
  for (auto& [key, g] : groups) r.problems.push_back(std::move(g));
  std::stable_sort(r.problems.begin(), r.problems.end(), [](const auto& a, const auto& b) {
    return std::tuple(severity_rank(a.severity), -static_cast<int64_t>(a.rows.size()), a.code) <
           std::tuple(severity_rank(b.severity), -static_cast<int64_t>(b.rows.size()), b.code);
  });
}

void read_fidelity(Database& db, ReportData& r) {
  auto q = db.prepare(
      "SELECT d.path, d.route, COALESCE(i.title, ''), d.kind, i.status, d.fidelity_passed, d.text_recall,"
      " d.break_recall, d.links_kept, d.links_total, d.images_kept, d.images_total, d.code_ok,"
      " COALESCE(d.fidelity_detail, '') FROM documents d JOIN items i ON i.id = d.item_id"
      " ORDER BY d.fidelity_passed, d.text_recall, d.break_recall,"
      " (d.links_total - d.links_kept) + (d.images_total - d.images_kept) DESC, d.code_ok, d.path");
  // Bin edges of text recall; 0.995 is where the check passes (fidelity_check.h).
  static constexpr std::array<double, 8> kEdges = {0, 0.5, 0.8, 0.9, 0.95, 0.98, 0.995, 1};
  static constexpr std::array<const char*, 8> kLabels = {"< 0.5", "0.5–0.8", "0.8–0.9", "0.9–0.95",
                                                         "0.95–0.98", "0.98–0.995", "0.995–1", "1"};
  for (size_t i = 0; i < kEdges.size(); ++i)
    r.recall_histogram.push_back({kEdges[i], i + 1 < kEdges.size() ? kEdges[i + 1] : 1.0, kLabels[i], 0});
  while (q.step()) {
    ReportData::Fidelity f;
    f.path = text(q, 0);
    f.route = text(q, 1);
    f.title = text(q, 2);
    f.kind = text(q, 3);
    f.status = text(q, 4);
    f.passed = q.column_int(5) != 0;
    f.text_recall = q.column_real(6);
    f.break_recall = q.column_real(7);
    f.links_kept = q.column_int(8);
    f.links_total = q.column_int(9);
    f.images_kept = q.column_int(10);
    f.images_total = q.column_int(11);
    f.code_ok = q.column_int(12) != 0;
    f.differences = split_fidelity_detail(text(q, 13));
    if (f.passed) ++r.fidelity_passed;
    size_t bin = 0;
    while (bin + 1 < kEdges.size() && f.text_recall >= kEdges[bin + 1]) ++bin;
    ++r.recall_histogram[bin].documents;
    r.fidelity.push_back(std::move(f));
  }
}

std::vector<ReportData::Link> read_links(Database& db, const char* kind, const char* outcome) {
  auto q = db.prepare(
      "SELECT d.path, d.route, COALESCE(i.title, ''), l.url FROM document_links l"
      " JOIN documents d ON d.item_id = l.item_id JOIN items i ON i.id = l.item_id"
      " WHERE l.kind = ? AND l.outcome = ? ORDER BY d.path, l.seq");
  q.bind(1, std::string_view(kind)).bind(2, std::string_view(outcome));
  std::vector<ReportData::Link> out;
  while (q.step()) out.push_back({text(q, 0), text(q, 1), text(q, 2), text(q, 3)});
  return out;
}

void read_authors(Database& db, ReportData& r) {
  auto q = db.prepare(
      "SELECT s.site_id, s.name, s.profile, CASE WHEN b.sha256 IS NULL THEN s.avatar ELSE s.avatar_file END,"
      " b.sha256 IS NOT NULL, (SELECT COUNT(*) FROM documents d JOIN items i ON i.id = d.item_id"
      " JOIN author_site_ids x ON x.author_id = i.author_id WHERE x.site_id = s.site_id)"
      " FROM site_authors s LEFT JOIN assets a ON a.id = s.avatar_asset_id LEFT JOIN blobs b ON b.sha256 = a.sha256"
      " ORDER BY s.site_id");
  while (q.step())
    r.authors.push_back({text(q, 0), text(q, 1), text(q, 2), text(q, 3), q.column_int(4) != 0, q.column_int(5)});
}

void read_redirects(Database& db, ReportData& r) {
  r.redirects_total = count(db, "SELECT COUNT(*) FROM redirects");
  auto shapes = db.prepare("SELECT shape, COUNT(*) FROM redirects GROUP BY 1 ORDER BY 2 DESC, 1");
  while (shapes.step()) r.redirect_shapes.push_back({text(shapes, 0), shapes.column_int(1)});
  const std::string live_docs =
      "SELECT COUNT(*) FROM documents d JOIN items i ON i.id = d.item_id"
      " WHERE i.status = 'LIVE' AND i.legacy_path IS NOT NULL";
  r.documents_with_legacy_path = count(db, live_docs);
  r.documents_redirected = count(db, live_docs + " AND d.item_id IN (SELECT item_id FROM redirects)");
}

// A redirect map's format from its detail JSON ({"format": "nginx", ...}).
std::string detail_format(const std::string& detail) {
  try {
    YAML::Node node = YAML::Load(detail);
    if (node.IsMap() && node["format"] && node["format"].IsScalar()) return clean_text(node["format"].Scalar());
  } catch (const YAML::Exception&) {
  }
  return {};
}

void read_outputs(Database& db, ReportData& r) {
  auto q = db.prepare(
      "SELECT path, kind, COALESCE(sha256, ''), size, entries, COALESCE(verified, ''), COALESCE(detail, '')"
      " FROM outputs ORDER BY path");
  while (q.step()) {
    ReportData::Output o;
    o.path = text(q, 0);
    o.kind = text(q, 1);
    o.sha256 = text(q, 2);
    o.size = q.column_is_null(3) ? -1 : q.column_int(3);
    o.entries = q.column_int(4);
    o.verified = text(q, 5);
    o.detail = text(q, 6);
    if (o.kind == "redirect-map") {
      o.format = detail_format(o.detail);
      r.redirect_maps.push_back(std::move(o));
    } else {
      if (o.verified == "ok") ++r.archives_verified;
      else if (!o.verified.empty()) ++r.archives_failed;
      r.archives.push_back(std::move(o));
    }
  }
}

// fetched_urls.role in the order a crawl goes (core/staging_schema.cpp);
// a role not listed sorts after them, by name.
constexpr std::array<std::string_view, 12> kFetchRoles = {
    "robots", "home", "post", "page", "label", "archive", "feed", "comment-feed", "sitemap", "image", "attachment",
    "favicon"};

std::string role_rank_sql(const std::string& column) {
  std::string sql = "CASE " + column;
  for (size_t i = 0; i < kFetchRoles.size(); ++i)
    sql += " WHEN '" + std::string(kFetchRoles[i]) + "' THEN " + std::to_string(i);
  return sql + " ELSE " + std::to_string(kFetchRoles.size()) + " END";
}

// The rule of a robots row's error ("robots.txt: Disallow: /search").
std::string robots_rule(std::string error) {
  constexpr std::string_view kPrefix = "robots.txt: ";
  if (std::string_view(error).starts_with(kPrefix)) error.erase(0, kPrefix.size());
  return error;
}

void add_tally(ReportData::FetchTally& to, const ReportData::FetchTally& t) {
  to.urls += t.urls;
  to.fetched += t.fetched;
  to.held += t.held;
  to.failed += t.failed;
  to.robots += t.robots;
}

std::vector<ReportData::FetchedUrl> read_fetched_urls(Database& db, const char* outcome, const std::string& rank) {
  auto q = db.prepare("SELECT warc_path, url, role, http_status, attempts, error FROM fetched_urls WHERE outcome = ?"
                      " ORDER BY " + rank + ", role, url, warc_path LIMIT " +
                      std::to_string(ReportData::kFetchListLimit));
  q.bind(1, std::string_view(outcome));
  std::vector<ReportData::FetchedUrl> out;
  while (q.step()) {
    ReportData::FetchedUrl u{text(q, 0), text(q, 1), text(q, 2), text(q, 5), q.column_int(3), q.column_int(4)};
    if (std::string_view(outcome) == "robots") u.error = robots_rule(std::move(u.error));
    out.push_back(std::move(u));
  }
  return out;
}

void read_fetch(Database& db, ReportData& r) {
  auto& f = r.fetch;
  const std::string rank = role_rank_sql("role");
  std::map<std::string, ReportData::FetchFile> files;
  auto tallies = db.prepare(
      "SELECT warc_path, role, COUNT(*), SUM(outcome = 'fetched'), SUM(outcome = 'held'), SUM(outcome = 'failed'),"
      " SUM(outcome = 'robots'), SUM(bytes) FROM fetched_urls GROUP BY 1, 2 ORDER BY 1, " + rank + ", 2");
  while (tallies.step()) {
    auto& file = files[tallies.column_text(0)];
    file.warc_path = text(tallies, 0);
    ReportData::FetchTally t{text(tallies, 1), tallies.column_int(2), tallies.column_int(3), tallies.column_int(4),
                             tallies.column_int(5), tallies.column_int(6)};
    add_tally(file.total, t);
    file.bytes += tallies.column_int(7);
    file.by_role.push_back(std::move(t));
  }
  auto runs = db.prepare(
      "SELECT warc_path, started_at, seeds, seconds, requests, bytes, fetched, held, failed, robots, refused"
      " FROM fetch_runs ORDER BY id");
  while (runs.step()) {
    ReportData::FetchRun run;
    run.warc_path = text(runs, 0);
    run.started_at = text(runs, 1);
    const std::string seeds = text(runs, 2);
    for (size_t at = 0; at < seeds.size();) {
      size_t end = seeds.find('\n', at);
      if (end == std::string::npos) end = seeds.size();
      if (end > at && run.seed_count++ < static_cast<int64_t>(ReportData::kFetchListLimit))
        run.seeds.push_back(seeds.substr(at, end - at));
      at = end + 1;
    }
    run.seconds = runs.column_real(3);
    run.requests = runs.column_int(4);
    run.bytes = runs.column_int(5);
    run.fetched = runs.column_int(6);
    run.held = runs.column_int(7);
    run.failed = runs.column_int(8);
    run.robots = runs.column_int(9);
    run.out_of_scope = runs.column_int(10);
    auto& file = files[runs.column_text(0)];
    file.warc_path = run.warc_path;
    file.out_of_scope = run.out_of_scope;  // the file's last run counts
    f.runs.push_back(std::move(run));
  }
  for (auto& [path, file] : files) {
    add_tally(f.total, file.total);
    f.bytes += file.bytes;
    f.out_of_scope += file.out_of_scope;
    f.files.push_back(std::move(file));
  }
  f.failed_count = f.total.failed;
  f.robots_count = f.total.robots;
  f.failed = read_fetched_urls(db, "failed", rank);
  f.robots = read_fetched_urls(db, "robots", rank);
  std::map<std::string, int64_t> rules;
  auto by_rule = db.prepare("SELECT error, COUNT(*) FROM fetched_urls WHERE outcome = 'robots' GROUP BY 1");
  while (by_rule.step()) rules[robots_rule(text(by_rule, 0))] += by_rule.column_int(1);
  for (auto& [rule, n] : rules) f.robots_rules.push_back({rule, n});
  std::stable_sort(f.robots_rules.begin(), f.robots_rules.end(), [](const auto& a, const auto& b) { return a.urls > b.urls; });

  const std::string unanswered =
      "SELECT url FROM fetched_urls WHERE outcome = 'failed'"
      " AND url NOT IN (SELECT url FROM fetched_urls WHERE outcome IN ('fetched', 'held'))";
  f.failed_unanswered = count(db, "SELECT COUNT(DISTINCT url) FROM (" + unanswered + ")");
  auto covered = db.prepare("SELECT code, COUNT(*) FROM problems WHERE stage = 'fetch' AND severity = 'error'"
                            " AND file IN (" + unanswered + ") GROUP BY 1");
  while (covered.step()) {
    f.failed_problems[text(covered, 0)] += covered.column_int(1);
    f.failed_problems_total += covered.column_int(1);
  }
}

std::string plural(int64_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void decide(ReportData& r) {
  auto reason = [&](std::string what, std::string section, std::string words, int64_t n) {
    r.reasons.push_back({std::move(what), std::move(section), std::move(words), n});
  };
  const auto incomplete = std::count_if(r.sources.begin(), r.sources.end(), [](const auto& s) { return !s.complete; });
  if (incomplete > 0) reason("sources", "sources", plural(incomplete, "source", "sources") + " not read to the end", incomplete);
  if (r.fetch.failed_unanswered > 0)
    reason("fetch-failed", "fetch",
           plural(r.fetch.failed_unanswered, "URL", "URLs") + " that could not be fetched from the live blog",
           r.fetch.failed_unanswered);
  if (r.fidelity.empty()) reason("nothing", "migrated", "the migration itself: no document was migrated yet", 0);
  // The failed fetches' own errors are named above, as failed fetches.
  const int64_t errors = r.problems_error - r.fetch.failed_problems_total;
  if (errors > 0) {
    const auto first = std::find_if(r.problems.begin(), r.problems.end(), [&](const auto& g) {
      const auto covered = r.fetch.failed_problems.find(g.code);
      return g.severity == "error" && static_cast<int64_t>(g.rows.size()) >
                                          (covered == r.fetch.failed_problems.end() ? 0 : covered->second);
    });
    reason("errors", "problems", plural(errors, "error", "errors") + " among the problems (first " + first->code + ")",
           errors);
  }
  const int64_t failed = static_cast<int64_t>(r.fidelity.size()) - r.fidelity_passed;
  if (failed > 0) reason("fidelity", "fidelity", plural(failed, "document", "documents") + " that failed the fidelity check", failed);
  if (r.migrated.links_missing > 0)
    reason("links", "missing-links", plural(r.migrated.links_missing, "link", "links") + " to old posts that were not found",
           r.migrated.links_missing);
  int64_t maps_failed = 0;
  for (const auto& m : r.redirect_maps)
    if (!m.verified.empty() && m.verified != "ok") ++maps_failed;
  if (maps_failed > 0)
    reason("redirects-failed", "redirects", plural(maps_failed, "redirect map", "redirect maps") + " that failed verification", maps_failed);
  const auto archives = static_cast<int64_t>(r.archives.size());
  const int64_t unverified = archives - r.archives_verified - r.archives_failed;
  if (archives == 0 && r.inside_bag.empty()) reason("archives-none", "archives", "the archives: none was made yet (blogshift load)", 0);
  if (r.archives_failed > 0)
    reason("archives-failed", "archives", plural(r.archives_failed, "archive", "archives") + " that failed verification", r.archives_failed);
  if (unverified > 0)
    reason("archives-unverified", "archives", plural(unverified, "archive", "archives") + " not verified yet (blogshift verify)", unverified);
  r.switch_off = r.reasons.empty();
}

}  // namespace

std::string verdict_sentence(const ReportData& r, const std::function<std::string(const ReportData::Reason&)>& phrase) {
  if (r.switch_off) {
    std::string s = "Yes: all " + plural(static_cast<int64_t>(r.fidelity.size()), "document", "documents") +
                    " passed the fidelity check, " + (r.fetch.any() ? "no URL of the crawl failed, " : "") +
                    "no errors were found, no links to old posts are missing and ";
    if (!r.archives.empty())
      s += "all " + plural(static_cast<int64_t>(r.archives.size()), "archive", "archives") + " verified" +
           (r.inside_bag.empty() ? "" : " (the bag holding this copy of the report is verified on its own)");
    else
      s += "the bag holding this copy of the report is verified on its own";
    if (r.migrated.images_remote > 0)
      s += ", though " + plural(r.migrated.images_remote, "image is", "images are") +
           " still loaded from the old blog's image servers";
    return s + ".";
  }
  auto text = [&](const ReportData::Reason& reason) { return phrase ? phrase(reason) : reason.text; };
  std::string s = "Not yet: look first at " + text(r.reasons[0]);
  for (size_t i = 1; i < r.reasons.size(); ++i)
    s += (i == 1 ? ", then at " : i + 1 == r.reasons.size() ? " and " : ", ") + text(r.reasons[i]);
  return s + ".";
}

ReportData read_report_data(Database& db, const std::string& inside_bag) {
  ReportData r;
  r.inside_bag = inside_bag;
  read_blogs(db, r);
  const bool have_documents = has_table(db, "documents");
  if (have_documents) {
    read_migrated(db, r);
    read_dates(db, r);
    read_fidelity(db, r);
    r.remote_images = read_links(db, "image", "remote");
    r.missing_links = read_links(db, "link", "missing");
    read_redirects(db, r);
    if (has_table(db, "site_authors")) read_authors(db, r);
  }
  read_not_migrated(db, r, have_documents);
  read_problems(db, r);
  if (has_table(db, "outputs")) read_outputs(db, r);
  if (has_table(db, "fetched_urls") && has_table(db, "fetch_runs")) read_fetch(db, r);
  decide(r);
  return r;
}

std::string clean_text(std::string_view in) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    const auto b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {
      const bool control = (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F;
      if (control) out += kReplacement;
      else out += static_cast<char>(b);
      ++i;
      continue;
    }
    size_t len = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
    bool ok = len > 0 && i + len <= in.size();
    for (size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(in[i + k]) & 0xC0) == 0x80;
    if (ok && len >= 3) {  // no overlong forms, surrogates or code points past U+10FFFF
      const auto b1 = static_cast<unsigned char>(in[i + 1]);
      ok = !(b == 0xE0 && b1 < 0xA0) && !(b == 0xED && b1 >= 0xA0) && !(b == 0xF0 && b1 < 0x90) &&
           !(b == 0xF4 && b1 >= 0x90);
    }
    if (!ok) {
      out += kReplacement;
      ++i;
      continue;
    }
    out.append(in.substr(i, len));
    i += len;
  }
  return out;
}

std::vector<std::string> split_fidelity_detail(std::string_view detail) {
  // The items fidelity_check.cpp writes start with one of these, and the list
  // may end in "and N more"; a "; " inside a quoted snippet is followed by
  // anything else.
  static constexpr std::array<std::string_view, 6> kStarts = {
      "missing link ", "missing image ", "code block ", "inline code ", "text lost: ", "break lost between "};
  auto starts_item = [](std::string_view rest) {
    if (std::any_of(kStarts.begin(), kStarts.end(), [&](std::string_view s) { return rest.starts_with(s); }))
      return true;
    if (!rest.starts_with("and ") || !rest.ends_with(" more")) return false;
    const std::string_view n = rest.substr(4, rest.size() - 9);
    return all_ascii_digits(n);
  };
  std::vector<std::string> out;
  if (detail.empty()) return out;
  size_t start = 0, from = 0;
  for (size_t at; (at = detail.find("; ", from)) != std::string_view::npos; from = at + 2) {
    if (!starts_item(detail.substr(at + 2))) continue;
    out.emplace_back(detail.substr(start, at - start));
    start = at + 2;
  }
  out.emplace_back(detail.substr(start));
  return out;
}

}  // namespace blogshift
