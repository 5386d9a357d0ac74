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
  auto docs = db.prepare(
      "SELECT COUNT(*), COALESCE(SUM(fidelity_passed), 0), COALESCE(MIN(text_recall), 1), COALESCE(MIN(break_recall), 1),"
      " COALESCE(SUM(links_total), 0), COALESCE(SUM(links_kept), 0), COALESCE(SUM(images_total), 0),"
      " COALESCE(SUM(images_kept), 0) FROM documents");
  docs.step();
  s.documents = docs.column_int(0);
  s.fidelity_passed = docs.column_int(1);
  s.min_text_recall = docs.column_real(2);
  s.min_break_recall = docs.column_real(3);
  s.links_total = docs.column_int(4);
  s.links_kept = docs.column_int(5);
  s.images_total = docs.column_int(6);
  s.images_kept = docs.column_int(7);
  s.images_local = scalar("SELECT COUNT(*) FROM document_links WHERE kind = 'image' AND outcome = 'local'");
  s.images_remote = scalar("SELECT COUNT(*) FROM document_links WHERE kind = 'image' AND outcome = 'remote'");
  s.links_not_found = scalar("SELECT COUNT(*) FROM document_links WHERE outcome = 'missing'");
  auto problems = db.prepare("SELECT stage, code, severity, COUNT(*) FROM problems GROUP BY stage, code, severity");
  while (problems.step())
    s.problems[{problems.column_text(0), problems.column_text(1), problems.column_text(2)}] = problems.column_int(3);
  // A database from before schema version 5 has no crawls.
  if (scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'fetched_urls'") == 1) {
    auto fetches = db.prepare(
        "SELECT warc_path, SUM(outcome = 'fetched'), SUM(outcome = 'held'), SUM(outcome = 'failed'), "
        "SUM(outcome = 'robots') FROM fetched_urls GROUP BY warc_path ORDER BY warc_path");
    while (fetches.step())
      s.fetches.push_back({fetches.column_text(0), fetches.column_int(1), fetches.column_int(2), fetches.column_int(3),
                           fetches.column_int(4)});
  }
  // A database from before schema version 3 has no outputs yet (status does not upgrade it).
  if (scalar("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('outputs', 'written_files')") == 2) {
    auto outputs = db.prepare(
        "SELECT path, kind, CASE WHEN json_valid(detail) THEN COALESCE(json_extract(detail, '$.format'), '') ELSE '' END,"
        " COALESCE(verified, ''), COALESCE(size, 0), entries FROM outputs"
        " ORDER BY kind = 'redirect-map' DESC, path");
    while (outputs.step())
      s.outputs.push_back({outputs.column_text(0), outputs.column_text(1), outputs.column_text(2),
                           outputs.column_text(3), outputs.column_int(4), outputs.column_int(5)});
    auto roots = db.prepare(
        "SELECT CASE WHEN instr(path, '/') > 0 THEN substr(path, 1, instr(path, '/') - 1) ELSE path END AS root,"
        " COUNT(*) FROM written_files WHERE role IN ('document', 'comments', 'asset') GROUP BY root ORDER BY root");
    while (roots.step()) {
      s.tree_roots.push_back(roots.column_text(0));
      s.tree_files += roots.column_int(1);
    }
    auto feed = db.prepare("SELECT path FROM written_files WHERE role = 'feed' ORDER BY path LIMIT 1");
    if (feed.step()) s.feed_path = feed.column_text(0);
    // Astro and Hugo write one file per author (shown as their folder),
    // Jekyll one map of them all (shown as that file).
    auto authors = db.prepare(
        "SELECT COUNT(*), MIN(path), SUM(role = 'author') FROM written_files WHERE role = 'author'");
    if (authors.step() && authors.column_int(0) > 0) {
      const std::string first = authors.column_text(1);
      s.authors_path = authors.column_int(2) == 1 && first.ends_with(".yml") ? first
                                                                            : first.substr(0, first.rfind('/') + 1);
      s.site_authors = scalar("SELECT COUNT(*) FROM site_authors");
      s.author_avatars = scalar("SELECT COUNT(*) FROM written_files WHERE role = 'avatar'");
    }
    auto listings = db.prepare("SELECT COUNT(*), MIN(path) FROM written_files WHERE role = 'listing'");
    if (listings.step() && listings.column_int(0) > 0) {
      const std::string first = listings.column_text(1);
      s.listings_path = first.substr(0, first.rfind('/') + 1);
      s.listing_pages = listings.column_int(0);
    }
  }
  return s;
}

}  // namespace blogshift
