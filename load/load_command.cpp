#include "load_command.h"

#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

#include "errors.h"
#include "staging_store.h"

namespace blogshift {

namespace {
std::vector<std::string> comma_list(const std::string& text, const std::set<std::string>& known,
                                    const std::string& option) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string name; std::getline(in, name, ',');) {
    if (name.empty()) continue;
    if (name == "none") return {"none"};
    if (name == "all") return {};
    if (!known.count(name)) {
      std::string names;
      for (const auto& k : known) names += (names.empty() ? "" : ", ") + k;
      throw UsageError(option + ": unknown format '" + name + "' (known: " + names + ", all, none)");
    }
    out.push_back(name);
  }
  return out;
}
}  // namespace

void add_load_tuning_options(CLI::App& app, LoadCommandOptions& o) {
  app.add_flag("--overwrite", o.load.overwrite,
               "replace files in the content tree that were edited since the last run (kept otherwise)");
  app.add_option("--redirects", o.redirect_formats,
                 "redirect maps to write, comma-separated: nginx, apache, netlify, caddy, cloudflare-csv, json, "
                 "all, none")
      ->capture_default_str();
  app.add_option("--site-url", o.load.site_url,
                 "the new site's base URL (https://blog.example.org): redirect targets become absolute");
  app.add_option("--feed-entries", o.load.feed_entries,
                 "posts in the new site's feed, written at the feed route with their old Blogger ids (0: no feed)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--apache-map-path", o.load.apache_map_path,
                 "where apache-redirects.txt will be on the web server (for the RewriteMap line)")
      ->capture_default_str();
  app.add_option("--archives", o.archive_formats,
                 "archives to write, comma-separated: tar.gz, tar.zst, zip, bagit, warc, all, none")
      ->capture_default_str();
  app.add_flag("--archive-db", o.load.archive_staging_db, "put the staging database in the archives and the bag too");
  app.add_option("--source-date-epoch", o.load.epoch,
                 "time of every entry in the archives, in seconds since 1970 (default: $SOURCE_DATE_EPOCH, else "
                 "the newest date in the blog)");
}

void add_load_options(CLI::App& app, LoadCommandOptions& o) {
  app.add_option("-o,--out", o.load.out_dir, "output folder (its staging database is OUT/.blogshift/staging.db)")
      ->capture_default_str();
  app.add_option("--db", o.db_path, "staging database file (overrides --out)");
  add_load_tuning_options(app, o);
  add_verbosity_flags(app, o.quiet, o.verbose);
}

void apply_output_lists(LoadCommandOptions& o) {
  o.load.redirect_formats =
      comma_list(o.redirect_formats, {"nginx", "apache", "netlify", "caddy", "cloudflare-csv", "json"}, "--redirects");
  o.load.archive_formats = comma_list(o.archive_formats, {"tar.gz", "tar.zst", "zip", "bagit", "warc"}, "--archives");
  if (o.load.archive_formats.empty()) o.load.archive_formats = {"tar.gz", "tar.zst", "zip", "bagit", "warc"};
}

void print_load_report(const LoadReport& r, const std::string& out_dir, std::ostream& out, std::ostream& err,
                       const std::string& prog) {
  out << "site\t" << r.tree.documents << " Markdown files and " << r.tree.files
      << " other files (images, attachments, comments) in " << out_dir << " (" << r.tree.written
      << " written, " << r.tree.unchanged << " unchanged, " << r.tree.removed << " removed, " << r.tree.kept.size()
      << " kept)\n";
  for (const auto& kept : r.tree.kept) {
    err << prog << ": " << kept << ": kept: edited since the last run (--overwrite replaces it)\n";
  }
  if (!r.redirect_files.empty()) {
    out << "redirects\t" << r.redirect_rules << " old URLs in " << r.redirect_files.size() << " files in "
        << (std::filesystem::path(out_dir) / "redirects").string() << '\n';
  }
  for (const auto& w : r.warnings) err << prog << ": warning: " << w << '\n';
  if (!r.report_html.empty()) out << "report\t" << r.report_html << "\t" << r.verdict << '\n';
  for (const auto& o : r.outputs) {
    out << "archive\t" << o.kind << "\t" << (std::filesystem::path(out_dir) / o.path).string() << "\t" << o.entries
        << " entries";
    if (!o.sha256.empty()) out << "\tsha256:" << o.sha256;
    out << '\n';
  }
}

std::string shown_path(const std::string& out_dir, const std::string& relative) {
  if (out_dir.empty() || out_dir == "." || out_dir == "./") return relative;
  return (std::filesystem::path(out_dir) / relative).string();
}

namespace {

void where_lines(std::ostream& out, const std::string& label, const std::vector<std::string>& paths) {
  for (size_t i = 0; i < paths.size(); ++i) {
    std::string head = i == 0 ? label : "";
    head.resize(15, ' ');
    out << "  " << head << paths[i] << '\n';
  }
}
}  // namespace

void print_where(const LoadReport& r, const std::string& out_dir, std::ostream& out) {
  std::vector<std::string> site, maps, archives, report;
  if (r.tree.documents + r.tree.files > 0)
    for (const auto& root : r.tree.roots) site.push_back(shown_path(out_dir, root) + "/");
  if (!r.redirect_files.empty()) {
    std::string formats;
    for (const auto& f : r.redirect_formats) formats += (formats.empty() ? "" : ", ") + f;
    maps.push_back(shown_path(out_dir, "redirects") + "/  (" + formats + ")");
  }
  for (const auto& o : r.outputs) archives.push_back(shown_path(out_dir, o.path) + (o.kind == "bagit" ? "/" : ""));
  if (!r.report_html.empty()) report = {shown_path(out_dir, "report.html"), shown_path(out_dir, "report.json")};
  if (site.empty() && maps.empty() && archives.empty() && report.empty()) return;
  out << "\nWhere everything is:\n";
  where_lines(out, "site", site);
  where_lines(out, "redirect maps", maps);
  where_lines(out, "archives", archives);
  where_lines(out, "report", report);
}

int run_load_command(const std::string& prog, LoadCommandOptions o) {
  apply_output_lists(o);
  const std::string db_path = !o.db_path.empty()
                                  ? o.db_path
                                  : (std::filesystem::path(o.load.out_dir) / ".blogshift" / "staging.db").string();
  if (!std::filesystem::exists(db_path))
    throw FatalError(db_path, "no staging database here",
                     "run 'blogshift extract' and 'blogshift transform' first, or 'blogshift run'");
  StagingStore store(db_path);
  o.load.log = StageLog(verbosity_of(o.quiet, o.verbose));
  const LoadReport report = run_load(store.db(), o.load);
  print_load_report(report, o.load.out_dir, std::cout, std::cerr, prog);
  print_where(report, o.load.out_dir, std::cout);
  return kExitOk;
}

}  // namespace blogshift
