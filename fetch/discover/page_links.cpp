#include "discover/page_links.h"

#include <unordered_map>

#include "html/html_reader.h"
#include "scope/blog_scope.h"
#include "scope/fetch_url.h"
#include "scope/media_types.h"
#include "text.h"

namespace blogshift::fetch {

namespace {

// The URLs of a srcset attribute (HTML's "parse a srcset attribute":
// candidates split at commas, each a URL then optional descriptors).
std::vector<std::string> srcset_urls(std::string_view srcset) {
  std::vector<std::string> out;
  size_t i = 0;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  while (i < srcset.size()) {
    while (i < srcset.size() && (space(srcset[i]) || srcset[i] == ',')) ++i;
    const size_t start = i;
    while (i < srcset.size() && !space(srcset[i])) ++i;
    std::string_view url = srcset.substr(start, i - start);
    if (url.ends_with(',')) {
      while (url.ends_with(',')) url.remove_suffix(1);
    } else {
      int parens = 0;  // descriptors run to the next comma outside parentheses
      for (; i < srcset.size() && (parens > 0 || srcset[i] != ','); ++i)
        parens += srcset[i] == '(' ? 1 : srcset[i] == ')' ? -1 : 0;
    }
    if (!url.empty()) out.emplace_back(url);
  }
  return out;
}

bool has_token(const std::string* list, std::string_view token) {
  if (!list) return false;
  const std::string lower = ascii_lower(*list);
  size_t i = 0;
  while (i < lower.size()) {
    const size_t start = lower.find_first_not_of(kAsciiSpace, i);
    if (start == std::string::npos) break;
    size_t end = lower.find_first_of(kAsciiSpace, start);
    if (end == std::string::npos) end = lower.size();
    if (std::string_view(lower).substr(start, end - start) == token) return true;
    i = end;
  }
  return false;
}

// Resolved, normalised links in document order, each URL once; a URL seen
// again keeps its first place but takes the stronger way it was found
// (TagLink over Embed over Link), since only a tag link admits a label.
class LinkList {
public:
  explicit LinkList(std::string base) : base_(std::move(base)) {}
  void set_base(std::string base) { base_ = std::move(base); }
  const std::string& base() const { return base_; }

  void add(std::string_view reference, FoundAs how) {
    if (trim(reference).empty()) return;
    auto url = resolve_url(base_, reference);
    if (!url) return;
    auto [it, fresh] = index_.emplace(url->text, links_.size());
    if (fresh) {
      links_.push_back({url->text, how});
    } else if (rank(how) > rank(links_[it->second].how)) {
      links_[it->second].how = how;
    }
  }
  std::vector<DiscoveredLink> take() { return std::move(links_); }

private:
  static int rank(FoundAs how) { return how == FoundAs::TagLink ? 2 : how == FoundAs::Embed ? 1 : 0; }
  std::string base_;
  std::vector<DiscoveredLink> links_;
  std::unordered_map<std::string, size_t> index_;
};

// What a media element names: the image, its srcset, lazy-loading copies,
// a video's poster, an audio or video file.
void add_media(const HtmlNode& e, LinkList& out) {
  for (const char* name : {"src", "data-src", "poster"})
    if (const std::string* v = e.attr(name)) out.add(*v, FoundAs::Embed);
  if (const std::string* v = e.attr("srcset"))
    for (const std::string& url : srcset_urls(*v)) out.add(url, FoundAs::Embed);
}

bool is_media_element(const HtmlNode& e) {
  return e.tag == "img" || e.tag == "source" || e.tag == "video" || e.tag == "audio";
}

// The first <base href> (as HTML says) resolved against the page's URL.
std::string document_base(const HtmlNode& root, std::string_view page_url) {
  const HtmlNode* base = find_first(root, [](const HtmlNode& n) { return n.is_element("base") && n.has_attr("href"); });
  if (base)
    if (auto url = resolve_url(page_url, *base->attr("href"))) return url->text;
  return std::string(page_url);
}

}  // namespace

PageLinks read_page_links(std::string_view page_url, std::string_view html) {
  PageLinks out;
  const HtmlDocument doc = read_html(html).document;
  LinkList links(document_base(*doc.root, page_url));
  for (const HtmlNode* e : find_all(*doc.root, [](const HtmlNode& n) { return n.is_element(); })) {
    if (e->tag == "a" || e->tag == "area") {
      if (const std::string* href = e->attr("href"))
        links.add(*href, has_token(e->attr("rel"), "tag") ? FoundAs::TagLink : FoundAs::Link);
    } else if (is_media_element(*e)) {
      add_media(*e, links);
    } else if (e->tag == "link") {
      const std::string* rel = e->attr("rel");
      const std::string* href = e->attr("href");
      if (!href) continue;
      if (has_token(rel, "icon") || has_token(rel, "apple-touch-icon")) {
        links.add(*href, FoundAs::Embed);
      } else if (has_token(rel, "canonical")) {
        links.add(*href, FoundAs::Link);
        if (auto url = resolve_url(links.base(), *href); url && out.canonical.empty()) out.canonical = url->text;
      } else if (has_token(rel, "alternate") || has_token(rel, "next")) {
        links.add(*href, FoundAs::Link);
      }
    }
  }
  out.links = links.take();
  return out;
}

std::vector<std::string> media_in_body(std::string_view base_url, std::string_view body_html) {
  const HtmlDocument doc = read_html(body_html).document;
  LinkList links{std::string(base_url)};
  for (const HtmlNode* e : find_all(*doc.root, [](const HtmlNode& n) { return n.is_element(); })) {
    if (is_media_element(*e)) {
      add_media(*e, links);
    } else if (e->tag == "a") {
      const std::string* href = e->attr("href");
      if (!href) continue;
      auto url = resolve_url(base_url, *href);
      if (url && (BlogScope::is_image_host(url->host) || is_image_file(url->path) || is_attachment_file(url->path)))
        links.add(url->text, FoundAs::Embed);
    }
  }
  std::vector<std::string> out;
  for (DiscoveredLink& link : links.take()) out.push_back(std::move(link.url));
  return out;
}

}  // namespace blogshift::fetch
