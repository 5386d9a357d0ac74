#include "fetch_command.h"

#include <ctime>
#include <filesystem>
#include <iostream>
#include <set>

#include "crawl/crawler.h"
#include "diagnostics.h"
#include "discover/page_links.h"
#include "errors.h"
#include "extract_command.h"
#include "fetch_version.h"
#include "scope/fetch_url.h"
#include "staging_store.h"
#include "text.h"

namespace blogshift {

using fetch::CrawlOptions;
using fetch::CrawlReport;

bool is_url_source(const std::string& text) {
  return starts_with_ci(text, "http://") || starts_with_ci(text, "https://");
}

void add_fetch_tuning_options(CLI::App& app, FetchTuning& t) {
  app.add_option("--concurrency", t.concurrency, "fetch: requests at once to one host")->capture_default_str()
      ->check(CLI::Range(1, 64));
  app.add_option("--rate", t.rate, "fetch: new requests a second to one host (0: no limit)")->capture_default_str()
      ->check(CLI::Range(0.0, 1000.0));
  app.add_flag("--ignore-robots", t.ignore_robots,
               "fetch: do not read or obey robots.txt (said on stderr; only for a blog that is yours)");
  app.add_flag("--no-mobile", t.no_mobile, "fetch: skip the ?m=1 (mobile) form of each post and page");
  app.add_option("--user-agent", t.user_agent, "fetch: the User-Agent header (default names blogshift and its version)");
  app.add_option("--resolve", t.resolve, "fetch: HOST:PORT:ADDR, connect to ADDR for HOST:PORT (as curl --resolve)");
  app.add_option("--connect-to", t.connect_to,
                 "fetch: HOST:PORT:HOST2:PORT2, connect to HOST2:PORT2 for HOST:PORT (as curl --connect-to)");
  app.add_option("--proxy", t.proxy, "fetch: an HTTP proxy URL for every request (none by default, whatever the environment says)");
  app.add_option("--cacert", t.ca_file, "fetch: PEM file of the CAs to verify TLS with (default: the system's)")
      ->check(CLI::ExistingFile);
  app.add_option("--timeout", t.timeout, "fetch: seconds without a byte before a request is given up")
      ->capture_default_str()->check(CLI::Range(1.0, 3600.0));
  app.add_option("--connect-timeout", t.connect_timeout, "fetch: seconds to connect")->capture_default_str()
      ->check(CLI::Range(1.0, 600.0));
  app.add_option("--max-size", t.max_size, "fetch: bytes one response may have; a larger one is cut and reported")
      ->capture_default_str()->check(CLI::Range(int64_t{1024}, int64_t{1} << 40));
  app.add_option("--retries", t.retries, "fetch: tries after the first for a 429, a 5xx or a broken transfer")
      ->capture_default_str()->check(CLI::Range(0, 20));
  app.add_option("--max-retry-wait", t.max_retry_wait,
                 "fetch: the longest wait (seconds) a Retry-After or backoff may ask; a longer one fails the URL")
      ->capture_default_str()->check(CLI::Range(0.0, 86400.0));
  app.add_option("--max-urls", t.max_urls, "fetch: the most URLs one crawl queues")->capture_default_str()
      ->check(CLI::Range(int64_t{1}, int64_t{100000000}));
}

void add_fetch_options(CLI::App& app, FetchCommandOptions& options) {
  app.add_option("inputs", options.inputs,
                 "the blog's URL (https://NAME.blogspot.com/ or its own domain); with --images-only, exports to read "
                 "first (or none: the staging database's posts)");
  app.add_option("-o,--out", options.out_dir,
                 "output folder: the WARC goes to OUT/sources/, the staging database is OUT/.blogshift/staging.db")
      ->capture_default_str();
  app.add_option("--db", options.db_path, "staging database file (overrides --out)");
  app.add_flag("--images-only", options.images_only,
               "fetch only the images and attachments the staged posts and pages reference (after an export)");
  add_fetch_tuning_options(app, options.tuning);
  add_verbosity_flags(app, options.quiet, options.verbose);
}

namespace {

// Now, in UTC, as strftime's `format` writes it.
std::string utc_now(const char* format) {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, format, &tm);
  return text;
}

// OUT/sources/<prefix>-<timestamp>.warc.gz: the newest one there is (a crawl
// to resume), else a new name.
std::string warc_path_for(const std::string& out_dir, const std::string& prefix) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(out_dir) / "sources";
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw FatalError(dir.string(), "cannot create the folder for the crawl's WARC file: " + ec.message());
  // PREFIX-YYYYMMDDhhmmss.warc.gz, and nothing else (not PREFIX-images-...).
  const auto is_crawl_of_prefix = [&](const std::string& file) {
    constexpr size_t kStamp = 14;
    const std::string suffix = ".warc.gz";
    if (file.size() != prefix.size() + 1 + kStamp + suffix.size() || !file.starts_with(prefix + "-") ||
        !file.ends_with(suffix))
      return false;
    return all_ascii_digits(std::string_view(file).substr(prefix.size() + 1, kStamp));
  };
  std::string newest;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string file = entry.path().filename().string();
    if (is_crawl_of_prefix(file) && file > newest) newest = file;
  }
  return (dir / (newest.empty() ? prefix + "-" + utc_now("%Y%m%d%H%M%S") + ".warc.gz" : newest)).string();
}

