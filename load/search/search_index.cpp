#include "search_index.h"

#include <sqlite3.h>

#include "errors.h"

namespace blogshift {

int64_t rebuild_search_index(Database& db) {
  Transaction t(db);
  db.exec("DELETE FROM document_search");
  db.exec(
      "INSERT INTO document_search (title, body, tags, item_id)"
      " SELECT COALESCE(i.title, ''), d.markdown,"
      "   COALESCE((SELECT group_concat(l.name, ', ') FROM item_labels il JOIN labels l ON l.id = il.label_id"
      "             WHERE il.item_id = d.item_id), ''),"
      "   d.item_id"
      " FROM documents d JOIN items i ON i.id = d.item_id ORDER BY d.item_id");
  auto count = db.prepare("SELECT COUNT(*) FROM document_search");
  count.step();
  const int64_t n = count.column_int(0);
  t.commit();
  return n;
}

namespace {
// Plain words to an FTS5 query: each word a quoted string (so punctuation
// and FTS5 keywords are just text), a trailing * kept as a prefix match.
std::string words_to_fts(const std::string& query) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    const bool prefix = word.size() > 1 && word.back() == '*';
    if (prefix) word.pop_back();
    std::string quoted = "\"";
    for (char c : word) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    quoted += "\"";
    if (prefix) quoted += "*";
    out += (out.empty() ? "" : " ") + quoted;
    word.clear();
  };
  for (char c : query) {
    if (c == ' ' || c == '\t' || c == '\n') flush();
    else word += c;
  }
  flush();
  return out;
}
}  // namespace

std::vector<SearchHit> search_documents(Database& db, const std::string& query, int limit, bool fts_syntax) {
  const std::string match = fts_syntax ? query : words_to_fts(query);
  if (match.empty()) throw UsageError("search: give at least one word to look for");
  std::vector<SearchHit> hits;
  // Titles weigh more than bodies, bodies more than tags.
  const char* sql =
      "SELECT d.route, s.title, d.path, snippet(document_search, 1, '[', ']', '...', 12)"
      " FROM document_search s JOIN documents d ON d.item_id = s.item_id"
      " WHERE document_search MATCH ? ORDER BY bm25(document_search, 10.0, 1.0, 5.0), d.route LIMIT ?";
  try {
    auto select = db.prepare(sql);
    select.bind(1, match).bind(2, static_cast<int64_t>(limit));
    while (select.step())
      hits.push_back({select.column_text(0), select.column_text(1), select.column_text(2), select.column_text(3)});
  } catch (const FatalError& e) {
    // SQLite reports a malformed MATCH expression as an error on the statement.
    if (fts_syntax) throw UsageError(std::string("search: not a valid FTS5 query: ") + e.what());
    throw;
  }
  return hits;
}

}  // namespace blogshift
