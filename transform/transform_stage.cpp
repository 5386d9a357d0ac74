#include "transform_stage.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "body_converter.h"
#include "digest.h"
#include "records.h"
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

constexpr size_t kBatch = 64;  // documents converted between writes; bounds memory

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

std::optional<int> optional_int(Statement& s, int column) {
  if (s.column_is_null(column)) return std::nullopt;
  return static_cast<int>(s.column_int(column));
}

std::vector<Planned> load_documents(Database& db) {
  std::vector<Planned> out;
  auto q = db.prepare(
      "SELECT i.id, i.blog_id, i.kind, COALESCE(i.blogger_id, ''), i.status, COALESCE(i.title, ''),"
      " COALESCE(a.name, ''), COALESCE(i.legacy_path, ''), COALESCE(i.body_sha256, ''),"
      " COALESCE(i.published_utc, ''), i.published_offset, COALESCE(i.updated_utc, ''), i.updated_offset,"
      " (SELECT COUNT(*) FROM items c WHERE c.parent_id = i.id AND c.kind = 'comment')"
      " FROM items i LEFT JOIN authors a ON a.id = i.author_id"
      " WHERE i.kind IN ('post', 'page') AND i.status IN ('LIVE', 'DRAFT', 'SCHEDULED')"
      " ORDER BY COALESCE(i.published_utc, ''), i.id");
  auto labels = db.prepare(
      "SELECT l.name FROM item_labels il JOIN labels l ON l.id = il.label_id WHERE il.item_id = ? ORDER BY l.name");
  while (q.step()) {
    Planned p;
    p.item_id = q.column_int(0);
    p.blog_id = q.column_text(1);
    p.kind = q.column_text(2);
    p.blogger_id = q.column_text(3);
    p.status = q.column_text(4);
    p.title = q.column_text(5);
    p.author = q.column_text(6);
    p.legacy_path = q.column_text(7);
    p.source_sha256 = q.column_text(8);
    p.published_utc = q.column_text(9);
    p.published_offset = optional_int(q, 10);
    p.updated_utc = q.column_text(11);
    p.updated_offset = optional_int(q, 12);
    p.comments = q.column_int(13);
    labels.bind(1, p.item_id);
    while (labels.step()) p.labels.push_back(labels.column_text(0));
    labels.reset();
    out.push_back(std::move(p));
  }
  return out;
}

// The blog's own zone from a classic export's settings, when it has one.
std::map<std::string, std::string> blog_zones(Database& db) {
  std::map<std::string, std::string> zones;
  auto q = db.prepare(
      "SELECT blog_id, body_html FROM items WHERE kind = 'settings' AND blogger_id = 'settings.BLOG_TIME_ZONE'");
  while (q.step()) zones[q.column_text(0)] = std::string(trim(q.column_text(1)));
  return zones;
}

// The zone for a blog's dates: --timezone, else the blog's own setting, else none.
std::string zone_for(const std::string& blog_id, const TransformOptions& options,
                     const std::map<std::string, std::string>& zones) {
  if (!options.timezone.empty()) return options.timezone;
  auto zone = zones.find(blog_id);
  return zone != zones.end() ? zone->second : std::string();
}

// Minutes east of UTC for a post's time: the source's own offset first, then
// the zone asked for (or the blog's setting), else UTC.
int offset_for(std::optional<int> source_offset, const std::string& zone, const std::string& utc) {
  if (source_offset) return *source_offset;
  if (!zone.empty())
    if (auto o = zone_offset_minutes(zone, utc)) return *o;
  return 0;
}

