#include "site_plan.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>

#include "errors.h"
#include "metadata/post_metadata.h"
#include "metadata/site_layout.h"
#include "text.h"
#include "url.h"

namespace blogshift {

namespace {

// Read in the table's own order: a sort would hold every row in memory.
constexpr const char* kDocumentsSql =
    "SELECT i.id, i.blog_id, i.kind, COALESCE(i.blogger_id, ''), COALESCE(i.title, ''), COALESCE(i.legacy_path, ''),"
    " COALESCE(i.published_utc, ''), i.published_offset, i.status"
    " FROM items i"
    " WHERE i.kind IN ('post', 'page') AND i.status IN ('LIVE', 'DRAFT', 'SCHEDULED')";

std::optional<int> optional_int(Statement& s, int column) {
  if (s.column_is_null(column)) return std::nullopt;
  return static_cast<int>(s.column_int(column));
}

// Beside the staging database (the stage's transaction keeps a second run
// from using it meanwhile); in the system's temporary folder for a
// database that has no file.
std::string plan_path(const Database& db) {
  const std::string& path = db.path();
  if (!path.empty() && path != ":memory:" && path.rfind("file:", 0) != 0) return path + "-transform-plan";
  static std::atomic<unsigned> counter{0};
  return (std::filesystem::temp_directory_path() /
          ("blogshift-transform-plan-" + std::to_string(getpid()) + "-" + std::to_string(counter++)))
      .string();
}

// The route pattern of a kind of document, as the layout serves it.
std::string route_pattern(const TransformOptions& options, const std::string& kind) {
  return layout_route_pattern(parse_site_layout(options.layout),
                              kind == "post" ? options.route_pattern : options.page_route_pattern);
}

}  // namespace

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

PlanConnection::PlanConnection(const std::string& path) : path_(path) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  db_.reset(raw);
  if (rc != SQLITE_OK)
    throw FatalError(path, std::string("cannot open the transform's plan: ") + (raw ? sqlite3_errmsg(raw) : "out of memory"));
  sqlite3_exec(raw, "PRAGMA cache_size=-512", nullptr, nullptr, nullptr);  // a thread touches little of it
}

SitePlan::SitePlan(Database& db, const TransformOptions& options, const BlogZones& zones)
    : db_(db), path_(plan_path(db)) {
  remove_file();  // a run that crashed may have left one
  try {
    plan_ = std::make_unique<Database>(path_);
    // Scratch data: no journal, no syncing, a small cache.
    plan_->exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-2048;");
    Transaction transaction(*plan_);
    plan_->exec(
        "CREATE TABLE transform_plan (item_id INTEGER PRIMARY KEY, published TEXT NOT NULL, kind TEXT NOT NULL,"
        " base TEXT NOT NULL, sort_key TEXT NOT NULL, date TEXT NOT NULL, legacy_path TEXT NOT NULL,"
        " slug TEXT NOT NULL, route TEXT NOT NULL);"
        // Indexes made before the rows, so every order below is an index
        // walk: no sort holds the whole table in memory.
        "CREATE INDEX transform_plan_in_order ON transform_plan (published, item_id);"
        "CREATE INDEX transform_plan_by_base ON transform_plan (kind, base, sort_key);"
        "CREATE TABLE transform_renamed (item_id INTEGER PRIMARY KEY, slug TEXT NOT NULL, route TEXT NOT NULL);"
        "CREATE TABLE transform_reserved (route TEXT PRIMARY KEY) WITHOUT ROWID;"
        "CREATE TABLE transform_routes (path TEXT PRIMARY KEY, route TEXT NOT NULL) WITHOUT ROWID;"
        "CREATE TABLE transform_assets (key TEXT PRIMARY KEY, asset_id INTEGER NOT NULL,"
        " content_type TEXT NOT NULL, size INTEGER NOT NULL) WITHOUT ROWID;");
    site_.tag_route_pattern = options.tag_route_pattern;
    site_.archive_year_route_pattern = options.archive_year_route_pattern;
    site_.archive_month_route_pattern = options.archive_month_route_pattern;
    auto hosts = db_.prepare("SELECT host FROM blog_hosts");
    while (hosts.step()) site_.hosts.insert(hosts.column_text(0));
    plan_documents(options, zones);
    plan_reserved_routes(options);
    resolve_collisions(options);
    plan_routes();
    plan_assets();
    transaction.commit();
    plan_.reset();  // from here on it is only read, through a connection per thread
  } catch (...) {
    reserve_.reset();
    plan_.reset();
    remove_file();
    throw;
  }
}

