// Every fact the migration report shows, gathered from the staging database
// alone (so the report can be regenerated at any time, and two readings of
// the same database give the same facts, in the same order).
//
// Strings are as the database holds them, except that invalid UTF-8 and
// control characters (but tab, CR and LF) become U+FFFD: titles, messages
// and URLs are hostile input, and both writers need well-formed text.
// Tables a stage has not filled yet (no redirects, no outputs) give empty
// lists, never an error; a database without the load tables (schema v2)
// reads as one whose load has not run.
//
// The fetch facts come from fetched_urls and fetch_runs (schema v5): each
// WARC file's rows are those of its last fetch, so its totals are that run's
// view of the whole file (URLs fetched before it count as held). A database
// without those tables, or with no rows in them, had no crawl: fetch.any()
// is false.
//
// Dates: a post's month is its publication time in its own offset when the
// source gave one, else UTC (Takeout gives UTC only), so a post near a month
// boundary may sit one month off its route.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sqlite_db.h"

namespace blogshift {

struct ReportData {
  struct Blog {
    std::string id, title;
    std::vector<std::string> hosts;
  };
  struct Source {
    std::string path, kind, sha256;
    int64_t size = 0;
    bool complete = false;
  };
  // What became a file of the new site.
  struct Migrated {
    int64_t posts = 0, pages = 0;
    int64_t drafts = 0;            // drafts and scheduled posts, written with draft: true
    int64_t comments = 0;          // live comments of migrated documents
    int64_t comments_written = 0;  // of those, in a comments file (--comments)
    int64_t images_local = 0, images_remote = 0;
    int64_t links_rewritten = 0, links_external = 0, links_missing = 0;
  };
  // A person the documents name, as the new site's author record has them.
  struct Author {
    std::string id, name, profile;
    std::string avatar;        // the staged copy's file name, or the image's URL, or ""
    bool avatar_local = false;  // a copy was staged (it is in the site's static folder)
    int64_t documents = 0;      // posts and pages (drafts too) naming this author
  };
  // What stayed behind, and why (the reason is worded for a person).
  struct NotMigrated {
    std::string what, reason;
    int64_t count = 0;
  };
  struct Year {
    int year = 0;
    int64_t posts = 0, pages = 0, drafts = 0, comments = 0, images_local = 0, images_remote = 0;
  };
  struct Month {
    std::string month;  // YYYY-MM
    int64_t posts = 0;
  };
  struct Problem {
    std::string stage, file, item, message;
    int64_t line = 0, col = 0, offset = -1;  // 0 / -1: not known
  };
  struct ProblemGroup {
    std::string code, severity;  // groups are split by severity too: the same code may carry two
    std::vector<std::string> stages;
    std::vector<Problem> rows;   // in the order they were found
  };
  struct Fidelity {
    std::string path, route, title, kind, status;
    bool passed = false, code_ok = true;
    double text_recall = 1, break_recall = 1;
    int64_t links_kept = 0, links_total = 0, images_kept = 0, images_total = 0;
    std::vector<std::string> differences;  // fidelity_detail split into its items
  };
  struct HistogramBin {
    double from = 0, to = 1;  // text recall in [from, to); the last bin is exactly 1
    std::string label;
    int64_t documents = 0;
  };
  struct Link {
    std::string path, route, title, url;
  };
  struct Output {
    std::string path, kind, sha256, detail;  // detail: the stored JSON, as text
    std::string format;                      // redirect maps: the detail's "format"
    int64_t size = -1, entries = 0;          // size -1: none (a bag folder)
    std::string verified;                    // "ok", the problem, or "" (not verified yet)
  };
  struct ShapeCount {
    std::string shape;
    int64_t count = 0;
  };
  // What blogshift fetched from the live blog, per WARC file.
  struct FetchTally {
    std::string role;  // by_role rows only: post, page, image, feed... (fetched_urls.role)
    int64_t urls = 0, fetched = 0, held = 0, failed = 0, robots = 0;
  };
  struct FetchFile {
    std::string warc_path;
    FetchTally total;
    int64_t bytes = 0;                // body bytes of its URLs as received
    int64_t out_of_scope = 0;         // URLs found but outside the blog (the file's last run)
    std::vector<FetchTally> by_role;  // in crawl order: robots, home, post, page, ... favicon, then others by name
  };
  struct FetchRun {
    std::string warc_path, started_at;
    std::vector<std::string> seeds;  // the first kFetchListLimit (an images fetch asks for every image)
    int64_t seed_count = 0;
    double seconds = 0;
    int64_t requests = 0, bytes = 0, fetched = 0, held = 0, failed = 0, robots = 0, out_of_scope = 0;
  };
  struct FetchedUrl {  // a URL that failed, or that robots.txt kept out
    std::string warc_path, url, role;
    std::string error;  // why it failed; for robots, the rule ("Disallow: /search")
    int64_t status = 0, attempts = 0;  // status 0: no HTTP answer
  };
  struct RobotsRule {
    std::string rule;
    int64_t urls = 0;
  };
  struct Fetch {
    std::vector<FetchFile> files;  // by path
    FetchTally total;              // over every file
    int64_t bytes = 0, out_of_scope = 0;
    std::vector<FetchRun> runs;    // in the order they ran
    // The first kFetchListLimit of each, by role (in the order above), then
    // URL, then file; the counts are of all of them.
    std::vector<FetchedUrl> failed, robots;
    int64_t failed_count = 0, robots_count = 0;
    std::vector<RobotsRule> robots_rules;  // the rules that kept URLs out, by count
    // Failed URLs no WARC file holds an answer for (the verdict's count),
    // and the fetch errors among the problems about those URLs, by code
    // (FETCH_FAILED, FETCH_TOO_LARGE): the verdict names them once, as
    // failed fetches, not again as errors. (A URL that failed in one file
    // but was fetched into another does not hold the old site up, but its
    // error row still counts as an error.)
    int64_t failed_unanswered = 0;
    std::map<std::string, int64_t> failed_problems;
    int64_t failed_problems_total = 0;
    bool any() const { return !files.empty() || !runs.empty(); }
  };
  static constexpr size_t kFetchListLimit = 1000;

