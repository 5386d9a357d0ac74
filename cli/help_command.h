// `blogshift help [COMMAND]` prints the help of one command (as
// `blogshift COMMAND --help` does); `blogshift help --man` prints the manual
// page in roff.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace blogshift {

struct HelpOptions {
  std::string command;
  bool man = false;
};

void add_help_options(CLI::App& app, HelpOptions& options);
int run_help(const CLI::App& app, const HelpOptions& options, const std::string& version);

}  // namespace blogshift