CrawlOptions crawl_options(const FetchTuning& t) {
  CrawlOptions o;
  o.concurrency = t.concurrency;
  o.rate = t.rate;
  o.ignore_robots = t.ignore_robots;
  o.mobile = !t.no_mobile;
  o.max_urls = t.max_urls;
  o.http.user_agent = t.user_agent.empty() ? fetch::default_user_agent() : t.user_agent;
  o.http.resolve = t.resolve;
  o.http.connect_to = t.connect_to;
  o.http.proxy = t.proxy;
  o.http.ca_file = t.ca_file;
  o.http.read_timeout_ms = static_cast<long>(t.timeout * 1000);
  o.http.connect_timeout_ms = static_cast<long>(t.connect_timeout * 1000);
  o.http.max_response_bytes = t.max_size;
  o.retry.max_retries = t.retries;
  o.retry.base_delay = t.retry_base;
  o.retry.max_delay = t.max_retry_wait;
  return o;
}

std::string mib(int64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return text;
}

// The crawl's outcome in the staging database: its URLs (replacing the
// file's earlier rows) and the run.
void record_crawl(const std::string& db_path, const CrawlReport& r, const std::vector<std::string>& seeds,
                  const std::vector<ProblemRecord>& problems, const std::string& started_at) {
  StagingStore store(db_path);
  Database& db = store.db();
  Transaction t(db);
  // The problems of this file's earlier runs go with its earlier rows.
  db.prepare("DELETE FROM problems WHERE stage = 'fetch' AND (file = ?1 OR file IN (SELECT url FROM fetched_urls "
             "WHERE warc_path = ?1))").bind(1, r.warc_path).run();
  db.prepare("DELETE FROM fetched_urls WHERE warc_path = ?").bind(1, r.warc_path).run();
  auto insert = db.prepare(
      "INSERT INTO fetched_urls (warc_path, url, role, outcome, http_status, attempts, bytes, warc_offset, error) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& u : r.urls) {
    insert.reset();
    insert.bind(1, r.warc_path).bind(2, u.url).bind(3, u.role).bind(4, std::string(to_string(u.outcome)));
    insert.bind(5, static_cast<int64_t>(u.status)).bind(6, static_cast<int64_t>(u.attempts)).bind(7, u.bytes);
    insert.bind(8, u.warc_offset).bind(9, u.error);
    insert.run();
  }
  std::string seed_text;
  for (const auto& s : seeds) seed_text += s + "\n";
  db.prepare("INSERT INTO fetch_runs (warc_path, seeds, started_at, seconds, requests, bytes, fetched, held, failed, "
             "robots, refused) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, r.warc_path).bind(2, seed_text).bind(3, started_at).bind_real(4, r.seconds).bind(5, r.requests)
      .bind(6, r.bytes).bind(7, r.fetched).bind(8, r.held).bind(9, r.failed).bind(10, r.robots).bind(11, r.refused)
      .run();
  for (const ProblemRecord& p : problems) insert_problem(db, p);
  t.commit();
}

FetchStep crawl(const std::string& prog, CrawlOptions options, const std::string& db_path, const StageLog& log,
                const std::string& what) {
  if (options.ignore_robots)
    std::cerr << prog << ": warning: --ignore-robots: robots.txt is neither read nor obeyed; crawl only a blog you "
                         "own or may copy\n";
  std::vector<ProblemRecord> problems;
  const std::string started_at = utc_now("%Y-%m-%dT%H:%M:%SZ");
  CrawlReport r = fetch::run_crawl(options, log, [&](const ProblemRecord& p) {
    std::cerr << format_problem(prog, p) << '\n';
    problems.push_back(p);
  });
  record_crawl(db_path, r, options.seeds, problems, started_at);
  const int64_t total = r.fetched + r.held + r.failed + r.robots;
  std::cout << "fetch\t" << what << '\t';
  if (r.fetched == 0 && r.failed == 0 && r.held > 0) {
    std::cout << "nothing new: all " << r.held << " URLs were already in the WARC file";
    if (r.robots > 0) std::cout << " (" << r.robots << " more skipped by robots.txt)";
  } else {
    std::cout << total << " URLs: " << r.fetched << " fetched, " << r.held << " already held, " << r.failed
              << " failed, " << r.robots << " skipped by robots.txt";
  }
  std::cout << "; " << r.refused << " out of scope; " << r.requests << " requests, " << mib(r.bytes) << " in "
            << StageTimer::format_seconds(r.seconds) << '\n';
  std::cout << "warc\t" << r.warc_path << '\n';
  log.verbose_line("fetch: " + std::to_string(r.requests) + " requests" +
                   (r.warc_cut_bytes ? ", a torn record of " + std::to_string(r.warc_cut_bytes) + " bytes cut first" : "") +
                   " in " + StageTimer::format_seconds(r.seconds));
  FetchStep step;
  step.warc_path = r.warc_path;
  // A crawl that robots.txt kept out of everything has nothing to migrate: say so.
  const bool shut_out = r.fetched == 0 && r.held == 0 && r.robots > 0;
  if (shut_out)
    std::cerr << prog << ": warning: robots.txt disallows every URL of " << what
              << " for blogshift; nothing was fetched (--ignore-robots, for a blog that is yours)\n";
  step.exit_code = r.failed > 0 || r.warc_cut_bytes > 0 || r.limit_reached || shut_out ? kExitProblems : kExitOk;
  return step;
}

std::string ensure_db(const std::string& out_dir, const std::string& db_override) {
  const std::string db = staging_db_path(out_dir, db_override);
  std::error_code ec;
  const auto parent = std::filesystem::path(db).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) throw FatalError(db, "cannot create its folder: " + ec.message());
  return db;
}

}  // namespace

