#include "atom_feed_parser.h"

#include <libxml/xmlreader.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include "errors.h"
#include "feed_prolog.h"
#include "feed_window.h"
#include "input_file.h"
#include "timestamp.h"

namespace blogshift {

namespace {

constexpr const char* kAtomNs = "http://www.w3.org/2005/Atom";
constexpr const char* kBloggerNs = "http://schemas.google.com/blogger/2018";
constexpr const char* kAppNs = "http://www.w3.org/2007/app";
constexpr const char* kAppOldNs = "http://purl.org/atom/app#";
constexpr const char* kThreadNs = "http://purl.org/syndication/thread/1.0";
constexpr const char* kGdNs = "http://schemas.google.com/g/2005";
constexpr int kMaxDepth = 256;
// libxml2 runs with XML_PARSE_HUGE (a post with inline images can hold a
// text node over its default 10 MB); this is our own bound per entry.
constexpr size_t kMaxEntryText = size_t{128} << 20;

// The bytes libxml2 reads for one segment of the file: an optional prefix
// (the root tag, when resuming), the file from `cursor` up to `limit` (-1:
// to the end), then an optional suffix ("</feed>" for a one-entry trial).
// It notes every entry start it hands over, so the parser knows exactly
// where each entry began however far libxml2 reads ahead.
struct SegmentInput {
  FeedWindow* window = nullptr;
  std::string prefix;
  size_t prefix_pos = 0;
  int64_t cursor = 0;
  int64_t limit = -1;
  std::string suffix;
  size_t suffix_pos = 0;
  std::vector<int64_t> entry_starts;
  int64_t next_scan = 0;
  int64_t lookahead = -1;
  bool scan_done = false;

  int read(char* out, size_t len) {
    if (prefix_pos < prefix.size()) return copy(prefix, prefix_pos, out, len);
    const int64_t end = limit >= 0 ? limit : INT64_MAX;
    if (cursor < end) {
      std::string_view got = window->bytes(cursor, static_cast<size_t>(std::min<int64_t>(end - cursor, static_cast<int64_t>(len))));
      if (!got.empty()) {
        std::memcpy(out, got.data(), got.size());
        cursor += static_cast<int64_t>(got.size());
        note_entry_starts();
        return static_cast<int>(got.size());
      }
      if (!window->read_error().empty()) return -1;
    }
    if (suffix_pos < suffix.size()) return copy(suffix, suffix_pos, out, len);
    return 0;
  }

  static int copy(const std::string& from, size_t& pos, char* out, size_t len) {
    const size_t n = std::min(len, from.size() - pos);
    std::memcpy(out, from.data() + pos, n);
    pos += n;
    return static_cast<int>(n);
  }

