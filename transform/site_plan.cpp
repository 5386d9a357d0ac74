#include "site_plan.h"

#include "metadata/post_metadata.h"
#include "text.h"
#include "url.h"

namespace blogshift {

namespace {

// Read in the table's own order: a sort would hold every row in memory.
constexpr const char* kDocumentsSql =
    "SELECT i.id, i.blog_id, i.kind, COALESCE(i.blogger_id, ''), COALESCE(i.title, ''), COALESCE(i.legacy_path, ''),"
    " COALESCE(i.published_utc, ''), i.published_offset"
    " FROM items i"
    " WHERE i.kind IN ('post', 'page') AND i.status IN ('LIVE', 'DRAFT', 'SCHEDULED')";

const char* const kTables[] = {"transform_plan", "transform_renamed", "transform_routes", "transform_assets"};

std::optional<int> optional_int(Statement& s, int column) {
  if (s.column_is_null(column)) return std::nullopt;
  return static_cast<int>(s.column_int(column));
}

}  // namespace

const char* const kPlannedDocumentsSql =
    "SELECT i.id, i.blog_id, i.kind, COALESCE(i.blogger_id, ''), i.status, COALESCE(i.title, ''),"
    " COALESCE(a.name, ''), COALESCE(i.legacy_path, ''), COALESCE(i.body_sha256, ''),"
    " COALESCE(i.published_utc, ''), i.published_offset, COALESCE(i.updated_utc, ''), i.updated_offset,"
    " (SELECT COUNT(*) FROM items c WHERE c.parent_id = i.id AND c.kind = 'comment'), p.slug, p.route,"
    " COALESCE(i.body_html, '')"
    " FROM temp.transform_plan p JOIN items i ON i.id = p.item_id LEFT JOIN authors a ON a.id = i.author_id"
    " ORDER BY p.published, p.item_id";

BlogZones::BlogZones(Database& db) {
  auto q = db.prepare(
      "SELECT blog_id, body_html FROM items WHERE kind = 'settings' AND blogger_id = 'settings.BLOG_TIME_ZONE'");
  while (q.step()) by_blog_[q.column_text(0)] = std::string(trim(q.column_text(1)));
}

std::string BlogZones::zone_for(const std::string& blog_id, const TransformOptions& options) const {
  if (!options.timezone.empty()) return options.timezone;
  auto zone = by_blog_.find(blog_id);
  return zone != by_blog_.end() ? zone->second : std::string();
}

int offset_for(std::optional<int> source_offset, const std::string& zone, const std::string& utc) {
  if (source_offset) return *source_offset;
  if (!zone.empty())
    if (auto o = zone_offset_minutes(zone, utc)) return *o;
  return 0;
}

SitePlan::SitePlan(Database& db, const TransformOptions& options, const BlogZones& zones) : db_(db) {
  for (const char* table : kTables) db_.exec(std::string("DROP TABLE IF EXISTS temp.") + table);
  db_.exec(
      "CREATE TEMP TABLE transform_plan (item_id INTEGER PRIMARY KEY, published TEXT NOT NULL, kind TEXT NOT NULL,"
      " base TEXT NOT NULL, sort_key TEXT NOT NULL, date TEXT NOT NULL, legacy_path TEXT NOT NULL,"
      " slug TEXT NOT NULL, route TEXT NOT NULL);"
      // Indexes made before the rows, so every order below is an index
      // walk: no sort holds the whole table in memory.
      "CREATE INDEX temp.transform_plan_in_order ON transform_plan (published, item_id);"
      "CREATE INDEX temp.transform_plan_by_base ON transform_plan (kind, base, sort_key);"
      "CREATE TEMP TABLE transform_renamed (item_id INTEGER PRIMARY KEY, slug TEXT NOT NULL, route TEXT NOT NULL);"
      "CREATE TEMP TABLE transform_routes (path TEXT PRIMARY KEY, route TEXT NOT NULL) WITHOUT ROWID;"
      "CREATE TEMP TABLE transform_assets (key TEXT PRIMARY KEY, asset_id INTEGER NOT NULL,"
      " content_type TEXT NOT NULL, size INTEGER NOT NULL) WITHOUT ROWID;");
  site_.tag_route_pattern = options.tag_route_pattern;
  auto hosts = db_.prepare("SELECT host FROM blog_hosts");
  while (hosts.step()) site_.hosts.insert(hosts.column_text(0));
  plan_documents(options, zones);
  resolve_collisions(options);
  plan_routes();
  plan_assets();
}

SitePlan::~SitePlan() {
  for (const char* table : kTables) {
    char* ignored = nullptr;  // a destructor cannot throw; the tables go with the connection anyway
    sqlite3_exec(db_.handle(), (std::string("DROP TABLE IF EXISTS temp.") + table).c_str(), nullptr, nullptr, &ignored);
    sqlite3_free(ignored);
  }
}

// Each document with the slug its legacy path (or title) gives, and the
// route that slug would have.
void SitePlan::plan_documents(const TransformOptions& options, const BlogZones& zones) {
  auto q = db_.prepare(kDocumentsSql);
  auto insert = db_.prepare(
      "INSERT INTO temp.transform_plan (item_id, published, kind, base, sort_key, date, legacy_path, slug, route)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  while (q.step()) {
    const int64_t id = q.column_int(0);
    const std::string kind = q.column_text(2), blogger_id = q.column_text(3), legacy_path = q.column_text(5);
    const std::string published_utc = q.column_text(6);
    std::string fallback = slug_from_title(q.column_text(4));
    if (fallback.empty()) fallback = kind + "-" + (blogger_id.empty() ? std::to_string(id) : blogger_id);
    std::string base = legacy_path.empty() ? fallback : slug_from_legacy_path(legacy_path, fallback);
    if (base.empty()) base = "post";
    const std::string zone = zones.zone_for(q.column_text(1), options);
    const std::string date = local_date(published_utc, offset_for(optional_int(q, 7), zone, published_utc));
    const std::string route = route_for(kind == "post" ? options.route_pattern : options.page_route_pattern, date, base);
    insert.bind(1, id).bind(2, published_utc).bind(3, kind).bind(4, base).bind(5, published_utc + "#" + std::to_string(id));
    insert.bind(6, date).bind(7, legacy_path).bind(8, base).bind(9, route).run();
  }
}

// The second and later documents (in publication order) with one slug are
// numbered (numbered_slug()); each kind has its own slugs.
void SitePlan::resolve_collisions(const TransformOptions& options) {
  // In (kind, base, publication) order, an index walk: the first of each
  // base keeps it.
  auto all = db_.prepare("SELECT item_id, kind, base, date FROM temp.transform_plan ORDER BY kind, base, sort_key");
  auto own = db_.prepare("SELECT 1 FROM temp.transform_plan WHERE kind = ? AND base = ? LIMIT 1");
  auto renamed = db_.prepare("INSERT INTO temp.transform_renamed (item_id, slug, route) VALUES (?, ?, ?)");
  std::string kind, base;
  int next = 2;
  for (bool first_row = true; all.step(); first_row = false) {
    if (first_row || all.column_text(1) != kind || all.column_text(2) != base) {
      kind = all.column_text(1);
      base = all.column_text(2);
      next = 2;
      continue;
    }
    const std::string slug = numbered_slug(base, next, [&](const std::string& candidate) {
      own.bind(1, kind).bind(2, candidate);
      const bool taken = own.step();
      own.reset();
      return taken;
    });
    const std::string pattern = kind == "post" ? options.route_pattern : options.page_route_pattern;
    renamed.bind(1, all.column_int(0)).bind(2, slug).bind(3, route_for(pattern, all.column_text(3), slug)).run();
  }
  db_.exec(
      "UPDATE temp.transform_plan SET slug = r.slug, route = r.route FROM temp.transform_renamed r"
      " WHERE transform_plan.item_id = r.item_id");
}

// Legacy paths first (a later document with the same path wins), then the
// path of every URL a source saw for a document, where no legacy path is.
void SitePlan::plan_routes() {
  db_.exec(
      "INSERT OR REPLACE INTO temp.transform_routes (path, route)"
      " SELECT legacy_path, route FROM temp.transform_plan WHERE legacy_path <> '' ORDER BY published, item_id");
  auto urls = db_.prepare(
      "SELECT u.url, p.route FROM item_urls u JOIN temp.transform_plan p ON p.item_id = u.item_id"
      " ORDER BY u.item_id, u.url");
  auto insert = db_.prepare("INSERT OR IGNORE INTO temp.transform_routes (path, route) VALUES (?, ?)");
  while (urls.step()) {
    const std::string path = url_path(urls.column_text(0));
    if (!path.empty()) insert.bind(1, path).bind(2, urls.column_text(1)).run();
  }
}

void SitePlan::plan_assets() {
  auto assets = db_.prepare("SELECT id, url, COALESCE(content_type, ''), size FROM assets ORDER BY id");
  auto insert = db_.prepare(
      "INSERT INTO temp.transform_assets (key, asset_id, content_type, size) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (key) DO UPDATE SET asset_id = excluded.asset_id, content_type = excluded.content_type,"
      " size = excluded.size WHERE excluded.size > transform_assets.size");
  while (assets.step()) {
    insert.bind(1, asset_key(assets.column_text(1))).bind(2, assets.column_int(0));
    insert.bind(3, assets.column_text(2)).bind(4, assets.column_int(3)).run();
  }
}

bool shares_connection(Database& db) { return sqlite3_db_mutex(db.handle()) != nullptr; }

namespace {

// Holds the connection's mutex (recursive: the calls inside take it again).
class ConnectionHold {
public:
  explicit ConnectionHold(sqlite3_mutex* mutex) : mutex_(mutex) { sqlite3_mutex_enter(mutex_); }
  ~ConnectionHold() { sqlite3_mutex_leave(mutex_); }
  ConnectionHold(const ConnectionHold&) = delete;
  ConnectionHold& operator=(const ConnectionHold&) = delete;

private:
  sqlite3_mutex* mutex_;  // sqlite3_mutex_enter/leave do nothing with null
};

}  // namespace

PlanLookup::PlanLookup(Database& db) : mutex_(sqlite3_db_mutex(db.handle())) {
  routes_.emplace(db.handle(), "SELECT route FROM temp.transform_routes WHERE path = ?", db.path());
  assets_.emplace(db.handle(), "SELECT asset_id, content_type, size FROM temp.transform_assets WHERE key = ?",
                  db.path());
}

PlanLookup::~PlanLookup() = default;

std::optional<std::string> PlanLookup::route(const std::string& old_path) {
  ConnectionHold hold(mutex_);
  routes_->bind(1, old_path);
  std::optional<std::string> route;
  if (routes_->step()) route = routes_->column_text(0);
  routes_->reset();
  return route;
}

std::optional<HeldAsset> PlanLookup::asset(const std::string& key) {
  ConnectionHold hold(mutex_);
  assets_->bind(1, key);
  std::optional<HeldAsset> held;
  if (assets_->step()) held = HeldAsset{assets_->column_int(0), assets_->column_text(1), assets_->column_int(2)};
  assets_->reset();
  return held;
}

}  // namespace blogshift
