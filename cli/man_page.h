// The blogshift(1) manual page, in roff (man macros), generated from the
// same CLI11 option definitions as --help: every subcommand with its
// description, options, defaults and the examples in its footer. `blogshift
// help --man` prints it; the build writes build/blogshift.1 from it.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace blogshift {

std::string man_page(const CLI::App& app, const std::string& version);

// Text escaped for roff: backslashes, leading dots and quotes, hyphens in option names.
std::string roff_escape(const std::string& text);

}  // namespace blogshift
