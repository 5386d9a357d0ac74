#include "atom_feed_parser.h"

#include <libxml/xmlreader.h>

#include <cstring>
#include <memory>
#include <vector>

#include "errors.h"
#include "input_file.h"
#include "timestamp.h"

namespace blogshift {

namespace {

constexpr const char* kAtomNs = "http://www.w3.org/2005/Atom";
constexpr const char* kBloggerNs = "http://schemas.google.com/blogger/2018";
constexpr const char* kAppNs = "http://www.w3.org/2007/app";
constexpr const char* kAppOldNs = "http://purl.org/atom/app#";
constexpr const char* kThreadNs = "http://purl.org/syndication/thread/1.0";
constexpr int kMaxDepth = 256;
constexpr size_t kMaxProlog = 1 << 20;
constexpr size_t kHistoryKeep = 4 << 20;  // bytes kept to resume after an error
constexpr int kMaxResumes = 100000;

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (c & 0x80);
}

// What precedes the root element: refused if it holds a DOCTYPE; the root
// start tag is kept to re-open the feed when parsing resumes after an error.
struct Prolog {
  bool doctype = false;
  bool root_found = false;
  std::string root_tag;
  int64_t doctype_offset = -1;
};

Prolog scan_prolog(const std::string& path) {
  Prolog out;
  InputFile in(path);
  std::string buffer;
  char chunk[1 << 14];
  size_t i = 0;
  auto more = [&]() {
    if (buffer.size() >= kMaxProlog) return false;
    long got = in.read(chunk, sizeof chunk);
    if (got <= 0) return false;
    buffer.append(chunk, static_cast<size_t>(got));
    return true;
  };
  auto need = [&](size_t n) {
    while (buffer.size() < n)
      if (!more()) return false;
    return true;
  };
  auto skip_to = [&](const char* end) {
    for (;;) {
      size_t at = buffer.find(end, i);
      if (at != std::string::npos) {
        i = at + std::strlen(end);
        return true;
      }
      if (!more()) return false;
    }
  };
  for (;;) {
    if (!need(i + 2)) return out;
    if (buffer[i] != '<') {
      ++i;
      continue;
    }
    if (buffer[i + 1] == '?') {
      if (!skip_to("?>")) return out;
    } else if (buffer.compare(i, 4, "<!--") == 0 || (need(i + 4) && buffer.compare(i, 4, "<!--") == 0)) {
      if (!skip_to("-->")) return out;
    } else if (buffer[i + 1] == '!') {
      out.doctype = true;
      out.doctype_offset = static_cast<int64_t>(i);
      return out;
    } else if (is_name_start(buffer[i + 1])) {
      char quote = 0;
      for (size_t j = i + 1;; ++j) {
        if (!need(j + 1)) return out;
        char c = buffer[j];
        if (quote) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          out.root_found = true;
          out.root_tag = buffer.substr(i, j - i + 1);
          if (out.root_tag.size() >= 2 && out.root_tag[out.root_tag.size() - 2] == '/') {
            out.root_tag.erase(out.root_tag.size() - 2, 1);  // <feed .../> re-opened as <feed ...>
          }
          return out;
        }
      }
    } else {
      ++i;
    }
  }
}

// The byte stream libxml2 reads: an optional synthetic prefix (the root tag,
// when resuming), then the file from `start`. Keeps recent history so a
// resume can search backwards from libxml2's read-ahead.
struct ByteSource {
  std::unique_ptr<InputFile> file;
  std::string prefix;
  size_t prefix_pos = 0;
  std::string pending;  // file bytes at `start` not yet handed over
  size_t pending_pos = 0;
  int64_t start = 0;     // decompressed file offset of the first file byte handed over
  int64_t delivered = 0; // decompressed file offset after the last byte handed over
  std::string history;   // file bytes [history_start, delivered)
  int64_t history_start = 0;
  std::string read_error;

  // Whether the last bytes read end the feed; checked once the file is read
  // to its end, to tell a truncated file from one broken in the middle.
  bool ends_with_feed_close() const {
    size_t end = history.find_last_not_of(" \t\r\n");
    return end != std::string::npos && end + 1 >= 7 && history.compare(end + 1 - 7, 7, "</feed>") == 0;
  }

  void remember(const char* data, size_t size) {
    history.append(data, size);
    if (history.size() > 2 * kHistoryKeep) {
      size_t drop = history.size() - kHistoryKeep;
      history.erase(0, drop);
      history_start += static_cast<int64_t>(drop);
    }
  }

