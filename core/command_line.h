// Parsing a CLI11 command line the same way in every front end: help and
// version print and end with 0, anything else wrong is a UsageError (exit 2,
// with a "Try --help" hint from run_main).
#pragma once

#include <CLI/CLI.hpp>

#include <optional>

#include "errors.h"

namespace blogshift {

// Returns an exit code when the command line asked for help or version (the
// text is already printed), nothing when the program should go on.
inline std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --help-all, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    throw UsageError(e.what());
  }
  return std::nullopt;
}

}  // namespace blogshift
