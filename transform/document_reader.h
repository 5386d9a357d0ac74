// The planned documents in the plan's order, a batch at a time: the plan
// (site_plan.h) gives the order, slug, route and local date; the staging
// database the rest. In the `Inputs` mode bodies are not read (the reuse
// check digests items.body_sha256 instead); in the `Convert` mode each job
// also carries the reuse decision recorded in temp.transform_inputs, and
// the bodies of kept documents are not read.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "metadata/site_layout.h"
#include "planned_document.h"
#include "site_plan.h"
#include "sqlite_db.h"
#include "transform_stage.h"

namespace blogshift {

class DocumentReader {
public:
  enum class Mode { Inputs, Convert };
  DocumentReader(Database& db, const SitePlan& plan, const TransformOptions& options, Mode mode);

  // Up to `count` documents, up to `bytes` of HTML once there is one; none
  // when all were read.
  std::vector<Job> next(size_t count, size_t bytes);

private:
  Job read();

  std::string db_path_;
  PlannedDocuments planned_;
  Statement item_, labels_, comments_;
  bool comments_file_;
  SiteLayout layout_;
  bool done_ = false;
};

}  // namespace blogshift
