#include "extract_command.h"

#include <filesystem>
#include <iostream>

#include "diagnostics.h"
#include "errors.h"
#include "stage_log.h"
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
  add_verbosity_flags(app, options.quiet, options.verbose);
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
  const StageLog log(verbosity_of(options.quiet, options.verbose));
  const StageTimer stage_timer;
  Extractor extractor(store, [&](const ProblemRecord& p) { std::cerr << format_problem(prog, p) << '\n'; });
  int exit_code = kExitOk;
  int64_t unchanged = 0;
  for (const auto& source : options.sources) {
    // Units of a source are not known before it is read: counts and rate only.
    Progress progress = log.progress("extract", "units from " + source, 0);
    int64_t units = 0;
    const StageTimer timer;
    extractor.on_unit([&progress, &units] {
      progress.advance();
      ++units;
    });
    SourceReport r = extractor.extract(source, options.force);
    progress.finish();
    if (r.unreadable) exit_code = kExitFatal;
    else if ((r.errors || r.warnings) && exit_code == kExitOk) exit_code = kExitProblems;
    if (r.unchanged) ++unchanged;
    log.verbose_line("extract: " + source + ": " + (r.kind.empty() ? "not recognised" : r.kind) + ", " +
                     (r.unchanged ? std::string("unchanged, not read again") : std::to_string(units) + " units read") +
                     timer.in());
    if (!options.print_summary) continue;
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
  if (log.verbose()) {
    std::string staged;
    auto kinds = store.db().prepare("SELECT kind, COUNT(*) FROM items GROUP BY kind ORDER BY COUNT(*) DESC, kind");
    while (kinds.step())
      staged += (staged.empty() ? "" : ", ") + std::to_string(kinds.column_int(1)) + " " + kinds.column_text(0) +
                (kinds.column_int(1) == 1 ? "" : "s");
    auto assets = store.db().prepare("SELECT COUNT(*) FROM assets");
    assets.step();
    staged += (staged.empty() ? "" : ", ") + std::to_string(assets.column_int(0)) + " assets";
    log.verbose_line("extract: " + std::to_string(options.sources.size()) + " sources (" + std::to_string(unchanged) +
                     " unchanged)" + stage_timer.in() + "; the staging database holds " + staged);
  }
  if (options.print_summary) std::cout << "staging database: " << db << '\n';
  return exit_code;
}

}  // namespace blogshift
