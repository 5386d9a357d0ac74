#include "rss_feed_parser.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "feed_prolog.h"
#include "feed_window.h"
#include "rfc822_time.h"
#include "text.h"

namespace blogshift {

namespace {

constexpr const char* kAtomNs = "http://www.w3.org/2005/Atom";
constexpr const char* kThreadNs = "http://purl.org/syndication/thread/1.0";
constexpr std::string_view kItemTag = "<item";
constexpr std::string_view kItemEnd = "</item>";

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtDeleter {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;

// Parses a whole small document; on failure returns null and says why.
DocPtr parse_document(const std::string& text, const std::string& name, std::string& error) {
  std::unique_ptr<xmlParserCtxt, CtxtDeleter> ctxt(xmlNewParserCtxt());
  if (!ctxt) {
    error = "cannot start the XML parser";
    return nullptr;
  }
  DocPtr doc(xmlCtxtReadMemory(ctxt.get(), text.data(), static_cast<int>(text.size()), name.c_str(), nullptr,
                               XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (doc && ctxt->wellFormed) return doc;
  const xmlError* e = xmlCtxtGetLastError(ctxt.get());
  error = e && e->message ? e->message : "XML parse error";
  while (!error.empty() && (error.back() == '\n' || error.back() == ' ')) error.pop_back();
  return nullptr;
}

bool named(const xmlNode* n, const char* local, const char* ns) {
  if (n->type != XML_ELEMENT_NODE || std::strcmp(reinterpret_cast<const char*>(n->name), local) != 0) return false;
  const char* uri = n->ns ? reinterpret_cast<const char*>(n->ns->href) : nullptr;
  return ns ? uri && std::strcmp(uri, ns) == 0 : uri == nullptr;
}

std::string text_of(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

std::string attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

const xmlNode* channel_of(const xmlDoc* doc) {
  const xmlNode* root = xmlDocGetRootElement(doc);
  if (!root) return nullptr;
  for (const xmlNode* c = root->children; c; c = c->next)
    if (named(c, "channel", nullptr)) return c;
  return nullptr;
}

// "noreply@blogger.com (Maggie Lindqvist)" -> "Maggie Lindqvist".
std::string author_name(std::string_view text) {
  text = trim(text);
  const size_t open = text.find('(');
  const size_t close = text.rfind(')');
  if (open != std::string_view::npos && close != std::string_view::npos && close > open)
    return std::string(trim(text.substr(open + 1, close - open - 1)));
  return text.find('@') == std::string_view::npos ? std::string(text) : std::string();
}

void read_item(const xmlNode* item, AtomEntry& e) {
  for (const xmlNode* c = item->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string local = reinterpret_cast<const char*>(c->name);
    const std::string ns = c->ns ? reinterpret_cast<const char*>(c->ns->href) : "";
    if (ns.empty()) {
      if (local == "guid") e.id = std::string(trim(text_of(c)));
      else if (local == "pubDate") {
        const std::string raw(trim(text_of(c)));
        e.published = rfc822_to_rfc3339(raw).value_or(raw);
      } else if (local == "title") e.title = std::string(trim(text_of(c)));
      else if (local == "description") {
        e.has_content = true;
        e.content_type = "html";
        e.content = text_of(c);
      } else if (local == "link") e.links.push_back({"alternate", "text/html", std::string(trim(text_of(c))), ""});
      else if (local == "category") e.categories.push_back({attr(c, "domain"), std::string(trim(text_of(c)))});
      else if (local == "author") e.author_name = author_name(text_of(c));
      else if (local == "comments") e.extra.emplace_back("comments_url", std::string(trim(text_of(c))));
    } else if (ns == kAtomNs) {
      if (local == "updated") e.updated = std::string(trim(text_of(c)));
      else if (local == "link") e.links.push_back({attr(c, "rel"), attr(c, "type"), attr(c, "href"), attr(c, "title")});
    } else if (ns == kThreadNs) {
      if (local == "total") e.extra.emplace_back("comments", std::string(trim(text_of(c))));
      else if (local == "in-reply-to") e.in_reply_to_ref = attr(c, "ref");
    } else {
      // media:thumbnail, georss:...: their attributes, or their text, as the Atom parser keeps them.
      bool any = false;
      for (const xmlAttr* a = c->properties; a; a = a->next) {
        e.extra.emplace_back(local + "@" + reinterpret_cast<const char*>(a->name), attr(c, reinterpret_cast<const char*>(a->name)));
        any = true;
      }
      if (!any && !trim(text_of(c)).empty()) e.extra.emplace_back(local, std::string(trim(text_of(c))));
    }
  }
}

void read_header(const xmlNode* channel, AtomFeedHeader& h) {
  for (const xmlNode* c = channel->children; c; c = c->next) {
    if (named(c, "id", kAtomNs)) h.id = std::string(trim(text_of(c)));
    else if (named(c, "title", nullptr)) h.title = std::string(trim(text_of(c)));
    else if (named(c, "link", nullptr)) h.alternate_hrefs.push_back(std::string(trim(text_of(c))));
    else if (named(c, "lastBuildDate", nullptr)) {
      const std::string raw(trim(text_of(c)));
      h.updated = rfc822_to_rfc3339(raw).value_or(raw);
    }
  }
}

class RssParse {
public:
  RssParse(std::string bytes, const std::string& name, AtomFeedHandler& handler)
      : name_(name), handler_(handler), window_(std::move(bytes), name) {}

  void run() {
    const Prolog prolog = scan_prolog(window_);
    if (prolog.verdict != Prolog::Verdict::Root) {
      const bool no_root = prolog.verdict == Prolog::Verdict::NoRoot;
      file_problem(std::max<int64_t>(prolog.offset, 0), no_root ? "XML_MALFORMED" : "XML_DTD_REFUSED",
                   no_root ? "no root element: empty or not XML"
                           : "document type declarations are refused (no entity is expanded or fetched); feed not read");
      handler_.header(AtomFeedHeader{});
      return;
    }
    all_ = window_.bytes(0, static_cast<size_t>(window_.end()));
    prolog_text_ = std::string(all_.substr(0, static_cast<size_t>(prolog.offset)));
    root_tag_ = prolog.root_tag;
    const std::vector<size_t> starts = item_starts(static_cast<size_t>(prolog.offset));
    header(static_cast<size_t>(prolog.offset), starts.empty() ? std::string_view::npos : starts.front());
    size_t last_end = 0;  // after the last whole item
    for (size_t i = 0; i < starts.size(); ++i) {
      const size_t next = i + 1 < starts.size() ? starts[i + 1] : std::string_view::npos;
      const size_t close = all_.find(kItemEnd, starts[i]);
      if (close == std::string_view::npos || close > next) {
        const bool cut = close == std::string_view::npos && next == std::string_view::npos;
        lost(starts[i], cut ? "XML_TRUNCATED" : "XML_MALFORMED",
             cut ? "the feed ends inside this item (truncated?)" : "item without </item>");
        continue;
      }
      last_end = close + kItemEnd.size();
      item(starts[i], all_.substr(starts[i], last_end - starts[i]));
    }
    const bool last_closed = !starts.empty() && last_end > starts.back();
    if (last_closed && all_.find("</rss>", last_end) == std::string_view::npos)
      file_problem(static_cast<int64_t>(all_.size()), "XML_TRUNCATED", "the feed ends before </rss>: truncated?");
  }

private:
  std::vector<size_t> item_starts(size_t from) const {
    std::vector<size_t> out;
    for (size_t at = all_.find(kItemTag, from); at != std::string_view::npos; at = all_.find(kItemTag, at + 1)) {
      const size_t after = at + kItemTag.size();
      if (after < all_.size() && std::string_view(" \t\r\n>").find(all_[after]) != std::string_view::npos)
        out.push_back(at);
    }
    return out;
  }

  // The channel's own elements: everything before the first item.
  void header(size_t root, size_t first_item) {
    AtomFeedHeader h;
    std::string text = prolog_text_ + std::string(all_.substr(root, first_item == std::string_view::npos
                                                                         ? std::string_view::npos
                                                                         : first_item - root));
    if (first_item != std::string_view::npos) text += "</channel></rss>";
    std::string error;
    DocPtr doc = parse_document(text, name_, error);
    const xmlNode* channel = doc ? channel_of(doc.get()) : nullptr;
    if (channel) read_header(channel, h);
    else file_problem(static_cast<int64_t>(root), code_for(error), doc ? "RSS root without <channel>" : error);
    handler_.header(h);
  }

  void item(size_t offset, std::string_view bytes) {
    std::string text = prolog_text_ + root_tag_ + "<channel>" + std::string(bytes) + "</channel></rss>";
    std::string error;
    DocPtr doc = parse_document(text, name_, error);
    const xmlNode* channel = doc ? channel_of(doc.get()) : nullptr;
    const xmlNode* node = nullptr;
    for (const xmlNode* c = channel ? channel->children : nullptr; c && !node; c = c->next)
      if (named(c, "item", nullptr)) node = c;
    if (!node) return lost(offset, code_for(error), error.empty() ? "no <item> element" : error);
    AtomEntry e;
    e.position = window_.position(static_cast<int64_t>(offset));
    read_item(node, e);
    handler_.entry(std::move(e));
  }

  static const char* code_for(const std::string& message) {
    if (message.find("UTF-8") != std::string::npos || message.find("ncoding") != std::string::npos)
      return "XML_BAD_ENCODING";
    return "XML_MALFORMED";
  }

  void lost(size_t offset, const char* code, const std::string& why) {
    ProblemRecord p;
    p.position = window_.position(static_cast<int64_t>(offset));
    p.code = code;
    p.message = why + "; the item starting here is lost";
    handler_.problem(std::move(p));
  }

  void file_problem(int64_t offset, const char* code, const std::string& message) {
    ProblemRecord p;
    p.position = window_.position(offset);
    p.code = code;
    p.message = message;
    p.file_level = true;
    handler_.problem(std::move(p));
  }

  std::string name_;
  AtomFeedHandler& handler_;
  FeedWindow window_;
  std::string_view all_;
  std::string prolog_text_, root_tag_;
};

}  // namespace

void parse_rss_feed_bytes(std::string bytes, const std::string& name, AtomFeedHandler& handler) {
  RssParse(std::move(bytes), name, handler).run();
}

}  // namespace blogshift
