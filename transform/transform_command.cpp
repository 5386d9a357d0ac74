#include "transform_command.h"

#include <filesystem>
#include <iomanip>
#include <iostream>

#include "errors.h"
#include "stage_log.h"
#include "staging_store.h"

namespace blogshift {

void add_transform_options(CLI::App& app, TransformCommandOptions& o) {
  app.add_option("-o,--out", o.out_dir, "output folder whose staging database to read (OUT/.blogshift/staging.db)")
      ->capture_default_str();
  app.add_option("--db", o.db_path, "staging database file (overrides --out)");
  app.add_flag("--force", o.transform.force,
               "convert every document again, even those whose source, options and links did not change");
  add_transform_tuning_options(app, o.transform, o.extra_fields);
  add_verbosity_flags(app, o.quiet, o.verbose);
}

void apply_extra_fields(const std::string& extra_fields, TransformOptions& options) {
  if (extra_fields.find("bloggerId") != std::string::npos) options.blogger_id_field = true;
  if (extra_fields.find("comments") != std::string::npos) options.comments_field = true;
  if (extra_fields.find("aliases") != std::string::npos) options.aliases_field = true;
  if (extra_fields.find("redirect_from") != std::string::npos) options.redirect_from_field = true;
}

void add_transform_tuning_options(CLI::App& app, TransformOptions& t, std::string& extra_fields) {
  app.add_option("--timezone", t.timezone,
                 "IANA time zone for dates the source gives in UTC only (default: the blog's own setting, else UTC)");
  app.add_option("--route-pattern", t.route_pattern, "route of a post (:year, :month, :day, :slug)")
      ->capture_default_str();
  app.add_option("--page-route-pattern", t.page_route_pattern, "route of a page")->capture_default_str();
  app.add_option("--tag-route-pattern", t.tag_route_pattern, "route of a label's page (:tag)")->capture_default_str();
  app.add_option("--layout", t.layout,
                 "site layout: astro (content/posts/<slug>/index.md, the default), hugo (page bundles), jekyll "
                 "(_posts/YYYY-MM-DD-slug.md)")
      ->capture_default_str()
      ->check(CLI::IsMember({"astro", "hugo", "jekyll"}));
  app.add_option("--archive-year-route-pattern", t.archive_year_route_pattern,
                 "route of a year's archive page (:year); Blogger's /YYYY/ redirects there")
      ->capture_default_str();
  app.add_option("--archive-month-route-pattern", t.archive_month_route_pattern,
                 "route of a month's archive page (:year, :month); Blogger's /YYYY/MM/ and "
                 "/YYYY_MM_DD_archive.html redirect there")
      ->capture_default_str();
  app.add_option("--feed-route", t.feed_route,
                 "path (or URL) of the new site's feed; Blogger's feeds (/feeds/posts/default, /atom.xml, "
                 "/rss.xml, label feeds) redirect there")
      ->capture_default_str();
  app.add_flag("--full-timestamp", t.full_timestamp,
               "publishDate/updatedDate as full times with their UTC offset instead of 'YYYY-MM-DD'");
  app.add_option("--description-length", t.description_length, "description length in characters")
      ->capture_default_str();
  app.add_option("--front-matter-extra", extra_fields,
                 "extra front matter fields, comma-separated: bloggerId, comments (count), aliases (Hugo), "
                 "redirect_from (Jekyll)");
  app.add_flag("--comments", t.comments_file, "write each post's comments beside it as comments.yaml");
  app.add_option("-j,--jobs", t.jobs, "threads to work on (the output is the same)")->capture_default_str()->check(CLI::Range(1, 64));
}

TransformReport run_transform_with_progress(Database& db, TransformOptions options, const StageLog& log) {
  Progress progress = log.progress("transform", "documents", 0);
  options.on_converted = [&progress](int64_t converted, int64_t to_convert) {
    if (converted == 0) progress.set_total(to_convert);
    else progress.advance();
  };
  TransformReport report = run_transform(db, options);
  progress.finish();
  return report;
}

void print_transform_report(const TransformReport& r, std::ostream& out) {
  out << "transform\t" << r.documents << " documents (" << r.posts << " posts, " << r.pages << " pages, " << r.drafts
      << " not published; " << r.converted << " converted, " << r.kept << " unchanged), fidelity passed " << r.fidelity_passed << "/" << r.documents << ", links rewritten "
      << r.links_rewritten << ", not found " << r.links_missing << ", images local " << r.images_local << ", remote "
      << r.images_remote << ", kept as raw HTML " << r.kept_raw << '\n';
}

std::string transform_verbose_line(const TransformReport& r, const std::string& took) {
  return "transform: " + std::to_string(r.documents) + " documents (" + std::to_string(r.posts) + " posts, " +
         std::to_string(r.pages) + " pages), fidelity passed " + std::to_string(r.fidelity_passed) + "/" +
         std::to_string(r.documents) + took;
}

int run_transform_command(const std::string& prog, TransformCommandOptions o) {
  (void)prog;
  apply_extra_fields(o.extra_fields, o.transform);
  const std::string db_path =
      !o.db_path.empty() ? o.db_path : (std::filesystem::path(o.out_dir) / ".blogshift" / "staging.db").string();
  if (!std::filesystem::exists(db_path))
    throw FatalError(db_path, "no staging database here", "run 'blogshift extract SOURCE... --out DIR' first");
  StagingStore store(db_path);
  const StageLog log(verbosity_of(o.quiet, o.verbose));
  const StageTimer timer;
  TransformReport report = run_transform_with_progress(store.db(), o.transform, log);
  log.verbose_line(transform_verbose_line(report, timer.in()));
  print_transform_report(report, std::cout);
  return report.documents == report.fidelity_passed && report.links_missing == 0 ? kExitOk : kExitProblems;
}

}  // namespace blogshift
