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
int run_status(const StatusOptions& options);

}  // namespace blogshift
