#include "source_records.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "crawl/blogger_page_scraper.h"
#include "crawl/crawl_ingest.h"
#include "crawl/mirror_urls.h"
#include "crawl/mirror_walk.h"
#include "html/html_reader.h"
#include "text.h"
#include "url.h"
#include "warc/http_response.h"
#include "warc/warc_digest.h"
#include "warc/warc_record_reader.h"

namespace blogshift {

namespace fs = std::filesystem;

namespace {

// Percent-encodes the bytes a URI cannot hold as they are (white space,
// controls, non-ASCII, "<>\^`{|}); '%' is kept, as the text may already be
// encoded.
std::string uri_escape(std::string_view text) {
  return percent_encode(text, [](unsigned char c) {
    return c <= 0x20 || c >= 0x7f || std::string_view("\"<>\\^`{|}").find(static_cast<char>(c)) != std::string_view::npos;
  });
}

// The first bytes of a file as stored (not decompressed), "" when unreadable.
std::string file_start(const fs::path& path, size_t size) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return {};
  std::string out(size, '\0');
  out.resize(std::fread(out.data(), 1, size, file.get()));
  return out;
}

bool readable(const fs::path& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  return file != nullptr;
}

bool is_gzip(std::string_view start) { return start.size() >= 2 && start[0] == '\x1f' && start[1] == '\x8b'; }

// The absolute http(s) URLs of the posts and pages staged from a source,
// without Blogger's ?m=1 / ?m=0 and fragments, sorted.
std::vector<std::string> staged_page_urls(Database& db, int64_t source_id) {
  Statement query = db.prepare(
      "SELECT DISTINCT u.url FROM source_units s JOIN items i ON i.id = s.item_id"
      " JOIN item_urls u ON u.item_id = i.id"
      " WHERE s.source_id = ? AND i.kind IN ('post', 'page') ORDER BY u.url");
  query.bind(1, source_id);
  std::set<std::string> urls;
  while (query.step()) {
    const std::string url = query.column_text(0);
    if (starts_with_ci(url, "http://") || starts_with_ci(url, "https://")) urls.insert(canonical_page_url(url));
  }
  return {urls.begin(), urls.end()};
}

// The URL a saved page stands for, as extract's scraper reads it (its
// canonical URL: a post's permalink, a listing's own address); "" when it
// names none.
std::string saved_page_url(const fs::path& path, bool gzip) {
  if (gzip) return {};  // extract reads a saved page as it is; a gzipped one is not a page
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const HtmlReadResult parsed = read_html(bytes.str());
  const ScrapedPage page = scrape_blogger_page(parsed.document, "");
  const std::string& url = page.page_url;
  return starts_with_ci(url, "http://") || starts_with_ci(url, "https://") ? url : "";
}

// "https://host" that most of a source's pages name (ties: the first in
// sorted order); "" when they name none.
std::string staged_origin(Database& db, int64_t source_id) {
  std::map<std::string, int> counts;
  for (const std::string& url : staged_page_urls(db, source_id)) {
    const UrlParts parts = parse_url(url);
    if (parts.host.empty()) continue;
    ++counts[parts.scheme + "://" + parts.host + (parts.port.empty() ? "" : ":" + parts.port)];
  }
  std::string best;
  int best_count = 0;
  for (const auto& [origin, count] : counts) {
    if (count > best_count) {
      best = origin;
      best_count = count;
    }
  }
  return best;
}

class SourceWriter {
public:
  SourceWriter(SourceContext& context, const StagedSource& source) : c_(context), source_(source) {}

  void problem(Severity severity, const std::string& code, const std::string& message, const std::string& file,
               int64_t offset, const std::string& item) {
    ProblemRecord p;
    p.stage = "load";
    p.position.file = file;
    p.position.offset = offset;
    p.item = item;
    p.severity = severity;
    p.code = code;
    p.message = message;
    c_.problem(std::move(p));
  }

