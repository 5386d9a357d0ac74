// Interpreting one entry of a Blogger blog's public feed (Atom, or RSS read
// into the same AtomEntry) as an item, with the classic export's mapping
// (xml/export_entry.h: gdata_entry_item) and Evidence::Feed (RSS: see
// FeedContext::evidence).
//
// The public feed has no kind# category: the kind comes from the entry id
// (".page-" is a page), thr:in-reply-to (a comment), else the feed it is in
// (its URL, else its id: "...blog-ID.postPOSTID..comments" is a comment
// feed). A comment's post is its thr:in-reply-to ref; without one (RSS), the
// post the feed URL or id names, else the legacy path of its link.
// An entry whose body is only a summary (no <content>: the feed setting
// 'short', or the /summary projection) keeps its exact fields but stages the
// summary, escaped, as an excerpt ranked as a listing's (body_evidence), so
// a full body from anywhere replaces it and it never replaces one.
#pragma once

#include <string>

#include "feed/feed_url.h"
#include "xml/export_entry.h"

namespace blogshift {

struct FeedContext {
  ExportContext blog;    // blog id, hosts, the feed's <updated> (used for an export's entries only)
  FeedUrl url;           // what the feed's URL says
  std::string feed_id;   // the feed's <id> (RSS: atom:id)
  bool bodies_are_excerpts = false;  // RSS of the /summary projection: <description> is an excerpt
  // Atom: Feed. RSS holds less (no author profile, no milliseconds or offset
  // in pubDate, no thr:in-reply-to), so its entries rank as a post's own
  // page does and never replace the Atom form's fields.
  Evidence evidence = Evidence::Feed;
};

// Stages the entry as one item, or reports it as one problem. An entry of an
// export saved in the crawl (blogger 2018 elements, or a kind# category) is
// read by the export's own mapper.
void stage_feed_entry(AtomEntry&& entry, const FeedContext& context, ExtractSink& sink);

}  // namespace blogshift
