// Interpreting an AtomEntry of either export schema as staged units.
#pragma once

#include <string>
#include <vector>

#include "atom_entry.h"
#include "extract_sink.h"

namespace blogshift {

// What the feed header says about the blog, for every entry.
struct ExportContext {
  std::string blog_id;      // numeric id from the feed <id>
  std::string export_time;  // feed <updated> (classic): later publication dates are scheduled posts
  std::vector<std::string> hosts;
};

// Takeout feed.atom (blogger 2018 namespace: blogger:type, blogger:status ...).
void stage_takeout_entry(AtomEntry&& entry, const ExportContext& context, ExtractSink& sink);

// Classic backup XML (kind# categories, app:draft, thr:in-reply-to).
void stage_classic_entry(AtomEntry&& entry, const ExportContext& context, ExtractSink& sink);

// Shared by both: "tag:blogger.com,1999:blog-123.post-456" -> "456"
// ("settings.BLOG_NAME", "layout" for the other kinds); "" when not a Blogger tag.
std::string blogger_id_from_tag(const std::string& tag);
// The blog id in a Blogger tag URI: "tag:blogger.com,1999:blog-123.archive" -> "123".
std::string blog_id_from_tag(const std::string& tag);

// Checks the id and dates every staged entry needs; on failure reports the
// entry as a problem (its one outcome) and returns false.
bool check_entry_basics(const AtomEntry& entry, ExtractSink& sink);

}  // namespace blogshift
