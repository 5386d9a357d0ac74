#include "transform_stage.h"

#include <algorithm>
#include <map>

#include "batch_workers.h"
#include "body_converter.h"
#include "digest.h"
#include "errors.h"
#include "records.h"
#include "site_plan.h"
#include "fidelity/fidelity_check.h"
#include "links/link_rewriter.h"
#include "links/redirect_table.h"
#include "markdown/cmark_render.h"
#include "markdown/commonmark_writer.h"
#include "metadata/comments_file.h"
#include "metadata/front_matter.h"
#include "metadata/post_metadata.h"
#include "metadata/site_layout.h"
#include "staging_store.h"
#include "text.h"
#include "url.h"

namespace blogshift {

namespace {

// Documents converted between writes: at most this many, and no more HTML
// than this once one is in, so memory stays bounded however large (or
// however alike, as in a blog of copies) the posts in a row are.
constexpr size_t kBatch = 64;
constexpr size_t kBatchBytes = size_t{1} << 20;

// A post or page to convert: what the database says, plus its planned place.
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

struct Converted {
  std::string front_matter, markdown, comments_yaml;
  FidelityResult fidelity;
  RewriteResult links;
  ConvertReport convert;
  double html_bytes = 0;
};

// A planned document and what it is converted from.
struct Job {
  Planned doc;
  std::string body;
  std::vector<CommentInput> comments;
};

std::optional<int> optional_int(Statement& s, int column) {
  if (s.column_is_null(column)) return std::nullopt;
  return static_cast<int>(s.column_int(column));
}

// The planned documents in order, a batch at a time: the plan gives the
// order, slug and route; the staging database the rest.
class DocumentReader {
public:
  DocumentReader(Database& db, const SitePlan& plan, const TransformOptions& options)
      : db_path_(db.path()),
        planned_(plan),
        item_(db.prepare(
            "SELECT i.blog_id, i.kind, COALESCE(i.blogger_id, ''), i.status, COALESCE(i.title, ''),"
            " COALESCE(a.name, ''), COALESCE(i.legacy_path, ''), COALESCE(i.body_sha256, ''),"
            " COALESCE(i.published_utc, ''), i.published_offset, COALESCE(i.updated_utc, ''), i.updated_offset,"
            " (SELECT COUNT(*) FROM items c WHERE c.parent_id = i.id AND c.kind = 'comment'), COALESCE(i.body_html, '')"
            " FROM items i LEFT JOIN authors a ON a.id = i.author_id WHERE i.id = ?")),
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

