#include "feed_ingest.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "feed/feed_entry.h"
#include "url.h"
#include "xml/atom_feed_parser.h"
#include "xml/rss_feed_parser.h"

namespace blogshift {

namespace {

class FeedIngest : public AtomFeedHandler {
public:
  FeedIngest(const CrawledFile& file, FeedForm form, ExtractSink& sink) : file_(file), sink_(sink) {
    context_.url = classify_feed_url(file.url);
    // RSS says nothing of a summary but the URL: its <description> is then an excerpt.
    context_.bodies_are_excerpts = form == FeedForm::Rss && context_.url.summary;
    if (form == FeedForm::Rss) context_.evidence = Evidence::Permalink;
  }

  void header(const AtomFeedHeader& header) override {
    context_.feed_id = header.id;
    context_.blog.export_time = header.updated;  // for an export saved in the crawl (classic: scheduled posts)
    context_.blog.blog_id = blog_id_from_tag(header.id);
    if (context_.blog.blog_id.empty()) context_.blog.blog_id = context_.url.blog_id;
    std::vector<std::string>& hosts = context_.blog.hosts;
    auto add_host = [&](const std::string& url) {
      std::string host = parse_url(url).host;
      if (!host.empty() && host != "www.blogger.com" && std::find(hosts.begin(), hosts.end(), host) == hosts.end())
        hosts.push_back(std::move(host));
    };
    for (const auto& href : header.alternate_hrefs) add_host(href);
    add_host(file_.url);
    BlogRecord blog;
    blog.blog_id = context_.blog.blog_id;
    if (blog.blog_id.empty() && !hosts.empty()) blog.blog_id = "host:" + hosts.front();
    // A comment feed's title is "Blog: Post title"; the posts and pages feeds name the blog.
    if (context_.url.kind == FeedKind::Posts || context_.url.kind == FeedKind::Pages) blog.title = header.title;
    blog.hosts = hosts;
    if (!blog.blog_id.empty()) sink_.blog(blog);
  }

  void entry(AtomEntry&& entry) override {
    entry.position = place(entry.position);
    ++units_;
    stage_feed_entry(std::move(entry), context_, sink_);
  }

  void problem(ProblemRecord&& problem) override {
    problem.position = place(problem.position);
    if (problem.item.empty()) problem.item = file_.url;
    if (problem.file_level) {
      held_.push_back(std::move(problem));  // decided at the end: it may be the feed's only outcome
      return;
    }
    if (problem.severity == Severity::Error) ++units_;
    sink_.problem(std::move(problem));
  }

  void finish() {
    if (units_ == 0) {
      auto error = std::find_if(held_.begin(), held_.end(),
                                [](const ProblemRecord& p) { return p.severity == Severity::Error; });
      if (error != held_.end()) {
        error->file_level = false;  // the feed is one unit, lost
        error->message = "feed not read: " + error->message;
      } else {
        sink_.skipped(file_.position, file_.url.empty() ? file_.position.file : file_.url, "feed page without entries");
      }
    }
    for (ProblemRecord& p : held_) sink_.problem(std::move(p));
    held_.clear();
  }

private:
  // A position inside the feed's bytes, as a position in the crawl: the WARC
  // record's offset (a mirror file: the offset inside it), line and column.
  SourcePosition place(const SourcePosition& in_feed) const {
    SourcePosition p = file_.position;
    p.line = in_feed.line;
    p.column = in_feed.column;
    if (p.offset < 0) p.offset = in_feed.offset;
    return p;
  }

  const CrawledFile& file_;
  ExtractSink& sink_;
  FeedContext context_;
  size_t units_ = 0;
  std::vector<ProblemRecord> held_;
};

}  // namespace

void ingest_blogger_feed(const CrawledFile& file, FeedForm form, ExtractSink& sink) {
  FeedIngest ingest(file, form, sink);
  const std::string name = file.position.file;
  if (form == FeedForm::Rss) parse_rss_feed_bytes(file.bytes, name, ingest);
  else parse_atom_feed_bytes(file.bytes, name, ingest);
  ingest.finish();
}

}  // namespace blogshift
