#include "transform_stage.h"

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <map>

#include "authors/site_authors.h"
#include "batch_workers.h"
#include "body_converter.h"
#include "digest.h"
#include "document_reader.h"
#include "document_reuse.h"
#include "errors.h"
#include "records.h"
#include "site_plan.h"
#include "fidelity/fidelity_check.h"
#include "links/link_rewriter.h"
#include "links/redirect_table.h"
#include "listings/listing_pages.h"
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

struct Converted {
  std::string front_matter, markdown, comments_yaml;
  FidelityResult fidelity;
  RewriteResult links;
  std::vector<PlanAnswer> lookups;  // the plan lookups its links made (document_reuse.h)
  ConvertReport convert;
  double html_bytes = 0;
};

// The reader the layout's generator puts behind cmark-gfm's (markdown_dialect.h).
MarkdownDialect dialect_of(const std::string& layout) {
  switch (parse_site_layout(layout)) {
    case SiteLayout::hugo: return MarkdownDialect::Hugo;
    case SiteLayout::jekyll: return MarkdownDialect::Kramdown;
    default: return MarkdownDialect::CommonMark;
  }
}

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
                          std::optional<int> post_offset, MarkdownDialect dialect) {
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
    e.body = write_commonmark(*conv.document, dialect);
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
  RecordingLookup recording(lookup);
  out.links = rewrite_links(*conv.document, site, recording, d.legacy_path, d.asset_prefix);
  out.lookups = recording.take();
  const MarkdownDialect dialect = dialect_of(options.layout);
  out.markdown = write_commonmark(*conv.document, dialect);
  out.fidelity = check_fidelity(*conv.body, out.markdown, out.links.url_map, &conv.shown);

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
  if (options.comments_file) out.comments_yaml = comments_yaml(job.comments, zone, d.published_offset, dialect);
  return out;
}

// Test hook: BLOGSHIFT_TEST_KILL_AFTER_DOCUMENTS=N kills the process with
// SIGKILL after the N-th document written, mid-transaction, so tests can
// prove that a run killed mid-transform finishes correctly when re-run.
void kill_if_asked(int64_t written) {
  static const int64_t after = [] {
    const char* v = std::getenv("BLOGSHIFT_TEST_KILL_AFTER_DOCUMENTS");
    return v ? std::atoll(v) : 0;
  }();
  if (after > 0 && written == after) std::raise(SIGKILL);
}

// Writes converted documents, their links, plan lookups and problems.
class Writer {
public:
  Writer(Database& db, std::string options_sha256) : options_sha256_(std::move(options_sha256)), db_(db) {}

