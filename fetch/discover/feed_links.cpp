#include "discover/feed_links.h"

#include <array>
#include <cstdlib>
#include <unordered_set>

#include "discover/page_links.h"
#include "discover/xml_stream.h"
#include "scope/blogger_hosts.h"
#include "scope/fetch_url.h"
#include "text.h"
#include "url.h"

namespace blogshift::fetch {

namespace {

constexpr std::string_view kAtom = "http://www.w3.org/2005/Atom";
constexpr std::string_view kMedia = "http://search.yahoo.com/mrss/";
constexpr std::string_view kThread = "http://purl.org/syndication/thread/1.0";
constexpr std::string_view kKindScheme = "http://schemas.google.com/g/2005#kind";
// Blogger writes the old OpenSearch RSS namespace; 1.1 is the current one.
bool is_opensearch(std::string_view ns) {
  return ns == "http://a9.com/-/spec/opensearchrss/1.0/" || ns == "http://a9.com/-/spec/opensearch/1.1/";
}

int64_t to_int(std::string_view text) {
  text = trim(text);
  if (!all_ascii_digits(text) || text.size() > 18) return -1;
  return std::strtoll(std::string(text).c_str(), nullptr, 10);
}

bool two_digit(std::string_view s, int& out) {
  if (s.size() != 2 || !all_ascii_digits(s)) return false;
  out = (s[0] - '0') * 10 + (s[1] - '0');
  return true;
}

// Atom's "2023-07-15T10:00:00.000-07:00": the date as written.
std::optional<FeedEntryDate> atom_date(std::string_view text) {
  text = trim(text);
  FeedEntryDate d;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !all_ascii_digits(text.substr(0, 4)) ||
      !two_digit(text.substr(5, 2), d.month) || !two_digit(text.substr(8, 2), d.day))
    return std::nullopt;
  d.year = std::atoi(std::string(text.substr(0, 4)).c_str());
  return d;
}


// One entry (Atom) or item (RSS), gathered until it ends.
struct Entry {
  std::string alternate;
  std::vector<std::string> comment_feeds;
  std::vector<std::string> media;  // thumbnails, enclosures
  std::vector<std::string> labels;
  std::string content;  // escaped HTML, decoded by the XML reader
  std::optional<FeedEntryDate> published;
  bool is_comment = false;  // a comment's date is not a post's
  bool is_page = false;
};

class FeedReader : public XmlHandler {
public:
  FeedReader(std::string_view feed_url, FeedPage& out) : feed_url_(feed_url), out_(out) {}

  void start(const XmlElement& e) override {
    text_.clear();
    if (e.depth == 0) {
      rss_ = e.local == "rss" && e.ns.empty();
      out_.is_feed = rss_ || e.is(kAtom, "feed");
      if (!out_.is_feed) root_ = e.local;
      return;
    }
    if (!out_.is_feed) return;
    // Where entries and the feed's own elements sit: Atom <feed><entry>,
    // RSS <rss><channel><item>.
    const int feed_depth = rss_ ? 2 : 1;
    if (e.depth == feed_depth && (rss_ ? e.local == "item" && e.ns.empty() : e.is(kAtom, "entry"))) {
      entry_ = Entry{};
      in_entry_ = true;
      return;
    }
    if (e.depth == feed_depth && e.is(kAtom, "link") && e.attr_or("rel") == "next") next_page(e.attr_or("href"));
    // Blogger's feed lists every label of the blog before its entries.
    if (e.depth == feed_depth && e.is(kAtom, "category")) add_label(e.attr_or("term"));
    if (in_entry_ && e.depth == feed_depth + 1) entry_element(e);
  }

  void end(const XmlElement& e) override {
    if (!out_.is_feed) return;
    const int feed_depth = rss_ ? 2 : 1;
    if (in_entry_ && e.depth == feed_depth) {
      finish_entry();
      in_entry_ = false;
    } else if (in_entry_ && e.depth == feed_depth + 1) {
      entry_text(e);
    } else if (!in_entry_ && e.depth == feed_depth) {
      if (is_opensearch(e.ns)) {
        if (e.local == "totalResults") out_.total_results = to_int(text_);
        if (e.local == "startIndex") out_.start_index = to_int(text_);
        if (e.local == "itemsPerPage") out_.items_per_page = to_int(text_);
      } else if (rss_ && e.local == "category" && e.ns.empty()) {
        add_label(std::string(trim(text_)));
      }
    }
    text_.clear();
  }

  void text(std::string_view t) override { text_ += t; }

