#include "run_command.h"

#include <filesystem>
#include <iostream>

#include "content_tree_writer.h"
#include "errors.h"
#include "staging_store.h"
#include "transform_command.h"

namespace blogshift {

void add_run_options(CLI::App& app, RunOptions& options) {
  add_extract_options(app, options.extract);
  add_transform_tuning_options(app, options.transform, options.extra_fields);
}

int run_run(const std::string& prog, RunOptions options) {
  apply_extra_fields(options.extra_fields, options.transform);
  const int extract_code = run_extract(prog, options.extract);
  if (extract_code == kExitFatal) return kExitFatal;
  const std::string db_path = staging_db_path(options.extract.out_dir, options.extract.db_path);
  StagingStore store(db_path);
  TransformReport report = run_transform(store.db(), options.transform);
  if (!options.extract.quiet) print_transform_report(report, std::cout);
  TreeReport tree = write_content_tree(store.db(), options.extract.out_dir);
  if (!options.extract.quiet) {
    const auto content = std::filesystem::path(options.extract.out_dir) / "content";
    std::cout << "site\t" << tree.documents << " Markdown files and " << tree.files
              << " files beside them (images, attachments, comments) in " << content.string() << '\n';
  }
  const bool transform_problems = report.documents != report.fidelity_passed || report.links_missing > 0;
  return extract_code != kExitOk || transform_problems ? kExitProblems : kExitOk;
}

}  // namespace blogshift
