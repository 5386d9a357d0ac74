// A post or page the transform converts: what the staging database says
// about it, its place in the plan (slug, route, file), and what it is
// converted from (body, comments). Shared by the reader, the reuse check and
// the stage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace blogshift {

struct Planned {
  int64_t item_id = 0;
  std::string blog_id, kind, blogger_id, status, title, author, legacy_path, source_sha256;
  std::string published_utc, updated_utc;
  std::optional<int> published_offset, updated_offset;
  int64_t comments = 0;
  std::vector<std::string> labels;
  std::string slug, route, path, local_date;
  std::string asset_dir, asset_prefix = "./", comments_path;  // from the layout
};

// A comment as the database holds it, before its body is converted.
struct CommentInput {
  std::string id, author, author_uri, published_utc, body_html, extra_json;
  std::optional<int> offset;
};

// A planned document and what it is converted from. `keep`: the document
// the last run made from the same input is still right (document_reuse.h),
// so it is not converted again and `body` is not read.
struct Job {
  Planned doc;
  std::string body;
  std::vector<CommentInput> comments;
  std::string input_sha256;
  bool keep = false;
};

}  // namespace blogshift
