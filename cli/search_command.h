// `blogshift search QUERY`: full-text search over the migrated posts and
// pages (the FTS5 index load keeps in the staging database).
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace blogshift {

struct SearchOptions {
  std::string out_dir = ".";
  std::string db_path;
  std::string query;
  int limit = 20;
  bool fts_syntax = false;
};

void add_search_options(CLI::App& app, SearchOptions& options);
// One line per hit on stdout: route, title, file, snippet. Exit 0 when
// something matched, 1 when nothing did (as grep does).
int run_search(const SearchOptions& options);

}  // namespace blogshift
