#include "extract_command.h"

#include <filesystem>
#include <iostream>

#include "diagnostics.h"
#include "errors.h"
#include "progress.h"
#include "extractor.h"

namespace blogshift {

void add_extract_options(CLI::App& app, ExtractOptions& options) {
  app.add_option("sources", options.sources,
                 "Takeout feed.atom, classic blog-*.xml backup (.gz too), mirror folder, WARC (.warc, .warc.gz) "
                 "or single HTML page")
      ->required();
  app.add_option("-o,--out", options.out_dir, "output folder; the staging database goes to OUT/.blogshift/staging.db")
      ->capture_default_str();
  app.add_option("--db", options.db_path, "staging database file (overrides --out)");
  app.add_flag("--force", options.force, "read sources again even when unchanged since the last run");
  app.add_flag("-q,--quiet", options.quiet, "print problems only, no per-source summary");
}

std::string staging_db_path(const std::string& out_dir, const std::string& db_override) {
  if (!db_override.empty()) return db_override;
  return (std::filesystem::path(out_dir) / ".blogshift" / "staging.db").string();
}

int run_extract(const std::string& prog, const ExtractOptions& options) {
  const std::string db = staging_db_path(options.out_dir, options.db_path);
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(db).parent_path().empty()
                                          ? std::filesystem::path(".")
                                          : std::filesystem::path(db).parent_path(),
                                      ec);
  if (ec) throw FatalError(db, "cannot create its folder: " + ec.message());
  StagingStore store(db);
  Extractor extractor(store, [&](const ProblemRecord& p) { std::cerr << format_problem(prog, p) << '\n'; });
  int exit_code = kExitOk;
  for (const auto& source : options.sources) {
    // Units of a source are not known before it is read: counts and rate only.
    Progress progress(progress_mode(options.quiet), std::cerr, "extract", "units from " + source, 0);
    extractor.on_unit([&progress] { progress.advance(); });
    SourceReport r = extractor.extract(source, options.force);
    progress.finish();
    if (r.unreadable) exit_code = kExitFatal;
    else if ((r.errors || r.warnings) && exit_code == kExitOk) exit_code = kExitProblems;
    if (options.quiet) continue;
    std::cout << (r.kind.empty() ? "?" : r.kind) << '\t' << source << '\t';
    if (r.unchanged) {
      std::cout << "unchanged since last run";
      if (r.errors || r.warnings)
        std::cout << " (" << r.errors << " errors, " << r.warnings << " warnings recorded; see blogshift status)";
      std::cout << "; --force reads it again\n";
    } else {
      std::cout << r.items << " items, " << r.assets << " assets, " << r.skipped << " skipped, " << r.errors
                << " errors, " << r.warnings << " warnings" << (r.unreadable ? " (source unreadable)" : "") << '\n';
    }
  }
  if (!options.quiet) std::cout << "staging database: " << db << '\n';
  return exit_code;
}

}  // namespace blogshift
