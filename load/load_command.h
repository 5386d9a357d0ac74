// `blogshift load` and `blogshift-load`: options defined once here, shared
// with `blogshift run`.
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>

#include "load_stage.h"

namespace blogshift {

struct LoadCommandOptions {
  std::string db_path;  // default: OUT/.blogshift/staging.db
  LoadOptions load;
  std::string redirect_formats = "all";
  std::string archive_formats = "tar.gz,bagit,warc";
  bool quiet = false, verbose = false;  // -q, -v (core/stage_log.h); `run` has its own
};

void add_load_options(CLI::App& app, LoadCommandOptions& options);
// The options that choose outputs (no --out/--db), shared with `blogshift run`.
void add_load_tuning_options(CLI::App& app, LoadCommandOptions& options);
// Turns the comma lists into LoadOptions; a name it does not know is a UsageError.
void apply_output_lists(LoadCommandOptions& options);

// The summary lines on `out`, kept files on `err`.
void print_load_report(const LoadReport& report, const std::string& out_dir, std::ostream& out, std::ostream& err,
                       const std::string& prog);

// `relative` (a path under the output folder) as the user would type it:
// OUT/relative as OUT was given, or just relative when OUT is ".".
std::string shown_path(const std::string& out_dir, const std::string& relative);

// The last thing `run` and `load` print: where the site, the redirect maps,
// the archives and the report are, as paths under `out_dir` as the user gave
// it; only what this run wrote.
void print_where(const LoadReport& report, const std::string& out_dir, std::ostream& out);

int run_load_command(const std::string& prog, LoadCommandOptions options);

}  // namespace blogshift