FetchStep fetch_blog(const std::string& prog, const std::vector<std::string>& urls, const std::string& out_dir,
                     const std::string& db_path, const FetchTuning& tuning, const StageLog& log) {
  if (urls.empty()) return {};
  auto first = fetch::parse_fetch_url(urls.front());
  if (!first) throw UsageError("not an http or https URL: '" + urls.front() + "'");
  CrawlOptions options = crawl_options(tuning);
  options.seeds = urls;
  options.warc_path = warc_path_for(out_dir, first->host);
  return crawl(prog, std::move(options), ensure_db(out_dir, db_path), log, urls.front());
}

FetchStep fetch_staged_images(const std::string& prog, const std::string& out_dir, const std::string& db_path,
                              const FetchTuning& tuning, const StageLog& log) {
  const std::string db = ensure_db(out_dir, db_path);
  std::vector<std::string> seeds;
  std::string host;
  {
    StagingStore store(db);
    // The file is named after the blog: its host, or (an export names none) its id.
    auto hosts = store.db().prepare(
        "SELECT host FROM blog_hosts UNION ALL SELECT 'blog-' || id FROM blogs WHERE NOT EXISTS "
        "(SELECT 1 FROM blog_hosts) LIMIT 1");
    if (hosts.step()) host = hosts.column_text(0);
    std::set<std::string> seen;
    auto items = store.db().prepare(
        "SELECT i.body_html, COALESCE(i.legacy_path, ''), COALESCE((SELECT h.host FROM blog_hosts h WHERE "
        "h.blog_id = i.blog_id ORDER BY h.host LIMIT 1), '') FROM items i WHERE i.kind IN ('post', 'page') AND "
        "i.body_html IS NOT NULL ORDER BY i.id");
    while (items.step()) {
      const std::string base = "https://" + (items.column_text(2).empty() ? std::string("blog.invalid") : items.column_text(2)) +
                               (items.column_text(1).empty() ? "/" : items.column_text(1));
      for (auto& url : fetch::media_in_body(base, items.column_text(0)))
        if (seen.insert(url).second) seeds.push_back(std::move(url));
    }
    // The profile images of the posts' and pages' authors (their author records show them).
    auto avatars = store.db().prepare(
        "SELECT DISTINCT a.avatar FROM authors a WHERE a.avatar <> '' AND EXISTS (SELECT 1 FROM items i"
        " WHERE i.author_id = a.id AND i.kind IN ('post', 'page')) ORDER BY a.avatar");
    while (avatars.step())
      if (std::string url = avatars.column_text(0); seen.insert(url).second) seeds.push_back(std::move(url));
  }
  if (seeds.empty()) {
    std::cout << "fetch\timages\tthe staged posts and pages reference no images or attachments\n";
    return {};
  }
  CrawlOptions options = crawl_options(tuning);
  options.discover = false;
  options.seeds = seeds;
  options.warc_path = warc_path_for(out_dir, (host.empty() ? "blog" : host) + "-images");
  return crawl(prog, std::move(options), db, log, std::to_string(seeds.size()) + " image and attachment URLs");
}

int run_fetch_command(const std::string& prog, const FetchCommandOptions& options) {
  const StageLog log(verbosity_of(options.quiet, options.verbose));
  if (options.images_only) {
    int code = kExitOk;
    if (!options.inputs.empty()) {
      ExtractOptions extract;
      extract.sources = options.inputs;
      extract.out_dir = options.out_dir;
      extract.db_path = options.db_path;
      extract.quiet = options.quiet;
      extract.verbose = options.verbose;
      code = run_extract(prog, extract);
      if (code == kExitFatal) return code;
    }
    const FetchStep step = fetch_staged_images(prog, options.out_dir, options.db_path, options.tuning, log);
    return std::max(code, step.exit_code);
  }
  if (options.inputs.empty()) throw UsageError("fetch: give the blog's URL (or --images-only)");
  for (const auto& input : options.inputs)
    if (!is_url_source(input)) throw UsageError("fetch: not an http or https URL: '" + input + "' (an export? use --images-only)");
  return fetch_blog(prog, options.inputs, options.out_dir, options.db_path, options.tuning, log).exit_code;
}

}  // namespace blogshift
