// blogshift-extract: the extract stage on its own.
#include <CLI/CLI.hpp>

#include "diagnostics.h"
#include "errors.h"
#include "extract_command.h"

int main(int argc, char** argv) {
  const std::string prog = "blogshift-extract";
  return blogshift::run_main(prog, [&] {
    CLI::App app{"Stage Blogger exports, crawled mirrors and WARC files in the blogshift staging database.", prog};
    blogshift::ExtractOptions options;
    blogshift::add_extract_options(app, options);
    try {
      app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
      return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
      return app.exit(e);
    } catch (const CLI::ParseError& e) {
      throw blogshift::UsageError(e.what());
    }
    return blogshift::run_extract(prog, options);
  });
}
