// `blogshift extract` and `blogshift-extract`: options defined once here,
// used by both front ends.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace blogshift {

struct ExtractOptions {
  std::vector<std::string> sources;
  std::string out_dir = ".";
  std::string db_path;  // default: OUT/.blogshift/staging.db
  bool force = false;
  bool quiet = false;    // -q: no progress (the summary lines stay on stdout)
  bool verbose = false;  // -v: a line per source and one for the stage, with times, on stderr
  bool print_summary = true;  // the per-source lines on stdout (`init` reads sources silently)
};

void add_extract_options(CLI::App& app, ExtractOptions& options);

// Where the staging database lives for an output folder.
std::string staging_db_path(const std::string& out_dir, const std::string& db_override);

// Prints one summary line per source on stdout and each problem on stderr
// (progress and, with -v, timings on stderr too: core/stage_log.h).
// Returns 0, 1 (problems were found) or 2 (a source could not be read).
int run_extract(const std::string& prog, const ExtractOptions& options);

}  // namespace blogshift