  // Up to `count` documents, up to `bytes` of HTML once there is one;
  // none when all were read.
  std::vector<Job> next(size_t count, size_t bytes) {
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

private:
  Job read() {
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
    item_.reset();
    p.local_date = planned_.date();
    DocumentPlace place = place_document(layout_, p.kind, p.slug, p.local_date);
    p.path = std::move(place.path);
    p.asset_dir = std::move(place.asset_dir);
    p.asset_prefix = std::move(place.asset_prefix);
    p.comments_path = std::move(place.comments_path);
    labels_.bind(1, p.item_id);
    while (labels_.step()) p.labels.push_back(labels_.column_text(0));
    labels_.reset();
    if (comments_file_) {
      comments_.bind(1, p.item_id);
      while (comments_.step())
        job.comments.push_back({comments_.column_text(0), comments_.column_text(1), comments_.column_text(2),
                                comments_.column_text(3), comments_.column_text(4), comments_.column_text(5),
                                optional_int(comments_, 6)});
      comments_.reset();
    }
    return job;
  }

  std::string db_path_;
  PlannedDocuments planned_;
  Statement item_, labels_, comments_;
  bool comments_file_;
  SiteLayout layout_;
  bool done_ = false;
};

// "in_reply_to" from a scraped comment's extra_json, when there.
std::string reply_to_of(const std::string& extra_json) {
  const std::string key = "\"in_reply_to\":\"";
  auto at = extra_json.find(key);
  if (at == std::string::npos) return {};
  auto end = extra_json.find('"', at + key.size());
  return end == std::string::npos ? std::string() : extra_json.substr(at + key.size(), end - at - key.size());
}

// Comments are dated in the blog's zone: their own offset, else the zone,
// else the offset the post itself was published with.
std::string comments_yaml(const std::vector<CommentInput>& comments, const std::string& zone,
                          std::optional<int> post_offset) {
  std::vector<CommentEntry> entries;
  for (const auto& c : comments) {
    CommentEntry e;
    e.id = c.id;
    e.author = without_email(c.author);
    e.author_url = c.author_uri;
    const int offset = c.offset ? *c.offset : !zone.empty() ? offset_for(std::nullopt, zone, c.published_utc)
                                                              : post_offset.value_or(0);
    e.date = local_timestamp(c.published_utc, offset);
    e.reply_to = reply_to_of(c.extra_json);
    BodyConversion conv = convert_body(c.body_html);
    e.body = write_commonmark(*conv.document);
    entries.push_back(std::move(e));
  }
  return write_comments_file(entries);
}

// make_description of the document's plain text, reading only the start of
// it that the description can use (a long post's whole text is not built).
std::string description_of(const DocNode& document, size_t limit) {
  if (limit < (size_t{1} << 20))
    for (size_t cap = 2 * limit + 64;; cap *= 4) {
      const std::string text = plain_text(document, cap);
      if (text.size() < cap) return make_description(text, limit);  // the whole text
      if (auto description = make_description_from_prefix(text, limit)) return std::move(*description);
    }
  return make_description(plain_text(document), limit);
}

Converted convert_one(const Job& job, const SiteMap& site, SiteLookup& lookup, const TransformOptions& options,
                      const std::string& zone) {
  const Planned& d = job.doc;
  Converted out;
  out.html_bytes = static_cast<double>(job.body.size());
  BodyConversion conv = convert_body(job.body);
  out.convert = std::move(conv.convert);
  out.links = rewrite_links(*conv.document, site, lookup, d.legacy_path, d.asset_prefix);
  out.markdown = write_commonmark(*conv.document);
  out.fidelity = check_fidelity(*conv.body, out.markdown, out.links.url_map);

  FrontMatter fm;
  fm.layout = parse_site_layout(options.layout);
  fm.route = d.route;
  fm.title = d.title;
  const int published_offset = offset_for(d.published_offset, zone, d.published_utc);
  const std::string& updated = d.updated_utc.empty() ? d.published_utc : d.updated_utc;
  const int updated_offset = offset_for(d.updated_offset ? d.updated_offset : d.published_offset, zone, updated);
  fm.publish_date = options.full_timestamp ? local_timestamp(d.published_utc, published_offset)
                                           : local_date(d.published_utc, published_offset);
  fm.updated_date = options.full_timestamp ? local_timestamp(updated, updated_offset) : local_date(updated, updated_offset);
  fm.author = d.author;
  fm.description = description_of(*conv.document, options.description_length);
  fm.tags = d.labels;
  fm.published = d.status == "LIVE";
  fm.legacy_url = d.legacy_path;
  if (d.status != "LIVE") fm.draft = true;
  if (options.blogger_id_field) fm.blogger_id = d.blogger_id;
  if (options.comments_field) fm.comments = static_cast<int>(d.comments);
  if (!d.legacy_path.empty() && options.aliases_field) fm.aliases = {d.legacy_path};
  if (!d.legacy_path.empty() && options.redirect_from_field) fm.redirect_from = {d.legacy_path};
  out.front_matter = write_front_matter(fm);
  if (options.comments_file) out.comments_yaml = comments_yaml(job.comments, zone, d.published_offset);
  return out;
}

class Writer {
public:
  Writer(Database& db, const TransformOptions& options) : options_sha256_(options_digest(options)), db_(db) {}