  struct Reason {  // why the old site cannot be switched off yet, most urgent first
    std::string what;     // stable key: sources, fetch-failed, nothing, errors, fidelity, links, archives-none, ...
    std::string section;  // the report section (HTML id) to look at
    std::string text;     // a noun phrase for a person ("3 documents that failed ..."), no period
    int64_t count = 0;
  };

  std::vector<Blog> blogs;
  std::vector<Source> sources;
  Migrated migrated;
  std::vector<Author> authors;             // by id
  std::vector<NotMigrated> not_migrated;
  std::vector<Year> years;                 // ascending, only years with something in them
  std::vector<Month> months;               // every month from the first live post to the last
  std::vector<ProblemGroup> problems;      // errors, then warnings, then info; bigger groups first
  int64_t problems_error = 0, problems_warning = 0, problems_info = 0;
  std::vector<Fidelity> fidelity;          // worst first
  int64_t fidelity_passed = 0;
  std::vector<HistogramBin> recall_histogram;
  std::vector<Link> remote_images, missing_links;
  int64_t redirects_total = 0;
  int64_t documents_with_legacy_path = 0, documents_redirected = 0;
  std::vector<ShapeCount> redirect_shapes;  // by count, then name
  std::vector<Output> redirect_maps;        // outputs of kind redirect-map, by path
  std::vector<Output> archives;             // the other outputs, by path
  int64_t archives_verified = 0, archives_failed = 0;
  std::string inside_bag;                   // the bag this copy of the report goes into (ReportOptions), or ""
  Fetch fetch;                              // empty when no crawl happened

  // Every document passed, no errors, no failed fetches, no missing links, every archive verified.
  bool switch_off = false;
  std::vector<Reason> reasons;

  int64_t problems_total() const { return problems_error + problems_warning + problems_info; }
};

// `inside_bag`: see ReportOptions::inside_bag (report_writer.h).
ReportData read_report_data(Database& db, const std::string& inside_bag = {});

// The answer to "can I switch the old site off?" in one sentence: yes, or
// the reasons, most urgent first. `phrase`, when given, renders each reason
// (the HTML page links it to its section); the words around them are plain
// letters, digits and punctuation that need no escaping.
std::string verdict_sentence(const ReportData& data,
                             const std::function<std::string(const ReportData::Reason&)>& phrase = {});

// `text` with invalid UTF-8, DEL and C0 controls other than \t \r \n as U+FFFD.
std::string clean_text(std::string_view text);

// fidelity_detail ("; "-separated differences, see fidelity_check.h) as a list.
std::vector<std::string> split_fidelity_detail(std::string_view detail);

}  // namespace blogshift
