// The records that readers hand to the staging store.
//
// Readers fill these from their sources and pass them to an ExtractSink
// (extract_sink.h); they never talk to SQLite themselves. Every string is
// UTF-8. Times are kept as the source wrote them (see timestamp.h for the
// parsed form the store adds).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace blogshift {

enum class ItemKind { Post, Page, Comment, Settings, Template };
// LIVE / DRAFT / SCHEDULED / TRASHED are Takeout's words; the classic
// export's app:draft maps onto Draft and Live. Unknown keeps status_raw.
enum class ItemStatus { Live, Draft, Scheduled, Trashed, Unknown };
enum class Severity { Info, Warning, Error };

const char* to_string(ItemKind kind);
const char* to_string(ItemStatus status);
const char* to_string(Severity severity);

// Where in a source something was found. `file` is the path of the file that
// was read (for a folder source: the file inside it); line/column are 1-based
// and 0 when unknown; offset is a byte offset, -1 when unknown (for a WARC:
// the offset of the record, of its gzip member when the file is gzipped).
struct SourcePosition {
  std::string file;
  int64_t line = 0;
  int64_t column = 0;
  int64_t offset = -1;

  // "file:line:col", "file@offset" or "file", for messages.
  std::string describe() const;
};

// How much a sighting of an item can be trusted, for merging several
// sources of the same blog: an export beats the blog's public feed (the same
// fields, but no drafts, and only what the feed setting shows), which beats a
// post's own page, which beats a listing (archive, label or home page) that
// may show only an excerpt.
enum class Evidence : int { Listing = 1, Permalink = 2, Feed = 3, Export = 4 };

struct BlogRecord {
  std::string blog_id;        // Blogger's numeric id, or "host:<name>" when unknown
  std::string title;
  std::vector<std::string> hosts;  // host names seen for it (lower case)
};

struct ItemRecord {
  ItemKind kind = ItemKind::Post;
  std::string blog_id;
  std::string blogger_id;        // numeric post/page/comment id; may be empty for scraped pages
  std::string parent_blogger_id; // comments: the post they answer
  std::string parent_path;       // comments from a scraped page without ids: the post's legacy path
  ItemStatus status = ItemStatus::Live;
  std::string status_raw;        // the source's own word ("LIVE", "yes", ...)
  std::string title;
  std::string author_name;
  std::string author_uri;
  std::string author_avatar;     // the profile's image URL (profile_image_url), or ""
  std::string published;         // as written in the source, e.g. 2011-01-20T21:41:52.381-08:00
  std::string updated;
  std::string created;
  std::vector<std::string> labels;
  std::string legacy_path;       // /2023/07/slug.html or /p/about.html; empty for drafts
  std::vector<std::string> urls; // every URL this item was seen under
  std::string body_html;         // original HTML (or text for settings/template)
  Evidence evidence = Evidence::Export;
  // The body's own rank when it is weaker than the other fields: a feed
  // entry with only a <summary> (the feed setting 'short') has exact dates
  // and labels but an excerpt for a body (Listing). Unset: `evidence`.
  std::optional<Evidence> body_evidence;
  std::string template_family;   // scraped pages: which Blogger template matched
  std::string extra_json;        // anything else worth keeping, as a JSON object (or empty)
  SourcePosition position;
};

struct AssetRecord {
  std::string url;
  std::string content_type;
  std::string bytes;
  SourcePosition position;
};

struct ProblemRecord {
  std::string stage = "extract";
  SourcePosition position;
  std::string item;      // the item it concerns, when known (id or URL)
  int64_t item_id = 0;   // items.id of a transformed document it concerns (0 = none)
  Severity severity = Severity::Error;
  std::string code;      // stable, upper case: XML_MALFORMED, WARC_TRUNCATED, ...
  std::string message;
  // True for a problem with the file as a whole (a refused DOCTYPE, a root
  // that is not a feed, a folder that cannot be walked): it is not the
  // outcome of one unit, so it does not enter the unit ledger.
  bool file_level = false;
};

}  // namespace blogshift
