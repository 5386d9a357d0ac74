#include "discover/sitemap_links.h"

#include "discover/xml_stream.h"
#include "scope/fetch_url.h"
#include "text.h"

namespace blogshift::fetch {

namespace {

// sitemaps.org's namespace; Google's original 0.84 one; or none at all.
// Extensions (image:loc, video:...) live in other namespaces and are not
// the sitemap's own <loc>.
bool sitemap_ns(std::string_view ns) {
  return ns.empty() || ns == "http://www.sitemaps.org/schemas/sitemap/0.9" ||
         ns == "http://www.google.com/schemas/sitemap/0.84";
}

class SitemapReader : public XmlHandler {
public:
  SitemapReader(std::string_view url, SitemapPage& out) : url_(url), out_(out) {}

  void start(const XmlElement& e) override {
    text_.clear();
    if (e.depth == 0) {
      out_.is_index = e.local == "sitemapindex" && sitemap_ns(e.ns);
      urlset_ = out_.is_index || (e.local == "urlset" && sitemap_ns(e.ns));
      if (!urlset_) root_ = e.local;
    }
  }

  void end(const XmlElement& e) override {
    // <urlset><url><loc>, <sitemapindex><sitemap><loc>.
    if (urlset_ && e.depth == 2 && e.local == "loc" && sitemap_ns(e.ns))
      if (auto url = resolve_url(url_, trim(text_))) out_.links.push_back({url->text, FoundAs::SitemapEntry});
    text_.clear();
  }

  void text(std::string_view t) override { text_ += t; }

  bool urlset_ = false;
  std::string root_;

private:
  std::string url_;
  SitemapPage& out_;
  std::string text_;
};

// sitemaps.org's text format: one absolute URL a line.
void read_text_sitemap(std::string_view text, SitemapPage& out) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty()) continue;
    if (auto resolved = parse_fetch_url(line)) out.links.push_back({resolved->text, FoundAs::SitemapEntry});
  }
  if (out.links.empty()) out.error = "not a sitemap: no URL in a text sitemap";
}

}  // namespace

SitemapPage read_sitemap(std::string_view sitemap_url, std::string_view xml) {
  SitemapPage out;
  std::string_view start = trim(xml.starts_with("\xEF\xBB\xBF") ? xml.substr(3) : xml);
  if (!start.empty() && start[0] != '<') {
    read_text_sitemap(start, out);
    return out;
  }
  SitemapReader reader(sitemap_url, out);
  out.error = read_xml(sitemap_url, xml, reader);
  if (!reader.urlset_ && out.error.empty()) out.error = "not a sitemap (root <" + reader.root_ + ">)";
  return out;
}

}  // namespace blogshift::fetch
