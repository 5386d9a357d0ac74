// YAML front matter (yaml-cpp), keys in the order of the Python Insider
// seed: title, publishDate, updatedDate, author, description, tags,
// published, legacyUrl; then the optional fields when asked for. Hugo and
// Jekyll layouts spell the dates and the published flag their way and add
// the route (see site_layout.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "site_layout.h"

namespace blogshift {

struct FrontMatter {
  SiteLayout layout = SiteLayout::astro;
  std::string title;
  std::string publish_date;   // 'YYYY-MM-DD' (or the full timestamp, see options)
  std::string updated_date;
  std::string author;
  std::string description;
  std::vector<std::string> tags;
  bool published = true;
  std::string legacy_url;     // /2023/07/slug.html
  std::string route;          // the new URL path: Hugo's `url`, Jekyll's `permalink` (unused for astro)
  // optional fields, written only when set
  std::optional<bool> draft;
  std::string blogger_id;
  std::optional<int> comments;
  std::vector<std::string> aliases;        // Hugo
  std::vector<std::string> redirect_from;  // Jekyll
};

// "---\n...\n---\n". Strings are quoted only where YAML needs it; every
// value parses back (yaml-cpp) to exactly the string given.
// The style is the seed's: plain where safe, single quotes ('I''m') for
// values with YAML punctuation or that some reader would take for a bool,
// null, number or date ('yes', '1.0'), double quotes with escapes for line
// breaks, tabs and controls; dates always single-quoted; `tags: []` when
// empty, else a block list. Input must be UTF-8: yaml-cpp writes malformed
// bytes and the noncharacters U+xxFFFE/U+xxFFFF as U+FFFD.
std::string write_front_matter(const FrontMatter& fm);

// The same through yaml-cpp's emitter for every value: what
// write_front_matter() falls back to for values it does not write itself,
// and the reference its output is tested against, byte for byte.
std::string write_front_matter_with_yaml_cpp(const FrontMatter& fm);

}  // namespace blogshift
