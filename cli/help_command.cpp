#include "help_command.h"

#include <iostream>

#include "errors.h"
#include "man_page.h"

namespace blogshift {

void add_help_options(CLI::App& app, HelpOptions& o) {
  app.add_option("command", o.command, "the command to explain");
  app.add_flag("--man", o.man, "print the manual page (roff) instead");
}

int run_help(const CLI::App& app, const HelpOptions& o, const std::string& version) {
  if (o.man) {
    std::cout << man_page(app, version);
    return kExitOk;
  }
  if (o.command.empty()) {
    std::cout << app.help();
    return kExitOk;
  }
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name() == o.command) {
      std::cout << sub->help();
      return kExitOk;
    }
  }
  throw UsageError("help: no command '" + o.command + "' (see 'blogshift --help')");
}

}  // namespace blogshift
