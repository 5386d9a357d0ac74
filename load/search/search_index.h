// The staging database as a searchable catalogue: an FTS5 index over the
// titles, Markdown bodies and tags of the migrated documents
// (table document_search), rebuilt by load, queried by `blogshift search`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sqlite_db.h"

namespace blogshift {

// Replaces the index with the current documents; returns how many it holds.
int64_t rebuild_search_index(Database& db);

struct SearchHit {
  std::string route, title, path, snippet;  // snippet: the matching words in [brackets]
};

// `query` is plain words (all must occur, any order, prefix match with a
// trailing *), or FTS5 query syntax when `fts_syntax` is set. Best first.
// A malformed FTS5 query is a UsageError.
std::vector<SearchHit> search_documents(Database& db, const std::string& query, int limit, bool fts_syntax = false);

}  // namespace blogshift
