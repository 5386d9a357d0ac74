#include "status_command.h"

#include <filesystem>
#include <iomanip>
#include <iostream>

#include "errors.h"
#include "extract_command.h"
#include "load_command.h"
#include "report_markup.h"

namespace blogshift {

void add_status_options(CLI::App& app, StatusOptions& options) {
  app.add_option("-o,--out", options.out_dir, "output folder whose staging database to read")->capture_default_str();
  app.add_option("--db", options.db_path, "staging database file (overrides --out)");
}

void print_status(const StagingSummary& s, std::ostream& out) {
  for (const auto& blog : s.blogs) {
    out << "blog " << blog.id << (blog.title.empty() ? "" : "  " + blog.title);
    for (size_t i = 0; i < blog.hosts.size(); ++i) out << (i ? ", " : "  (") << blog.hosts[i];
    out << (blog.hosts.empty() ? "" : ")") << '\n';
  }
  if (!s.fetches.empty()) {
    out << "\nfetch\n";
    for (const auto& f : s.fetches)
      out << "  " << f.fetched + f.held << " fetched (" << f.held << " of them by an earlier run), " << f.failed
          << " failed, " << f.robots << " skipped by robots.txt  " << f.warc_path << '\n';
  }
  out << "\nsources\n";
  for (const auto& src : s.sources)
    out << "  " << std::left << std::setw(8) << src.kind << std::right << std::setw(7) << src.units << " units  "
        << (src.complete ? "complete  " : "INCOMPLETE") << "  " << src.path << '\n';

  static const char* kinds[] = {"post", "page", "comment", "settings", "template"};
  static const char* statuses[] = {"LIVE", "DRAFT", "SCHEDULED", "TRASHED", "UNKNOWN"};
  out << "\nitems     ";
  for (const char* st : statuses) out << std::setw(10) << st;
  out << std::setw(10) << "total" << '\n';
  for (const char* kind : kinds) {
    out << "  " << std::left << std::setw(8) << kind << std::right;
    for (const char* st : statuses) out << std::setw(10) << s.count(kind, st);
    out << std::setw(10) << s.count(kind) << '\n';
  }
  out << "\nauthors " << s.authors << ", labels " << s.labels << ", comments not linked to a post "
      << s.comments_without_post << '\n';
  out << "assets " << s.assets << " (" << s.asset_bytes << " bytes, " << s.blobs << " distinct blobs)\n";
  if (s.documents > 0) {
    out << "\ndocuments " << s.documents << ", fidelity passed " << s.fidelity_passed << " ("
        << std::fixed << std::setprecision(1) << 100.0 * static_cast<double>(s.fidelity_passed) / static_cast<double>(s.documents)
        << "%), lowest text recall " << std::setprecision(3) << s.min_text_recall << ", lowest break recall "
        << s.min_break_recall << std::defaultfloat << '\n';
    out << "links kept " << s.links_kept << "/" << s.links_total << ", links to old posts not found " << s.links_not_found
        << "; images kept " << s.images_kept << "/" << s.images_total << ", local " << s.images_local << ", remote "
        << s.images_remote << '\n';
  }
  int64_t total = 0;
  for (const auto& [key, n] : s.problems) total += n;
  out << "\nproblems " << total << '\n';
  for (const auto& [key, n] : s.problems) {
    const auto& [stage, code, severity] = key;
    out << "  " << std::left << std::setw(10) << stage << std::setw(26) << code << std::setw(8) << severity
        << std::right << std::setw(7) << n << '\n';
  }
}

void print_outputs(const StagingSummary& s, const std::string& out_dir, const std::string& verify_hint,
                   std::ostream& out) {
  const bool report = std::filesystem::exists(std::filesystem::path(out_dir) / "report.html");
  if (s.outputs.empty() && s.tree_roots.empty() && !report) {
    out << "\noutputs none yet: 'blogshift load' (or 'blogshift run') writes the site, redirect maps and archives\n";
    return;
  }
  out << "\noutputs\n";
  const auto label = [&out](const std::string& text, int width) {
    out << std::left << std::setw(width) << text << std::right;
  };
  if (!s.tree_roots.empty()) {
    out << "  ";
    label("site", 11);
    for (size_t i = 0; i < s.tree_roots.size(); ++i)
      out << (i ? ", " : "") << shown_path(out_dir, s.tree_roots[i]) << "/";
    out << "  (" << s.tree_files << " files)\n";
  }
  if (!s.feed_path.empty()) {
    out << "  ";
    label("feed", 11);
    out << shown_path(out_dir, s.feed_path) << '\n';
  }
  if (!s.authors_path.empty()) {
    out << "  ";
    label("authors", 11);
    out << shown_path(out_dir, s.authors_path) << "  (" << s.site_authors << (s.site_authors == 1 ? " record" : " records")
        << ", " << s.author_avatars << (s.author_avatars == 1 ? " avatar" : " avatars") << ")\n";
  }
  if (!s.listings_path.empty()) {
    out << "  ";
    label("listings", 11);
    out << shown_path(out_dir, s.listings_path) << "  (" << s.listing_pages
        << (s.listing_pages == 1 ? " tag, archive or author page" : " tag, archive and author pages") << ")\n";
  }
  int64_t unverified = 0, failed = 0;
  for (const auto& o : s.outputs) {
    const bool map = o.kind == "redirect-map";
    out << "  ";
    label(map ? "redirects" : o.kind == "cdxj" ? "index" : "archive", 11);
    label(map ? o.format : o.kind, 16);
    out << std::setw(10) << report::format_bytes(o.size) << std::setw(8) << o.entries << ' ';
    label(map ? "rules" : o.kind == "warc" ? "records" : o.kind == "cdxj" ? "lines" : "entries", 9);
    label(o.verified.empty() ? "unchecked" : o.verified == "ok" ? "verified" : "FAILED", 11);
    out << shown_path(out_dir, o.path) << (o.kind == "bagit" ? "/" : "") << '\n';
    if (o.verified.empty()) ++unverified;
    else if (o.verified != "ok") {
      ++failed;
      out << "             " << o.verified << '\n';
    }
  }
  if (report) {
    out << "  ";
    label("report", 11);
    out << shown_path(out_dir, "report.html") << ", " << shown_path(out_dir, "report.json") << '\n';
  }
  if (!s.outputs.empty()) {
    out << '\n';
    if (failed) out << failed << " of " << s.outputs.size() << " outputs FAILED verification. ";
    else if (unverified) out << unverified << " of " << s.outputs.size() << " outputs never verified. ";
    else out << "All " << s.outputs.size() << " outputs verified when last checked. ";
    out << "Re-check them at any time: " << verify_hint << '\n';
  }
}

int run_status(const StatusOptions& options) {
  const std::string db_path = staging_db_path(options.out_dir, options.db_path);
  if (!std::filesystem::exists(db_path))
    throw FatalError(db_path, "no staging database here", "run 'blogshift extract SOURCE... --out DIR' first");
  Database db(db_path);
  const StagingSummary summary = read_staging_summary(db);
  print_status(summary, std::cout);
  const std::string verify_hint = std::string("blogshift verify") +
                                  (options.out_dir == "." ? "" : " --out " + options.out_dir) +
                                  (options.db_path.empty() ? "" : " --db " + options.db_path);
  print_outputs(summary, options.out_dir, verify_hint, std::cout);
  return kExitOk;
}

}  // namespace blogshift
