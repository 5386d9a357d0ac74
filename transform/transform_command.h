// `blogshift transform` and `blogshift-transform`: options defined once here.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "stage_log.h"
#include "transform_stage.h"

namespace blogshift {

struct TransformCommandOptions {
  std::string out_dir = ".";
  std::string db_path;
  TransformOptions transform;
  std::string extra_fields;  // comma list: bloggerId,comments
  bool quiet = false, verbose = false;  // -q, -v (core/stage_log.h)
};

void add_transform_options(CLI::App& app, TransformCommandOptions& options);
// The options that shape documents (time zone, routes, front matter, jobs),
// shared with `blogshift run`.
void add_transform_tuning_options(CLI::App& app, TransformOptions& options, std::string& extra_fields);
// Applies --front-matter-extra to the options.
void apply_extra_fields(const std::string& extra_fields, TransformOptions& options);

// Prints the transform summary; returns 0, or 1 when documents failed the
// fidelity check or links to the old blog were not found.
int run_transform_command(const std::string& prog, TransformCommandOptions options);

// run_transform with a progress bar (or lines) through `log` for the
// documents it converts. Shared with `blogshift run`.
TransformReport run_transform_with_progress(Database& db, TransformOptions options, const StageLog& log);

// The summary lines, shared with `blogshift run`.
void print_transform_report(const TransformReport& report, std::ostream& out);
// The -v line: what the stage did and how long it took.
std::string transform_verbose_line(const TransformReport& report, const std::string& took);

}  // namespace blogshift
