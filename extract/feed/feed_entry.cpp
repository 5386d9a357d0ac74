#include "feed_entry.h"

#include "html/html_serializer.h"
#include "url.h"

namespace blogshift {

namespace {

// "tag:blogger.com,1999:blog-1.post-2" -> "post-2"; "" when not a Blogger tag.
std::string tag_rest(const std::string& tag) {
  const size_t at = tag.find("blog-");
  const size_t dot = at == std::string::npos ? at : tag.find('.', at);
  return dot == std::string::npos ? std::string() : tag.substr(dot + 1);
}

// A comment feed's id: "...blog-1.post2..comments" (one post's) or "...blog-1.comments".
bool comment_feed_id(const std::string& feed_id, std::string* post_id) {
  const std::string rest = tag_rest(feed_id);
  if (rest == "comments") return true;
  if (rest.rfind("post", 0) != 0) return false;
  const size_t end = rest.find("..comments");
  if (end == std::string::npos) return false;
  if (post_id) *post_id = rest.substr(4, end - 4);
  return true;
}

ItemKind entry_kind(const AtomEntry& entry, const FeedContext& context) {
  if (tag_rest(entry.id).rfind("page-", 0) == 0) return ItemKind::Page;
  if (!entry.in_reply_to_ref.empty()) return ItemKind::Comment;
  switch (context.url.kind) {
    case FeedKind::Posts: return ItemKind::Post;
    case FeedKind::Pages: return ItemKind::Page;
    case FeedKind::Comments: return ItemKind::Comment;
    case FeedKind::Unknown: break;
  }
  return comment_feed_id(context.feed_id, nullptr) ? ItemKind::Comment : ItemKind::Post;
}

// Where a comment without thr:in-reply-to (RSS) belongs: the post its feed
// is about, else the legacy path of the page its link points into.
struct ParentHint {
  std::string post_id, path;
};

ParentHint parent_hint(const AtomEntry& entry, const FeedContext& context) {
  ParentHint hint;
  hint.post_id = context.url.post_id;
  if (hint.post_id.empty()) comment_feed_id(context.feed_id, &hint.post_id);
  for (const auto& link : entry.links) {
    if (link.rel != "alternate") continue;
    const std::string path = url_path(link.href);
    if (is_post_path(path) || is_page_path(path)) hint.path = path;
  }
  return hint;
}

std::string summary_of(const AtomEntry& entry) {
  for (const auto& [name, value] : entry.extra)
    if (name == "summary") return value;
  return {};
}

bool classic_export_entry(const AtomEntry& entry) {
  for (const auto& category : entry.categories)
    if (category.scheme == "http://schemas.google.com/g/2005#kind") return true;
  return false;
}

}  // namespace

void stage_feed_entry(AtomEntry&& entry, const FeedContext& context, ExtractSink& sink) {
  // An export saved in a crawl (a mirror holding feed.atom or a backup file) is read as the export it is.
  if (entry.saw_blogger_namespace) return stage_takeout_entry(std::move(entry), context.blog, sink);
  if (classic_export_entry(entry)) return stage_classic_entry(std::move(entry), context.blog, sink);
  if (!check_entry_basics(entry, sink)) return;
  const ItemKind kind = entry_kind(entry, context);
  const bool excerpt = !entry.has_content || context.bodies_are_excerpts;
  const std::string summary = entry.has_content ? std::string() : summary_of(entry);
  ExportContext blog = context.blog;
  if (blog.blog_id.empty()) blog.blog_id = blog_id_from_tag(entry.id);
  blog.export_time.clear();
  const ParentHint hint = parent_hint(entry, context);
  ItemRecord item = gdata_entry_item(kind, std::move(entry), blog);
  if (kind == ItemKind::Comment && item.parent_blogger_id.empty()) {
    if (!hint.post_id.empty()) item.parent_blogger_id = hint.post_id;
    else item.parent_path = hint.path;
  }
  item.status = ItemStatus::Live;
  item.status_raw = "LIVE";
  item.evidence = context.evidence;
  if (excerpt) {
    if (!summary.empty()) item.body_html = escape_html_text(summary);
    item.body_evidence = Evidence::Listing;
  }
  sink.item(std::move(item));
}

}  // namespace blogshift