  void write(const Job& job, const Converted& c) {
    const Planned& d = job.doc;
    auto& doc = db_.cached(
        "INSERT INTO documents (item_id, kind, slug, route, path, front_matter, markdown, source_sha256,"
        " options_sha256, fidelity_passed, text_recall, break_recall, links_kept, links_total, images_kept,"
        " images_total, code_ok, fidelity_detail, comments_yaml, asset_dir, comments_path, input_sha256)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    const FidelityResult& f = c.fidelity;
    doc.bind(1, d.item_id).bind(2, d.kind).bind(3, d.slug).bind(4, d.route).bind(5, d.path);
    doc.bind(6, c.front_matter).bind(7, c.markdown).bind(8, d.source_sha256).bind(9, options_sha256_);
    doc.bind(10, static_cast<int64_t>(f.passed));
    doc.bind_real(11, f.text_recall).bind_real(12, f.break_recall);
    doc.bind(13, static_cast<int64_t>(f.links_kept)).bind(14, static_cast<int64_t>(f.links_total));
    doc.bind(15, static_cast<int64_t>(f.images_kept)).bind(16, static_cast<int64_t>(f.images_total));
    doc.bind(17, static_cast<int64_t>(f.code_ok)).bind_or_null(18, f.detail).bind(19, c.comments_yaml);
    doc.bind(20, d.asset_dir).bind(21, d.comments_path).bind(22, job.input_sha256);
    doc.run();

    auto& link = db_.cached(
        "INSERT INTO document_links (item_id, seq, kind, url, outcome, target, asset_id) VALUES (?,?,?,?,?,?,?)");
    int64_t seq = 0;
    for (const auto& l : c.links.links) {
      link.bind(1, d.item_id).bind(2, ++seq).bind(3, l.kind).bind(4, l.url).bind(5, l.outcome).bind_or_null(6, l.target);
      if (l.asset_id > 0) link.bind(7, l.asset_id);
      link.run();
      if (l.outcome == "missing")
        problem(d, Severity::Warning, "LINK_NOT_FOUND", "link to the old blog points at no known post: " + l.url);
    }
    auto& lookup = db_.cached("INSERT OR IGNORE INTO document_lookups (item_id, kind, key, answer) VALUES (?,?,?,?)");
    for (const auto& answer : c.lookups) lookup.bind(1, d.item_id).bind(2, answer.kind).bind(3, answer.key).bind(4, answer.answer).run();
    for (const auto& raw : c.convert.kept_raw) problem(d, Severity::Info, "HTML_KEPT_RAW", "kept as raw HTML: " + raw);
    for (const auto& unknown : c.convert.unknown)
      problem(d, Severity::Warning, "HTML_UNKNOWN_ELEMENT", "no rule for <" + unknown + ">; kept as raw HTML");
    if (!f.passed) problem(d, Severity::Warning, "FIDELITY_FAILED", f.detail);
  }


private:
  void problem(const Planned& d, Severity severity, const char* code, const std::string& message) {
    ProblemRecord p;
    p.stage = "transform";
    p.position.file = d.path;
    p.item = d.legacy_path.empty() ? d.blogger_id : d.legacy_path;
    p.item_id = d.item_id;
    p.severity = severity;
    p.code = code;
    p.message = message;
    insert_problem(db_, p);
  }

  const std::string options_sha256_;
  Database& db_;
};

std::string options_digest(const TransformOptions& o) {
  return sha256_hex(o.timezone + "|" + o.route_pattern + "|" + o.page_route_pattern + "|" + o.tag_route_pattern + "|" +
                    std::to_string(o.full_timestamp) + "|" + std::to_string(o.description_length) + "|" +
                    std::to_string(o.blogger_id_field) + "|" + std::to_string(o.comments_field) + "|" +
                    std::to_string(o.aliases_field) + "|" + std::to_string(o.redirect_from_field) + "|" +
                    std::to_string(o.comments_file) + "|" + o.layout + "|" + o.archive_year_route_pattern + "|" +
                    o.archive_month_route_pattern + "|" + o.feed_route);
}

// Decides, for every planned document, whether the last run's result can be
// kept (document_reuse.h), records it in temp.transform_inputs, and removes
// everything the stage will write again: the rows of the documents to
// convert and of those no longer planned, the redirects, and the problems
// that belong to no document.
int64_t plan_reuse(Database& db, const SitePlan& plan, const TransformOptions& options, const BlogZones& zones,
                   const InputDigest& inputs) {
  db.exec(
      "CREATE TEMP TABLE IF NOT EXISTS transform_inputs (item_id INTEGER PRIMARY KEY, input_sha256 TEXT NOT NULL,"
      " keep INTEGER NOT NULL); DELETE FROM temp.transform_inputs;");
  DocumentReader reader(db, plan, options, DocumentReader::Mode::Inputs);
  PlanLookup lookup(plan);
  ReuseCheck check(db, lookup);
  auto record = db.prepare("INSERT INTO temp.transform_inputs (item_id, input_sha256, keep) VALUES (?, ?, ?)");
  int64_t kept = 0;
  for (auto batch = reader.next(kBatch, kBatchBytes); !batch.empty(); batch = reader.next(kBatch, kBatchBytes))
    for (const Job& job : batch) {
      const std::string digest = inputs.of(job, zones.zone_for(job.doc.blog_id, options));
      const bool keep = !options.force && check.can_keep(job.doc.item_id, digest);
      kept += keep;
      record.bind(1, job.doc.item_id).bind(2, digest).bind(3, static_cast<int64_t>(keep)).run();
    }
  const std::string kept_ids = "(SELECT item_id FROM temp.transform_inputs WHERE keep = 1)";
  db.exec("DELETE FROM document_links WHERE item_id NOT IN " + kept_ids + ";" +
          "DELETE FROM document_lookups WHERE item_id NOT IN " + kept_ids + ";" +
          "DELETE FROM documents WHERE item_id NOT IN " + kept_ids + ";" +
          "DELETE FROM problems WHERE stage = 'transform' AND (item_id IS NULL OR item_id NOT IN " + kept_ids + ");");
  return kept;
}

// The report's counts, from what the stage's tables now hold (documents
// kept and converted alike).
void count_results(Database& db, TransformReport& report) {
  auto documents = db.prepare(
      "SELECT COUNT(*), COALESCE(SUM(d.kind = 'post'), 0), COALESCE(SUM(d.kind = 'page'), 0),"
      " COALESCE(SUM(i.status <> 'LIVE'), 0), COALESCE(SUM(d.fidelity_passed), 0)"
      " FROM documents d JOIN items i ON i.id = d.item_id");
  documents.step();
  report.documents = documents.column_int(0);
  report.posts = documents.column_int(1);
  report.pages = documents.column_int(2);
  report.drafts = documents.column_int(3);
  report.fidelity_passed = documents.column_int(4);
  auto links = db.prepare(
      "SELECT COALESCE(SUM(outcome = 'rewritten'), 0), COALESCE(SUM(outcome = 'missing'), 0),"
      " COALESCE(SUM(outcome = 'local'), 0), COALESCE(SUM(outcome = 'remote'), 0) FROM document_links");
  links.step();
  report.links_rewritten = links.column_int(0);
  report.links_missing = links.column_int(1);
  report.images_local = links.column_int(2);
  report.images_remote = links.column_int(3);
  auto problems = db.prepare(
      "SELECT COUNT(*), COALESCE(SUM(code = 'HTML_KEPT_RAW'), 0) FROM problems WHERE stage = 'transform'");
  problems.step();
  report.problems = problems.column_int(0);
  report.kept_raw = problems.column_int(1);
}

}  // namespace