  // Writes one record; false (and a problem) when its header cannot be
  // written as it is, or its id is taken.
  bool write(const WarcRecordHead& head, const std::string* block, const fs::path* file, int64_t offset) {
    const std::string where = file ? file->string() : source_.path;
    if (c_.record_ids.count(head.record_id)) {
      problem(Severity::Warning, "WARC_SOURCE_DUPLICATE_RECORD",
              head.type + " record " + head.record_id + " was already written (the same record given twice); skipped",
              where, offset, head.target_uri);
      return false;
    }
    try {
      WarcWrittenRecord written = block ? c_.writer.write(head, *block) : c_.writer.write_file(head, file->string());
      c_.input_bytes += written.block_length;
      c_.record_ids.insert(head.record_id);
      c_.written.push_back(std::move(written));
      ++count_;
      return true;
    } catch (const std::invalid_argument& e) {
      problem(Severity::Error, "WARC_SOURCE_RECORD_LOST", std::string(e.what()) + "; the record is not in the WARC file",
              where, offset, head.target_uri);
      return false;
    }
  }

  // A record created here (not copied): its id, and the fields every one carries.
  WarcRecordHead created(const std::string& target, const std::string& content_type, const std::string& date,
                         const std::string& place) {
    WarcRecordHead head;
    head.type = "resource";
    head.record_id = warc_record_id("resource\n" + source_.sha256 + "\n" + source_.kind + "\n" + place);
    head.date = date;
    head.target_uri = target;
    head.content_type = content_type;
    head.fields.emplace_back("WARC-Warcinfo-ID", c_.warcinfo_id);
    head.fields.emplace_back("Blogshift-Source-Path", place);
    return head;
  }

  int64_t count() const { return count_; }

private:
  SourceContext& c_;
  const StagedSource& source_;
  int64_t count_ = 0;
};

// Warns when a digest the source gave does not match what it covers.
void check_source_digests(SourceWriter& out, const WarcRecord& record, const StagedSource& source) {
  auto warn = [&](const char* what, const std::string& detail) {
    out.problem(Severity::Warning, "WARC_SOURCE_DIGEST_MISMATCH",
                record.type + " record: the source's " + what + " digest does not match its bytes (" + detail +
                    "); copied with digests of the bytes it holds",
                source.path, record.offset, record.target_uri);
  };
  std::string detail;
  if (const std::string* block = record.header("WARC-Block-Digest"))
    if (check_warc_digest(*block, record.block, &detail) == DigestCheck::Mismatch) warn("block", detail);
  const std::string* claimed = record.header("WARC-Payload-Digest");
  if (!claimed || record.type == "revisit") return;
  const std::string* content_type = record.header("Content-Type");
  const auto payload = warc_payload(record.type, content_type ? *content_type : "", record.block);
  if (!payload || check_warc_digest(*claimed, *payload, &detail) != DigestCheck::Mismatch) return;
  // Some writers digest the body with its transfer and content codings undone.
  std::string error;
  if (auto head = parse_http_head(record.block, error)) {
    const auto body = decode_http_body(*head, *payload, error);
    if (body && check_warc_digest(*claimed, *body) == DigestCheck::Match) return;
  }
  warn("payload", detail);
}

}  // namespace

std::string source_date(Database& db, const StagedSource& source, const std::string& fallback) {
  Statement query = db.prepare(
      "SELECT MAX(i.updated_utc), MAX(i.published_utc) FROM source_units s JOIN items i ON i.id = s.item_id"
      " WHERE s.source_id = ?");
  query.bind(1, source.id);
  if (query.step()) {
    for (int column : {0, 1}) {
      const std::string utc = query.column_is_null(column) ? "" : query.column_text(column);
      // "2023-05-20T22:05:33.318Z" -> "2023-05-20T22:05:33Z"
      if (utc.size() >= 19 && utc[4] == '-' && utc[10] == 'T' && utc.back() == 'Z') return utc.substr(0, 19) + "Z";
    }
  }
  return fallback;
}