SitePlan::~SitePlan() { remove_file(); }

void SitePlan::remove_file() const {
  std::error_code ignored;  // cannot throw from a destructor; a stray file goes with the next run
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix, ignored);
}

// Each document with the slug its legacy path (or title) gives, and the
// route that slug would have.
void SitePlan::plan_documents(const TransformOptions& options, const BlogZones& zones) {
  auto q = db_.prepare(kDocumentsSql);
  auto insert = plan_->prepare(
      "INSERT INTO transform_plan (item_id, published, kind, base, sort_key, date, legacy_path, slug, route)"
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
    const std::string route = route_for(route_pattern(options, kind), date, base);
    insert.bind(1, id).bind(2, published_utc).bind(3, kind).bind(4, base).bind(5, published_utc + "#" + std::to_string(id));
    insert.bind(6, date).bind(7, legacy_path).bind(8, base).bind(9, route).run();
    ++documents_;
    // A live post's archive pages: routes no document may take.
    if (kind == "post" && q.column_text(8) == "LIVE" && date.size() >= 7) {
      reserve(archive_route_for(options.archive_year_route_pattern, date.substr(0, 4), ""));
      reserve(archive_route_for(options.archive_month_route_pattern, date.substr(0, 4), date.substr(5, 2)));
    }
  }
}

// Two routes a server answers alike: "/tags" and "/tags/".
static std::string route_key(std::string_view route) {
  while (route.size() > 1 && route.back() == '/') route.remove_suffix(1);
  return std::string(route);
}

void SitePlan::reserve(const std::string& route) {
  if (route.empty()) return;
  if (!reserve_) reserve_ = std::make_unique<Statement>(plan_->prepare("INSERT OR IGNORE INTO transform_reserved VALUES (?)"));
  reserve_->bind(1, route_key(route)).run();
}

// The routes of the site's own pages, which a document of the blog must not
// take: the skeleton's home, /tags/ and /authors/ indexes and 404 page, the
// feed, and the listing pages (a tag page per label of a live post; the
// archive pages were reserved with the documents; author pages are under
// /authors/, two segments no slug gives). A Blogger page /p/tags.html
// would otherwise be built over the tags index, and its old URL end there.
void SitePlan::plan_reserved_routes(const TransformOptions& options) {
  for (const char* route : {"/", "/tags/", "/authors/", "/404.html", "/404"}) reserve(route);
  reserve(options.feed_route);
  auto labels = db_.prepare(
      "SELECT DISTINCT l.name FROM labels l JOIN item_labels il ON il.label_id = l.id JOIN items i ON i.id = il.item_id"
      " WHERE i.kind = 'post' AND i.status = 'LIVE'");
  while (labels.step()) reserve(tag_route_for(options.tag_route_pattern, labels.column_text(0)));
  reserve_.reset();
}

