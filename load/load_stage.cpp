#include "load_stage.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <ctime>

#include "digest.h"
#include "archive_writer.h"
#include "errors.h"
#include "verify_command.h"
#include "report_markup.h"
#include "report_writer.h"
#include "load_archives.h"
#include "redirect_maps.h"
#include "search_index.h"
#include "stale_outputs.h"
#include "text.h"

namespace blogshift {

namespace {
// Seconds since 1970 of "YYYY-MM-DDTHH:MM:SS...Z" (the staged UTC form).
std::optional<int64_t> utc_seconds(const std::string& utc) {
  if (utc.size() < 19) return std::nullopt;
  std::tm tm{};
  tm.tm_year = std::atoi(utc.substr(0, 4).c_str()) - 1900;
  tm.tm_mon = std::atoi(utc.substr(5, 2).c_str()) - 1;
  tm.tm_mday = std::atoi(utc.substr(8, 2).c_str());
  tm.tm_hour = std::atoi(utc.substr(11, 2).c_str());
  tm.tm_min = std::atoi(utc.substr(14, 2).c_str());
  tm.tm_sec = std::atoi(utc.substr(17, 2).c_str());
  const time_t t = timegm(&tm);
  if (t < 0) return std::nullopt;
  return static_cast<int64_t>(t);
}
}  // namespace

int64_t archive_epoch(Database& db, const std::optional<int64_t>& given) {
  if (given) return *given;
  if (auto env = source_date_epoch_from_environment()) return *env;
  auto newest = db.prepare(
      "SELECT MAX(MAX(COALESCE(updated_utc, ''), COALESCE(published_utc, ''))) FROM items"
      " WHERE kind IN ('post','page','comment')");
  if (newest.step() && !newest.column_is_null(0)) {
    if (auto seconds = utc_seconds(newest.column_text(0))) return *seconds;
  }
  return 0;
}

namespace {
// Records one written file in `outputs` (what verify and the report read).
void record_output(Database& db, const OutputRecord& o, const std::string& detail) {
  db.cached("INSERT OR REPLACE INTO outputs (path, kind, sha256, size, entries, verified, detail) VALUES (?,?,?,?,?,NULL,?)")
      .bind(1, o.path)
      .bind_or_null(2, o.kind)
      .bind_or_null(3, o.sha256)
      .bind(4, o.size)
      .bind(5, o.entries)
      .bind_or_null(6, detail)
      .run();
}

// `path` relative to the output folder, whether either is given absolute or
// not (the redirect writer returns absolute paths).
std::string relative_to(const std::string& out_dir, const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path base = fs::absolute(out_dir).lexically_normal();
  return fs::absolute(path).lexically_normal().lexically_relative(base).generic_string();
}

void write_redirects(Database& db, const LoadOptions& options, LoadReport& report) {
  db.exec("DELETE FROM outputs WHERE kind = 'redirect-map'");
  if (options.redirect_formats == std::vector<std::string>{"none"}) return;
  RedirectMapOptions maps;
  maps.formats = options.redirect_formats;
  maps.base_url = options.site_url;
  maps.apache_map_path = options.apache_map_path;
  const std::string dir = (std::filesystem::path(options.out_dir) / "redirects").string();
  const RedirectMapsReport written = write_redirect_maps(db, dir, maps);
  report.redirect_rules = written.redirects;
  report.redirect_shapes = written.shapes;
  for (const auto& w : written.warnings) report.warnings.push_back(w);
  for (const auto& f : written.files) {
    OutputRecord o;
    o.path = relative_to(options.out_dir, f.path);
    o.kind = "redirect-map";
    o.sha256 = sha256_file(f.path);
    o.size = static_cast<int64_t>(std::filesystem::file_size(f.path));
    o.entries = f.rules;
    record_output(db, o, "{\"format\":\"" + f.format + "\"}");
    report.redirect_files.push_back(o.path);
    auto& formats = report.redirect_formats;
    if (std::find(formats.begin(), formats.end(), f.format) == formats.end()) formats.push_back(f.format);
    options.log.verbose_line("load: redirect map " + (std::filesystem::path(options.out_dir) / o.path).string() + ": " +
                             f.format + ", " + std::to_string(f.rules) + " rules");
  }
}

int64_t count_of(Database& db, const char* sql) {
  auto q = db.prepare(sql);
  return q.step() ? q.column_int(0) : 0;
}

// How many outputs write_archives will record: one per format, two for WARC (its CDXJ index).
int64_t expected_archives(const LoadOptions& options) {
  if (options.archive_formats == std::vector<std::string>{"none"}) return 0;
  int64_t n = 0;
  for (const auto& f : options.archive_formats) n += f == "warc" ? 2 : 1;
  return n;
}
}  // namespace

LoadReport run_load(Database& db, const LoadOptions& options) {
  LoadReport report;
  const StageLog& log = options.log;
  const StageTimer stage_timer;
  // Load's problems are its own to replace (the WARC writer's source checks).
  if (!options.dry_run) db.exec("DELETE FROM problems WHERE stage = 'load'");
  report.epoch = archive_epoch(db, options.epoch);
  {
    const StageTimer timer;
    Progress progress = log.progress("site", "documents", count_of(db, "SELECT COUNT(*) FROM documents"));
    report.tree = write_content_tree(db, options.out_dir, options.overwrite, options.dry_run,
                                     [&progress] { progress.advance(); });
    progress.finish();
    const TreeReport& t = report.tree;
    log.verbose_line("load: content tree: " + std::to_string(t.documents) + " Markdown files, " +
                     std::to_string(t.files) + " other files (" + std::to_string(t.written) + " written, " +
                     std::to_string(t.unchanged) + " unchanged, " + std::to_string(t.removed) + " removed, " +
                     std::to_string(t.kept.size()) + " kept)" + timer.in());
  }
  {
    const StageTimer timer;
    report.feed = write_site_feed(db, options.out_dir, options.site_url, options.feed_entries, options.overwrite,
                                  options.dry_run);
    const SiteFeedReport& f = report.feed;
    for (const auto& kept : f.kept) report.tree.kept.push_back(kept);
    if (!f.path.empty())
      log.verbose_line("load: feed " + (std::filesystem::path(options.out_dir) / f.path).string() + ": " + f.format +
                       ", " + std::to_string(f.entries) + " entries, " + std::to_string(f.entries_with_old_id) +
                       " with their Blogger ids" + (f.written ? "" : " (unchanged)") + timer.in());
    else
      log.verbose_line("load: no feed: " + f.skipped);
  }
  {
    const StageTimer timer;
    report.authors = write_author_records(db, options.out_dir, options.overwrite, options.dry_run);
    const AuthorsReport& a = report.authors;
    for (const auto& kept : a.kept) report.tree.kept.push_back(kept);
    log.verbose_line("load: author records: " + std::to_string(a.people) + " (avatars " +
                     std::to_string(a.avatars_local) + " local, " + std::to_string(a.avatars_remote) + " remote; " +
                     std::to_string(a.written) + (a.written == 1 ? " file" : " files") + " written)" + timer.in());
  }
  {
    const StageTimer timer;
    report.listings = write_listing_pages(db, options.out_dir, options.overwrite, options.dry_run);
    const ListingPagesReport& l = report.listings;
    for (const auto& kept : l.kept) report.tree.kept.push_back(kept);
    log.verbose_line("load: listing pages: " + std::to_string(l.pages) + " (" + std::to_string(l.written) +
                     (l.written == 1 ? " file" : " files") + " written)" + timer.in());
  }
  {
    const StageTimer timer;
    report.searchable = rebuild_search_index(db);
    log.verbose_line("load: search index: " + std::to_string(report.searchable) + " documents" + timer.in());
  }
  if (options.dry_run) return report;
  remove_dropped_outputs(db, options, report.warnings);  // formats a re-run no longer asks for
  {
    const StageTimer timer;
    write_redirects(db, options, report);
    if (!report.redirect_files.empty())
      log.verbose_line("load: redirect maps: " + std::to_string(report.redirect_rules) + " old URLs in " +
                       std::to_string(report.redirect_files.size()) + " files" + timer.in());
  }
  db.exec("DELETE FROM outputs WHERE kind <> 'redirect-map'");
  if (const int64_t expected = expected_archives(options); expected > 0) {
    const StageTimer timer;
    StageTimer each;
    Progress progress = log.progress("archives", "files", expected);
    write_archives(db, options, report, [&](const OutputRecord& o, const std::string& detail) {
      record_output(db, o, detail);
      progress.advance();
      log.verbose_line("load: archive " + (std::filesystem::path(options.out_dir) / o.path).string() + ": " + o.kind +
                       ", " + std::to_string(o.entries) + " entries, " + report::format_bytes(o.size) + each.in());
      each = StageTimer();
    });
    progress.finish();
    log.verbose_line("load: archives: " + std::to_string(report.outputs.size()) + " files" + timer.in());
  }
  // Every archive is read back once before the report calls it safe (those
  // written before the bag were, so that the bag's copy of the report can say so).
  {
    const StageTimer timer;
    const std::vector<VerifyResult> verified = verify_outputs(db, options.out_dir, log, /*only_unverified=*/true);
    for (const VerifyResult& v : verified)
      if (!v.ok) report.warnings.push_back(v.output + ": does not verify: " + v.first_bad_entry + ": " + v.message);
    log.verbose_line("load: verified " + std::to_string(verified.size()) + " outputs" + timer.in());
  }
  const ReportSummary summary = write_report(db, options.out_dir, {});
  report.report_html = summary.html_path;
  report.report_json = summary.json_path;
  report.verdict = summary.verdict;
  log.verbose_line("load: done" + stage_timer.in());
  return report;
}

}  // namespace blogshift