  int read(char* out, int len) {
    size_t want = static_cast<size_t>(len);
    if (prefix_pos < prefix.size()) {
      size_t n = std::min(want, prefix.size() - prefix_pos);
      std::memcpy(out, prefix.data() + prefix_pos, n);
      prefix_pos += n;
      return static_cast<int>(n);
    }
    if (pending_pos < pending.size()) {
      size_t n = std::min(want, pending.size() - pending_pos);
      std::memcpy(out, pending.data() + pending_pos, n);
      pending_pos += n;
      remember(out, n);
      delivered += static_cast<int64_t>(n);
      return static_cast<int>(n);
    }
    long got = file->read(out, want);
    if (got < 0) {
      read_error = file->error();
      return -1;
    }
    remember(out, static_cast<size_t>(got));
    delivered += got;
    return static_cast<int>(got);
  }

  // Positions the stream at the first "<entry" at or after `from`. False when
  // there is none (the rest of the file holds no entry start).
  bool resume_at_entry(int64_t from) {
    if (from < history_start) from = history_start;
    size_t search = static_cast<size_t>(from - history_start);
    for (;;) {
      size_t at = history.find("<entry", search);
      while (at != std::string::npos && at + 6 < history.size() && !std::strchr(" \t\r\n>", history[at + 6]))
        at = history.find("<entry", at + 1);
      if (at != std::string::npos && at + 6 < history.size()) {
        start = history_start + static_cast<int64_t>(at);
        pending = history.substr(at);
        pending_pos = 0;
        delivered = start;
        history.erase(at);
        prefix_pos = 0;
        return true;
      }
      search = history.size() > 6 ? history.size() - 6 : 0;
      char chunk[1 << 16];
      long got = file->read(chunk, sizeof chunk);
      if (got <= 0) return false;
      remember(chunk, static_cast<size_t>(got));
      delivered += got;
    }
  }
};

int read_callback(void* context, char* buffer, int len) { return static_cast<ByteSource*>(context)->read(buffer, len); }
int close_callback(void*) { return 0; }

struct XmlReaderDeleter {
  void operator()(xmlTextReaderPtr r) const { xmlFreeTextReader(r); }
};

struct XmlErrorInfo {
  std::string message;
  int line = 0;
  int column = 0;
};

// libxml2's errors for one parse: the first fatal one ends the parse; the
// others (an undeclared namespace prefix, say) are recoverable and reported
// as warnings, at most kMaxWarnings of them.
struct ParseErrors {
  static constexpr size_t kMaxWarnings = 100;
  XmlErrorInfo fatal;
  bool has_fatal = false;
  std::vector<XmlErrorInfo> recoverable;
};

void error_callback(void* context, xmlErrorPtr error) {
  auto* errors = static_cast<ParseErrors*>(context);
  if (!error || error->level < XML_ERR_ERROR) return;
  XmlErrorInfo info{error->message ? error->message : "XML error", error->line, error->int2};
  while (!info.message.empty() && (info.message.back() == '\n' || info.message.back() == ' ')) info.message.pop_back();
  if (error->level == XML_ERR_FATAL) {
    if (!errors->has_fatal) errors->fatal = std::move(info);
    errors->has_fatal = true;
  } else if (errors->recoverable.size() < ParseErrors::kMaxWarnings) {
    errors->recoverable.push_back(std::move(info));
  }
}

// The element's namespace; an undeclared app: prefix (seen in real exports)
// is read as the Atom Publishing namespace it always meant.
// (libxml2 then names the element "app:draft" with no namespace.)
bool undeclared_app(xmlTextReaderPtr r) {
  const xmlChar* name = xmlTextReaderConstLocalName(r);
  return !xmlTextReaderConstNamespaceUri(r) && name && std::strncmp(reinterpret_cast<const char*>(name), "app:", 4) == 0;
}
const xmlChar* element_ns(xmlTextReaderPtr r) {
  return undeclared_app(r) ? reinterpret_cast<const xmlChar*>(kAppOldNs) : xmlTextReaderConstNamespaceUri(r);
}
const xmlChar* element_local(xmlTextReaderPtr r) {
  return undeclared_app(r) ? xmlTextReaderConstLocalName(r) + 4 : xmlTextReaderConstLocalName(r);
}

