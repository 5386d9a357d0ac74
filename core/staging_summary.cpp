#include "staging_summary.h"

namespace blogshift {

int64_t StagingSummary::count(const std::string& kind, const std::string& status) const {
  auto it = items.find({kind, status});
  return it == items.end() ? 0 : it->second;
}

int64_t StagingSummary::count(const std::string& kind) const {
  int64_t total = 0;
  for (const auto& [key, n] : items)
    if (key.first == kind) total += n;
  return total;
}

StagingSummary read_staging_summary(Database& db) {
  StagingSummary s;
  auto blogs = db.prepare("SELECT id, COALESCE(title, '') FROM blogs ORDER BY id");
  auto hosts = db.prepare("SELECT host FROM blog_hosts WHERE blog_id = ? ORDER BY host");
  while (blogs.step()) {
    StagingSummary::Blog b{blogs.column_text(0), blogs.column_text(1), {}};
    hosts.bind(1, b.id);
    while (hosts.step()) b.hosts.push_back(hosts.column_text(0));
    hosts.reset();
    s.blogs.push_back(std::move(b));
  }
  auto sources = db.prepare(
      "SELECT path, kind, size, complete, (SELECT COUNT(*) FROM source_units u WHERE u.source_id = sources.id)"
      " FROM sources ORDER BY id");
  while (sources.step())
    s.sources.push_back({sources.column_text(0), sources.column_text(1), sources.column_int(2),
                         sources.column_int(3) != 0, sources.column_int(4)});
  auto items = db.prepare("SELECT kind, status, COUNT(*) FROM items GROUP BY kind, status");
  while (items.step()) s.items[{items.column_text(0), items.column_text(1)}] = items.column_int(2);
  auto assets = db.prepare("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM assets");
  assets.step();
  s.assets = assets.column_int(0);
  s.asset_bytes = assets.column_int(1);
  auto scalar = [&](const char* sql) {
    auto q = db.prepare(sql);
    q.step();
    return q.column_int(0);
  };
  s.blobs = scalar("SELECT COUNT(*) FROM blobs");
  s.authors = scalar("SELECT COUNT(*) FROM authors");
  s.labels = scalar("SELECT COUNT(*) FROM labels");
  s.comments_without_post = scalar("SELECT COUNT(*) FROM items WHERE kind = 'comment' AND parent_id IS NULL");
  auto problems = db.prepare("SELECT stage, code, severity, COUNT(*) FROM problems GROUP BY stage, code, severity");
  while (problems.step())
    s.problems[{problems.column_text(0), problems.column_text(1), problems.column_text(2)}] = problems.column_int(3);
  return s;
}

}  // namespace blogshift
