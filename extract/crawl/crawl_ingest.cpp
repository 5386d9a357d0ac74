// Overview: a Blogger feed goes to feed/feed_ingest.h; HTML payloads are
// parsed (core/html), scraped (blogger_page_scraper.h) and turned into
// ItemRecords; everything else is an asset. One outcome per crawled file, except that a page showing
// several posts and comments yields one item each (see extract_sink.h).
#include "crawl_ingest.h"

#include <algorithm>
#include <cctype>

#include "blogger_page_scraper.h"
#include "feed/feed_ingest.h"
#include "feed/feed_url.h"
#include "html/html_reader.h"
#include "json_writer.h"
#include "text.h"
#include "timestamp.h"
#include "url.h"

namespace blogshift {

namespace {


void warn(ExtractSink& sink, const CrawledFile& file, const std::string& item, Severity severity, const char* code,
          std::string message) {
  ProblemRecord p;
  p.position = file.position;
  p.item = item;
  p.severity = severity;
  p.code = code;
  p.message = std::move(message);
  sink.problem(std::move(p));
}

void keep_as_asset(const CrawledFile& file, ExtractSink& sink) {
  sink.asset(AssetRecord{file.url, file.content_type, file.bytes, file.position});
}

ItemRecord post_record(const ScrapedPage& page, const ScrapedPost& post, const std::string& blog_id, Evidence evidence,
                       const CrawledFile& file) {
  ItemRecord item;
  item.kind = post.kind;
  item.blog_id = blog_id;
  item.blogger_id = post.blogger_id;
  item.status = ItemStatus::Live;
  item.status_raw = "LIVE";
  item.title = post.title;
  item.author_name = post.author_name;
  item.author_uri = post.author_uri;
  item.published = post.published;
  item.labels = post.labels;
  item.legacy_path = post.legacy_path;
  if (!post.permalink.empty()) item.urls.push_back(post.permalink);
  if (!file.url.empty() && std::find(item.urls.begin(), item.urls.end(), file.url) == item.urls.end() &&
      evidence == Evidence::Permalink)
    item.urls.push_back(file.url);
  item.body_html = post.body_html;
  item.evidence = evidence;
  item.template_family = page.template_family;
  item.extra_json = json_object({{"page_url", page.page_url}});
  item.position = file.position;
  if (post.line > 0) item.position.line = post.line;
  return item;
}

ItemRecord comment_record(const ScrapedPage& page, const ScrapedPost& post, const ScrapedComment& c,
                          const std::string& blog_id, Evidence evidence, const CrawledFile& file) {
  ItemRecord item;
  item.kind = ItemKind::Comment;
  item.blog_id = blog_id;
  item.blogger_id = c.blogger_id;
  item.parent_blogger_id = post.blogger_id;
  if (post.blogger_id.empty()) item.parent_path = post.legacy_path;
  item.status = ItemStatus::Live;
  item.status_raw = "LIVE";
  item.author_name = c.author_name;
  item.author_uri = c.author_uri;
  item.published = c.published;
  item.body_html = c.body_html;
  item.evidence = evidence;
  item.template_family = page.template_family;
  if (!post.permalink.empty() && !c.blogger_id.empty())
    item.urls.push_back(post.permalink + "#c" + c.blogger_id);
  std::vector<std::pair<std::string, std::string>> extra{{"published_text", c.published_text}};
  if (!c.in_reply_to.empty()) extra.emplace_back("in_reply_to", c.in_reply_to);
  item.extra_json = json_object(extra);
  item.position = file.position;
  if (c.line > 0) item.position.line = c.line;
  return item;
}

}  // namespace

bool looks_like_html(std::string_view content_type, std::string_view bytes) {
  std::string type = ascii_lower(content_type.substr(0, content_type.find(';')));
  type = std::string(trim(type));
  if (type == "text/html" || type == "application/xhtml+xml") return true;
  if (!type.empty() && type != "text/plain" && type != "application/octet-stream") return false;
  std::string_view b = bytes.substr(0, 1024);
  if (b.substr(0, 3) == "\xEF\xBB\xBF") b.remove_prefix(3);
  for (;;) {
    b = trim(b);
    if (b.substr(0, 4) == "<!--") {
      size_t end = b.find("-->");
      if (end == std::string_view::npos) return false;
      b.remove_prefix(end + 3);
      continue;
    }
    if (b.substr(0, 5) == "<?xml") {
      size_t end = b.find("?>");
      if (end == std::string_view::npos) return false;
      b.remove_prefix(end + 2);
      continue;
    }
    break;
  }
  std::string head = ascii_lower(b.substr(0, 14));
  for (const char* start : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title"})
    if (head.rfind(start, 0) == 0) return true;
  return false;
}

void ingest_crawled_file(const CrawledFile& file, ExtractSink& sink) {
  if (const FeedForm form = blogger_feed_form(file.url, file.content_type, file.bytes); form != FeedForm::None)
    return ingest_blogger_feed(file, form, sink);
  if (!looks_like_html(file.content_type, file.bytes)) {
    keep_as_asset(file, sink);
    return;
  }
  HtmlReadResult parsed = read_html(file.bytes);
  const HtmlDocument& doc = parsed.document;
  ScrapedPage page = scrape_blogger_page(doc, file.url);
  std::string name = file.url.empty() ? file.position.file : file.url;

  if (page.kind == PageKind::NotBlogger) {
    keep_as_asset(file, sink);
    warn(sink, file, name, Severity::Warning, "HTML_NOT_BLOGGER", "HTML page without Blogger markup; kept as an asset");
    return;
  }

  std::string blog_id = page.blog_id;
  if (blog_id.empty() && !page.hosts.empty()) blog_id = "host:" + page.hosts.front();
  if (!blog_id.empty()) sink.blog(BlogRecord{blog_id, page.blog_title, page.hosts});

  auto report_parse_limits = [&] {
    if (doc.depth_capped)
      warn(sink, file, name, Severity::Warning, "HTML_DEPTH_CAPPED",
           "HTML nested too deeply; " + std::to_string(doc.nodes_dropped) + " elements flattened to text");
    if (parsed.truncated) warn(sink, file, name, Severity::Warning, "HTML_TRUNCATED", "HTML page too large; only its start was read");
  };

  if (page.kind == PageKind::Permalink && page.posts.empty()) {
    keep_as_asset(file, sink);
    warn(sink, file, name, Severity::Warning, "HTML_NO_POST_BODY",
         "Blogger page (" + page.template_family + ") without the post body in its HTML" +
             (page.template_family == "dynamic-views" ? " (Dynamic Views loads it with JavaScript)" : "") +
             "; kept as an asset");
    return;
  }

  Evidence evidence = page.kind == PageKind::Permalink ? Evidence::Permalink : Evidence::Listing;
  size_t staged = 0;
  for (const ScrapedPost& post : page.posts) {
    sink.item(post_record(page, post, blog_id, evidence, file));
    ++staged;
    for (const ScrapedComment& c : post.comments) {
      sink.item(comment_record(page, post, c, blog_id, evidence, file));
      ++staged;
    }
  }
  if (staged == 0) {
    sink.skipped(file.position, name, "listing page");
    return;
  }
  report_parse_limits();
}

}  // namespace blogshift
