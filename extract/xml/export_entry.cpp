#include "export_entry.h"

#include "timestamp.h"

namespace blogshift {

std::string blog_id_from_tag(const std::string& tag) {
  auto at = tag.find("blog-");
  if (at == std::string::npos) return {};
  size_t end = at + 5;
  while (end < tag.size() && tag[end] >= '0' && tag[end] <= '9') ++end;
  return tag.substr(at + 5, end - at - 5);
}

std::string blogger_id_from_tag(const std::string& tag) {
  auto at = tag.find("blog-");
  if (at == std::string::npos) return {};
  auto dot = tag.find('.', at);
  if (dot == std::string::npos) return {};
  std::string rest = tag.substr(dot + 1);
  for (const char* prefix : {"post-", "page-", "comment-"}) {
    if (rest.rfind(prefix, 0) == 0) return rest.substr(std::char_traits<char>::length(prefix));
  }
  return rest;
}

bool check_entry_basics(const AtomEntry& entry, ExtractSink& sink) {
  ProblemRecord p;
  p.position = entry.position;
  p.item = entry.id.empty() ? entry.title : entry.id;
  if (entry.id.empty() || blogger_id_from_tag(entry.id).empty()) {
    p.code = "ENTRY_MISSING_ID";
    p.message = entry.id.empty() ? "entry has no <id>; not staged"
                                 : "entry id '" + entry.id + "' is not a Blogger tag URI; not staged";
    sink.problem(std::move(p));
    return false;
  }
  if (entry.published.empty() && entry.updated.empty()) {
    p.code = "ENTRY_MISSING_DATE";
    p.message = "entry has neither <published> nor <updated>; not staged";
    sink.problem(std::move(p));
    return false;
  }
  for (const std::string* date : {&entry.published, &entry.updated}) {
    if (!date->empty() && !parse_timestamp(*date)) {
      p.code = "ENTRY_BAD_DATE";
      p.message = "entry date '" + *date + "' is not an RFC 3339 time; not staged";
      sink.problem(std::move(p));
      return false;
    }
  }
  return true;
}

}  // namespace blogshift
