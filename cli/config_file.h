// blogshift.yaml: every option of `blogshift run` can be set in a YAML file
// (by default ./blogshift.yaml when it exists, or --config FILE), keys being
// the long option names without "--":
//
//   sources: [feed.atom, crawl.warc.gz]
//   out: site
//   timezone: America/Los_Angeles
//   layout: hugo
//   redirects: [nginx, netlify]     # a list, or "nginx,netlify"
//   comments: true
//
// The command line wins over the file (CLI11 applies a config file only to
// options the command line left unset). An unknown key, a nested map or a
// malformed file is a usage error naming the line.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace blogshift {

class YamlConfig : public CLI::Config {
public:
  // `app` is the (sub)command whose options the keys name.
  explicit YamlConfig(const CLI::App* app) : app_(app) {}
  std::vector<CLI::ConfigItem> from_config(std::istream& input) const override;
  // The app's options as commented YAML (what `blogshift init` writes).
  std::string to_config(const CLI::App* app, bool default_also, bool write_description,
                        std::string prefix) const override;

private:
  const CLI::App* app_;
};

// Makes `command` (a subcommand of `top`) read blogshift.yaml, or
// --config FILE.
void add_config_file(CLI::App& top, CLI::App& command);

// A YAML scalar written so it reads back as the same string.
std::string yaml_scalar(const std::string& value);

}  // namespace blogshift
