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

// The fields of a GData entry as the classic export and the blog's public
// feeds write them alike (labels by the atom/ns# scheme, the alternate link,
// thr:in-reply-to, a rel=related link to the comment a reply answers,
// app:draft), once its kind is known; evidence Export. The caller checks the
// id and dates first (check_entry_basics) and stages the item.
ItemRecord gdata_entry_item(ItemKind kind, AtomEntry&& entry, const ExportContext& context);

// Shared by both: "tag:blogger.com,1999:blog-123.post-456" -> "456"
// ("settings.BLOG_NAME", "layout" for the other kinds); "" when not a Blogger tag.
std::string blogger_id_from_tag(const std::string& tag);
// The blog id in a Blogger tag URI: "tag:blogger.com,1999:blog-123.archive" -> "123".
std::string blog_id_from_tag(const std::string& tag);

// Checks the id and dates every staged entry needs; on failure reports the
// entry as a problem (its one outcome) and returns false.
bool check_entry_basics(const AtomEntry& entry, ExtractSink& sink);

}  // namespace blogshift
