// `blogshift convert FILE`: one post body (an HTML file, or - for stdin) to
// Markdown, for trying rules out and for bug reports. --dump-ast prints the
// document tree instead, --cleaned-html the HTML after the clean-up passes.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace blogshift {

struct ConvertOptions {
  std::string input = "-";
  bool dump_ast = false;
  bool cleaned_html = false;
  bool fidelity = false;
};

void add_convert_options(CLI::App& app, ConvertOptions& options);
int run_convert(const ConvertOptions& options);

}  // namespace blogshift