int64_t copy_warc_source(SourceContext& context, const StagedSource& source, const std::string& fallback_date) {
  static const std::set<std::string> kWrittenAnew = {"warc-type",         "warc-record-id",    "warc-date",
                                                     "warc-target-uri",   "content-type",      "content-length",
                                                     "warc-block-digest", "warc-payload-digest"};
  SourceWriter out(context, source);
  WarcRecordReader reader(source.path);
  WarcRead read;
  while (reader.next(read)) {
    // Notes (misaligned gzip members, stray bytes) were reported by extract
    // and cost no record; damage costs the record it hit.
    if (read.damage) {
      out.problem(Severity::Error, "WARC_SOURCE_RECORD_LOST",
                  read.damage->message + " [" + read.damage->code + "]; the record is not in the WARC file",
                  source.path, read.damage->offset, "");
      continue;
    }
    const WarcRecord& record = *read.record;
    const std::string* content_type = record.header("Content-Type");
    const std::string* id = record.header("WARC-Record-ID");
    const std::string* date = record.header("WARC-Date");
    if (record.type.empty()) {
      out.problem(Severity::Error, "WARC_SOURCE_RECORD_LOST", "record without a WARC-Type; not copied", source.path,
                  record.offset, record.target_uri);
      continue;
    }
    WarcRecordHead head;
    head.type = record.type;
    head.record_id = id && !id->empty() ? *id : warc_record_id("copied\n" + source.sha256 + "\n" + std::to_string(record.offset));
    head.date = date && !date->empty() ? *date : fallback_date;
    head.target_uri = record.target_uri;
    head.content_type = content_type ? *content_type : "";
    for (const auto& [name, value] : record.headers)
      if (!kWrittenAnew.count(ascii_lower(name))) head.fields.emplace_back(name, value);
    if (record.type == "revisit")
      if (const std::string* digest = record.header("WARC-Payload-Digest")) head.payload_digest = *digest;
    if (!id || id->empty() || !date || date->empty())
      out.problem(Severity::Warning, "WARC_SOURCE_FIELD_MISSING",
                  record.type + " record without a " + (!id || id->empty() ? "WARC-Record-ID" : "WARC-Date") +
                      "; written with " + (!id || id->empty() ? "the id " + head.record_id : "the date " + head.date),
                  source.path, record.offset, record.target_uri);
    check_source_digests(out, record, source);
    out.write(head, &record.block, nullptr, record.offset);
  }
  return out.count();
}

int64_t write_mirror_source(SourceContext& context, const StagedSource& source, const std::string& date) {
  SourceWriter out(context, source);
  const MirrorWalk walk = walk_mirror(source.path);
  const MirrorUrls urls(walk);
  const std::string name = fs::path(source.path).filename().string();
  const std::string origin = urls.host_layout() ? "" : staged_origin(context.db, source.id);
  for (const fs::path& file : walk.files) {
    const std::string place = name + "/" + file.lexically_relative(walk.root).generic_string();
    std::string url = urls.url_for(file);
    if (url.empty() || url.front() == '/') url = origin.empty() ? "urn:blogshift:mirror:" + place : origin + url;
    url = uri_escape(url);
    if (!readable(file)) {
      out.problem(Severity::Error, "WARC_SOURCE_FILE_UNREADABLE", "cannot open the mirror file; it is not in the WARC file",
                  file.string(), -1, url);
      continue;
    }
    std::string type = urls.type_for(file);
    if (type.empty()) type = looks_like_html("", file_start(file, 4096)) ? "text/html" : "application/octet-stream";
    out.write(out.created(url, type, date, place), nullptr, &file, -1);
  }
  return out.count();
}

int64_t write_file_source(SourceContext& context, const StagedSource& source, const std::string& date) {
  SourceWriter out(context, source);
  const fs::path file(source.path);
  const std::string name = file.filename().string();
  const bool gzip = is_gzip(file_start(file, 2));
  std::string target, type;
  if (source.kind == "page") {
    target = saved_page_url(file, gzip);
    if (target.empty()) target = "urn:blogshift:page:" + name;
    type = "text/html";
  } else {
    target = "urn:blogshift:" + source.kind + ":" + name;
    type = "application/atom+xml";
  }
  if (gzip) type = "application/gzip";
  out.write(out.created(uri_escape(target), type, date, name), nullptr, &file, -1);
  return out.count();
}

}  // namespace blogshift
