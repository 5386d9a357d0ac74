// Classic Blogger backup entries (2008 schema: kind# categories), and the
// GData fields they share with the blog's public feeds.
#include "blogger_image_url.h"
#include "export_entry.h"
#include "json_writer.h"
#include "timestamp.h"
#include "url.h"

namespace blogshift {

namespace {

constexpr const char* kKindScheme = "http://schemas.google.com/g/2005#kind";
constexpr const char* kKindPrefix = "http://schemas.google.com/blogger/2008/kind#";
constexpr const char* kLabelScheme = "http://www.blogger.com/atom/ns#";

bool kind_from_term(const std::string& term, ItemKind& kind) {
  if (term.rfind(kKindPrefix, 0) != 0) return false;
  std::string name = term.substr(std::char_traits<char>::length(kKindPrefix));
  if (name == "post") kind = ItemKind::Post;
  else if (name == "page") kind = ItemKind::Page;
  else if (name == "comment") kind = ItemKind::Comment;
  else if (name == "settings") kind = ItemKind::Settings;
  else if (name == "template") kind = ItemKind::Template;
  else return false;
  return true;
}

// A comment answering another comment links to it: rel=related, an href
// ending in .../comments/default/<comment id>.
std::string replied_comment(const AtomEntry& entry) {
  for (const auto& link : entry.links) {
    if (link.rel != "related") continue;
    const std::string path = url_path(link.href);
    const size_t slash = path.rfind('/');
    std::string id = slash == std::string::npos ? std::string() : path.substr(slash + 1);
    if (!id.empty() && id.find_first_not_of("0123456789") == std::string::npos) return id;
  }
  return {};
}

}  // namespace

ItemRecord gdata_entry_item(ItemKind kind, AtomEntry&& entry, const ExportContext& context) {
  ItemRecord item;
  item.kind = kind;
  item.blog_id = context.blog_id;
  item.blogger_id = blogger_id_from_tag(entry.id);
  if (!entry.in_reply_to_ref.empty()) item.parent_blogger_id = blogger_id_from_tag(entry.in_reply_to_ref);
  item.status_raw = entry.draft.empty() ? "" : "draft:" + entry.draft;
  if (entry.draft == "yes") {
    item.status = ItemStatus::Draft;
  } else if (item.kind == ItemKind::Post && !context.export_time.empty()) {
    // A post published after the export was made was scheduled, not live.
    auto published = parse_timestamp(entry.published);
    auto exported = parse_timestamp(context.export_time);
    if (published && exported && published->utc > exported->utc) {
      item.status = ItemStatus::Scheduled;
      item.status_raw = "published-after-export";
    }
  }
  item.title = std::move(entry.title);
  item.author_name = std::move(entry.author_name);
  item.author_uri = std::move(entry.author_uri);
  item.author_avatar = profile_image_url(entry.author_avatar);
  item.published = std::move(entry.published);
  item.updated = std::move(entry.updated);
  for (const auto& category : entry.categories)
    if (category.scheme == kLabelScheme && !category.term.empty()) item.labels.push_back(category.term);
  for (const auto& link : entry.links) {
    if (link.rel != "alternate" || link.href.empty()) continue;
    item.urls.push_back(link.href);
    if (item.kind == ItemKind::Post || item.kind == ItemKind::Page) item.legacy_path = url_path(link.href);
  }
  item.body_html = std::move(entry.content);
  item.evidence = Evidence::Export;
  item.position = entry.position;
  std::vector<std::pair<std::string, std::string>> extra = std::move(entry.extra);
  if (item.kind == ItemKind::Comment)
    if (std::string parent = replied_comment(entry); !parent.empty()) extra.emplace_back("in_reply_to", parent);
  if (item.kind == ItemKind::Settings || item.kind == ItemKind::Template) extra.emplace_back("id", entry.id);
  if (!extra.empty()) item.extra_json = json_object(extra);
  return item;
}

void stage_classic_entry(AtomEntry&& entry, const ExportContext& context, ExtractSink& sink) {
  ItemKind kind = ItemKind::Post;
  std::string kind_term;
  for (const auto& category : entry.categories)
    if (category.scheme == kKindScheme) kind_term = category.term;
  if (!kind_from_term(kind_term, kind)) {
    ProblemRecord p;
    p.position = entry.position;
    p.item = entry.id;
    p.code = "ENTRY_UNKNOWN_KIND";
    p.message = kind_term.empty() ? "entry has no kind# category; not staged"
                                  : "entry kind '" + kind_term + "' is not post, page, comment, settings or template; not staged";
    sink.problem(std::move(p));
    return;
  }
  if (!check_entry_basics(entry, sink)) return;
  sink.item(gdata_entry_item(kind, std::move(entry), context));
}

}  // namespace blogshift
