#include "search_command.h"

#include <filesystem>
#include <iostream>

#include "errors.h"
#include "search_index.h"
#include "staging_store.h"

namespace blogshift {

void add_search_options(CLI::App& app, SearchOptions& o) {
  app.add_option("query", o.query, "words to look for (all must occur; word* matches a prefix)")->required();
  app.add_option("-o,--out", o.out_dir, "output folder whose staging database to search")->capture_default_str();
  app.add_option("--db", o.db_path, "staging database file (overrides --out)");
  app.add_option("-n,--limit", o.limit, "at most this many results")->capture_default_str()->check(CLI::PositiveNumber);
  app.add_flag("--fts", o.fts_syntax, "the query is in SQLite FTS5 syntax (AND, OR, NOT, NEAR, \"phrases\", title:word)");
}

int run_search(const SearchOptions& o) {
  const std::string db_path = !o.db_path.empty()
                                  ? o.db_path
                                  : (std::filesystem::path(o.out_dir) / ".blogshift" / "staging.db").string();
  if (!std::filesystem::exists(db_path))
    throw FatalError(db_path, "no staging database here", "run 'blogshift run SOURCE... --out DIR' first");
  StagingStore store(db_path);
  const auto hits = search_documents(store.db(), o.query, o.limit, o.fts_syntax);
  for (const auto& h : hits) std::cout << h.route << '\t' << h.title << '\t' << h.path << '\t' << h.snippet << '\n';
  return hits.empty() ? kExitProblems : kExitOk;
}

}  // namespace blogshift
