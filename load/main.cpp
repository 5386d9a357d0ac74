// blogshift-load: the load stage on its own.
#include <CLI/CLI.hpp>

#include "command_line.h"
#include "diagnostics.h"
#include "load_command.h"

int main(int argc, char** argv) {
  const std::string prog = "blogshift-load";
  return blogshift::run_main(prog, [&] {
    CLI::App app{"Write the content tree, the redirect maps and the archives from the staging database.", prog};
    blogshift::LoadCommandOptions options;
    blogshift::add_load_options(app, options);
    if (auto done = blogshift::parse_command_line(app, argc, argv)) return *done;
    return blogshift::run_load_command(prog, options);
  });
}
