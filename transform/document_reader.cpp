#include "document_reader.h"

#include "errors.h"

namespace blogshift {

namespace {

std::optional<int> optional_int(Statement& s, int column) {
  if (s.column_is_null(column)) return std::nullopt;
  return static_cast<int>(s.column_int(column));
}

// The item's columns; the last three are the body (when needed), the input
// digest and the reuse decision of the Convert mode.
std::string item_sql(DocumentReader::Mode mode) {
  const bool convert = mode == DocumentReader::Mode::Convert;
  return std::string(
             "SELECT i.blog_id, i.kind, COALESCE(i.blogger_id, ''), i.status, COALESCE(i.title, ''),"
             " COALESCE(sa.site_id, a.name, ''), COALESCE(i.legacy_path, ''), COALESCE(i.body_sha256, ''),"
             " COALESCE(i.published_utc, ''), i.published_offset, COALESCE(i.updated_utc, ''), i.updated_offset,"
             " (SELECT COUNT(*) FROM items c WHERE c.parent_id = i.id AND c.kind = 'comment'), ") +
         (convert ? "CASE WHEN t.keep THEN '' ELSE COALESCE(i.body_html, '') END, t.input_sha256, COALESCE(t.keep, 0)"
                  // A body without a recorded digest is digested whole.
                  : "CASE WHEN i.body_sha256 IS NULL THEN COALESCE(i.body_html, '') ELSE '' END, '', 0") +
         " FROM items i LEFT JOIN authors a ON a.id = i.author_id LEFT JOIN author_site_ids sa ON sa.author_id = i.author_id" +
         (convert ? " LEFT JOIN temp.transform_inputs t ON t.item_id = i.id" : "") + " WHERE i.id = ?";
}

}  // namespace

DocumentReader::DocumentReader(Database& db, const SitePlan& plan, const TransformOptions& options, Mode mode)
    : db_path_(db.path()),
      planned_(plan),
      item_(db.prepare(item_sql(mode))),
      labels_(db.prepare("SELECT l.name FROM item_labels il JOIN labels l ON l.id = il.label_id"
                         " WHERE il.item_id = ? ORDER BY l.name")),
      comments_(db.prepare(
          "SELECT COALESCE(c.blogger_id, ''), COALESCE(a.name, ''), COALESCE(a.uri, ''),"
          " COALESCE(c.published_utc, ''), COALESCE(c.body_html, ''), COALESCE(c.extra_json, ''), c.published_offset"
          " FROM items c LEFT JOIN authors a ON a.id = c.author_id"
          " WHERE c.parent_id = ? AND c.kind = 'comment' AND c.status = 'LIVE'"
          " ORDER BY COALESCE(c.published_utc, ''), c.id")),
      comments_file_(options.comments_file),
      layout_(parse_site_layout(options.layout)) {}

std::vector<Job> DocumentReader::next(size_t count, size_t bytes) {
  std::vector<Job> batch;
  size_t html = 0;
  while (batch.size() < count && html < bytes && !done_) {
    if (!planned_.next()) {
      done_ = true;
      break;
    }
    batch.push_back(read());
    html += batch.back().body.size();
  }
  return batch;
}

Job DocumentReader::read() {
  Job job;
  Planned& p = job.doc;
  p.item_id = planned_.item_id();
  p.slug = planned_.slug();
  p.route = planned_.route();
  item_.bind(1, p.item_id);
  if (!item_.step())  // the plan was made in this transaction: cannot happen
    throw FatalError(db_path_, "item " + std::to_string(p.item_id) + " of the transform's plan is missing");
  p.blog_id = item_.column_text(0);
  p.kind = item_.column_text(1);
  p.blogger_id = item_.column_text(2);
  p.status = item_.column_text(3);
  p.title = item_.column_text(4);
  p.author = item_.column_text(5);
  p.legacy_path = item_.column_text(6);
  p.source_sha256 = item_.column_text(7);
  p.published_utc = item_.column_text(8);
  p.published_offset = optional_int(item_, 9);
  p.updated_utc = item_.column_text(10);
  p.updated_offset = optional_int(item_, 11);
  p.comments = item_.column_int(12);
  job.body = item_.column_text(13);
  job.input_sha256 = item_.column_text(14);
  job.keep = item_.column_int(15) != 0;
  item_.reset();
  p.local_date = planned_.date();
  DocumentPlace place = place_document(layout_, p.kind, p.slug, p.local_date, p.status == "LIVE");
  p.path = std::move(place.path);
  p.asset_dir = std::move(place.asset_dir);
  p.asset_prefix = std::move(place.asset_prefix);
  p.comments_path = std::move(place.comments_path);
  labels_.bind(1, p.item_id);
  while (labels_.step()) p.labels.push_back(labels_.column_text(0));
  labels_.reset();
  if (comments_file_ && !job.keep) {  // a kept document is not converted: its comments are not needed
    comments_.bind(1, p.item_id);
    while (comments_.step())
      job.comments.push_back({comments_.column_text(0), comments_.column_text(1), comments_.column_text(2),
                              comments_.column_text(3), comments_.column_text(4), comments_.column_text(5),
                              optional_int(comments_, 6)});
    comments_.reset();
  }
  return job;
}

}  // namespace blogshift