void plan_paths(std::vector<Planned>& docs, const TransformOptions& options,
                const std::map<std::string, std::string>& zones) {
  for (const char* kind : {"post", "page"}) {
    std::vector<Planned*> of_kind;
    std::vector<std::pair<std::string, std::string>> candidates;
    for (auto& d : docs) {
      if (d.kind != kind) continue;
      std::string fallback = slug_from_title(d.title);
      if (fallback.empty()) fallback = std::string(kind) + "-" + (d.blogger_id.empty() ? std::to_string(d.item_id) : d.blogger_id);
      std::string slug = d.legacy_path.empty() ? fallback : slug_from_legacy_path(d.legacy_path, fallback);
      of_kind.push_back(&d);
      candidates.emplace_back(slug, d.published_utc + "#" + std::to_string(d.item_id));
    }
    std::vector<std::string> slugs = resolve_slug_collisions(candidates);
    for (size_t i = 0; i < of_kind.size(); ++i) {
      Planned& d = *of_kind[i];
      d.slug = slugs[i];
      const std::string tz = zone_for(d.blog_id, options, zones);
      const std::string date = local_date(d.published_utc, offset_for(d.published_offset, tz, d.published_utc));
      const SiteLayout layout = parse_site_layout(options.layout);
      d.route = route_for(
          layout_route_pattern(layout, d.kind == "post" ? options.route_pattern : options.page_route_pattern), date,
          d.slug);
      d.local_date = date;
      DocumentPlace place = place_document(layout, d.kind, d.slug, date);
      d.path = std::move(place.path);
      d.asset_dir = std::move(place.asset_dir);
      d.asset_prefix = std::move(place.asset_prefix);
      d.comments_path = std::move(place.comments_path);
    }
  }
}