const char* str(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : ""; }
bool eq(const xmlChar* a, const char* b) { return a && std::strcmp(reinterpret_cast<const char*>(a), b) == 0; }

class FeedParse {
public:
  FeedParse(const std::string& path, AtomFeedHandler& handler) : path_(path), handler_(handler) {}

  void run() {
    Prolog prolog = scan_prolog(path_);
    if (prolog.doctype) {
      report({path_, 0, 0, prolog.doctype_offset}, "XML_DTD_REFUSED",
             "document type declarations are refused (no entity is expanded or fetched); file not read");
      return;
    }
    source_.file = std::make_unique<InputFile>(path_);
    root_tag_ = prolog.root_tag;
    for (int attempt = 0; attempt <= kMaxResumes; ++attempt) {
      int64_t error_at = parse_segment();
      if (error_at < 0) break;
      error_at = std::max(error_at, last_resume_ + 1);  // always move forward
      last_resume_ = error_at;
      const bool resumed = !root_tag_.empty() && source_.resume_at_entry(error_at);
      if (!resumed && pending_.code == "XML_MALFORMED" && !source_.ends_with_feed_close()) {
        pending_.code = "XML_TRUNCATED";
        pending_.message += " (the file ends before </feed>: truncated?)";
      }
      handler_.problem(std::move(pending_));
      pending_ = ProblemRecord{};
      if (!resumed) break;
      source_.prefix = root_tag_;
    }
    if (!header_sent_) send_header();
  }

private:
  // Parses from the current stream position to the end or to the first fatal
  // error; returns the decompressed file offset of that error, or -1.
  int64_t parse_segment() {
    ParseErrors errors;
    std::unique_ptr<xmlTextReader, XmlReaderDeleter> reader(
        xmlReaderForIO(read_callback, close_callback, &source_, path_.c_str(), nullptr,
                       XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_COMPACT));
    if (!reader) {
      report({path_, 0, 0, source_.start}, "XML_MALFORMED", "cannot start the XML parser");
      return -1;
    }
    xmlTextReaderSetStructuredErrorHandler(reader.get(), error_callback, &errors);
    xmlTextReaderPtr r = reader.get();
    const bool resumed = source_.start > 0 || !source_.prefix.empty();
    int rc;
    while ((rc = xmlTextReaderRead(r)) == 1) {
      if (!handle_node(r, resumed)) return -1;
    }
    for (const auto& e : errors.recoverable) {
      ProblemRecord p;
      p.position = {path_, resumed ? 0 : e.line, resumed ? 0 : e.column, -1};
      p.severity = Severity::Warning;
      p.code = e.message.find("amespace") != std::string::npos ? "XML_NAMESPACE" : "XML_RECOVERED";
      p.message = e.message + " (recovered)";
      handler_.problem(std::move(p));
    }
    if (rc == 0 && !errors.has_fatal) {
      if (in_entry_) lost_entry("XML_TRUNCATED", "the file ends inside this entry");
      return -1;
    }
    const int64_t consumed = xmlTextReaderByteConsumed(r);
    int64_t at = source_.start + std::max<int64_t>(0, consumed - static_cast<int64_t>(source_.prefix.size()));
    std::string message = errors.has_fatal ? errors.fatal.message : "XML parse error";
    if (!source_.read_error.empty()) message = source_.read_error;
    // XML_MALFORMED may still become XML_TRUNCATED in run(), once it is
    // known whether the file goes on after the error.
    const char* code = !source_.read_error.empty() ? "XML_TRUNCATED"
                       : message.find("UTF-8") != std::string::npos || message.find("encoding") != std::string::npos
                           ? "XML_BAD_ENCODING"
                           : "XML_MALFORMED";
    SourcePosition pos{path_, resumed ? 0 : errors.fatal.line, resumed ? 0 : errors.fatal.column, at};
    // Resume at the first entry start after the broken entry's own start: the
    // error may only show at the next entry's tag, which must not be lost too.
    const int64_t resume_from = in_entry_ ? entry_start_offset_ + 1 : at;
    pending_.position = pos;
    pending_.code = code;
    pending_.item = in_entry_ ? entry_.id : "";
    pending_.message = message;
    if (in_entry_) {
      pending_.message += "; the entry starting at " + entry_.position.describe() +
                          (entry_.position.offset >= 0 ? " (byte " + std::to_string(entry_.position.offset) + ")" : "") +
                          " is lost";
      in_entry_ = false;
    }
    return resume_from;
  }

