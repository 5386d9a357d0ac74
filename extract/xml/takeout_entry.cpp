// Takeout feed.atom entries (namespace http://schemas.google.com/blogger/2018).
#include <algorithm>

#include "blogger_image_url.h"
#include "export_entry.h"
#include "json_writer.h"
#include "url.h"

namespace blogshift {

namespace {

bool kind_from_type(const std::string& type, ItemKind& kind) {
  if (type == "POST") kind = ItemKind::Post;
  else if (type == "PAGE") kind = ItemKind::Page;
  else if (type == "COMMENT") kind = ItemKind::Comment;
  else return false;
  return true;
}

ItemStatus status_from_word(const std::string& word) {
  if (word == "LIVE" || word == "PUBLISHED") return ItemStatus::Live;
  if (word == "DRAFT") return ItemStatus::Draft;
  if (word == "SCHEDULED") return ItemStatus::Scheduled;
  if (word == "TRASHED" || word == "SOFT_TRASHED" || word == "DELETED") return ItemStatus::Trashed;
  return ItemStatus::Unknown;
}

}  // namespace

void stage_takeout_entry(AtomEntry&& entry, const ExportContext& context, ExtractSink& sink) {
  const std::string* type = entry.blogger_field("type");
  ItemRecord item;
  if (!type || !kind_from_type(*type, item.kind)) {
    ProblemRecord p;
    p.position = entry.position;
    p.item = entry.id;
    p.code = "ENTRY_UNKNOWN_KIND";
    p.message = "blogger:type '" + (type ? *type : std::string()) + "' is not POST, PAGE or COMMENT; not staged";
    sink.problem(std::move(p));
    return;
  }
  if (!check_entry_basics(entry, sink)) return;

  item.blog_id = context.blog_id;
  item.blogger_id = blogger_id_from_tag(entry.id);
  if (const std::string* parent = entry.blogger_field("parent")) {
    item.parent_blogger_id = parent->find("blog-") != std::string::npos ? blogger_id_from_tag(*parent) : *parent;
  }
  const std::string* status = entry.blogger_field("status");
  item.status_raw = status ? *status : "";
  item.status = status ? status_from_word(*status) : ItemStatus::Live;
  if (const std::string* trashed = entry.blogger_field("trashed"); trashed && !trashed->empty()) {
    item.status = ItemStatus::Trashed;
  }
  if (item.status == ItemStatus::Unknown) {
    ProblemRecord p;
    p.position = entry.position;
    p.item = entry.id;
    p.severity = Severity::Warning;
    p.code = "ENTRY_UNKNOWN_STATUS";
    p.message = "blogger:status '" + item.status_raw + "' is not one blogshift knows; staged as UNKNOWN";
    sink.problem(std::move(p));
  }
  item.title = std::move(entry.title);
  item.author_name = std::move(entry.author_name);
  item.author_uri = std::move(entry.author_uri);
  item.author_avatar = profile_image_url(entry.author_avatar);
  item.published = std::move(entry.published);
  item.updated = std::move(entry.updated);
  if (const std::string* created = entry.blogger_field("created")) item.created = *created;
  for (const auto& category : entry.categories)
    if (!category.term.empty() && category.scheme.rfind("tag:blogger.com", 0) == 0) item.labels.push_back(category.term);
  if (const std::string* filename = entry.blogger_field("filename"); filename && !filename->empty()) {
    item.legacy_path = url_path(*filename);
    for (const auto& host : context.hosts) item.urls.push_back("https://" + host + item.legacy_path);
  }
  item.body_html = std::move(entry.content);
  item.evidence = Evidence::Export;
  item.position = entry.position;

  std::vector<std::pair<std::string, std::string>> extra;
  for (const auto& [name, value] : entry.blogger) {
    if (name == "metaDescription" || name.rfind("location", 0) == 0 || name == "trashed")
      if (!value.empty()) extra.emplace_back(name, value);
  }
  if (!entry.author_type.empty()) extra.emplace_back("authorType", entry.author_type);
  for (auto& field : entry.extra) extra.push_back(std::move(field));
  if (!extra.empty()) item.extra_json = json_object(extra);
  sink.item(std::move(item));
}

}  // namespace blogshift
