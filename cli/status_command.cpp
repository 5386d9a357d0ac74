#include "status_command.h"

#include <filesystem>
#include <iomanip>
#include <iostream>

#include "errors.h"
#include "extract_command.h"

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

int run_status(const StatusOptions& options) {
  const std::string db_path = staging_db_path(options.out_dir, options.db_path);
  if (!std::filesystem::exists(db_path))
    throw FatalError(db_path, "no staging database here", "run 'blogshift extract SOURCE... --out DIR' first");
  Database db(db_path);
  print_status(read_staging_summary(db), std::cout);
  return kExitOk;
}

}  // namespace blogshift