  bool handle_node(xmlTextReaderPtr r, bool resumed) {
    const int type = xmlTextReaderNodeType(r);
    const int depth = xmlTextReaderDepth(r);
    if (skip_depth_ >= 0) {
      if (depth > skip_depth_) return true;
      skip_depth_ = -1;
    }
    switch (type) {
      case XML_READER_TYPE_ELEMENT: {
        if (depth > kMaxDepth) {
          if (in_entry_) lost_entry("XML_TOO_DEEP", "elements nested deeper than " + std::to_string(kMaxDepth));
          skip_depth_ = depth - 1;
          return true;
        }
        const bool empty = xmlTextReaderIsEmptyElement(r);
        if (depth == 0) {
          if (!eq(xmlTextReaderConstLocalName(r), "feed")) {
            report({path_, 1, 1, 0}, "XML_NOT_ATOM", std::string("root element is <") +
                                                         str(xmlTextReaderConstName(r)) + ">, not an Atom <feed>");
            return false;
          }
          if (!resumed) scan_root_namespaces(r);
          return true;
        }
        start_element(r, depth);
        if (empty) end_element(r, depth);
        return true;
      }
      case XML_READER_TYPE_END_ELEMENT:
        end_element(r, depth);
        return true;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      case XML_READER_TYPE_WHITESPACE:
        if (const xmlChar* v = xmlTextReaderConstValue(r)) text_ += reinterpret_cast<const char*>(v);
        return true;
      default:
        return true;
    }
  }

  void scan_root_namespaces(xmlTextReaderPtr r) {
    while (xmlTextReaderMoveToNextAttribute(r) == 1)
      if (eq(xmlTextReaderConstValue(r), kBloggerNs)) header_.takeout = true;
    xmlTextReaderMoveToElement(r);
  }

  std::string attr(xmlTextReaderPtr r, const char* name) {
    xmlChar* v = xmlTextReaderGetAttribute(r, reinterpret_cast<const xmlChar*>(name));
    std::string out = str(v);
    xmlFree(v);
    return out;
  }

  void start_element(xmlTextReaderPtr r, int depth) {
    text_.clear();
    const xmlChar* local = element_local(r);
    const xmlChar* ns = element_ns(r);
    if (depth == 1) {
      if (eq(local, "entry") && eq(ns, kAtomNs)) {
        if (!header_sent_) send_header();
        begin_entry(r);
      } else if (eq(local, "link") && eq(ns, kAtomNs) && attr(r, "rel") == "alternate") {
        header_.alternate_hrefs.push_back(attr(r, "href"));
      }
      return;
    }
    if (!in_entry_) return;
    if (depth == 2) {
      parent_local_ = str(local);
      parent_ns_ = str(ns);
      if (eq(ns, kAtomNs)) {
        if (eq(local, "link")) {
          entry_.links.push_back({attr(r, "rel"), attr(r, "type"), attr(r, "href"), attr(r, "title")});
        } else if (eq(local, "category")) {
          entry_.categories.push_back({attr(r, "scheme"), attr(r, "term")});
        } else if (eq(local, "content")) {
          entry_.content_type = attr(r, "type");
          if (entry_.content_type == "xhtml") {
            xmlChar* inner = xmlTextReaderReadInnerXml(r);
            entry_.content = str(inner);
            xmlFree(inner);
            skip_depth_ = depth;
            content_done_ = true;
          }
        }
      } else if (eq(ns, kThreadNs) && eq(local, "in-reply-to")) {
        entry_.in_reply_to_ref = attr(r, "ref");
      } else if (eq(ns, kBloggerNs)) {
        entry_.saw_blogger_namespace = true;
      } else if (!eq(ns, kAppNs) && !eq(ns, kAppOldNs)) {
        // media:thumbnail, gd:extendedProperty, georss:box...: keep their attributes.
        while (xmlTextReaderMoveToNextAttribute(r) == 1)
          entry_.extra.emplace_back(std::string(str(xmlTextReaderConstName(r))).insert(0, std::string(str(local)) + "@"),
                                    str(xmlTextReaderConstValue(r)));
        xmlTextReaderMoveToElement(r);
      }
    }
  }