  std::string root_;

private:
  // Elements of an entry known from their start tag alone.
  void entry_element(const XmlElement& e) {
    if (e.is(kAtom, "link")) {
      const std::string rel = e.attr_or("rel", "alternate"), type = e.attr_or("type");
      const std::string href = e.attr_or("href");
      if (rel == "alternate" && (type.empty() || type == "text/html") && entry_.alternate.empty()) entry_.alternate = href;
      if (rel == "replies" && type == "application/atom+xml") entry_.comment_feeds.push_back(href);
      if (rel == "enclosure") entry_.media.push_back(href);
    } else if (e.is(kAtom, "category")) {
      const std::string scheme = e.attr_or("scheme"), term = e.attr_or("term");
      if (scheme == kKindScheme) {
        entry_.is_comment = entry_.is_comment || term.ends_with("#comment");
        entry_.is_page = entry_.is_page || term.ends_with("#page");
      } else if (!term.empty()) {
        entry_.labels.push_back(term);
      }
    } else if (e.ns == kMedia && e.local == "thumbnail") {
      entry_.media.push_back(e.attr_or("url"));
    } else if (e.ns == kThread && e.local == "in-reply-to") {
      entry_.is_comment = true;
    } else if (rss_ && e.local == "enclosure" && e.ns.empty()) {
      entry_.media.push_back(e.attr_or("url"));
    } else if (e.is(kAtom, "content") || (rss_ && e.local == "description" && e.ns.empty())) {
      content_is_html_ = rss_ || e.attr_or("type") == "html";
    }
  }

  // Elements of an entry whose text is what counts.
  void entry_text(const XmlElement& e) {
    if (e.is(kAtom, "published")) entry_.published = atom_date(text_);
    if (!rss_) {
      if (e.is(kAtom, "content") && content_is_html_) entry_.content = text_;
      return;
    }
    if (!e.ns.empty()) return;
    if (e.local == "link") entry_.alternate = std::string(trim(text_));
    if (e.local == "category") entry_.labels.emplace_back(trim(text_));
    // RSS dates are written in GMT (Blogger's pubDate says +0000), so their
    // day is not the blog's own: an archive page named after it may not
    // exist. Only Atom's published, written in the blog's offset, names days.
    if (e.local == "description") entry_.content = text_;
  }

  void add(std::string_view base, std::string_view reference, FoundAs how) {
    if (trim(reference).empty()) return;
    if (auto url = resolve_url(base, reference)) out_.links.push_back({url->text, how});
  }

  void add_label(std::string label) {
    if (!label.empty() && seen_labels_.insert(label).second) out_.labels.push_back(std::move(label));
  }

  // Blogger's rel=next names the www.blogger.com/feeds/BLOGID/... spelling
  // of the feed, which is not the blog's host; the same page is asked of
  // the feed's own URL with the next link's query.
  void next_page(std::string_view href) {
    auto next = resolve_url(feed_url_, href);
    auto self = parse_fetch_url(feed_url_);
    if (next && self && is_blogger_site(next->host) && !is_blogger_site(self->host) &&
        next->path.starts_with("/feeds/")) {
      std::string same = self->scheme + "://" + origin_of(*self) + self->path;
      if (!next->query.empty()) same += "?" + next->query;
      add(feed_url_, same, FoundAs::FeedPaging);
      return;
    }
    add(feed_url_, href, FoundAs::FeedPaging);
  }

  void finish_entry() {
    ++out_.entries;
    add(feed_url_, entry_.alternate, FoundAs::FeedEntry);
    for (const std::string& feed : entry_.comment_feeds) add(feed_url_, feed, FoundAs::Derived);
    for (const std::string& media : entry_.media) add(feed_url_, media, FoundAs::Embed);
    // The body's links resolve against the post it belongs to.
    const auto post = resolve_url(feed_url_, entry_.alternate);
    const std::string base = post && !entry_.alternate.empty() ? post->text : feed_url_;
    if (!entry_.content.empty())
      for (const std::string& media : media_in_body(base, entry_.content)) out_.links.push_back({media, FoundAs::Embed});
    for (std::string& label : entry_.labels) add_label(std::move(label));
    const bool page = entry_.is_page || is_page_path(url_path(entry_.alternate));
    if (entry_.published && !entry_.is_comment && !page) out_.dates.push_back(*entry_.published);
  }

  std::string feed_url_;
  FeedPage& out_;
  bool rss_ = false;
  bool in_entry_ = false;
  bool content_is_html_ = false;
  Entry entry_;
  std::string text_;
  std::unordered_set<std::string> seen_labels_;
};

}  // namespace

FeedPage read_feed_page(std::string_view feed_url, std::string_view xml) {
  FeedPage out;
  FeedReader reader(feed_url, out);
  out.error = read_xml(feed_url, xml, reader);
  if (!out.is_feed && out.error.empty())
    out.error = "not an Atom or RSS feed (root <" + reader.root_ + ">)";
  return out;
}

}  // namespace blogshift::fetch
