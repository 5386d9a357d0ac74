// The transform's plan of the whole site, kept in a scratch SQLite file of
// its own (beside the staging database, removed when done) so that memory
// does not grow with the number of documents, and so that every thread
// reads it through a connection of its own:
//   transform_plan    every document to convert, in the order the stage
//                     writes them (publication date, then id): its slug
//                     (collisions resolved in publication order), route
//                     and local publication date;
//   transform_routes  every old path that leads to a route: the legacy
//                     paths (the last document wins), then the paths of the
//                     URLs the sources saw (the first one wins);
//   transform_assets  the held assets by asset_key() (the largest size
//                     variant wins).
// SitePlan builds it from the staging database (inside the stage's
// transaction); the main thread then reads the documents in order
// (PlannedDocuments) and each worker looks links up with a PlanLookup.
#pragma once

#include <map>
#include <memory>
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

// A read-only connection to a plan file, for one thread.
class PlanConnection {
public:
  explicit PlanConnection(const std::string& path);
  sqlite3* handle() const { return db_.get(); }
  const std::string& path() const { return path_; }

private:
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  std::string path_;
  std::unique_ptr<sqlite3, Closer> db_;
};

class SitePlan {
public:
  SitePlan(Database& db, const TransformOptions& options, const BlogZones& zones);
  ~SitePlan();  // removes the file
  SitePlan(const SitePlan&) = delete;
  SitePlan& operator=(const SitePlan&) = delete;

  // The old blog's hosts and the tag and archive route patterns (routes and assets are
  // in the plan: use a PlanLookup).
  const SiteMap& site() const { return site_; }
  const std::string& path() const { return path_; }
  int64_t documents() const { return documents_; }  // planned documents

private:
  void plan_documents(const TransformOptions& options, const BlogZones& zones);
  void plan_reserved_routes(const TransformOptions& options);
  void reserve(const std::string& route);  // a route of the site's own pages
  void resolve_collisions(const TransformOptions& options);
  void plan_routes();
  void plan_assets();
  void remove_file() const;

  Database& db_;  // the staging database
  std::string path_;
  std::unique_ptr<Database> plan_;  // the plan file while it is written
  std::unique_ptr<Statement> reserve_;  // INSERT into transform_reserved, while planning
  SiteMap site_;
  int64_t documents_ = 0;
};

// The planned documents in the plan's order: item id, slug, route and local date.
class PlannedDocuments {
public:
  explicit PlannedDocuments(const SitePlan& plan);
  bool next();  // false after the last
  int64_t item_id() const { return rows_.column_int(0); }
  std::string slug() const { return rows_.column_text(1); }
  std::string route() const { return rows_.column_text(2); }
  std::string date() const { return rows_.column_text(3); }  // YYYY-MM-DD in the blog's zone

private:
  PlanConnection connection_;
  Statement rows_;
};

// One thread's lookups into a plan.
class PlanLookup final : public SiteLookup {
public:
  explicit PlanLookup(const SitePlan& plan);
  std::optional<std::string> route(const std::string& old_path) override;
  std::optional<HeldAsset> asset(const std::string& key) override;

private:
  PlanConnection connection_;
  Statement routes_, assets_;
};

}  // namespace blogshift