  void end_element(xmlTextReaderPtr r, int depth) {
    const xmlChar* local = element_local(r);
    const xmlChar* ns = element_ns(r);
    if (depth == 1) {
      if (in_entry_ && eq(local, "entry")) {
        in_entry_ = false;
        handler_.entry(std::move(entry_));
        entry_ = AtomEntry{};
      } else if (!in_entry_ && eq(ns, kAtomNs)) {
        if (eq(local, "id")) header_.id = std::string(trim(text_));
        else if (eq(local, "title")) header_.title = std::string(trim(text_));
        else if (eq(local, "updated")) header_.updated = std::string(trim(text_));
      }
      text_.clear();
      return;
    }
    if (!in_entry_) return;
    if (depth == 2) {
      if (eq(ns, kAtomNs)) {
        if (eq(local, "id")) entry_.id = std::string(trim(text_));
        else if (eq(local, "title")) entry_.title = std::string(trim(text_));
        else if (eq(local, "content") && !content_done_) entry_.content = std::move(text_);
        else if (eq(local, "published")) entry_.published = std::string(trim(text_));
        else if (eq(local, "updated")) entry_.updated = std::string(trim(text_));
        else if (eq(local, "summary") && !text_.empty()) entry_.extra.emplace_back("summary", std::string(trim(text_)));
      } else if (eq(ns, kBloggerNs)) {
        if (!eq(local, "location")) entry_.blogger.emplace_back(str(local), std::string(trim(text_)));
        else if (!entry_.blogger_field("location")) entry_.blogger.emplace_back("location", "");
      } else if (!eq(ns, kAppNs) && !eq(ns, kAppOldNs) && !eq(ns, kThreadNs) && !trim(text_).empty()) {
        entry_.extra.emplace_back(str(local), std::string(trim(text_)));
      } else if (eq(ns, kThreadNs) && eq(local, "total")) {
        entry_.extra.emplace_back("comments", std::string(trim(text_)));
      }
    } else if (depth == 3) {
      if (parent_local_ == "author" && parent_ns_ == kAtomNs) {
        if (eq(local, "name")) entry_.author_name = std::string(trim(text_));
        else if (eq(local, "uri")) entry_.author_uri = std::string(trim(text_));
        else if (eq(local, "type") && eq(ns, kBloggerNs)) entry_.author_type = std::string(trim(text_));
      } else if (parent_local_ == "control" && (eq(ns, kAppNs) || eq(ns, kAppOldNs)) && eq(local, "draft")) {
        entry_.draft = std::string(trim(text_));
      } else if (parent_local_ == "location" && parent_ns_ == kBloggerNs) {
        entry_.blogger.emplace_back("location." + std::string(str(local)), std::string(trim(text_)));
      }
    }
    text_.clear();
  }

  void begin_entry(xmlTextReaderPtr r) {
    in_entry_ = true;
    content_done_ = false;
    entry_ = AtomEntry{};
    const int64_t consumed = xmlTextReaderByteConsumed(r);
    entry_start_offset_ = source_.start + std::max<int64_t>(0, consumed - static_cast<int64_t>(source_.prefix.size()));
    const bool resumed = source_.start > 0 || !source_.prefix.empty();
    entry_.position = {path_, resumed ? 0 : xmlTextReaderGetParserLineNumber(r),
                       resumed ? 0 : xmlTextReaderGetParserColumnNumber(r), entry_start_offset_};
  }

  void lost_entry(const char* code, const std::string& why) {
    ProblemRecord p;
    p.position = entry_.position;
    p.item = entry_.id;
    p.code = code;
    p.message = why + "; entry not staged";
    handler_.problem(std::move(p));
    in_entry_ = false;
  }

  void send_header() {
    header_sent_ = true;
    handler_.header(header_);
  }

  void report(const SourcePosition& pos, const char* code, const std::string& message) {
    ProblemRecord p;
    p.position = pos;
    p.code = code;
    p.message = message;
    handler_.problem(std::move(p));
  }

  std::string path_;
  AtomFeedHandler& handler_;
  ByteSource source_;
  std::string root_tag_;
  AtomFeedHeader header_;
  bool header_sent_ = false;
  AtomEntry entry_;
  bool in_entry_ = false;
  bool content_done_ = false;
  int64_t entry_start_offset_ = -1;
  int64_t last_resume_ = -1;
  ProblemRecord pending_;  // the fatal error of the last segment, reported by run()
  int skip_depth_ = -1;
  std::string parent_local_, parent_ns_;
  std::string text_;
};

}  // namespace

void parse_atom_feed(const std::string& path, AtomFeedHandler& handler) {
  FeedParse parse(path, handler);
  parse.run();
}

}  // namespace blogshift