  void write(const Planned& d, const Converted& c, TransformReport& report) {
    auto& doc = db_.cached(
        "INSERT INTO documents (item_id, kind, slug, route, path, front_matter, markdown, source_sha256,"
        " options_sha256, fidelity_passed, text_recall, break_recall, links_kept, links_total, images_kept,"
        " images_total, code_ok, fidelity_detail, comments_yaml, asset_dir, comments_path)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    const FidelityResult& f = c.fidelity;
    doc.bind(1, d.item_id).bind(2, d.kind).bind(3, d.slug).bind(4, d.route).bind(5, d.path);
    doc.bind(6, c.front_matter).bind(7, c.markdown).bind(8, d.source_sha256).bind(9, options_sha256_);
    doc.bind(10, static_cast<int64_t>(f.passed));
    doc.bind_real(11, f.text_recall).bind_real(12, f.break_recall);
    doc.bind(13, static_cast<int64_t>(f.links_kept)).bind(14, static_cast<int64_t>(f.links_total));
    doc.bind(15, static_cast<int64_t>(f.images_kept)).bind(16, static_cast<int64_t>(f.images_total));
    doc.bind(17, static_cast<int64_t>(f.code_ok)).bind_or_null(18, f.detail).bind(19, c.comments_yaml);
    doc.bind(20, d.asset_dir).bind(21, d.comments_path);
    doc.run();

    auto& link = db_.cached(
        "INSERT INTO document_links (item_id, seq, kind, url, outcome, target, asset_id) VALUES (?,?,?,?,?,?,?)");
    int64_t seq = 0;
    for (const auto& l : c.links.links) {
      link.bind(1, d.item_id).bind(2, ++seq).bind(3, l.kind).bind(4, l.url).bind(5, l.outcome).bind_or_null(6, l.target);
      if (l.asset_id > 0) link.bind(7, l.asset_id);
      link.run();
      if (l.outcome == "rewritten") ++report.links_rewritten;
      if (l.outcome == "missing") {
        ++report.links_missing;
        problem(d, Severity::Warning, "LINK_NOT_FOUND", "link to the old blog points at no known post: " + l.url);
      }
      if (l.outcome == "local") ++report.images_local;
      if (l.outcome == "remote") ++report.images_remote;
    }
    for (const auto& raw : c.convert.kept_raw) {
      ++report.kept_raw;
      problem(d, Severity::Info, "HTML_KEPT_RAW", "kept as raw HTML: " + raw);
    }
    for (const auto& unknown : c.convert.unknown)
      problem(d, Severity::Warning, "HTML_UNKNOWN_ELEMENT", "no rule for <" + unknown + ">; kept as raw HTML");
    if (!f.passed) problem(d, Severity::Warning, "FIDELITY_FAILED", f.detail);
    else ++report.fidelity_passed;
    ++report.documents;
    (d.kind == "post" ? report.posts : report.pages) += 1;
    if (d.status != "LIVE") ++report.drafts;
    if (d.status == "LIVE")  // only published documents are redirected to
      redirect_documents.push_back(
          {d.item_id, d.blog_id, d.kind, d.status, d.blogger_id, d.legacy_path, d.route, d.local_date, d.labels});
  }

  int64_t problems = 0;
  // What the redirect table is built from once every document is written:
  // one small row per published document (the table itself holds one row
  // per old URL, so it is as large as the blog in any case).
  std::vector<RedirectDocument> redirect_documents;

private:
  static std::string options_digest(const TransformOptions& o) {
    return sha256_hex(o.timezone + "|" + o.route_pattern + "|" + o.page_route_pattern + "|" + o.tag_route_pattern +
                      "|" + std::to_string(o.full_timestamp) + "|" + std::to_string(o.description_length) + "|" +
                      std::to_string(o.blogger_id_field) + "|" + std::to_string(o.comments_field) + "|" +
                      std::to_string(o.aliases_field) + "|" + std::to_string(o.redirect_from_field) + "|" +
                      std::to_string(o.comments_file) + "|" + o.layout + "|" + o.archive_year_route_pattern + "|" +
                      o.archive_month_route_pattern + "|" + o.feed_route);
  }

  void problem(const Planned& d, Severity severity, const char* code, const std::string& message) {
    ProblemRecord p;
    p.stage = "transform";
    p.position.file = d.path;
    p.item = d.legacy_path.empty() ? d.blogger_id : d.legacy_path;
    p.severity = severity;
    p.code = code;
    p.message = message;
    insert_problem(db_, p);
    ++problems;
  }

  const std::string options_sha256_;
  Database& db_;
};

}  // namespace

TransformReport run_transform(Database& db, const TransformOptions& options) {
  TransformReport report;
  render_commonmark_to_html("");  // registers cmark-gfm's extensions before any thread runs

  Transaction transaction(db);
  db.exec("DELETE FROM document_links; DELETE FROM documents; DELETE FROM redirects;"
          " DELETE FROM problems WHERE stage = 'transform';");
  const BlogZones zones(db);
  const SitePlan plan(db, options, zones);
  Writer writer(db, options);
  DocumentReader reader(db, plan, options);
  const size_t jobs = static_cast<size_t>(std::max(1, options.jobs));
  // `jobs` threads work: while jobs - 1 of them convert a batch, the main
  // thread writes the previous batch and reads the next, then converts with
  // them. At most three batches are held, however large the blog.
  std::vector<Job> batch = reader.next(kBatch, kBatchBytes), written_jobs;
  std::vector<Converted> converted, written;
  auto write_batch = [&] {
    for (size_t k = 0; k < written.size(); ++k) {
      report.html_megabytes += written[k].html_bytes / 1e6;
      writer.write(written_jobs[k].doc, written[k], report);
    }
    written.clear();
    written_jobs.clear();
  };
  std::vector<std::unique_ptr<PlanLookup>> lookups;  // one connection to the plan per thread
  for (size_t t = 0; t < jobs; ++t) lookups.push_back(std::make_unique<PlanLookup>(plan));
  BatchWorkers workers(jobs - 1, [&](size_t worker, size_t k) {
    const Job& job = batch[k];
    converted[k] = convert_one(job, plan.site(), *lookups[worker], options, zones.zone_for(job.doc.blog_id, options));
  });
  while (!batch.empty()) {
    converted.assign(batch.size(), Converted{});
    workers.start(batch.size());
    std::vector<Job> following;
    try {
      write_batch();
      following = reader.next(kBatch, kBatchBytes);
    } catch (...) {
      workers.abandon();
      throw;
    }
    workers.finish();
    written = std::move(converted);
    written_jobs = std::move(batch);
    batch = std::move(following);
  }
  write_batch();
  writer.problems += write_redirect_table(db, writer.redirect_documents,
                                          {options.tag_route_pattern, options.archive_year_route_pattern,
                                           options.archive_month_route_pattern, options.feed_route});
  report.problems = writer.problems;
  transaction.commit();
  return report;
}

}  // namespace blogshift
