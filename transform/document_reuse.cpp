#include "document_reuse.h"

#include <exception>
#include <mutex>

#include "digest.h"

namespace blogshift {

namespace {

// Each field length-prefixed, so no two different inputs digest alike.
void add(Sha256& sha, std::string_view field) {
  sha.update(std::to_string(field.size()));
  sha.update(":");
  sha.update(field);
}

std::string optional_text(const std::optional<int>& value) { return value ? std::to_string(*value) : "-"; }

std::string asset_answer(const std::optional<HeldAsset>& held) {
  if (!held) return {};
  return std::to_string(held->asset_id) + " " + held->content_type + " " + std::to_string(held->size);
}

}  // namespace

const std::string& transform_build_digest() {
  static std::once_flag once;
  static std::string digest;
  std::call_once(once, [] {
    try {
      digest = sha256_file("/proc/self/exe");
    } catch (const std::exception&) {
      digest.clear();  // unknown build: keep nothing
    }
  });
  return digest;
}

InputDigest::InputDigest(std::string options_sha256, const std::set<std::string>& hosts) {
  Sha256 sha;
  add(sha, transform_build_digest());
  add(sha, options_sha256);
  for (const auto& host : hosts) add(sha, host);
  common_ = sha.hex_digest();
}

std::string InputDigest::of(const Job& job, const std::string& zone) const {
  const Planned& d = job.doc;
  Sha256 sha;
  add(sha, common_);
  add(sha, zone);
  for (const std::string* field : {&d.blog_id, &d.kind, &d.blogger_id, &d.status, &d.title, &d.author, &d.legacy_path,
                                   &d.source_sha256, &d.published_utc, &d.updated_utc, &d.slug, &d.route, &d.path,
                                   &d.local_date, &d.asset_dir, &d.asset_prefix, &d.comments_path})
    add(sha, *field);
  add(sha, optional_text(d.published_offset));
  add(sha, optional_text(d.updated_offset));
  add(sha, std::to_string(d.comments));
  add(sha, std::to_string(d.labels.size()));
  for (const auto& label : d.labels) add(sha, label);
  add(sha, d.source_sha256.empty() ? job.body : std::string());  // a body with no recorded digest
  add(sha, std::to_string(job.comments.size()));
  for (const auto& c : job.comments)
    for (const std::string* field : {&c.id, &c.author, &c.author_uri, &c.published_utc, &c.body_html, &c.extra_json})
      add(sha, *field);
  for (const auto& c : job.comments) add(sha, optional_text(c.offset));
  const std::string digest = sha.hex_digest();
  return transform_build_digest().empty() ? "" : digest;
}

std::optional<std::string> RecordingLookup::route(const std::string& old_path) {
  std::optional<std::string> route = inner_.route(old_path);
  answers_.push_back({"route", old_path, route.value_or("")});
  return route;
}

std::optional<HeldAsset> RecordingLookup::asset(const std::string& key) {
  std::optional<HeldAsset> held = inner_.asset(key);
  answers_.push_back({"asset", key, asset_answer(held)});
  return held;
}

ReuseCheck::ReuseCheck(Database& db, SiteLookup& lookup)
    : lookup_(lookup),
      recorded_(db.prepare("SELECT input_sha256 FROM documents WHERE item_id = ?")),
      lookups_(db.prepare("SELECT kind, key, answer FROM document_lookups WHERE item_id = ?")) {}

std::string ReuseCheck::answer(const std::string& kind, const std::string& key) {
  if (kind == "route") return lookup_.route(key).value_or("");
  return asset_answer(lookup_.asset(key));
}

bool ReuseCheck::can_keep(int64_t item_id, const std::string& input_sha256) {
  if (input_sha256.empty()) return false;
  recorded_.bind(1, item_id);
  const bool same_input = recorded_.step() && recorded_.column_text(0) == input_sha256;
  recorded_.reset();
  if (!same_input) return false;
  lookups_.bind(1, item_id);
  bool same_answers = true;
  while (same_answers && lookups_.step())
    same_answers = answer(lookups_.column_text(0), lookups_.column_text(1)) == lookups_.column_text(2);
  lookups_.reset();
  return same_answers;
}

}  // namespace blogshift
