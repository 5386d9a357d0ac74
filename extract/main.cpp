// blogshift-extract: the extract stage on its own.
#include <CLI/CLI.hpp>

#include "command_line.h"
#include "diagnostics.h"
#include "extract_command.h"

int main(int argc, char** argv) {
  const std::string prog = "blogshift-extract";
  return blogshift::run_main(prog, [&] {
    CLI::App app{"Stage Blogger exports, crawled mirrors and WARC files in the blogshift staging database.", prog};
    blogshift::ExtractOptions options;
    blogshift::add_extract_options(app, options);
    if (auto done = blogshift::parse_command_line(app, argc, argv)) return *done;
    return blogshift::run_extract(prog, options);
  });
}
