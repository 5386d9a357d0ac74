#include "atom_export_reader.h"

#include "atom_feed_parser.h"
#include "export_entry.h"
#include "url.h"

namespace blogshift {

namespace {

// Dispatches each entry to the schema it is written in: an entry with
// blogger:* elements is Takeout, anything else is read as classic (whose
// kind# category, or its absence, decides the rest).
class ExportHandler : public AtomFeedHandler {
public:
  explicit ExportHandler(ExtractSink& sink) : sink_(sink) {}

  void header(const AtomFeedHeader& header) override {
    context_.blog_id = blog_id_from_tag(header.id);
    context_.export_time = header.updated;
    BlogRecord blog;
    for (const auto& href : header.alternate_hrefs) {
      std::string host = parse_url(href).host;
      if (!host.empty() && host != "www.blogger.com") blog.hosts.push_back(host);
    }
    context_.hosts = blog.hosts;
    if (context_.blog_id.empty()) {
      // Not a Blogger feed id: fall back to the first host, so items still have a blog.
      context_.blog_id = "host:" + (blog.hosts.empty() ? std::string("unknown") : blog.hosts.front());
    }
    blog.blog_id = context_.blog_id;
    blog.title = header.title;
    sink_.blog(blog);
  }

  void entry(AtomEntry&& entry) override {
    if (entry.saw_blogger_namespace) stage_takeout_entry(std::move(entry), context_, sink_);
    else stage_classic_entry(std::move(entry), context_, sink_);
  }

  void problem(ProblemRecord&& problem) override { sink_.problem(std::move(problem)); }

private:
  ExtractSink& sink_;
  ExportContext context_;
};

}  // namespace

void read_atom_export(const std::string& path, ExtractSink& sink) {
  ExportHandler handler(sink);
  parse_atom_feed(path, handler);
}

}  // namespace blogshift