  void note_entry_starts() {
    for (;;) {
      if (lookahead < 0) {
        if (scan_done) return;
        lookahead = window->next_entry_start(next_scan);
        if (lookahead < 0 || (limit >= 0 && lookahead >= limit)) {
          scan_done = true;
          lookahead = -1;
          return;
        }
      }
      if (lookahead >= cursor) return;
      entry_starts.push_back(lookahead);
      next_scan = lookahead + 1;
      lookahead = -1;
    }
  }
};

// libxml2 calls these; no exception may cross back into it.
int read_callback(void* context, char* buffer, int len) {
  try {
    return static_cast<SegmentInput*>(context)->read(buffer, static_cast<size_t>(len));
  } catch (...) {
    return -1;
  }
}
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
  try {
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
  } catch (...) {
    // Out of memory while copying a message: the error itself still ends the parse.
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


// How one segment ended: at the end of its input, or at a fatal error.
struct SegmentOutcome {
  bool ok = true;
  int64_t error_at = -1;  // file offset handed to libxml2 when it failed (the error is before it)
  std::string message;
  int line = 0, column = 0;  // as libxml2 counted them (right for the first segment only)
};

class FeedParse {
public:
  FeedParse(FeedWindow&& window, AtomFeedHandler& handler)
      : path_(window.path()), handler_(handler), window_(std::move(window)) {}

  void run() {
    Prolog prolog = scan_prolog(window_);
    if (prolog.verdict != Prolog::Verdict::Root) {
      if (prolog.verdict == Prolog::Verdict::Doctype)
        file_problem(window_.position(prolog.offset), "XML_DTD_REFUSED",
                     "document type declarations are refused (no entity is expanded or fetched); file not read");
      else if (prolog.verdict == Prolog::Verdict::TooLong)
        file_problem(window_.position(prolog.offset), "XML_DTD_REFUSED",
                     "no root element in the first MiB; refused unread (a DOCTYPE could hide behind it)");
      else
        file_problem(window_.position(0), "XML_NOT_ATOM", "no root element: empty or not XML");
      send_header();
      return;
    }
    root_tag_ = prolog.root_tag;
    int64_t pos = 0;
    std::string prefix;
    for (;;) {
      SegmentOutcome r = parse_segment(pos, -1, prefix, "");
      if (r.ok || stopped_) break;
      const int64_t next = recover(pos, r);
      if (next < 0 || next <= pos) break;
      pos = next;
      prefix = root_tag_;
    }
    if (!header_sent_) send_header();
  }

private:
  // After a fatal error in the segment that began at `segment_start`: the
  // entries libxml2 had read but not yet handed over are parsed again one by
  // one, up to the error point, so only the broken one is lost. Returns where
  // to go on streaming (an entry start), or -1 when the file has no more.
  int64_t recover(int64_t segment_start, const SegmentOutcome& failed) {
    int64_t e = first_unhandled_entry(segment_start);
    const int64_t first_trial = e >= 0 ? e : segment_start;
    bool blamed = false;
    while (e >= 0 && e <= failed.error_at) {
      const int64_t next = window_.next_entry_start(e + 1);
      int64_t end = next;
      if (end < 0) end = window_.find("</feed>", e);
      SegmentOutcome trial = parse_segment(e, end, root_tag_, end >= 0 ? "</feed>" : "");
      window_.forget_before(e);
      if (!trial.ok) {
        const bool cut = next < 0 && !window_.ends_with_feed_close();
        lost_entry_at(e, cut ? "XML_TRUNCATED" : code_for(trial.message),
                      in_file_terms(e, trial) + (cut ? " (the file ends inside this entry: truncated?)" : ""));
        blamed = true;
        e = next;
        break;
      }
      e = next;
    }
    if (!blamed) {
      // The error was outside every entry: in the feed header, between
      // entries, or after the last one.
      SourcePosition pos = segment_start == 0 && failed.line > 0
                               ? SourcePosition{path_, failed.line, failed.column, failed.error_at}
                               : window_.position(failed.error_at);
      // No entry left and no </feed> after the last one: the file was cut.
      const bool cut = e < 0 && window_.find("</feed>", first_trial) < 0;
      file_problem(pos, cut ? "XML_TRUNCATED" : code_for(failed.message),
                   failed.message + (cut ? " (the file ends before </feed>: truncated?)" : ""));
    }
    return e;
  }

  const char* code_for(const std::string& message) const {
    if (!window_.read_error().empty()) return "XML_TRUNCATED";
    if (message.find("UTF-8") != std::string::npos || message.find("ncoding") != std::string::npos)
      return "XML_BAD_ENCODING";
    return "XML_MALFORMED";
  }

  int64_t first_unhandled_entry(int64_t segment_start) {
    const auto& starts = input_.entry_starts;
    if (handled_ < starts.size()) return starts[handled_];
    return window_.next_entry_start(starts.empty() ? segment_start : starts.back() + 1);
  }

  // Parses file bytes [start, limit) (limit -1: to the end) behind `prefix`
  // and before `suffix`, handing entries to the handler as they complete.
  SegmentOutcome parse_segment(int64_t start, int64_t limit, const std::string& prefix, const std::string& suffix) {
    input_ = SegmentInput{};
    input_.window = &window_;
    input_.prefix = prefix;
    input_.cursor = start;
    input_.next_scan = start;
    input_.limit = limit;
    input_.suffix = suffix;
    handled_ = 0;
    begun_ = 0;
    in_entry_ = false;
    skip_depth_ = -1;
    first_segment_ = start == 0 && prefix.empty();

    SegmentOutcome out;
    ParseErrors errors;
    std::unique_ptr<xmlTextReader, XmlReaderDeleter> reader(
        xmlReaderForIO(read_callback, close_callback, &input_, path_.c_str(), nullptr,
                       XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_COMPACT));
    if (!reader) {
      stopped_ = true;
      file_problem(window_.position(start), "XML_MALFORMED", "cannot start the XML parser");
      return out;
    }
    xmlTextReaderSetStructuredErrorHandler(reader.get(), error_callback, &errors);
    xmlTextReaderPtr r = reader.get();
    int rc;
    while ((rc = xmlTextReaderRead(r)) == 1) {
      if (!handle_node(r)) return out;
    }
    for (const auto& e : errors.recoverable) {
      ProblemRecord p;
      p.position = first_segment_ ? SourcePosition{path_, e.line, e.column, -1} : window_.position(start);
      p.severity = Severity::Warning;
      p.code = e.message.find("amespace") != std::string::npos ? "XML_NAMESPACE" : "XML_RECOVERED";
      p.message = e.message + " (recovered)";
      handler_.problem(std::move(p));
    }
    if (rc == 0 && !errors.has_fatal && window_.read_error().empty()) {
      if (in_entry_) lost_entry("XML_TRUNCATED", "the file ends inside this entry");
      return out;
    }
    out.ok = false;
    // libxml2 cannot have failed beyond the bytes it was given (its own
    // byte count is not reliable once it has failed).
    out.error_at = input_.cursor;
    out.message = !window_.read_error().empty() ? window_.read_error()
                  : errors.has_fatal            ? errors.fatal.message
                                                : "XML parse error";
    out.line = errors.fatal.line;
    out.column = errors.fatal.column;
    in_entry_ = false;
    return out;
  }

  // Returns false to stop the parse of the whole file.
  bool handle_node(xmlTextReaderPtr r) {
    const int type = xmlTextReaderNodeType(r);
    const int depth = xmlTextReaderDepth(r);
    if (skip_depth_ >= 0) {
      if (depth > skip_depth_) return true;
      const bool entry_end = skip_depth_ == 1 && type == XML_READER_TYPE_END_ELEMENT;
      skip_depth_ = -1;
      if (entry_end) return true;  // the end tag of an entry already reported lost
    }
    switch (type) {
      case XML_READER_TYPE_DOCUMENT_TYPE:
        // Cannot happen after the prolog check; refuse rather than trust it.
        stopped_ = true;
        file_problem(window_.position(0), "XML_DTD_REFUSED", "document type declaration found; file not read further");
        return false;
      case XML_READER_TYPE_ELEMENT: {
        if (depth > kMaxDepth) {
          if (in_entry_) lost_entry("XML_TOO_DEEP", "elements nested deeper than " + std::to_string(kMaxDepth));
          skip_depth_ = in_entry_ ? 1 : depth - 1;
          return true;
        }
        const bool empty = xmlTextReaderIsEmptyElement(r);
        if (depth == 0) {
          if (!eq(xmlTextReaderConstLocalName(r), "feed")) {
            stopped_ = true;
            file_problem(window_.position(0), "XML_NOT_ATOM",
                         std::string("root element is <") + str(xmlTextReaderConstName(r)) + ">, not an Atom <feed>");
            return false;
          }
          if (first_segment_) scan_root_namespaces(r);
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
        if (const xmlChar* v = xmlTextReaderConstValue(r)) {
          text_ += reinterpret_cast<const char*>(v);
          if (in_entry_ && text_.size() > kMaxEntryText) {
            lost_entry("XML_TOO_LARGE", "an element of this entry holds more than " +
                                            std::to_string(kMaxEntryText >> 20) + " MiB of text");
            skip_depth_ = 1;
            text_.clear();
          }
        }
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
          entry_.has_content = true;
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
    } else if (depth == 3 && parent_local_ == "author" && parent_ns_ == kAtomNs && eq(local, "image") && eq(ns, kGdNs)) {
      entry_.author_avatar = attr(r, "src");  // the profile's image
    }
  }

  void end_element(xmlTextReaderPtr r, int depth) {
    const xmlChar* local = element_local(r);
    const xmlChar* ns = element_ns(r);
    if (depth == 1) {
      if (in_entry_ && eq(local, "entry")) {
        finish_entry();
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

  void begin_entry(xmlTextReaderPtr) {
    in_entry_ = true;
    content_done_ = false;
    entry_ = AtomEntry{};
    // The n-th entry libxml2 begins is the n-th entry start handed to it.
    const auto& starts = input_.entry_starts;
    const int64_t offset = begun_ < starts.size() ? starts[begun_] : -1;
    ++begun_;
    entry_.position = offset >= 0 ? window_.position(offset) : SourcePosition{path_, 0, 0, -1};
  }

  void finish_entry() {
    in_entry_ = false;
    ++handled_;
    handler_.entry(std::move(entry_));
    entry_ = AtomEntry{};
    forget_handled();
  }

  void lost_entry(const char* code, const std::string& why) {
    ProblemRecord p;
    p.position = entry_.position;
    p.item = entry_.id;
    p.code = code;
    p.message = why + "; entry not staged";
    handler_.problem(std::move(p));
    in_entry_ = false;
    ++handled_;
    forget_handled();
  }

  // libxml2 counted lines and columns of a trial from the root tag put in
  // front of the entry; say them as lines and columns of the file.
  std::string in_file_terms(int64_t entry_offset, const SegmentOutcome& trial) const {
    const SourcePosition entry = window_.position(entry_offset);
    const int64_t prefix_lines = std::count(root_tag_.begin(), root_tag_.end(), '\n');
    const int64_t prefix_tail = static_cast<int64_t>(root_tag_.size() - (root_tag_.rfind('\n') + 1));
    auto file_line = [&](int64_t line) { return entry.line + line - prefix_lines - 1; };
    std::string message;
    // "... title line 1 and titel": the line numbers inside libxml2's text.
    const std::string& m = trial.message;
    for (size_t i = 0; i < m.size();) {
      if (m.compare(i, 6, " line ") == 0 && i + 6 < m.size() && std::isdigit(static_cast<unsigned char>(m[i + 6]))) {
        size_t j = i + 6;
        int64_t n = 0;
        while (j < m.size() && std::isdigit(static_cast<unsigned char>(m[j]))) n = n * 10 + (m[j++] - '0');
        message += " line " + std::to_string(n > prefix_lines && entry.line > 0 ? file_line(n) : n);
        i = j;
      } else {
        message += m[i++];
      }
    }
    if (trial.line > prefix_lines && entry.line > 0) {
      const int64_t line = file_line(trial.line);
      const int64_t column =
          trial.line == prefix_lines + 1 ? entry.column + trial.column - 1 - prefix_tail : trial.column;
      message += " (at " + std::to_string(line) + ":" + std::to_string(column) + ")";
    }
    return message;
  }

  // An entry found broken on its own trial parse: it is lost, alone.
  void lost_entry_at(int64_t offset, const char* code, const std::string& message) {
    ProblemRecord p;
    p.position = window_.position(offset);
    p.code = code;
    p.message = message + "; the entry starting here is lost";
    handler_.problem(std::move(p));
  }

  // Bytes before the first entry not yet handled are never needed again.
  void forget_handled() {
    const auto& starts = input_.entry_starts;
    if (handled_ < starts.size()) window_.forget_before(starts[handled_]);
  }

  void send_header() {
    header_sent_ = true;
    handler_.header(header_);
  }

  void file_problem(const SourcePosition& pos, const char* code, const std::string& message) {
    ProblemRecord p;
    p.position = pos;
    p.code = code;
    p.message = message;
    p.file_level = true;
    handler_.problem(std::move(p));
  }

  std::string path_;
  AtomFeedHandler& handler_;
  FeedWindow window_;
  SegmentInput input_;
  std::string root_tag_;
  AtomFeedHeader header_;
  bool header_sent_ = false;
  bool first_segment_ = true;
  bool stopped_ = false;
  size_t handled_ = 0;  // entries of this segment staged or reported lost
  size_t begun_ = 0;    // entries of this segment begun
  AtomEntry entry_;
  bool in_entry_ = false;
  bool content_done_ = false;
  int skip_depth_ = -1;
  std::string parent_local_, parent_ns_;
  std::string text_;
};

}  // namespace

void parse_atom_feed(const std::string& path, AtomFeedHandler& handler) {
  FeedParse parse(FeedWindow(path), handler);
  parse.run();
}

void parse_atom_feed_bytes(std::string bytes, const std::string& name, AtomFeedHandler& handler) {
  FeedParse parse(FeedWindow(std::move(bytes), name), handler);
  parse.run();
}

}  // namespace blogshift
