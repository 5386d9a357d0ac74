// One <entry> of a Blogger export as the XML said it, before interpretation.
// The parser fills it for both export schemas; takeout_entry.cpp and
// classic_entry.cpp turn it into records.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "records.h"

namespace blogshift {

struct AtomLink {
  std::string rel, type, href, title;
};

struct AtomCategory {
  std::string scheme, term;
};

struct AtomEntry {
  SourcePosition position;  // where <entry> starts
  std::string id, title, content, content_type;
  bool has_content = false;      // a <content> element was there (a summary-only feed entry has none)
  std::string published, updated;
  std::string author_name, author_uri, author_type;
  std::string author_avatar;     // author/gd:image/@src as written
  std::vector<AtomCategory> categories;
  std::vector<AtomLink> links;
  // Takeout (blogger 2018 namespace) elements, by local name: type, status,
  // parent, filename, created, trashed, metaDescription, location/...
  std::vector<std::pair<std::string, std::string>> blogger;
  std::string in_reply_to_ref;   // thr:in-reply-to/@ref (classic comments)
  std::string draft;             // app:control/app:draft, either app namespace
  // Anything else worth keeping (georss, media:thumbnail, gd:extendedProperty,
  // thr:total), as name/value pairs for extra_json.
  std::vector<std::pair<std::string, std::string>> extra;
  bool saw_blogger_namespace = false;

  const std::string* blogger_field(const std::string& name) const {
    for (const auto& [k, v] : blogger)
      if (k == name) return &v;
    return nullptr;
  }
};

struct AtomFeedHeader {
  std::string id, title, updated;
  std::vector<std::string> alternate_hrefs;
  bool takeout = false;  // root declares the blogger 2018 namespace
};

}  // namespace blogshift
