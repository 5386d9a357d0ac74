// What precedes an export's root element, checked before libxml2 sees a
// byte: a DOCTYPE is refused (so no entity can be declared, expanded or
// fetched), and so is a prolog too long to check. The root start tag is kept
// to re-open the feed when parsing resumes after an error.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "feed_window.h"

namespace blogshift {

struct Prolog {
  enum class Verdict { Root, Doctype, TooLong, NoRoot } verdict = Verdict::NoRoot;
  std::string root_tag;  // "<feed ...>" (an empty-element root is re-opened)
  int64_t offset = -1;   // of the root, the DOCTYPE, or where the check gave up
};

Prolog scan_prolog(FeedWindow& window);
// The same for a document held in memory (a fetched feed or sitemap).
Prolog scan_prolog(std::string_view bytes);

}  // namespace blogshift
