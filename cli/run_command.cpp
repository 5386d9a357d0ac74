#include "run_command.h"

#include <filesystem>
#include <iostream>

#include "errors.h"
#include "staging_store.h"
#include "transform_command.h"

namespace blogshift {

void add_run_options(CLI::App& app, RunOptions& options) {
  add_extract_options(app, options.extract);
  add_transform_tuning_options(app, options.transform, options.extra_fields);
  add_load_tuning_options(app, options.load);
}

int run_run(const std::string& prog, RunOptions options) {
  apply_extra_fields(options.extra_fields, options.transform);
  apply_output_lists(options.load);  // a bad format name stops the run before any work
  const int extract_code = run_extract(prog, options.extract);
  if (extract_code == kExitFatal) return kExitFatal;
  const std::string db_path = staging_db_path(options.extract.out_dir, options.extract.db_path);
  StagingStore store(db_path);
  TransformReport report = run_transform(store.db(), options.transform);
  if (!options.extract.quiet) print_transform_report(report, std::cout);
  options.load.load.out_dir = options.extract.out_dir;
  const LoadReport load = run_load(store.db(), options.load.load);
  if (!options.extract.quiet) print_load_report(load, options.extract.out_dir, std::cout, std::cerr, prog);
  const bool transform_problems = report.documents != report.fidelity_passed || report.links_missing > 0;
  return extract_code != kExitOk || transform_problems ? kExitProblems : kExitOk;
}

}  // namespace blogshift
