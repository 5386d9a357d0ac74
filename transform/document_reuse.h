// What makes transform incremental: a document the last run made is kept
// when it would come out the same, which is when
//  - its input digest is unchanged: body (items.body_sha256), metadata,
//    labels, comments, planned slug/route/file, options, the blog's zone
//    and hosts, and the transform's own build (the executable's digest, so
//    a new blogshift converts everything again); and
//  - every lookup into the site plan its links made (the route of an old
//    path, the held copy of a file) still gives the same answer: a post
//    that links to one that appeared, moved or went away is converted again.
// The lookups are recorded (RecordingLookup) while a document is converted,
// and kept in document_lookups (docs/staging-schema.md, version 4).
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "links/link_rewriter.h"
#include "planned_document.h"
#include "sqlite_db.h"

namespace blogshift {

// SHA-256 of the running executable, read once per process ("" when it
// cannot be read: then nothing is ever kept).
const std::string& transform_build_digest();

// Digests of each document's input under one run's options and site.
class InputDigest {
public:
  InputDigest(std::string options_sha256, const std::set<std::string>& hosts);
  std::string of(const Job& job, const std::string& zone) const;

private:
  std::string common_;  // build, options and hosts
};

// One plan lookup a document made and its answer.
struct PlanAnswer {
  std::string kind;  // route | asset
  std::string key, answer;
};

// A SiteLookup that passes every lookup on to `inner` and remembers the
// question and answer.
class RecordingLookup final : public SiteLookup {
public:
  explicit RecordingLookup(SiteLookup& inner) : inner_(inner) {}
  std::optional<std::string> route(const std::string& old_path) override;
  std::optional<HeldAsset> asset(const std::string& key) override;
  std::vector<PlanAnswer> take() { return std::move(answers_); }

private:
  SiteLookup& inner_;
  std::vector<PlanAnswer> answers_;
};

// Whether the document recorded for an item can be kept (see the top).
class ReuseCheck {
public:
  ReuseCheck(Database& db, SiteLookup& lookup);
  bool can_keep(int64_t item_id, const std::string& input_sha256);

private:
  std::string answer(const std::string& kind, const std::string& key);

  SiteLookup& lookup_;
  Statement recorded_, lookups_;
};

}  // namespace blogshift
