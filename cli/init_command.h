// `blogshift init SOURCE... --out DIR`: stages the sources, looks at the blog
// they hold, and writes a commented blogshift.yaml with every option of
// `blogshift run`, filled in with what it found (sources, output folder, the
// blog's own time zone) and the defaults. Then `blogshift run` alone runs the
// migration. An existing file is left alone unless --force.
//
// `blogshift init --site astro|hugo|jekyll DIR`: writes that generator's
// minimal site skeleton into DIR (site_skeleton.h), so that the content tree
// `blogshift run ... --layout L --out DIR` writes there builds into a site.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace blogshift {

struct InitOptions {
  std::vector<std::string> sources;
  std::string out_dir = "site";
  std::string config_path = "blogshift.yaml";
  std::string site;  // --site: write this layout's skeleton instead
  bool force = false;
};

void add_init_options(CLI::App& app, InitOptions& options);
int run_init(const std::string& prog, const InitOptions& options);

}  // namespace blogshift
