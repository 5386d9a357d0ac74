// blogshift-transform: the transform stage on its own.
#include <CLI/CLI.hpp>

#include "command_line.h"
#include "diagnostics.h"
#include "transform_command.h"

int main(int argc, char** argv) {
  const std::string prog = "blogshift-transform";
  return blogshift::run_main(prog, [&] {
    CLI::App app{"Turn the staged posts and pages into Markdown documents with front matter.", prog};
    blogshift::TransformCommandOptions options;
    blogshift::add_transform_options(app, options);
    if (auto done = blogshift::parse_command_line(app, argc, argv)) return *done;
    return blogshift::run_transform_command(prog, options);
  });
}