namespace {
// What load needs to know of the site planned here (the feed's place).
void write_site_settings(Database& db, const TransformOptions& options) {
  db.exec("DELETE FROM site_settings");
  auto insert = db.prepare("INSERT INTO site_settings (key, value) VALUES (?, ?)");
  for (const auto& [key, value] : {std::pair<const char*, const std::string&>{"layout", options.layout},
                                   {"feed_route", options.feed_route}}) {
    insert.bind(1, key).bind(2, value).run();
  }
}
}  // namespace

TransformReport run_transform(Database& db, const TransformOptions& options) {
  TransformReport report;
  render_commonmark_to_html("");  // registers cmark-gfm's extensions before any thread runs

  Transaction transaction(db);
  const BlogZones zones(db);
  const SitePlan plan(db, options, zones);
  report.authors = write_site_authors(db, plan);  // before the documents: their author field is the id
  const std::string options_sha256 = options_digest(options);
  const InputDigest inputs(options_sha256, plan.site().hosts);
  report.kept = plan_reuse(db, plan, options, zones, inputs);
  const int64_t to_convert = plan.documents() - report.kept;
  if (options.on_converted) options.on_converted(0, to_convert);
  Writer writer(db, options_sha256);
  const RedirectRouteOptions routes{options.tag_route_pattern, options.archive_year_route_pattern,
                                    options.archive_month_route_pattern, options.feed_route};
  const auto redirects = redirect_table_builder(db, routes);
  ListingPagesBuilder listings(routes);
  DocumentReader reader(db, plan, options, DocumentReader::Mode::Convert);
  // Threads read the plan through connections opened without SQLite's own
  // mutexes, which needs a thread-safe SQLite build.
  const size_t jobs = sqlite3_threadsafe() ? static_cast<size_t>(std::max(1, options.jobs)) : 1;
  // `jobs` threads work: while jobs - 1 of them convert a batch, the main
  // thread writes the previous batch and reads the next, then converts with
  // them. At most three batches are held, however large the blog. Kept
  // documents pass through without being converted or written.
  std::vector<Job> batch = reader.next(kBatch, kBatchBytes), written_jobs;
  std::vector<Converted> converted, written;
  auto write_batch = [&] {
    for (size_t k = 0; k < written_jobs.size(); ++k) {
      const Job& job = written_jobs[k];
      const Planned& d = job.doc;  // every document, written or kept, goes into the redirect table
      const RedirectDocument listed{d.item_id, d.blog_id,    d.kind,       d.status, d.blogger_id,
                                    d.legacy_path, d.route, d.local_date, d.labels};
      redirects->add(listed);
      listings.add(listed, d.author);
      if (job.keep) continue;
      report.html_megabytes += written[k].html_bytes / 1e6;
      writer.write(job, written[k]);
      ++report.converted;
      kill_if_asked(report.converted);
      if (options.on_converted) options.on_converted(report.converted, to_convert);
    }
    written.clear();
    written_jobs.clear();
  };
  std::vector<std::unique_ptr<PlanLookup>> lookups;  // one connection to the plan per thread
  for (size_t t = 0; t < jobs; ++t) lookups.push_back(std::make_unique<PlanLookup>(plan));
  BatchWorkers workers(jobs - 1, [&](size_t worker, size_t k) {
    const Job& job = batch[k];
    if (job.keep) return;
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
  write_redirect_table(db, *redirects);
  listings.write(db);
  report.listings = static_cast<int64_t>(listings.pages().size());
  write_site_settings(db, options);
  count_results(db, report);
  db.exec("DELETE FROM temp.transform_inputs");  // the connection lives on (run goes on to load)
  transaction.commit();
  return report;
}

}  // namespace blogshift
