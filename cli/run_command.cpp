#include "run_command.h"

#include <stdlib.h>

#include <filesystem>
#include <iostream>

#include "errors.h"
#include "stage_log.h"
#include "staging_store.h"
#include "transform_command.h"

namespace blogshift {

namespace {
// --force reads the sources again and converts every document again.
TransformOptions with_force(const RunOptions& options) {
  TransformOptions t = options.transform;
  t.force = t.force || options.extract.force;
  return t;
}
}  // namespace

void add_run_options(CLI::App& app, RunOptions& options) {
  add_extract_options(app, options.extract);
  add_transform_tuning_options(app, options.transform, options.extra_fields);
  add_load_tuning_options(app, options.load);
  app.add_flag("--fetch-images", options.fetch_images,
               "fetch the images and attachments the posts reference into OUT/sources/ (an export migration then "
               "shows no image from the old blog's servers)");
  add_fetch_tuning_options(app, options.fetch);
  app.add_flag("--dry-run", options.dry_run,
               "say what would be written, changed, kept and removed under --out, and write nothing there");
}

namespace {
// A scratch folder for a dry run's staging database, removed on the way out.
struct ScratchDir {
  std::filesystem::path path;
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "blogshift-dry-run-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw FatalError(pattern, "cannot make a scratch folder for --dry-run");
    path = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

// Everything of a real run, but extract and transform work on a copy of the
// staging database (so an earlier run's state still counts) and load only
// decides.
int run_dry(const std::string& prog, RunOptions options) {
  ScratchDir scratch;
  const std::string real_db = staging_db_path(options.extract.out_dir, options.extract.db_path);
  const std::string scratch_db = (scratch.path / "staging.db").string();
  if (std::filesystem::exists(real_db)) {
    Database source(real_db);
    source.prepare("VACUUM INTO ?").bind(1, scratch_db).run();
  }
  options.extract.db_path = scratch_db;
  const int extract_code = run_extract(prog, options.extract);
  if (extract_code == kExitFatal) return kExitFatal;
  StagingStore store(scratch_db);
  TransformReport report = run_transform_with_progress(
      store.db(), with_force(options), StageLog(verbosity_of(options.extract.quiet, options.extract.verbose)));
  print_transform_report(report, std::cout);
  options.load.load.out_dir = options.extract.out_dir;
  options.load.load.dry_run = true;
  const LoadReport load = run_load(store.db(), options.load.load);
  const TreeReport& t = load.tree;
  for (const auto& p : t.created) std::cout << "new\t" << p << '\n';
  for (const auto& p : t.changed) std::cout << "changed\t" << p << '\n';
  for (const auto& p : t.kept) std::cout << "kept\t" << p << "\t(edited since the last run; --overwrite replaces it)\n";
  for (const auto& p : t.deleted) std::cout << "removed\t" << p << '\n';
  std::cout << "dry run\t" << t.created.size() << " new, " << t.changed.size() << " changed, " << t.kept.size()
            << " kept, " << t.deleted.size() << " removed, " << t.unchanged << " unchanged files in "
            << options.extract.out_dir << "; redirect maps and archives would be rewritten; nothing was written\n";
  return extract_code;
}
}  // namespace

int run_run(const std::string& prog, RunOptions options) {
  apply_extra_fields(options.extra_fields, options.transform);
  apply_output_lists(options.load);  // a bad format name stops the run before any work
  if (options.dry_run) {
    for (const auto& source : options.extract.sources)
      if (is_url_source(source))
        throw UsageError("--dry-run reads only what is already on disk: fetch the blog first (blogshift fetch " +
                         source + "), then dry-run the WARC file it writes");
    return run_dry(prog, std::move(options));
  }
  const StageLog log(verbosity_of(options.extract.quiet, options.extract.verbose));
  const StageTimer run_timer;
  // A URL among the sources is a live blog: crawled first, into a WARC file
  // that is then read like any other source.
  std::vector<std::string> urls;
  std::vector<std::string> files;
  for (auto& source : options.extract.sources) (is_url_source(source) ? urls : files).push_back(source);
  int fetch_code = kExitOk;
  if (!urls.empty()) {
    const FetchStep step = fetch_blog(prog, urls, options.extract.out_dir, options.extract.db_path, options.fetch, log);
    fetch_code = step.exit_code;
    files.push_back(step.warc_path);
  }
  options.extract.sources = files;
  int extract_code = run_extract(prog, options.extract);
  if (extract_code == kExitFatal) return kExitFatal;
  if (options.fetch_images) {
    const FetchStep step =
        fetch_staged_images(prog, options.extract.out_dir, options.extract.db_path, options.fetch, log);
    fetch_code = std::max(fetch_code, step.exit_code);
    if (!step.warc_path.empty()) {
      ExtractOptions images = options.extract;
      images.sources = {step.warc_path};
      extract_code = std::max(extract_code, run_extract(prog, images));
      if (extract_code == kExitFatal) return kExitFatal;
    }
  }
  const std::string db_path = staging_db_path(options.extract.out_dir, options.extract.db_path);
  StagingStore store(db_path);
  const StageTimer transform_timer;
  TransformReport report = run_transform_with_progress(store.db(), with_force(options), log);
  log.verbose_line(transform_verbose_line(report, transform_timer.in()));
  print_transform_report(report, std::cout);
  options.load.load.out_dir = options.extract.out_dir;
  options.load.load.log = log;
  const LoadReport load = run_load(store.db(), options.load.load);
  print_load_report(load, options.extract.out_dir, std::cout, std::cerr, prog);
  print_where(load, options.extract.out_dir, std::cout);
  log.verbose_line("run: done" + run_timer.in());
  const bool transform_problems = report.documents != report.fidelity_passed || report.links_missing > 0;
  return extract_code != kExitOk || fetch_code != kExitOk || transform_problems ? kExitProblems : kExitOk;
}

}  // namespace blogshift