SiteMap load_site(Database& db, const std::vector<Planned>& docs, const TransformOptions& options) {
  SiteMap site;
  site.tag_route_pattern = options.tag_route_pattern;
  site.archive_year_route_pattern = options.archive_year_route_pattern;
  site.archive_month_route_pattern = options.archive_month_route_pattern;
  auto hosts = db.prepare("SELECT host FROM blog_hosts");
  while (hosts.step()) site.hosts.insert(hosts.column_text(0));
  std::map<int64_t, const Planned*> by_id;
  for (const auto& d : docs) {
    if (!d.legacy_path.empty()) site.routes[d.legacy_path] = d.route;
    by_id[d.item_id] = &d;
  }
  auto urls = db.prepare("SELECT item_id, url FROM item_urls");
  while (urls.step()) {
    auto it = by_id.find(urls.column_int(0));
    if (it == by_id.end()) continue;
    std::string path = url_path(urls.column_text(1));
    if (!path.empty() && !site.routes.count(path)) site.routes[path] = it->second->route;
  }
  auto assets = db.prepare("SELECT id, url, COALESCE(content_type, ''), size FROM assets ORDER BY id");
  while (assets.step()) {
    HeldAsset held{assets.column_int(0), assets.column_text(2), assets.column_int(3)};
    auto [it, fresh] = site.assets.emplace(asset_key(assets.column_text(1)), held);
    if (!fresh && held.size > it->second.size) it->second = held;  // the largest size variant wins
  }
  return site;
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

Converted convert_one(const Planned& d, const std::string& body, const std::vector<CommentInput>& comments,
                      const SiteMap& site, const TransformOptions& options, const std::string& zone) {
  Converted out;
  out.html_bytes = static_cast<double>(body.size());
  BodyConversion conv = convert_body(body);
  out.convert = std::move(conv.convert);
  out.links = rewrite_links(*conv.document, site, d.legacy_path, d.asset_prefix);
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
  fm.description = make_description(plain_text(*conv.document), options.description_length);
  fm.tags = d.labels;
  fm.published = d.status == "LIVE";
  fm.legacy_url = d.legacy_path;
  if (d.status != "LIVE") fm.draft = true;
  if (options.blogger_id_field) fm.blogger_id = d.blogger_id;
  if (options.comments_field) fm.comments = static_cast<int>(d.comments);
  if (!d.legacy_path.empty() && options.aliases_field) fm.aliases = {d.legacy_path};
  if (!d.legacy_path.empty() && options.redirect_from_field) fm.redirect_from = {d.legacy_path};
  out.front_matter = write_front_matter(fm);
  if (options.comments_file) out.comments_yaml = comments_yaml(comments, zone, d.published_offset);
  return out;
}

class Writer {
public:
  explicit Writer(Database& db) : db_(db) {}

  void write(const Planned& d, const Converted& c, const TransformOptions& options, TransformReport& report) {
    auto& doc = db_.cached(
        "INSERT INTO documents (item_id, kind, slug, route, path, front_matter, markdown, source_sha256,"
        " options_sha256, fidelity_passed, text_recall, break_recall, links_kept, links_total, images_kept,"
        " images_total, code_ok, fidelity_detail, comments_yaml, asset_dir, comments_path)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    const FidelityResult& f = c.fidelity;
    doc.bind(1, d.item_id).bind(2, d.kind).bind(3, d.slug).bind(4, d.route).bind(5, d.path);
    doc.bind(6, c.front_matter).bind(7, c.markdown).bind(8, d.source_sha256).bind(9, options_digest(options));
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
  }

  int64_t problems = 0;

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

  Database& db_;
};

}  // namespace

TransformReport run_transform(Database& db, const TransformOptions& options) {
  TransformReport report;
  std::vector<Planned> docs = load_documents(db);
  const auto zones = blog_zones(db);
  plan_paths(docs, options, zones);
  const SiteMap site = load_site(db, docs, options);
  render_commonmark_to_html("");  // registers cmark-gfm's extensions before any thread runs

  Transaction transaction(db);
  db.exec("DELETE FROM document_links; DELETE FROM documents; DELETE FROM redirects;"
          " DELETE FROM problems WHERE stage = 'transform';");
  Writer writer(db);
  auto body = db.prepare("SELECT COALESCE(body_html, '') FROM items WHERE id = ?");
  auto comment_rows = db.prepare(
      "SELECT COALESCE(c.blogger_id, ''), COALESCE(a.name, ''), COALESCE(a.uri, ''), COALESCE(c.published_utc, ''),"
      " COALESCE(c.body_html, ''), COALESCE(c.extra_json, ''), c.published_offset"
      " FROM items c LEFT JOIN authors a ON a.id = c.author_id"
      " WHERE c.parent_id = ? AND c.kind = 'comment' AND c.status = 'LIVE'"
      " ORDER BY COALESCE(c.published_utc, ''), c.id");
  const int jobs = std::max(1, options.jobs);
  // Batches are converted on `jobs` threads while the main thread writes the
  // previous batch to the database, so the writes cost no conversion time.
  std::vector<Converted> written;  // the previous batch, still to be written
  size_t written_first = 0;
  auto write_batch = [&] {
    for (size_t k = 0; k < written.size(); ++k) {
      report.html_megabytes += written[k].html_bytes / 1e6;
      writer.write(docs[written_first + k], written[k], options, report);
    }
    written.clear();
  };
  for (size_t first = 0; first < docs.size(); first += kBatch) {
    const size_t last = std::min(docs.size(), first + kBatch);
    std::vector<std::string> bodies;
    std::vector<std::vector<CommentInput>> comments(last - first);
    for (size_t i = first; i < last; ++i) {
      body.bind(1, docs[i].item_id);
      bodies.push_back(body.step() ? body.column_text(0) : std::string());
      body.reset();
      if (!options.comments_file) continue;
      comment_rows.bind(1, docs[i].item_id);
      while (comment_rows.step())
        comments[i - first].push_back({comment_rows.column_text(0), comment_rows.column_text(1),
                                       comment_rows.column_text(2), comment_rows.column_text(3),
                                       comment_rows.column_text(4), comment_rows.column_text(5),
                                       optional_int(comment_rows, 6)});
      comment_rows.reset();
    }
    std::vector<Converted> converted(last - first);
    std::atomic<size_t> next{0};
    std::mutex failure_lock;
    std::exception_ptr failure;  // the first exception of a worker, rethrown here
    auto work = [&] {
      try {
        for (size_t k; (k = next++) < converted.size();) {
          const Planned& d = docs[first + k];
          converted[k] = convert_one(d, bodies[k], comments[k], site, options, zone_for(d.blog_id, options, zones));
        }
      } catch (...) {
        std::lock_guard<std::mutex> hold(failure_lock);
        if (!failure) failure = std::current_exception();
        next = converted.size();
      }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < jobs; ++t) threads.emplace_back(work);
    try {
      write_batch();
    } catch (...) {
      next = converted.size();
      for (auto& t : threads) t.join();
      throw;
    }
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
    written = std::move(converted);
    written_first = first;
  }
  write_batch();
  std::vector<RedirectDocument> redirect_documents;
  for (const auto& d : docs)
    redirect_documents.push_back(
        {d.item_id, d.blog_id, d.kind, d.status, d.blogger_id, d.legacy_path, d.route, d.local_date, d.labels});
  writer.problems += write_redirect_table(db, redirect_documents,
                                          {options.tag_route_pattern, options.archive_year_route_pattern,
                                           options.archive_month_route_pattern, options.feed_route});
  report.problems = writer.problems;
  transaction.commit();
  return report;
}

}  // namespace blogshift
