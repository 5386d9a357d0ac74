// `blogshift status`: what the staging database holds.
#pragma once

#include <CLI/CLI.hpp>

#include <ostream>
#include <string>

#include "staging_summary.h"

namespace blogshift {

struct StatusOptions {
  std::string out_dir = ".";
  std::string db_path;
};

void add_status_options(CLI::App& app, StatusOptions& options);
void print_status(const StagingSummary& summary, std::ostream& out);
// What load wrote and whether it verified, with paths under `out_dir` as
// given, then how to check it again (`verify_hint`: the verify command line).
void print_outputs(const StagingSummary& summary, const std::string& out_dir, const std::string& verify_hint,
                   std::ostream& out);
int run_status(const StatusOptions& options);

}  // namespace blogshift