// The second and later documents (in publication order) with one slug are
// numbered (numbered_slug()); each kind has its own slugs. A document whose
// route is one of the site's own (plan_reserved_routes) is numbered too,
// the first of its slug as well.
void SitePlan::resolve_collisions(const TransformOptions& options) {
  // In (kind, base, publication) order, an index walk: the first of each
  // base keeps it.
  auto all = plan_->prepare("SELECT item_id, kind, base, date FROM transform_plan ORDER BY kind, base, sort_key");
  auto own = plan_->prepare("SELECT 1 FROM transform_plan WHERE kind = ? AND base = ? LIMIT 1");
  auto reserved = plan_->prepare("SELECT 1 FROM transform_reserved WHERE route = ?");
  auto renamed = plan_->prepare("INSERT INTO transform_renamed (item_id, slug, route) VALUES (?, ?, ?)");
  auto is_reserved = [&](const std::string& route) {
    reserved.bind(1, route_key(route));
    const bool taken = reserved.step();
    reserved.reset();
    return taken;
  };
  std::string kind, base;
  int next = 2;
  for (bool first_row = true; all.step(); first_row = false) {
    const std::string date = all.column_text(3);
    if (first_row || all.column_text(1) != kind || all.column_text(2) != base) {
      kind = all.column_text(1);
      base = all.column_text(2);
      next = 2;
      if (!is_reserved(route_for(route_pattern(options, kind), date, base))) continue;
    }
    const std::string slug = numbered_slug(base, next, [&](const std::string& candidate) {
      own.bind(1, kind).bind(2, candidate);
      const bool taken = own.step();
      own.reset();
      return taken || is_reserved(route_for(route_pattern(options, kind), date, candidate));
    });
    renamed.bind(1, all.column_int(0)).bind(2, slug);
    renamed.bind(3, route_for(route_pattern(options, kind), date, slug)).run();
  }
  plan_->exec(
      "UPDATE transform_plan SET slug = r.slug, route = r.route FROM transform_renamed r"
      " WHERE transform_plan.item_id = r.item_id");
}

// Legacy paths first (a later document with the same path wins), then the
// path of every URL a source saw for a document, where no legacy path is.
void SitePlan::plan_routes() {
  plan_->exec(
      "INSERT OR REPLACE INTO transform_routes (path, route)"
      " SELECT legacy_path, route FROM transform_plan WHERE legacy_path <> '' ORDER BY published, item_id");
  auto urls = db_.prepare("SELECT item_id, url FROM item_urls ORDER BY item_id, url");
  auto route = plan_->prepare("SELECT route FROM transform_plan WHERE item_id = ?");
  auto insert = plan_->prepare("INSERT OR IGNORE INTO transform_routes (path, route) VALUES (?, ?)");
  while (urls.step()) {
    route.bind(1, urls.column_int(0));
    if (route.step()) {
      const std::string path = url_path(urls.column_text(1));
      if (!path.empty()) insert.bind(1, path).bind(2, route.column_text(0)).run();
    }
    route.reset();
  }
}

void SitePlan::plan_assets() {
  auto assets = db_.prepare("SELECT id, url, COALESCE(content_type, ''), size FROM assets ORDER BY id");
  auto insert = plan_->prepare(
      "INSERT INTO transform_assets (key, asset_id, content_type, size) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (key) DO UPDATE SET asset_id = excluded.asset_id, content_type = excluded.content_type,"
      " size = excluded.size WHERE excluded.size > transform_assets.size");
  while (assets.step()) {
    insert.bind(1, asset_key(assets.column_text(1))).bind(2, assets.column_int(0));
    insert.bind(3, assets.column_text(2)).bind(4, assets.column_int(3)).run();
  }
}

PlannedDocuments::PlannedDocuments(const SitePlan& plan)
    : connection_(plan.path()),
      rows_(connection_.handle(), "SELECT item_id, slug, route, date FROM transform_plan ORDER BY published, item_id",
            connection_.path()) {}

bool PlannedDocuments::next() { return rows_.step(); }

PlanLookup::PlanLookup(const SitePlan& plan)
    : connection_(plan.path()),
      routes_(connection_.handle(), "SELECT route FROM transform_routes WHERE path = ?", connection_.path()),
      assets_(connection_.handle(), "SELECT asset_id, content_type, size FROM transform_assets WHERE key = ?",
              connection_.path()) {}

std::optional<std::string> PlanLookup::route(const std::string& old_path) {
  routes_.bind(1, old_path);
  std::optional<std::string> route;
  if (routes_.step()) route = routes_.column_text(0);
  routes_.reset();
  return route;
}

std::optional<HeldAsset> PlanLookup::asset(const std::string& key) {
  assets_.bind(1, key);
  std::optional<HeldAsset> held;
  if (assets_.step()) held = HeldAsset{assets_.column_int(0), assets_.column_text(1), assets_.column_int(2)};
  assets_.reset();
  return held;
}

}  // namespace blogshift
