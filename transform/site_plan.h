// The transform's plan of the whole site, kept in temporary tables of the
// staging database so that memory does not grow with the number of
// documents:
//   transform_plan    every document to convert, in the order the stage
//                     writes them (publication date, then id): its slug
//                     (collisions resolved in publication order), route,
//                     file and local publication date;
//   transform_routes  every old path that leads to a route: the legacy
//                     paths (the last document wins), then the paths of the
//                     URLs the sources saw (the first one wins);
//   transform_assets  the held assets by asset_key() (the largest size
//                     variant wins).
// SitePlan builds them inside the stage's transaction and drops them when
// destroyed. The documents are then read from transform_plan in order
// (kPlannedDocumentsSql); PlanLookup answers the link rewriter from the
// other two.
//
// Threads: the connection is shared by the stage's main thread and its
// workers' PlanLookups. That needs SQLite's serialized mode (each call on
// the connection holds its mutex; the default build), which
// shares_connection() checks; a lookup holds that mutex over its few calls.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "links/link_rewriter.h"
#include "sqlite_db.h"
#include "transform_stage.h"

namespace blogshift {

// The zone for a blog's dates: --timezone, else the blog's own setting
// (classic exports), else none ("").
class BlogZones {
public:
  explicit BlogZones(Database& db);
  std::string zone_for(const std::string& blog_id, const TransformOptions& options) const;

private:
  std::map<std::string, std::string> by_blog_;
};

// Minutes east of UTC for a time: the source's own offset first, then the
// zone (when there is one), else UTC.
int offset_for(std::optional<int> source_offset, const std::string& zone, const std::string& utc);

// The documents to convert in the plan's order, one row each:
//   0 item_id  1 blog_id  2 kind  3 blogger_id  4 status  5 title  6 author
//   7 legacy_path  8 body_sha256  9 published_utc  10 published_offset
//   11 updated_utc  12 updated_offset  13 comment count  14 slug  15 route
//   16 body_html
extern const char* const kPlannedDocumentsSql;

class SitePlan {
public:
  SitePlan(Database& db, const TransformOptions& options, const BlogZones& zones);
  ~SitePlan();
  SitePlan(const SitePlan&) = delete;
  SitePlan& operator=(const SitePlan&) = delete;

  // The old blog's hosts and the tag route pattern (routes and assets are
  // in the tables: use a PlanLookup).
  const SiteMap& site() const { return site_; }

private:
  void plan_documents(const TransformOptions& options, const BlogZones& zones);
  void resolve_collisions(const TransformOptions& options);
  void plan_routes();
  void plan_assets();

  Database& db_;
  SiteMap site_;
};

// Whether threads may share `db` (SQLite's serialized mode).
bool shares_connection(Database& db);

// One thread's lookups into a SitePlan's tables.
class PlanLookup final : public SiteLookup {
public:
  explicit PlanLookup(Database& db);
  ~PlanLookup() override;
  PlanLookup(const PlanLookup&) = delete;
  PlanLookup& operator=(const PlanLookup&) = delete;

  std::optional<std::string> route(const std::string& old_path) override;
  std::optional<HeldAsset> asset(const std::string& key) override;

private:
  sqlite3_mutex* mutex_;  // the connection's own; null when nothing shares it
  std::optional<Statement> routes_, assets_;
};

}  // namespace blogshift
